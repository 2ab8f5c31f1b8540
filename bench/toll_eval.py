"""`make eval`, tolls part (issue 13): is `best` the figure a monitor would record?

- GVA (Gun Violence Archive news, SemEval-2018 task 5): every incident, its articles grouped by
  `incident_id` and ordered by `dct`; `best` killed and injured against the incident's counts.
  Documents are read through the tool's own input path with the headline as the first line
  (`--title-field title`). An incident whose articles give no figure of a type counts as 0 for it
  (a report of a shooting that names no death reports none); nothing is re-counted here.
- Airwars (Gaza 2023): incidents with a reported civilian figure; `best` killed within it.
- FA-KES: articles with a civilian count; `best` killed equals it. Misses are counted by why (`fakes_miss`):
  FA-KES often counts civilians only, or one town of a headline's total, where claim-spec §5 asks for
  the whole event. `no_combatants` gives the share on the articles where FA-KES counts no combatant dead,
  where its civilian count is the event's whole killed count; `articles` counts each distinct article text
  once (598 rows hold 589 texts; one text is there four times with four counts), a hit only when `best`
  equals the count of every row of it.
- WAD (PITF World Atrocities Dataset, development third: 859 incidents, one short description each):
  `best` killed equals the coders' death count, `best` injured their injured count where they give one
  (no figure of a type counts as 0, as for GVA). Halves by a hash of the incident id; every miss, dev
  and unseen, is written with its claims and people to `wad_misses.jsonl` in `--cache` for inspection.
- Wikimpacts dev: the Wikimpacts metric (0 best) of deaths, injuries, displaced, homeless.

Extraction is the slow part (GVA: about 20 minutes on 2 cores), so claims are cached per data
set in `--cache` (default: a folder under the system temp dir named after the extractor's code),
and `build_tolls` is re-run over them. Needs ../shared; without it, says so and exits 0.

Each figure is also given on two halves of its events, split by a hash of the event id: `dev`
(the events the toll rules were tuned on) and `unseen` (events never looked at while tuning),
so a rule that only fits the events studied shows up as a gap between the two.
`--misses N` prints N missed dev events (gold, best, candidate claims) to stderr.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the project (a worktree under ../wt/ looks one level further up).
SHARED = next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
              ROOT.parent / "shared")
DATA = SHARED / "data"
sys.path.insert(0, str(ROOT))

from casualty_cli.tolls.relations import violations  # noqa: E402
from casualty_cli.tolls.rules import Toll, event_tolls, whole_figures  # noqa: E402

Article = tuple[str, str]


def code_key() -> str:
    """A short hash of the extractor's code: a cache made by other code is not reused."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "casualty_cli").rglob("*.py")):
        if path.relative_to(ROOT / "casualty_cli").parts[0] not in ("tolls", "cli", "write") \
                and path.name != "revisions.py":  # narrated revisions: read by the relations layer, not extract
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# People described one by one that the extractor read from the parse, by article (`Claims.people`),
# cached beside the claims in cache/name_people.jsonl.
PEOPLE: dict[str, list[dict[str, Any]]] = {}


