"""`make eval`: the accuracy figures of the detection and attribution issues, in one run.

- the development set (../shared/gold/dev.jsonl, 40 articles), the project's own
  24 labelled news articles (tests/dev/extra.jsonl) and its labelled Wikipedia disaster
  articles (tests/dev/wikimpacts.jsonl), scored with `casualty_cli.evaluate`
  (the same matching rule as ../shared/tools/score.py);
- article level on all of FA-KES: share of articles with nb_civilians > 0 where some
  `killed` or `casualties` claim has exactly that value;
- article level on 300 Gun Violence Archive articles whose incident killed 2 or more:
  share where a `killed` claim equals gva_num_killed.

Needs ../shared (absent from a user's clone: the script says so and exits 0).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUALTY_SHARED") or ROOT.parent / "shared")  # a worktree can point elsewhere
sys.path.insert(0, str(ROOT))

from casualty_cli.evaluate import report, score  # noqa: E402
from casualty_cli.extract import Extractor  # noqa: E402
from casualty_cli.pipeline import load_pipeline  # noqa: E402


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="parse every sentence (the full path)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
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
    print(f"({time.perf_counter() - started:.0f}s)", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
