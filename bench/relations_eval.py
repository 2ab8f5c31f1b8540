"""Revisions and disagreement on hand-annotated multi-source events (issue 26): today's tolls against the
relations layer.

The gold is `tests/data/toll_gold.jsonl` (the events the layer was tuned on) and
`tests/data/toll_gold_unseen.jsonl` (annotated afterwards, never tuned on; reported apart as `unseen`):
GVA incidents (several articles each, ordered by `dct`) and Airwars
narratives (one text each, with narrated updates), annotated by hand with the figures of the whole count
oldest first (`revisions`, [] when it never changed), whether two sources' latest figures conflict
(`disagreement`) and the figure to quote (`best`).

Both readings start from the same claims (extracted once per code version into `--cache`, the way
`toll_eval.py` does; GVA titles are read as the article's first line) and the same people read one by one:
- `tolls`: `casualty_cli.tolls.event_tolls` as it is (since issue 26 its sources, disagreement, revisions and
  excluded figures are read off the relations layer, its `best` from the rules); revisions read as a chain;
- `relations`: `casualty_cli.tolls.relations.read_toll` alone over the same claims (its own `best` too).

A revision hit is the exact chain of figures; [] when gold says the figure never changed. Prints JSON.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from toll_eval import DATA, PEOPLE, cached_claims  # noqa: E402

from casualty_cli.tolls.relations import read_toll  # noqa: E402
from casualty_cli.tolls.rules import Toll, event_tolls  # noqa: E402

GOLD = ROOT / "tests" / "data" / "toll_gold.jsonl"
# Annotated after the relations layer was built and never used to tune it: measured apart, as "unseen".
UNSEEN = ROOT / "tests" / "data" / "toll_gold_unseen.jsonl"


def code_key() -> str:
    """A short hash of the extractor's code (the toll layers left out): claims made by other code are not reused."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "casualty_cli").rglob("*.py")):
        if path.relative_to(ROOT / "casualty_cli").parts[0] not in ("tolls", "cli", "write") \
                and path.name != "revisions.py":  # read by the relations layer, not by the extractor
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [{**json.loads(line), "set": path.stem} for line in path.open(encoding="utf-8") if line.strip()]


def events(gold: list[dict[str, Any]]) -> dict[tuple[str, str], list[tuple[str, str, str | None]]]:
    """(data set, event) -> its articles as (id, text, date), oldest first."""
    wanted = {(g["dataset"], g["event"]) for g in gold}
    out: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    with (DATA / "gva-semeval2018-task5/documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            d = json.loads(line)
            if ("gva", d["incident_id"]) in wanted:
                out.setdefault(("gva", d["incident_id"]), []).append(
                    (d["doc_id"], f"{d['title']}\n\n{d['content']}", d["dct"]))
    with (DATA / "airwars-gaza-2023/incidents_parsed.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            if ("airwars", r["incident_id"]) in wanted:
                out[("airwars", r["incident_id"])] = [(r["incident_id"], r.get("assessment") or "", None)]
    for key in out:
        out[key].sort(key=lambda a: a[2] or "")
    return out


def single_figures(singles: list[dict[str, Any]], kind: str, dates: dict[str, str | None]) -> list[dict[str, Any]]:
    """People described one by one, as tolls counts them (the sentence that counts most in each article), handed
    to the relations layer as one figure per article in the article's own voice."""
    best: dict[str, dict[str, Any]] = {}
    for s in singles:
        article = str(s.get("article"))
        if s.get("type") == kind and int(s.get("count") or 0) > int(best.get(article, {}).get("count") or 0):
            best[article] = s
    return [{"id": f"{a}#single", "article": a, "type": kind, "value": int(s["count"]), "low": int(s["count"]),
             "high": int(s["count"]), "qualifier": "exact", "quantity": "", "source": None,
             "sentence": str(s.get("sentence") or ""), "start": int(s.get("start") or 0), "date": dates.get(a)}
            for a, s in best.items()]


def chain(revisions: list[dict[str, Any]]) -> list[int]:
    """Today's revisions ({value, replaced_by}) as the figures oldest first, as `revision_text` shows them."""
    if not revisions:
        return []
    figures = [revisions[0]["value"]]
    for r in revisions:
        if r["value"] != figures[-1]:
            figures.append(r["value"])
        figures.append(r["replaced_by"])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / f"casualty-rel-{code_key()}")
    parser.add_argument("--misses", action="store_true", help="print each event's gold and readings to stderr")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no data at {DATA}; nothing to measure", file=sys.stderr)
        return
    gold = load_gold(GOLD) + load_gold(UNSEEN)
    grouped = events(gold)
    articles = [(a, text) for arts in grouped.values() for a, text, _ in arts]
    claims = cached_claims(args.cache, "gold", articles)
    dates = {a: d for arts in grouped.values() for a, _, d in arts}
    score: dict[tuple[str, str], dict[str, int]] = {(part, name): {"revisions": 0, "disagreement": 0, "best": 0}
                                                    for part in ("tuned", "unseen") for name in ("tolls", "relations")}
    for g in gold:
        arts = grouped[(g["dataset"], g["event"])]
        mine = [c for a, _, _ in arts for c in claims.get(a, [])]
        singles = [s for a, _, _ in arts for s in PEOPLE.get(a, [])]
        today: dict[str, Toll] = {t.type: t for t in event_tolls(
            g["event"], mine, date_of=lambda c: dates.get(str(c.get("article"))), singles=singles)}
        toll = today.get(g["type"])
        old = {"revisions": chain(toll.revisions) if toll else [], "disagreement": bool(toll and toll.disagreement),
               "best": toll.best if toll else None}
        new_toll = read_toll([{**c, "date": dates.get(str(c.get("article")))} for c in mine
                              if c.get("type") == g["type"]], extra=single_figures(singles, g["type"], dates))
        new = {"revisions": [r["value"] for r in new_toll.revisions], "disagreement": new_toll.disagreement,
               "best": new_toll.best}
        part = "unseen" if g["set"] == UNSEEN.stem else "tuned"
        for name, got in (("tolls", old), ("relations", new)):
            for field in ("revisions", "disagreement", "best"):
                score[(part, name)][field] += int(got[field] == g[field])
        if args.misses and (new != {k: g[k] for k in new} or old != {k: g[k] for k in old}):
            print(json.dumps({"event": g["event"], "type": g["type"], "gold": {k: g[k] for k in new},
                              "tolls": old, "relations": new}), file=sys.stderr)
    report: dict[str, Any] = {}
    for part in ("tuned", "unseen"):
        n = sum(1 for g in gold if (g["set"] == UNSEEN.stem) == (part == "unseen"))
        report[part] = {"annotated": n, **{name: {k: round(v / n, 3) for k, v in score[(p, name)].items()}
                                       for p, name in score if p == part}}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
