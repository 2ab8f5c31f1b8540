"""The behavioural matrix of issue 25 as a report: `python bench/matrix_report.py [--json] [--examples N] [--full]`.

Prints each cell's pass rate as a table, the failure patterns (by harm expression, victim noun,
number variant and attribution: how many fail and how), and the sentences that fail, cell by cell.
`--json` prints the same as one JSON object. The cells and the bar are those of tests/test_matrix.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing; `tests.matrix` lives in the checkout

from casualty_cli.extract.extractor import Extractor  # noqa: E402
from casualty_cli.extract.pipeline import load_pipeline  # noqa: E402
from tests.matrix import Verdict, build_matrix, cells, extract_all, judge_all, rate, victims_differ  # noqa: E402

BAR = 0.97
# The axes the failure patterns are grouped by (tags of the positive cases; negatives by their word).
AXES = ("harm", "victims", "number variant", "attribution", "negative", "word")


def _patterns(verdicts: list[Verdict]) -> dict[str, list[dict]]:
    """For each axis, each value's cases, pass rate and failures by kind, worst first."""
    out: dict[str, list[dict]] = {}
    for axis in AXES:
        groups: dict[str, list[Verdict]] = defaultdict(list)
        for v in verdicts:
            value = v.case.tag(axis)
            if value is not None:
                groups[value].append(v)
        rows = [{"value": value, "n": len(vs), "rate": round(rate(vs), 3),
                 "failures": dict(Counter(v.failure for v in vs if v.failure).most_common()),
                 "example": next((f"{v.case.text} -> {v.failure} {v.detail}".strip() for v in vs if v.failure), None)}
                for value, vs in groups.items()]
        out[axis] = sorted(rows, key=lambda r: (r["rate"], -r["n"], r["value"]))
    return out


def report(full: bool = False) -> dict:
    cases = build_matrix()
    nlp = load_pipeline()
    started = time.perf_counter()
    outcomes = extract_all(Extractor(nlp, fast=not full), cases)
    seconds = time.perf_counter() - started
    verdicts = judge_all(cases, outcomes)
    by_cell = cells(cases)
    verdict_of = {v.case.id: v for v in verdicts}
    table = []
    for cell, members in by_cell.items():
        vs = [verdict_of[c.id] for c in members]
        table.append({"cell": cell, "n": len(vs), "passed": sum(v.passed for v in vs), "rate": round(rate(vs), 3),
                      "failures": dict(Counter(v.failure for v in vs if v.failure).most_common()),
                      "victims_differ": sum(victims_differ(v) for v in vs),
                      "failing": [{"text": v.case.text, "failure": v.failure, "detail": v.detail}
                                  for v in vs if v.failure]})
    return {"sentences": len(cases), "cells": len(table), "bar": BAR, "path": "full" if full else "fast",
            "seconds": round(seconds, 1), "passed": sum(v.passed for v in verdicts),
            "cells_below_bar": [r["cell"] for r in table if r["rate"] < BAR],
            "table": table, "patterns": _patterns(verdicts)}


def _print(data: dict, examples: int | None) -> None:
    print(f"{data['sentences']} sentences in {data['cells']} cells, {data['path']} path, "
          f"{data['seconds']} s to extract; {data['passed']} pass "
          f"({data['passed'] / data['sentences']:.3f}); {len(data['cells_below_bar'])} cells below {data['bar']}")
    print()
    width = max(len(r["cell"]) for r in data["table"])
    print(f"{'cell':<{width}}  {'n':>3}  {'pass':>4}  {'rate':>5}  failures (victims noun differs in passing)")
    for r in data["table"]:
        kinds = ", ".join(f"{k} {n}" for k, n in r["failures"].items())
        mark = " " if r["rate"] >= data["bar"] else "*"
        print(f"{r['cell']:<{width}}  {r['n']:>3}  {r['passed']:>4}  {r['rate']:>5.3f}{mark} {kinds}"
              + (f" (victims {r['victims_differ']})" if r["victims_differ"] else ""))
    for axis, rows in data["patterns"].items():
        print(f"\n== by {axis} (worst first; values passing everywhere left out)")
        for row in rows:
            if row["rate"] < 1:
                kinds = ", ".join(f"{k} {n}" for k, n in row["failures"].items())
                print(f"  {row['value']:<34} {row['rate']:.2f} of {row['n']:>3}  {kinds}")
                print(f"      e.g. {row['example']}")
    print("\n== failing sentences by cell")
    for r in data["table"]:
        if not r["failing"]:
            continue
        shown = r["failing"] if examples is None else r["failing"][:examples]
        print(f"\n{r['cell']}: {len(r['failing'])} fail" + (f" ({len(shown)} shown)" if len(shown) < len(r["failing"])
                                                              else ""))
        for f in shown:
            print(f"  {f['failure']:<14} {f['text']}" + (f"  [{f['detail']}]" if f["detail"] else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the tables")
    parser.add_argument("--examples", type=int, default=None, metavar="N",
                        help="failing sentences to print per cell (default: all)")
    parser.add_argument("--full", action="store_true", help="parse whole texts (fast=False) instead of the scan")
    args = parser.parse_args()
    data = report(full=args.full)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        _print(data, args.examples)


if __name__ == "__main__":
    main()