def cached_claims(cache: Path, name: str, articles: list[Article]) -> dict[str, list[dict[str, Any]]]:
    """Claims of each article, extracted once into cache/name.jsonl (its people into name_people.jsonl)."""
    path = cache / f"{name}.jsonl"
    people_path = cache / f"{name}_people.jsonl"
    if not path.exists() or not people_path.exists():
        from casualty_cli.errors import ArticleFailed
        from casualty_cli.extract.extractor import Extractor
        from casualty_cli.extract.pipeline import load_pipeline

        cache.mkdir(parents=True, exist_ok=True)
        extractor = Extractor(load_pipeline(), people=True)
        tmp = path.with_suffix(".tmp")
        people_tmp = people_path.with_suffix(".tmp")
        failed = 0
        with tmp.open("w", encoding="utf-8") as out, people_tmp.open("w", encoding="utf-8") as people_out:
            for article, claims in extractor.extract_many(articles):
                if isinstance(claims, ArticleFailed):  # counted as an article without claims, and said
                    failed += 1
                    print(f"{name}: {article}: {claims}", file=sys.stderr)
                    continue
                for c in claims:
                    out.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
                for person in getattr(claims, "people", ()):
                    people_out.write(json.dumps(person, ensure_ascii=False) + "\n")
        tmp.replace(path)
        people_tmp.replace(people_path)
        if failed:
            print(f"{name}: {failed} article(s) failed and count as giving no claim", file=sys.stderr)
    with people_path.open(encoding="utf-8") as lines:
        for line in lines:
            person = json.loads(line)
            PEOPLE.setdefault(str(person["article"]), []).append(person)
    by_article: dict[str, list[dict[str, Any]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            claim = json.loads(line)
            by_article.setdefault(str(claim["article"]), []).append(claim)
    return by_article


def tolls_of(events: Iterable[tuple[str, list[Article]]], claims: dict[str, list[dict[str, Any]]],
             dates: dict[str, str] | None = None) -> Iterator[tuple[str, dict[str, Toll]]]:
    """(event, {type: toll}) for each event of (article id, text) lists, with the people read from the parse."""
    date_of: Callable[[dict[str, Any]], str | None] | None = None
    if dates is not None:
        known = dates

        def date_of(c: dict[str, Any]) -> str | None:
            return known.get(str(c.get("article")))
    for event, articles in events:
        mine = [c for a, _ in articles for c in claims.get(a, [])]
        singles = [s for a, _ in articles for s in PEOPLE.get(a, [])]
        tolls = {t.type: t for t in event_tolls(event, mine, date_of=date_of, singles=singles)}
        for toll in tolls.values():
            CONSISTENCY["tolls"] += 1
            found = violations(toll.to_dict())
            CONSISTENCY["violations"] += len(found)
            if found and len(CONSISTENCY["examples"]) < 5:
                CONSISTENCY["examples"].append(f"{event} {toll.type}: {'; '.join(found)}")
        yield event, tolls


# The self-consistency check over every toll a data set builds (issue 26): `relations.violations` of each.
CONSISTENCY: dict[str, Any] = {"tolls": 0, "violations": 0, "examples": []}


def figure(tolls: dict[str, Toll], kind: str) -> int | None:
    toll = tolls.get(kind)
    return toll.best if toll is not None else None


def share(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def half(event: str) -> str:
    """'dev' or 'unseen': a stable split of the events by a hash of their id."""
    return "dev" if hashlib.sha1(event.encode("utf-8")).digest()[0] % 2 == 0 else "unseen"


def halves(rows: list[dict[str, Any]], measure: Callable[[list[dict[str, Any]]], dict[str, Any]]) -> dict[str, Any]:
    """The measure on all rows, then on the dev and the unseen half."""
    out = measure(rows)
    for name in ("dev", "unseen"):
        out[name] = measure([r for r in rows if half(r["event"]) == name])
    return out


# Misses collected for `--misses`: (data set, event, gold, best, the event's claims of the type).
MISSES: list[tuple[str, str, Any, Any, list[dict[str, Any]]]] = []


def note_miss(name: str, event: str, gold: Any, tolls: dict[str, Toll], kind: str,
              claims: list[dict[str, Any]]) -> None:
    if half(event) == "dev":
        MISSES.append((name, event, gold, figure(tolls, kind), [c for c in claims if c.get("type") == kind]))


def event_claims(articles: list[Article], claims: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return [c for a, _ in articles for c in claims.get(a, [])]


def gva(cache: Path) -> dict[str, Any]:
    """GVA read as `casualty tolls documents.jsonl --text-field content --id-field doc_id --title-field title
    --event-field incident_id --date-field dct` reads it: the headline is the article's first line ("Teen
    fatally shot in East New York" often says what the body does not), repeated doc ids become ID~2, and
    killed and injured are the tolls' own `best` (0 when an incident's articles give no figure)."""
    from casualty_cli.read.inputs import InputOptions, Note, read_articles

    options = InputOptions(input_format="jsonl", text_field="content", id_field="doc_id", title_field="title",
                           record_fields=("incident_id", "dct", "gva_num_killed", "gva_num_injured"))
    incidents: dict[str, list[Article]] = {}
    dates: dict[str, str] = {}
    gold: dict[str, tuple[int, int]] = {}
    for item in read_articles([str(DATA / "gva-semeval2018-task5/documents.jsonl")], options=options):
        if isinstance(item, Note):
            print(f"gva: {item.id}: {item.message}", file=sys.stderr)
            continue
        record = getattr(item, "record", {})
        incident = str(record["incident_id"])
        incidents.setdefault(incident, []).append((item.id, item.text))
        dates[item.id] = record["dct"]
        gold.setdefault(incident, (record["gva_num_killed"], record["gva_num_injured"]))
    claims = cached_claims(cache, "gva_title", [a for articles in incidents.values() for a in articles])
    rows = []
    for event, tolls in tolls_of(incidents.items(), claims, dates):
        killed = figure(tolls, "killed") or 0
        injured = figure(tolls, "injured") or 0
        rows.append({"event": event, "multi": len(incidents[event]) > 1, "killed": killed == gold[event][0],
                     "injured": injured == gold[event][1]})
        if killed != gold[event][0]:
            note_miss("gva", event, gold[event][0], tolls, "killed", event_claims(incidents[event], claims))
        elif injured != gold[event][1]:
            note_miss("gva-injured", event, gold[event][1], tolls, "injured", event_claims(incidents[event], claims))

    def measure(subset: list[dict[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for label, part in (("all", subset), ("multi", [r for r in subset if r["multi"]])):
            out[label] = {"incidents": len(part), "killed": share(sum(r["killed"] for r in part), len(part)),
                          "injured": share(sum(r["injured"] for r in part), len(part))}
        return out
    return halves(rows, measure)


RANGE = re.compile(r"^\s*(\d+)\s*(?:[–-]\s*(\d+))?\s*$")


def hit_share(subset: list[dict[str, Any]]) -> dict[str, Any]:
    return {"events": len(subset), "hits": share(sum(r["hit"] for r in subset), len(subset))}


def airwars(cache: Path) -> dict[str, Any]:
    records = [json.loads(line) for line in (DATA / "airwars-gaza-2023/incidents_parsed.jsonl").open(encoding="utf-8")]
    articles = [(r["incident_id"], r.get("assessment") or "") for r in records]
    claims = cached_claims(cache, "airwars", articles)
    gold = {}
    for r in records:
        m = RANGE.match(r["meta"].get("Civilians reported killed") or "")
        if m:
            gold[r["incident_id"]] = (int(m.group(1)), int(m.group(2) or m.group(1)))
    rows = []
    for event, tolls in tolls_of(((a, [(a, text)]) for a, text in articles if a in gold), claims):
        best = figure(tolls, "killed")
        hit = best is not None and gold[event][0] <= best <= gold[event][1]
        rows.append({"event": event, "hit": hit})
        if not hit:
            note_miss("airwars", event, gold[event], tolls, "killed", claims.get(event, []))
    return halves(rows, hit_share)


def fakes(cache: Path) -> dict[str, Any]:
    path = (DATA / "fa-kes/fakes.csv").resolve()  # one name for the file however ../shared is reached
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("latin-1"), newline="")))
    # Articles are named as `casualty extract fakes.csv` names them without an id column: PATH:LINE.
    reader = csv.reader(io.StringIO(path.read_bytes().decode("latin-1"), newline=""))
    next(reader)
    lines = []
    for _ in rows:
        lines.append(reader.line_num + 1)
        next(reader)
    # The headline is part of the article, as for GVA: "Air strikes kill at least 18 in northwestern Syria".
    articles = [(f"{path}:{line}", f"{r['article_title']}\n\n{r['article_content']}")
                for line, r in zip(lines, rows, strict=True)]
    claims = cached_claims(cache, "fakes_t", articles)
    wanted = [(a, int(r["nb_civilians"] or 0)) for a, r in zip(articles, rows, strict=True)
              if int(r["nb_civilians"] or 0) > 0]
    gold = {a[0]: n for a, n in wanted}
    combatants = {a[0]: int(r["nb_noncivilians"] or 0) for a, r in zip(articles, rows, strict=True)}
    results = []
    misses: Counter[str] = Counter()
    # The same article text is in FA-KES up to four times, with as many counts (1, 2, 3 and 5 for one SANA
    # article): `articles` counts each text once, a hit when `best` equals the count of every row of it.
    texts = {a[0]: a[1] for a, _ in wanted}
    by_text: dict[str, dict[str, Any]] = {}
    for event, tolls in tolls_of(((a[0], [a]) for a, _ in wanted), claims):
        # The split hashes the line, not the path: the same halves wherever ../shared lives.
        key = event.rsplit(":", 1)[-1]
        hit = figure(tolls, "killed") == gold[event]
        results.append({"event": key, "hit": hit, "civilians_only": not combatants[event]})
        same = by_text.setdefault(texts[event], {"event": key, "hit": True})
        same["hit"] = same["hit"] and hit
        if not hit:
            note_miss("fakes", key, gold[event], tolls, "killed", claims.get(event, []))
            killed = [c for c in claims.get(event, []) if c.get("type") == "killed"]
            misses[fakes_miss(gold[event], combatants[event], figure(tolls, "killed"), killed)] += 1
    # Where FA-KES counts no combatant dead, its civilian count is the event's whole killed count (claim-spec §5).
    alone = halves([r for r in results if r["civilians_only"]], hit_share)
    return {**halves(results, hit_share), "no_combatants": alone, "articles": halves(list(by_text.values()), hit_share),
            "misses": dict(misses.most_common())}


def fakes_miss(civilians: int, combatants: int, best: int | None, killed: list[dict[str, Any]]) -> str:
    """Why `best` is not FA-KES's civilian count, by what the article's killed claims hold: `pick` when the
    count is among the figures `best` is chosen from, otherwise where claim-spec §5 or the text puts it."""
    if civilians in {c.get("value") for c in whole_figures(killed)}:
        return "pick: the count is a whole-event figure, another was picked"
    if combatants and best == civilians + combatants:
        return "spec: best is civilians and combatants together, FA-KES counts civilians only"
    if civilians in {c.get("value") for c in killed}:
        return "spec: the count is a part (breakdown, group, place), another event's or a period's"
    return "text: no killed claim gives the count"


def wiki_error(gold: int | None, pred: int | None) -> float:
    """The Wikimpacts metric for one field of one event: 0 both null, 1 one null, else |v - w| / (v + w)."""
    if gold is None and pred is None:
        return 0.0
    if gold is None or pred is None:
        return 1.0
    return abs(gold - pred) / (gold + pred) if gold + pred else 0.0


WIKI_FIELDS = {"Deaths": "killed", "Injuries": "injured", "Displaced": "displaced", "Homeless": "displaced"}


def wikimpacts(cache: Path) -> dict[str, Any]:
    folder = DATA / "wikimpacts-dev"
    records = [json.loads(line) for line in (folder / "articles.jsonl").open(encoding="utf-8")]
    gold = {g["id"]: g for g in map(json.loads, (folder / "gold.jsonl").open(encoding="utf-8"))}
    articles = [(r["id"], r["text"]) for r in records]
    claims = cached_claims(cache, "wiki", articles)
    rows = []
    for event, tolls in tolls_of(((a, [(a, t)]) for a, t in articles), claims):
        row: dict[str, Any] = {"event": event}
        for name, kind in WIKI_FIELDS.items():
            for end in ("Min", "Max"):
                row[f"{name}_{end}"] = wiki_error(gold[event][f"Total_{name}_{end}"], figure(tolls, kind))
        rows.append(row)
        if row["Deaths_Min"] > 0:
            note_miss("wikimpacts", event, gold[event]["Total_Deaths_Min"], tolls, "killed", claims.get(event, []))

    def measure(subset: list[dict[str, Any]]) -> dict[str, Any]:
        keys = [f"{f}_{end}" for f in WIKI_FIELDS for end in ("Min", "Max")]
        return {"events": len(subset), **{k: round(sum(r[k] for r in subset) / len(subset), 3) if subset else 0.0
                                          for k in keys}}
    return halves(rows, measure)


def wad(cache: Path) -> dict[str, Any]:
    """WAD: `best` killed = `deaths` on every incident, `best` injured = `injured` where it is not null.

    A type with no figure counts as 0 (WAD's injured is 0 where the text mentions no injury). Every miss
    goes to cache/wad_misses.jsonl: the incident, its half, text, gold and best of each missed type, its
    claims and the people read one by one."""
    records = [json.loads(line) for line in (DATA / "wad-dev/incidents.jsonl").open(encoding="utf-8")]
    articles = [(r["id"], r["text"]) for r in records]
    claims = cached_claims(cache, "wad", articles)
    by_id = {r["id"]: r for r in records}
    rows = []
    misses = []
    for event, tolls in tolls_of(((a, [(a, t)]) for a, t in articles), claims):
        r = by_id[event]
        killed = figure(tolls, "killed") or 0
        injured = figure(tolls, "injured") or 0
        row: dict[str, Any] = {"event": event, "killed": killed == r["deaths"],
                               "injured": None if r["injured"] is None else injured == r["injured"]}
        rows.append(row)
        missed = {kind: {"gold": gold, "best": best} for kind, gold, best, ok in
                  (("killed", r["deaths"], killed, row["killed"]), ("injured", r["injured"], injured, row["injured"]))
                  if ok is False}
        if not missed:
            continue
        if not row["killed"]:
            note_miss("wad", event, r["deaths"], tolls, "killed", claims.get(event, []))
        else:
            note_miss("wad-injured", event, r["injured"], tolls, "injured", claims.get(event, []))
        misses.append({"id": event, "half": half(event), "missed": missed, "text": r["text"],
                       "ambiguity": r["ambiguity"],
                       "claims": [{k: c.get(k) for k in ("type", "value", "qualifier", "start", "part_of",
                                                          "superseded_by", "source")}
                                  for c in claims.get(event, [])],
                       "people": [{k: v for k, v in s.items() if k != "article"} for s in PEOPLE.get(event, [])]})
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / "wad_misses.jsonl").open("w", encoding="utf-8") as out:
        for m in misses:
            out.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"wad: {len(misses)} incidents with a miss written to {cache / 'wad_misses.jsonl'}", file=sys.stderr)

    def measure(subset: list[dict[str, Any]]) -> dict[str, Any]:
        given = [r for r in subset if r["injured"] is not None]
        return {"incidents": len(subset), "killed": share(sum(r["killed"] for r in subset), len(subset)),
                "with_injured": len(given), "injured": share(sum(r["injured"] for r in given), len(given))}
    return halves(rows, measure)


def print_misses(limit: int) -> None:
    for name, event, gold, best, claims in MISSES[:limit]:
        print(f"--- {name} {event}: gold {gold}, best {best}", file=sys.stderr)
        for c in claims:
            marks = "".join(k[0] for k in ("part_of", "superseded_by") if c.get(k))
            print(f"  {c.get('value')!s:>6} {c.get('qualifier'):<9} {marks:<2} @{c.get('start')} "
                  f"{(c.get('sentence') or '')[:220]!r}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / f"casualty-tolls-{code_key()}",
                        help="Folder of cached claims (one JSON Lines file per data set).")
    parser.add_argument("--only", choices=["gva", "airwars", "fakes", "wikimpacts", "wad"], action="append",
                        help="Run only these data sets.")
    parser.add_argument("--misses", type=int, default=0, help="Print this many missed dev events to stderr.")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"toll_eval: {DATA} not found; nothing to measure")
        return 0
    sets: dict[str, Callable[[Path], dict[str, Any]]] = {"gva": gva, "airwars": airwars, "fakes": fakes,
                                                         "wikimpacts": wikimpacts, "wad": wad}
    results = {}
    for name, run in sets.items():
        if args.only and name not in args.only:
            continue
        CONSISTENCY.update(tolls=0, violations=0, examples=[])
        results[name] = {**run(args.cache), "consistency": dict(CONSISTENCY)}
        print(f"tolls {name}: {json.dumps(results[name])}", flush=True)
    if args.misses:
        print_misses(args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
