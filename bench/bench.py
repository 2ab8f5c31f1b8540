"""The speed benchmark (`make bench`): one run, a table on stdout, `bench/results.json`.

Corpus: the seeds plus 1,000 articles from ../shared/data when present (the first
400 GVA documents, 300 FA-KES articles, 300 Airwars assessments, in file order),
otherwise a generated news-like corpus. Measures, in one run:

- words/s of the extraction at jobs 1 and jobs 2, and of a plain `nlp.pipe` over
  the same texts with the same model as `spacy.load` gives it, each pass on a freshly
  loaded pipeline; jobs 1 and the plain pass take turns over ten slices of the corpus, and
  their ratio is taken in CPU time (wall time beside it);
- `casualty --help` (a subprocess, best of 5);
- peak memory of `casualty extract` at 1,000 and 10,000 articles (a generated
  stream, in a child process, read from its ru_maxrss), and on one article of 1,000
  and of 20,000 casualty sentences (`article_memory`);
- dev-set typed F1 and source accuracy of the fast and the full path;
- phrases/s of the number reader (bench/bench_numbers.py);
- size and render time of the HTML report of 1,000 generated articles with 5 claims each, and
  how long headless Chromium takes to open it (when chromium is installed).

Timings are wall clock (CPU time for the jobs 1 ratio) on a machine others may share; ratios are what to read.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from spacy.language import Language

CLAIM = "Police said at least {n} people were killed and {m} wounded when gunmen opened fire in the market."
FILLER = ("The city council met on Tuesday to discuss the budget. Officials said the new road would open "
          "next spring. Residents have complained about traffic for years.")


def corpus() -> tuple[list[tuple[str, str]], str]:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if not DATA.exists():
        return seeds + generated(1000), "seeds + 1,000 generated articles"
    out: list[tuple[str, str]] = []
    with open(DATA / "gva-semeval2018-task5" / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            if len(out) == 400:
                break
            d = json.loads(line)
            out.append(("gva-" + d["doc_id"], d["content"]))
    raw = (DATA / "fa-kes" / "fakes.csv").read_bytes().decode("latin-1")
    for i, r in enumerate(csv.DictReader(io.StringIO(raw))):
        if i == 300:
            break
        out.append(("fakes-" + r["unit_id"], r["article_content"]))
    with open(DATA / "airwars-gaza-2023" / "incidents_parsed.jsonl", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i == 300:
                break
            d = json.loads(line)
            out.append(("airwars-" + d["incident_id"], d["assessment"]))
    return seeds + out, "seeds + 1,000 articles of ../shared/data (400 GVA, 300 FA-KES, 300 Airwars)"


def generated(n: int) -> list[tuple[str, str]]:
    """News-like articles: filler with a claim in one article of ten."""
    return [(f"gen-{i}", (CLAIM.format(n=i % 50 + 2, m=i % 7 + 1) + " " if i % 10 == 0 else "") + FILLER * 3)
            for i in range(n)]


def words(texts: list[tuple[str, str]]) -> int:
    return sum(len(t.split()) for _, t in texts)


def fresh_pipeline() -> Language:
    """A pipeline of its own, not the cached one: each pass starts with an empty vocabulary, as a user's run
    does, so the second pass measured does not read words the first one already looked up."""
    from casualty_cli.extract.pipeline import load_pipeline

    return load_pipeline()  # a new pipeline each call


def plain_spacy() -> Language:
    """The model as spaCy loads it, nothing of casualty's added: the "plain nlp.pipe" of the ratio."""
    import spacy

    from casualty_cli.extract import pipeline

    for name in pipeline.candidate_models():
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy model installed; run `make demo` first")


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of `run()`. CPU time is what the ratios use: on a shared machine another
    tenant's load stretches the wall clock of one pass more than the other's."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


# The plain pass and the extraction take turns over this many slices of the corpus.
TURNS = 10


