"""Tolls: one figure per event and type, with its range, its history and who says what (claim-spec §5).

Pure arithmetic over claim dicts (extract's JSON Lines): no spaCy, no text parsing beyond
the claim's own sentence, so notebooks, the report and `casualty tolls --claims` share it.

Streaming: `build_tolls` holds one event at a time. It assumes the claims of one event
arrive together (as `extract` writes them when the input keeps an event's records
together, e.g. GVA's documents sorted by incident); an event whose claims come back after
another event's gets a second toll. Memory is one event's claims, whatever the number of
claims or events.

How `best` is read, in order (each rule is a small function below):
  1. left out: breakdowns (`part_of`), figures revised in their sentence (`superseded_by`),
     figures about another event ("the deadliest since Nargis, which killed 140,000") or totals
     over a war or a period ("since the conflict began in 2011", "in 2014", "this month alone",
     "seven days of airstrikes"), and figures in the page's list of related stories;
  2. groups counted side by side are summed ("four men and two women" is 6, "Fatalities: 1 direct,
     1 indirect" is 2, but not "16 civilians and three children": children are civilians), and one
     person killed with others counts too ("killed alongside her four children" is 5, "five women
     and a child" is 6);
  3. each article's figure per source: a figure that gives way to a fuller one is passed over
     (one hospital or province, "no other ...", a group within a larger or earlier stated whole or
     said to be among the dead,
     a zero beside a positive figure, "hundreds" beside a stated number), then fact box and
     lead over passing mentions, then the first stated;
  4. each source's latest figure (articles in date order; unknown dates first);
  5. best = the most prominent, then largest, whole-event figure among the sources' latest
     figures, raised to a close larger one of a later article that agrees with it; people
     described one by one ("a man was shot and killed") count when no larger figure is given, unless the
     claims of their sentence already read them; an open lead figure nobody gives is sharpened by a close,
     larger, attributed one of the same article; people described one by one as wounded, no more than the
     dead, may be the dead before they died and do not count as injured.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from itertools import groupby
from typing import Any

from ..claims import CLAIM_TYPES
from ..read.dates import parse_date
from .derived import own_type_wholes, types_to_build, with_derived_injured
from .figures import (
    LEAD_CHARS,
    RELATED,
    Claim,
    about_other_event,
    counted,
    disagree,
    prominence,
)
from .wholes import (
    OPEN,
    RAISE_LIMIT,
    Fuller,
    _pick,
    _sharpened,
    counted_figures,
    join_groups,
    quoted,
    whole_figures,
    with_one_more,
    with_self,
    with_subject,
)

# kept importable from here, where they were before `wholes` was split off
__all__ = ["TOLL_FIELDS", "Toll", "build_tolls", "counted_figures", "event_tolls", "join_groups", "quoted",
           "revision_text", "stream_tolls", "whole_figures", "with_one_more", "with_self", "with_subject"]


@dataclass(frozen=True, slots=True)
class Toll:
    """What a reader quotes for one event and one type (claim-spec §5), fields in spec order."""

    event: str
    type: str
    best: int | None
    low: int | None
    high: int | None
    best_qualifier: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    disagreement: bool = False
    revisions: list[dict[str, Any]] = field(default_factory=list)
    excluded: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    as_of: str | None = None
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


TOLL_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Toll))


@dataclass(slots=True)
class _Article:
    id: str
    date: date | None
    raw_date: str | None
    order: int
    claims: list[Claim]


def _source_key(claim: Claim) -> str:
    source = claim.get("source")
    return "source:" + " ".join(source.lower().split()) if source else "article:" + str(claim.get("article"))


def _single_count(items: Sequence[dict[str, Any]]) -> int:
    """People counted one by one in one article: the sentence that counts most (headline and lead often
    describe the same person twice, so sentences are not added up)."""
    return max((int(s.get("count") or 0) for s in items), default=0)


def event_tolls(event: str, claims: Sequence[Claim], *, date_of: Callable[[Claim], str | None] | None = None,
                singles: Sequence[dict[str, Any]] = (), types: Iterable[str] | None = None) -> list[Toll]:
    """The tolls of one event, one per type that its claims or singles name, in `CLAIM_TYPES` order.

    `singles` are people described one by one: dicts with `article`, `type`, `count`,
    `sentence`, read from the parse by the extractor (`extract.people.read_people`).
    """
    articles: dict[str, _Article] = {}
    for claim in own_type_wholes(claims):
        key = str(claim.get("article"))
        if key not in articles:
            raw = date_of(claim) if date_of else None
            articles[key] = _Article(key, parse_date(raw), raw, len(articles), [])
        articles[key].claims.append(claim)
    for single in singles:
        key = str(single.get("article"))
        if key not in articles:
            raw = date_of(single) if date_of else None
            articles[key] = _Article(key, parse_date(raw), raw, len(articles), [])
    ordered = sorted(articles.values(), key=lambda a: (a.date or date.min, a.order))
    wanted = set(types) if types is not None else None
    build = types_to_build(wanted)
    present = {c.get("type") for c in claims} | {s.get("type") for s in singles}
    out = []
    dead: int | None = None
    for kind in CLAIM_TYPES:
        mine = [s for s in singles if s.get("type") == kind]
        if kind == "injured" and _dying(mine, ordered, dead):
            mine = []
            if not any(c.get("type") == kind for a in ordered for c in a.claims):
                continue
        if kind in present and (build is None or kind in build):
            out.append(_toll(event, kind, ordered, mine))
            if kind == "killed":
                dead = out[-1].best
    return [t for t in with_derived_injured(out) if wanted is None or t.type in wanted]


def _dying(wounded: list[dict[str, Any]], ordered: list[_Article], dead: int | None) -> bool:
    """Whether the people described one by one as wounded may be the dead before they died ("Felder was wounded
    in the head", "Markins was the only person injured"): the dead are as many or more."""
    counted = _singles_figure(wounded, ordered)
    return bool(counted and dead and counted[0] <= dead)


def _toll(event: str, kind: str, ordered: list[_Article], singles: list[dict[str, Any]]) -> Toll:
    # a sentence the parse read as harm that did not happen or happened another time counts nobody
    vetoes = {(str(s.get("article")), key) for s in singles if not s.get("count")
              for key in (s.get("start"), " ".join(str(s.get("sentence") or "").split()))}
    singles = [s for s in singles if s.get("count") and not _read_by_claims(s, ordered, kind)
               and not {(str(s.get("article")), s.get("start")),
                        (str(s.get("article")), " ".join(str(s.get("sentence") or "").split()))} & vetoes]
    latest: dict[str, tuple[Claim, _Article, bool]] = {}
    usable: list[Claim] = []
    for article in ordered:
        mine = [c for c in article.claims if c.get("type") == kind]
        keep = counted_figures(mine)
        fuller = Fuller(keep)
        usable.extend(keep)
        by_source: dict[str, list[Claim]] = {}
        for c in keep:
            by_source.setdefault(_source_key(c), []).append(c)
        for key, group in by_source.items():
            pick = _pick(group)
            if pick is not None:
                latest[key] = (pick, article, not fuller.demoted(pick))
    entries = list(latest.values())
    whole = [e for e in entries if e[2]] or entries
    figures = [c for c, _, _ in whole]
    best_claim = _most_complete(figures)
    best = quoted(best_claim) if best_claim is not None else None
    evidence = [str(i) for c in usable if best is not None and quoted(c) == best
                for i in c.get("joined") or [c["id"]]]
    counted_singles = _singles_figure(singles, ordered)
    # people described one by one in a headline or lead outweigh a figure in passing ("Terrorist attacks kill a
    # woman" over "On October 13th 30 people were killed")
    passing = best_claim is not None and prominence(best_claim) == 0
    qualifier = best_claim.get("qualifier") if best_claim is not None else None
    if counted_singles and (best is None or counted_singles[0] > best or passing and counted_singles[2]):
        best = counted_singles[0]
        qualifier = "exact"
        evidence = counted_singles[1]
    dates = [a.date for a in ordered if a.date is not None]
    reading = _relations_reading(kind, ordered, singles)
    single_article = next((a.id for a in reversed(ordered) if any(
        str(s.get("article")) == a.id and not _elsewhere(str(s.get("sentence") or "")) for s in singles)), None)
    from .relations import consistent_sources, revision_pairs

    sources, low, high, disagreement = consistent_sources(reading.sources, best, qualifier, best_claim,
                                                          single_article, ordered)
    return Toll(event=event, type=kind, best=best, low=low, high=high, best_qualifier=qualifier if best is not None
                else None, sources=sources, disagreement=disagreement, revisions=revision_pairs(reading.revisions),
                excluded=[x for x in reading.excluded if str(x.get("id")) not in {str(s.get("id")) for s in sources}],
                articles=len(ordered), as_of=max(dates).isoformat() if dates else None,
                evidence=evidence)


def _read_by_claims(single: dict[str, Any], ordered: list[_Article], kind: str) -> bool:
    """Whether the claims of the single's sentence already read its people: a claim there gives the same count
    ("killing 12 soldiers and one civilian" summed to 13) or is set aside (another event's, a period's, a
    breakdown), so the pick among the claims has weighed the sentence."""
    sentence = " ".join(str(single.get("sentence") or "").split())
    article = next((a for a in ordered if a.id == str(single.get("article"))), None)
    if article is None or not sentence:
        return False
    mine = [c for c in article.claims
            if c.get("type") == kind and " ".join(str(c.get("sentence") or "").split()) == sentence]
    if not mine:
        return False
    count = int(single.get("count") or 0)
    return any(not counted(c) for c in mine) or any(quoted(c) == count for c in counted_figures(mine))


def _relations_reading(kind: str, ordered: list[_Article], singles: list[dict[str, Any]]) -> Any:
    """The relations layer's reading of this event and type (`relations.read_toll`): sources, revisions,
    disagreement and excluded figures come from it. People described one by one join as the article's own
    voice, one figure per article (the sentence that counts most)."""
    from .relations import read_toll  # relations builds on this module's rules (imported when first used)

    dated = [{**c, "date": a.raw_date} for a in ordered for c in a.claims if c.get("type") == kind]
    extra = []
    for a in ordered:
        mine = [s for s in singles if str(s.get("article")) == a.id and not _elsewhere(str(s.get("sentence") or ""))]
        top = max(mine, key=lambda s: int(s.get("count") or 0), default=None)
        if top is not None and int(top.get("count") or 0) > 0:
            count = int(top["count"])
            extra.append({"id": f"{a.id}#single", "article": a.id, "type": kind, "value": count, "low": count,
                          "high": count, "qualifier": "exact", "quantity": "", "source": None,
                          "sentence": str(top.get("sentence") or ""), "start": int(top.get("start") or 0),
                          "date": a.raw_date})
    return read_toll(dated, extra=extra)


def _most_complete(figures: Sequence[Claim]) -> Claim | None:
    """The most prominent figure (fact box, lead, stated total), raised to a larger one from another article
    that agrees with it and is close (a later count of the same dead): "more than 200" on Monday gives way
    to Tuesday's "at least 240"; an exact 4 does not give way to 40, nor "at least 19" to another attack's
    58. Within one article the lead stands: it already weighs the sources quoted below it."""
    if not figures:
        return None
    best = _attributed(_sharpened(max(figures, key=lambda c: (prominence(c), int(c.get("value") or 0))), figures),
                       figures)
    value = int(best.get("value") or 0)
    agreeing = [c for c in figures if value < int(c.get("value") or 0) <= value * RAISE_LIMIT
                and c.get("article") != best.get("article") and not disagree([best, c])]
    return max(agreeing, key=lambda c: int(c.get("value") or 0)) if agreeing else best


def _attributed(best: Claim, figures: Sequence[Claim]) -> Claim:
    """An open lead figure nobody is said to give, sharpened by a larger, close, attributed one of the same
    article that agrees with it: "claimed the lives of more than 200" in the lead and al-Habbo's "at least
    240 bodies" below are 240, the whole count a named source stands behind."""
    if best.get("qualifier") not in OPEN or best.get("source"):
        return best
    value = int(best.get("value") or 0)
    sharper = [c for c in figures if c.get("source") and c.get("article") == best.get("article")
               and c.get("qualifier") not in ("vague", "range")
               and value < int(c.get("value") or 0) <= value * RAISE_LIMIT and not disagree([best, c])]
    return max(sharper, key=lambda c: int(c.get("value") or 0)) if sharper else best


def _singles_figure(singles: list[dict[str, Any]],
                    ordered: list[_Article]) -> tuple[int, list[str], bool] | None:
    """The count of people described one by one in the latest article that describes any, with its sentences
    and whether one stands in the headline or lead; a sentence about another event ("since 15-year-old X was
    stabbed to death there in May") does not count."""
    best: tuple[int, list[str], bool] | None = None
    for article in ordered:
        mine = [s for s in singles if str(s.get("article")) == article.id
                and not _elsewhere(str(s.get("sentence") or ""))]
        count = _single_count(mine)
        if count:  # articles come in date order: the latest description wins
            best = (count, list(dict.fromkeys(str(s.get("sentence")) for s in mine)),
                    any(int(s.get("start") or 0) < LEAD_CHARS for s in mine))
    return best


def _elsewhere(sentence: str) -> bool:
    """Whether a sentence is about another event or stands in the list of related stories."""
    return about_other_event(sentence) or bool(RELATED.search(sentence))


def _revision(old: Claim, new: Claim, article: _Article) -> dict[str, Any]:
    return {"value": old.get("value"), "replaced_by": new.get("value"), "id": old.get("id"),
            "by_id": new.get("id"), "date": article.raw_date}


def _source_entry(claim: Claim, article: _Article) -> dict[str, Any]:
    return {"source": claim.get("source"), "value": claim.get("value"), "qualifier": claim.get("qualifier"),
            "article": claim.get("article"), "id": claim.get("id"), "date": article.raw_date}


def article_event(claim: Claim) -> str:
    """The default event: the article itself."""
    return str(claim.get("article"))


def build_tolls(claims: Iterable[Claim], *, event_of: Callable[[Claim], str] | None = None,
                date_of: Callable[[Claim], str | None] | None = None, singles: Iterable[dict[str, Any]] = (),
                types: Iterable[str] | None = None) -> Iterator[Toll]:
    """Claims as dicts (extract's JSON Lines, keys of claim-spec §2, optional "record" dict) -> tolls,
    one per event and type, streamed event by event.

    `event_of` names a claim's event (default: its article); `date_of` gives its article's date
    (latest wins). `singles` (people counted one by one, see `event_tolls`) are grouped by the
    same `event_of`; events with singles and no claim come after the others.
    """
    key = event_of or article_event
    pending: dict[str, list[dict[str, Any]]] = {}
    for single in singles:
        pending.setdefault(key(single), []).append(single)
    for event, group in groupby(claims, key=key):
        yield from event_tolls(event, list(group), date_of=date_of, singles=pending.pop(event, []), types=types)
    for event, items in pending.items():
        yield from event_tolls(event, [], date_of=date_of, singles=items, types=types)


def stream_tolls(articles: Iterable[tuple[str, list[Claim], list[dict[str, Any]]]], *,
                 date_of: Callable[[Claim], str | None] | None = None,
                 types: Iterable[str] | None = None) -> Iterator[Toll]:
    """(event, claims, singles) of each article, the articles of one event together -> tolls.

    What `casualty tolls PATH...` runs: one event's claims are held until the next event
    starts, so memory does not grow with the input.
    """
    current: str | None = None
    claims: list[Claim] = []
    singles: list[dict[str, Any]] = []
    for event, found, people in articles:
        if event != current:
            if current is not None:
                yield from event_tolls(current, claims, date_of=date_of, singles=singles, types=types)
            current, claims, singles = event, [], []
        claims.extend(found)
        singles.extend(people)
    if current is not None:
        yield from event_tolls(current, claims, date_of=date_of, singles=singles, types=types)


def revision_text(toll: Toll) -> str:
    """The figure's history for a table cell: "9 → 35"."""
    if not toll.revisions:
        return ""
    chain = [toll.revisions[0]["value"]]
    for r in toll.revisions:
        if r["value"] != chain[-1]:
            chain.append(r["value"])
        chain.append(r["replaced_by"])
    return " → ".join(str(v) for v in chain)
