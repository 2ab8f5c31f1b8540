"""`make eval`: the accuracy figures of the detection and attribution issues, in one run.

- the development set (../shared/gold/dev.jsonl, 40 articles), the project's own
  24 labelled news articles (tests/dev/extra.jsonl) and its labelled Wikipedia disaster
  articles (tests/dev/wikimpacts.jsonl), scored with `casualty_cli.evaluate`
  (the same matching rule as ../shared/tools/score.py);
- article level on all of FA-KES: share of articles with nb_civilians > 0 where some
  `killed` or `casualties` claim has exactly that value;
- article level on 300 Gun Violence Archive articles whose incident killed 2 or more:
  share where a `killed` claim equals gva_num_killed;
- with --issue12, issue 12's article-level figures: all 1,061 GVA articles with 2+ killed
  (a `killed` claim equals the toll), the GVA articles of incidents with none killed (no
  `killed` claim above 0), FA-KES where a claim of any type equals nb_civilians, and on the
  70 Wikimpacts articles the claims read from a reference mark and the run time with the
  marks against the marks stripped.

Needs ../shared (absent from a user's clone: the script says so and exits 0).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUALTY_SHARED") or ROOT.parent / "shared")  # a worktree can point elsewhere
sys.path.insert(0, str(ROOT))

from casualty_cli.evaluate import report, score  # noqa: E402
from casualty_cli.extract.extractor import Extractor  # noqa: E402
from casualty_cli.extract.pipeline import load_pipeline  # noqa: E402


def labelled(extractor: Extractor, gold_path: Path, writer: list[str], texts: Path) -> dict:
    """Extract the texts a gold file labels and score them; print the report and the misses."""
    subprocess.run([sys.executable, *writer, str(texts)], check=True, capture_output=True)
    files = sorted(texts.glob("*.txt"))
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = [c.to_dict() for _, claims in extractor.extract_many((f.name, f.read_text(encoding="utf-8"))
                                                                 for f in files) for c in claims]
    result = score(gold, pred, {f.name for f in files})
    for line in report(result):
        print("  " + line)
    print(f"  missed {len(result.missed)}, spurious {len(result.spurious)}, "
          f"wrong source {len(result.wrong['source'])}")
    return {"typed_f1": round(result.typed[2], 3), "detection_f1": round(result.detection[2], 3),
            "source": result.accuracy("source"), "via": result.accuracy("via"),
            "missed": result.missed, "spurious": result.spurious}


def fakes(extractor: Extractor) -> dict:
    raw = (SHARED / "data/fa-kes/fakes.csv").read_bytes().decode("latin-1")
    rows = [r for r in csv.DictReader(io.StringIO(raw)) if int(r["nb_civilians"] or 0) > 0]
    texts = ((r["unit_id"], r["article_title"] + "\n" + r["article_content"]) for r in rows)
    want = {r["unit_id"]: int(r["nb_civilians"]) for r in rows}
    hit = sum(1 for uid, claims in extractor.extract_many(texts)
              if any(c.type in ("killed", "casualties") and c.value == want[uid] for c in claims))
    return {"articles": len(rows), "hit": hit, "share": round(hit / len(rows), 3)}


def gva(extractor: Extractor, n: int = 300) -> dict:
    docs = [json.loads(line) for line in (SHARED / "data/gva-semeval2018-task5/documents.jsonl").open()]
    docs = sorted((d for d in docs if d["gva_num_killed"] >= 2), key=lambda d: d["doc_id"])[:n]
    want = {d["doc_id"]: d["gva_num_killed"] for d in docs}
    texts = ((d["doc_id"], d["title"] + "\n" + d["content"]) for d in docs)
    hit = sum(1 for doc_id, claims in extractor.extract_many(texts)
              if any(c.type == "killed" and c.value == want[doc_id] for c in claims))
    return {"articles": len(docs), "hit": hit, "share": round(hit / len(docs), 3)}


def _gva_docs() -> list[dict]:
    return [json.loads(line) for line in (SHARED / "data/gva-semeval2018-task5/documents.jsonl").open()]


def gva_tolls(extractor: Extractor) -> dict:
    """Issue 12 on all GVA articles: with 2+ killed, a `killed` claim equals the incident toll;
    with none killed, no `killed` claim above 0."""
    docs = _gva_docs()
    want = {d["doc_id"]: d["gva_num_killed"] for d in docs if d["gva_num_killed"] >= 2 or d["gva_num_killed"] == 0}
    texts = ((d["doc_id"], d["title"] + "\n" + d["content"]) for d in docs if d["doc_id"] in want)
    toll_hit = toll_n = quiet_hit = quiet_n = 0
    for doc_id, claims in extractor.extract_many(texts):
        killed = [c.value for c in claims if c.type == "killed"]
        if want[doc_id]:
            toll_n += 1
            toll_hit += want[doc_id] in killed
        else:
            quiet_n += 1
            quiet_hit += not any(v > 0 for v in killed)
    return {"killed_2plus": {"articles": toll_n, "hit": toll_hit, "share": round(toll_hit / toll_n, 3)},
            "none_killed": {"articles": quiet_n, "quiet": quiet_hit, "share": round(quiet_hit / quiet_n, 3)}}


def fakes_any(extractor: Extractor) -> dict:
    """Issue 12: FA-KES articles with nb_civilians > 0 where some claim (any type) has that value."""
    raw = (SHARED / "data/fa-kes/fakes.csv").read_bytes().decode("latin-1")
    rows = [r for r in csv.DictReader(io.StringIO(raw)) if int(r["nb_civilians"] or 0) > 0]
    want = {r["unit_id"]: int(r["nb_civilians"]) for r in rows}
    texts = ((r["unit_id"], r["article_title"] + "\n" + r["article_content"]) for r in rows)
    hit = sum(1 for uid, claims in extractor.extract_many(texts) if any(c.value == want[uid] for c in claims))
    return {"articles": len(rows), "hit": hit, "share": round(hit / len(rows), 3)}


REFERENCE_MARK = re.compile(r"\[[^\[\]\n]{1,25}\]")


def wikimpacts_marks(extractor: Extractor) -> dict:
    """Issue 12 on all 70 Wikimpacts articles: claims whose quantity is a reference mark (want 0),
    and the run time with the marks against the same articles with the marks stripped (best of 2)."""
    articles = [json.loads(line) for line in (SHARED / "data/wikimpacts-dev/articles.jsonl").open()]
    marked = [(a["id"], a["text"]) for a in articles]
    stripped = [(i, REFERENCE_MARK.sub("", t)) for i, t in marked]
    texts = dict(marked)
    times = {"marked": float("inf"), "stripped": float("inf")}
    in_marks = claims_n = 0
    for _ in range(2):
        for name, batch in (("marked", marked), ("stripped", stripped)):
            started = time.perf_counter()
            out = list(extractor.extract_many(batch))
            times[name] = min(times[name], time.perf_counter() - started)
            if name == "marked":
                claims_n = sum(len(claims) for _, claims in out)
                in_marks = sum(1 for i, claims in out for c in claims
                               if any(m.start() <= c.start < m.end() for m in REFERENCE_MARK.finditer(
                                   texts[i], max(0, c.start - 25), c.end + 25)))
    return {"articles": len(articles), "claims": claims_n, "quantity_in_a_mark": in_marks,
            "seconds_marked": round(times["marked"], 2), "seconds_stripped": round(times["stripped"], 2),
            "ratio": round(times["marked"] / times["stripped"], 3)}


def issue12(extractor: Extractor) -> dict:
    """The article-level figures of issue 12, printed and returned."""
    out = {"gva": gva_tolls(extractor), "fakes_any": fakes_any(extractor), "wikimpacts": wikimpacts_marks(extractor)}
    g, f, w = out["gva"], out["fakes_any"], out["wikimpacts"]
    print(f"GVA, all {g['killed_2plus']['articles']} articles with 2+ killed where a killed claim equals the toll: "
          f"{g['killed_2plus']['hit']} = {g['killed_2plus']['share']:.3f}")
    print(f"GVA, {g['none_killed']['articles']} articles of incidents with no one killed and no positive killed "
          f"claim: {g['none_killed']['quiet']} = {g['none_killed']['share']:.3f}")
    print(f"FA-KES, articles where some claim equals nb_civilians: {f['hit']}/{f['articles']} = {f['share']:.3f}")
    print(f"Wikimpacts, {w['articles']} articles: {w['claims']} claims, {w['quantity_in_a_mark']} read from a "
          f"reference mark; {w['seconds_marked']}s with the marks, {w['seconds_stripped']}s stripped "
          f"(ratio {w['ratio']})")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="parse every sentence (the full path)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--issue12", action="store_true",
                    help="also the article-level figures of issue 12: all GVA, FA-KES any type, Wikimpacts marks")
    args = ap.parse_args()
    if not (SHARED / "gold/dev.jsonl").exists():
        print(f"{SHARED} is not here: nothing to evaluate on", file=sys.stderr)
        return 0
    extractor = Extractor(load_pipeline(), fast=not args.full)
    out: dict[str, object] = {"path": "full" if args.full else "fast"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        print("development set (../shared/gold/dev.jsonl):")
        out["dev"] = labelled(extractor, SHARED / "gold/dev.jsonl", [str(SHARED / "tools/dev_texts.py")],
                              Path(tmp) / "dev")
        print("own articles (tests/dev/extra.jsonl):")
        out["extra"] = labelled(extractor, ROOT / "tests/dev/extra.jsonl",
                                [str(ROOT / "tests/dev/extra_texts.py"), "--data", str(SHARED / "data")],
                                Path(tmp) / "extra")
        print("own Wikipedia disaster articles (tests/dev/wikimpacts.jsonl):")
        out["wikimpacts"] = labelled(extractor, ROOT / "tests/dev/wikimpacts.jsonl",
                                     [str(ROOT / "tests/dev/wikimpacts_texts.py"), "--data", str(SHARED / "data")],
                                     Path(tmp) / "wikimpacts")
    out["fakes"] = fakes(extractor)
    print("FA-KES, articles with nb_civilians > 0 where a killed/casualties claim has that value: "
          f"{out['fakes']['hit']}/{out['fakes']['articles']} = {out['fakes']['share']:.3f}")  # type: ignore[index]
    out["gva"] = gva(extractor)
    print("GVA, 300 articles of incidents with 2+ killed where a killed claim equals the toll: "
          f"{out['gva']['hit']}/{out['gva']['articles']} = {out['gva']['share']:.3f}")  # type: ignore[index]
    if args.issue12:
        out["issue12"] = issue12(extractor)
    print(f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