def jobs1_and_plain(texts: list[tuple[str, str]]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds of a plain `nlp.pipe` and of the `--jobs 1` extraction over `texts`.

    Each has a freshly loaded pipeline of its own. They take turns over `TURNS` slices of the
    corpus, so a slow spell of this shared machine (CPU time itself swings by 20% from one
    minute to the next) falls on both and not on one pass only.
    """
    from casualty_cli.extract.extractor import Extractor
    from casualty_cli.run.runner import run

    plain_nlp = plain_spacy()
    list(plain_nlp.pipe(["Warm up."]))
    extractor = Extractor(fresh_pipeline())
    extractor.extract("Warm up: 3 people were killed.")
    plain, jobs1 = [0.0, 0.0], [0.0, 0.0]
    step = -(-len(texts) // TURNS)
    for i in range(0, len(texts), step):
        part = texts[i : i + step]
        for total, one in ((jobs1, timed(lambda p=part: deque(run(p, extractor=extractor, jobs=1), maxlen=0))),
                           (plain, timed(lambda p=part: deque(plain_nlp.pipe((t for _, t in p), batch_size=64),
                                                              maxlen=0)))):
            total[0] += one[0]
            total[1] += one[1]
    return (plain[0], plain[1]), (jobs1[0], jobs1[1])


def extraction(texts: list[tuple[str, str]], jobs: int) -> tuple[float, float]:
    from casualty_cli.extract.extractor import Extractor
    from casualty_cli.run.runner import run

    extractor = Extractor(fresh_pipeline())
    extractor.extract("Warm up: 3 people were killed.")
    return timed(lambda: deque(run(texts, extractor=extractor, jobs=jobs), maxlen=0))


def help_time() -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(BIN / "casualty"), "--help"], check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


# `casualty` in a child process that prints its own peak RSS in kB last on stderr. Linux's VmHWM, not
# ru_maxrss: ru_maxrss survives exec, so a child would report this (large) bench process's peak as its own.
PEAK = ("import resource, sys; from casualty_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "try:\n    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]\n"
        "except (OSError, IndexError):\n    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(hwm, file=sys.stderr)")


def peak_memory(n: int) -> float:
    """Peak RSS in MB of `casualty extract` over a generated JSON Lines stream of `n` articles."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for article, text in generated(n):
                f.write(json.dumps({"id": article, "text": text}) + "\n")
        done = subprocess.run([sys.executable, "-c", PEAK, "extract", str(path), "--format", "jsonl", "-q"],
                              check=True, capture_output=True, text=True)
        return int(done.stderr.strip().splitlines()[-1]) / 1024


def article_memory(sentences: int) -> tuple[float, float]:
    """Peak RSS in MB, and seconds, of `casualty extract` on ONE article of `sentences` casualty sentences.

    Memory must not grow with the claims of an article (issue 15): the windows' Docs are
    parsed a batch at a time and released, so 1,000 and 20,000 sentences should peak alike.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-article.txt"
        path.write_text("".join(CLAIM.format(n=i % 50 + 2, m=i % 7 + 1) + " " for i in range(sentences)),
                        encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", PEAK, "extract", str(path), "--format", "jsonl", "-q"],
                              check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        return int(done.stderr.strip().splitlines()[-1]) / 1024, seconds


def dev_scores() -> dict[str, dict[str, float]] | None:
    tools = SHARED / "tools"
    if not (tools / "dev_texts.py").exists():
        return None
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "dev"
        subprocess.run([sys.executable, str(tools / "dev_texts.py"), str(texts)], check=True, capture_output=True)
        for name, flags in (("fast", []), ("full", ["--full"])):
            pred = Path(tmp) / f"{name}.jsonl"
            with open(pred, "w", encoding="utf-8") as f:
                subprocess.run([str(BIN / "casualty"), "extract", str(texts), "--format", "jsonl", "-q", *flags],
                               check=True, stdout=f)
            gold = SHARED / "gold" / "dev.jsonl"
            report = subprocess.run([sys.executable, str(tools / "score.py"), "--gold", str(gold),
                                     "--pred", str(pred), "--texts", str(texts)],
                                    check=True, capture_output=True, text=True).stdout
            out[name] = {}
            for line in report.splitlines():
                if line.startswith("typed"):
                    out[name]["typed_f1"] = float(line.split("F1=")[1].split()[0])
                if line.startswith("source"):
                    out[name]["source_accuracy"] = float(line.split()[1])
    return out


REPORT_PARTS = ("Police said ", "at least {a}", " people were killed and ", "{b}", " wounded in the market. "
                "Officials said ", "{c}", " were missing, ", "about {d}", " had fled and ", "{e}",
                " casualties were counted. ")


def report_article(i: int) -> tuple[str, list[dict[str, object]]]:
    """A generated article with five claims (every odd part above is a quantity) and their dicts."""
    kinds = ("killed", "injured", "missing", "displaced", "casualties")
    qualifiers = ("at_least", "exact", "exact", "about", "exact")
    text, claims = "", []
    for j, part in enumerate(REPORT_PARTS):
        piece = part.format(a=i % 50 + 2, b=i % 7 + 1, c=i % 5, d=100 + i, e=i % 9 + 3)
        if j % 2:
            value = int(piece.split()[-1])
            claims.append({"id": f"gen-{i}.txt#{len(claims) + 1}", "article": f"gen-{i}.txt",
                           "type": kinds[len(claims)], "value": value, "low": value, "high": value,
                           "qualifier": qualifiers[len(claims)], "quantity": piece, "victims": "people",
                           "source": ("Police", "Officials")[j > 4], "source_title": None, "via": None,
                           "cue": "said", "location": None, "part_of": None, "superseded_by": None,
                           "sentence": "", "start": len(text), "end": len(text) + len(piece)})
        text += piece
    return text + FILLER * 3, claims


def report_size(n: int = 1000) -> dict[str, float | None]:
    """Bytes and render seconds of the report of `n` generated articles; Chromium's time to open it."""
    from casualty_cli.tolls.rules import build_tolls
    from casualty_cli.write.report import render_report

    texts: dict[str, str] = {}
    claims: list[dict[str, object]] = []
    for i in range(n):
        texts[f"gen-{i}.txt"], found = report_article(i)
        claims += found
    start = time.perf_counter()
    html = "".join(render_report(claims, [t.to_dict() for t in build_tolls(claims)], texts=texts))
    seconds = time.perf_counter() - start
    opened = None
    chromium = shutil.which("chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        if chromium:
            start = time.perf_counter()
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            f"--user-data-dir={tmp}/profile", "--dump-dom", page.as_uri()],
                           check=True, capture_output=True)
            opened = time.perf_counter() - start
    return {"articles": n, "claims": len(claims), "megabytes": len(html.encode("utf-8")) / 1e6,
            "render_seconds": seconds, "chromium_open_seconds": opened}


def numbers_rate() -> float:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_numbers.py"), "--json"],
                          check=True, capture_output=True, text=True)
    data = json.loads(done.stdout)
    return float(data["numbers_phrases_per_second"])


def main() -> None:
    texts, described = corpus()
    n_words = words(texts)
    print(f"corpus: {described}: {len(texts)} articles, {n_words:,} words; load {os.getloadavg()[0]:.1f}",
          file=sys.stderr)
    (plain, plain_cpu), (jobs1, jobs1_cpu) = jobs1_and_plain(texts)
    jobs2, _ = extraction(texts, 2)
    results: dict[str, object] = {
        "corpus": described,
        "articles": len(texts),
        "words": n_words,
        "plain_nlp_pipe_words_per_s": n_words / plain,
        "jobs1_words_per_s": n_words / jobs1,
        "jobs2_words_per_s": n_words / jobs2,
        "jobs1_vs_plain": plain_cpu / jobs1_cpu,
        "jobs1_vs_plain_wall": plain / jobs1,
        "jobs2_vs_jobs1": jobs1 / jobs2,
        "help_seconds": help_time(),
        "peak_mb_1000": peak_memory(1000),
        "peak_mb_10000": peak_memory(10000),
    }
    results["peak_10000_vs_1000"] = results["peak_mb_10000"] / results["peak_mb_1000"]  # type: ignore[operator]
    for n in (1_000, 20_000):
        results[f"article_peak_mb_{n}"], results[f"article_seconds_{n}"] = article_memory(n)
    results["article_20000_vs_1000"] = results["article_peak_mb_20000"] / results["article_peak_mb_1000"]  # type: ignore[operator]
    results["dev"] = dev_scores()
    results["numbers_phrases_per_s"] = numbers_rate()
    results["report"] = report_size()
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)


def print_table(r: dict) -> None:  # type: ignore[type-arg]
    rows = [
        ("plain nlp.pipe", f"{r['plain_nlp_pipe_words_per_s']:,.0f} words/s", ""),
        ("extract --jobs 1", f"{r['jobs1_words_per_s']:,.0f} words/s",
         f"{r['jobs1_vs_plain']:.2f}x plain in CPU time (target 3x), {r['jobs1_vs_plain_wall']:.2f}x in wall time"),
        ("extract --jobs 2", f"{r['jobs2_words_per_s']:,.0f} words/s",
         f"{r['jobs2_vs_jobs1']:.2f}x jobs 1 (target 1.6x)"),
        ("casualty --help", f"{r['help_seconds']:.3f} s", "target < 0.33 s"),
        ("peak memory, 1,000 articles", f"{r['peak_mb_1000']:.0f} MB", ""),
        ("peak memory, 10,000 articles", f"{r['peak_mb_10000']:.0f} MB",
         f"{r['peak_10000_vs_1000']:.3f}x (target <= 1.10x)"),
        ("peak memory, one article, 1,000 claim sentences", f"{r['article_peak_mb_1000']:.0f} MB",
         f"{r['article_seconds_1000']:.0f} s"),
        ("peak memory, one article, 20,000 claim sentences", f"{r['article_peak_mb_20000']:.0f} MB",
         f"{r['article_20000_vs_1000']:.3f}x (target <= 1.5x), {r['article_seconds_20000']:.0f} s"),
    ]
    if r["dev"]:
        for name in ("fast", "full"):
            d = r["dev"][name]
            rows.append((f"dev, {name} path", f"typed F1 {d['typed_f1']:.3f}", f"source {d['source_accuracy']:.3f}"))
    rows.append(("numbers reader", f"{r['numbers_phrases_per_s']:,.0f} phrases/s", ""))
    rep = r["report"]
    opened = f", Chromium opens it in {rep['chromium_open_seconds']:.1f} s" if rep["chromium_open_seconds"] else ""
    rows.append((f"HTML report, {rep['articles']:,} articles", f"{rep['megabytes']:.1f} MB",
                 f"{rep['claims']:,} claims, rendered in {rep['render_seconds']:.1f} s{opened}"))
    width = max(len(a) for a, _, _ in rows)
    print(f"{r['corpus']}: {r['articles']} articles, {r['words']:,} words")
    for a, b, c in rows:
        print(f"{a:<{width}}  {b:>24}  {c}")


if __name__ == "__main__":
    main()
