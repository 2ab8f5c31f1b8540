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
     described one by one ("a man was shot and killed") count when no larger figure is given.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from itertools import groupby
from typing import Any

from ..claims import CLAIM_TYPES
from ..extract import lexicon as lx
from .figures import (
    CIVILIAN_GROUPS,
    LEAD_CHARS,
    RELATED,
    Claim,
    about_other_event,
    counted,
    disagree,
    limited,
    located,
    parse_date,
    partial,
    prominence,
    span,
)
from .figures import (
    group as victim_group,
)


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


# How much larger than the lead's open figure a later agreeing figure may be and still replace it.
RAISE_LIMIT = 1.5


# "More than 50" is a round floor: a figure just above it that agrees ("at least 51") is the count it rounds.
# Not "at least": "at least nine identified civilians" stands beside another source's "at least 10 people".
OPEN: frozenset[str] = frozenset({"more_than"})


@dataclass(slots=True)
class _Article:
    id: str
    date: date | None
    raw_date: str | None
    order: int
    claims: list[Claim]


# Between two figures that count groups side by side: "four men and two women", "1 direct, 1 indirect",
# "three White Helmets workers and six children".
SIDE_BY_SIDE = re.compile(r"^\s+(?:[\w'-]+\s+|(?:[A-Z][\w'-]*\s+){2})?[\w'-]+\s*(?:,\s*and|and|,)\s+$")


# A headline lists groups without commas: "Syria air strikes kill 10 children 5 women in Aleppo".
HEADLINE_GROUPS = re.compile(r"^\s+[\w'-]+\s+$")


# After the second count, words that make it a part of the first: "10 children 5 of them girls".
OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")


# Between a group and "others" counted with it: "nine children and 14 others" (not "2 men killed, 2 others").
AND_OTHERS = re.compile(r"^\s+[\w'-]+\s+and\s+$")


# Between two counts of one harm done twice: "crucifying two people and executing 23 others" (the types
# must agree: "killing two people and wounding 23 others" is no sum).
OTHERS_TOO = re.compile(r"^\s+[\w'-]+\s+and\s+[a-z]+ing\s+$")


# Words before groups that make them a breakdown of some whole, stated or not.
BREAKDOWN = re.compile(r"\b(?:including|includes|among them|among whom|of whom|of them|mostly|mainly)\b",
                       re.IGNORECASE)


# Victim words that name no group: "three people died and one person was arrested" is no pair of groups.
ANYONE: frozenset[str] = frozenset("people person persons others other victims individuals".split())


# Victim words for all non-combatants: with one of `CIVILIAN_GROUPS` beside them they are not summed, while
# "50 militants and eight civilians" are 58.
CIVILIANS: frozenset[str] = frozenset("civilians civilian citizens residents".split())


def _headline(sentence: str) -> bool:
    """A line without the full stop of prose: a headline or a caption."""
    return not sentence.rstrip().endswith((".", "!", "?", '."', ".'", '?"'))


def _side_by_side(a: Claim, b: Claim) -> bool:
    """Whether b follows a in the same sentence as another group of the same harm ("four men and two women")."""
    sentence, qa, qb = a.get("sentence") or "", a.get("quantity") or "", b.get("quantity") or ""
    if not qa or not qb or sentence != b.get("sentence") or a.get("type") != b.get("type") \
            or re.search(r"\bamong\b", sentence):  # "five women and 13 rebels were among the dead": parts
        return False
    gap = int(b.get("start") or 0) - int(a.get("end") or 0)
    if not 0 < gap <= 40:
        return False
    at = sentence.find(qa)
    while at >= 0:
        end = at + len(qa)
        if sentence.startswith(qb, end + gap):
            if BREAKDOWN.search(sentence[max(0, at - 30):at]):  # "including four women and seven children"
                return False
            between = sentence[end:end + gap]
            if re.match(r"^\s+direct(?:,\s*and|,|\s+and)\s+$", between, re.IGNORECASE):
                return True
            groups = (a.get("victims") or "").lower(), (b.get("victims") or "").lower()
            if groups[1] == "others" and OTHERS_TOO.match(between):
                return True
            listed = SIDE_BY_SIDE.match(between) or HEADLINE_GROUPS.match(between) and _headline(sentence) \
                and not OF_THEM.match(sentence, end + gap + len(qb))
            return (bool(listed) and all(groups) and groups[0] != groups[1]
                    and groups[0] not in ANYONE and (groups[1] not in ANYONE or groups[1] == "others"
                                                     and bool(AND_OTHERS.match(between)))
                    and groups[0] in between.lower().split()
                    and not (CIVILIANS.intersection(groups) and CIVILIAN_GROUPS.intersection(groups)))
        at = sentence.find(qa, at + 1)
    return False


def join_groups(claims: list[Claim]) -> list[Claim]:
    """Groups counted side by side make one figure: "injuring four men and two women" is 6 injured. The sum
    takes the first claim's place (its `joined` lists the ids summed); the others are dropped."""
    out: list[Claim] = []
    for c in claims:
        last = out[-1] if out else None
        if last is not None and _side_by_side(last.get("_tail", last), c):
            ids = last.get("joined") or [last.get("id")]
            out[-1] = {**last, "value": int(last.get("value") or 0) + int(c.get("value") or 0),
                       "low": None if last.get("low") is None or c.get("low") is None
                       else int(last["low"]) + int(c["low"]),
                       "high": None if last.get("high") is None or c.get("high") is None
                       else int(last["high"]) + int(c["high"]),
                       "victims": "people", "joined": [*ids, c.get("id")], "_tail": c}
        else:
            out.append(c)
    return [{k: v for k, v in c.items() if k != "_tail"} for c in out]


# One person harmed with others counted by a number: "was killed alongside her four children" is five.
COMPANIONS = re.compile(r"\b(?:killed|died|dead)\b[^.;]{0,60}?\b(?:alongside|along with|together with|with)\s+"
                        r"(?:(?:all\s+)?(?:his|her)\s+)?$", re.IGNORECASE)


OF_THEIRS = re.compile(r"^\s+of\s+(?:his|her)\b", re.IGNORECASE)


# One more person named after a counted group: "killing five women and a child" is six.
_ONE_MORE_NOUN = "|".join(sorted(lx.SINGLE_PERSON_NOUNS - {"security", "suspect", "gunman", "shooter", "robber"},
                                 key=len, reverse=True))


AND_ONE_MORE = re.compile(r"^\s+[\w'-]+\s+and\s+(?:a|an|one)\s+(?:(?!wounded|injured|unborn)[\w'-]+\s+)?(?:"
                          + _ONE_MORE_NOUN
                          + r")\b(?!\s+(?:was|were|is)\s+(?:\w+\s+)?(?:injured|wounded|hurt|missing|arrested))",
                          re.IGNORECASE)


def with_one_more(claim: Claim) -> Claim:
    """The figure with one person named right after it: "killing five women and a child" is 6."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("qualifier") not in ("exact", "at_least") or not claim.get("victims"):
        return claim
    rest = sentence[at + len(quantity):]
    if re.search(r"[—–:-]\s*$", sentence[:at]) or BREAKDOWN.search(sentence[max(0, at - 30):at]):
        return claim  # "four people — three women and one man": a breakdown of a stated whole
    if not AND_ONE_MORE.match(rest) or not rest.split()[0].lower() == str(claim.get("victims")).lower():
        return claim
    return _plus_one(claim)


def _plus_one(claim: Claim) -> Claim:
    """The claim counting one more person, its bounds moved with it."""
    value = int(claim.get("value") or 0) + 1
    return {**claim, "value": value, "low": value if claim.get("low") is not None else None,
            "high": value if claim.get("high") is not None else None}


# The killer's own death said right after the figure: "killing 2, then himself", "shot and killed three
# people before turning the gun on himself" (the toll counts every death; "murder-suicide" alone says not how).
AND_SELF = re.compile(r"^[^.;]{0,60}?(?:(?:\b(?:and|then)\s+(?:then\s+)?|,\s*(?:then\s+)?"
                      r"|\bbefore\s+(?:killing|shooting|turning\s+the\s+gun\s+on)\s+)(?:himself|herself)\b"
                      r"|\bbefore\s+taking\s+(?:his|her)\s+own\s+life\b)", re.IGNORECASE)


def with_self(claim: Claim) -> Claim:
    """The figure with the killer who then killed himself: "Man shoots 4 relatives, killing 2, then himself" is 3."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("type") != "killed" or claim.get("qualifier") not in ("exact", "at_least"):
        return claim
    return _plus_one(claim) if AND_SELF.match(sentence[at + len(quantity):]) else claim


def with_subject(claim: Claim) -> Claim:
    """The figure with the one person it was counted beside: "Heba was killed, with two of her sons" is 3."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("qualifier") not in ("exact", "at_least"):
        return claim
    before, after = sentence[max(0, at - 120):at], sentence[at + len(quantity):]
    match = COMPANIONS.search(before)
    if not match or not (match.group(0).rstrip().lower().endswith(("his", "her")) or OF_THEIRS.match(after)):
        return claim
    return _plus_one(claim)


def _demoted(claim: Claim, among: Sequence[Claim]) -> bool:
    """Whether this figure gives way to a fuller one among these: a figure limited to a hospital or a
    province or added to others ("another 327"); a group beside a larger whole as prominent or one stated
    before it (a part cannot exceed its whole, and the lead states the whole: "18 members of the family" in
    the lead is not a part of "another four people" or of a passing "24" below); a zero beside a positive
    figure ("no other deaths"); "hundreds" beside a stated number."""
    value = int(claim.get("value") or 0)
    if value == 0:  # "Deaths: 0" in a fact box stands
        return prominence(claim) < 2 and any(c.get("value") for c in among)
    if claim.get("qualifier") == "vague":
        return any(c.get("qualifier") != "vague" and c.get("value") for c in among)
    if limited(claim) or any(_brought_to(c, claim) for c in among):
        return True
    if not victim_group(claim):
        return False
    level, said_among = prominence(claim), _among(claim)
    return any(not partial(c) and (_before(c, claim) or int(c.get("value") or 0) > value
                                   and (prominence(c) >= level or said_among)) for c in among)


# "killed at least 12 civilians ..., bringing to 45 the number killed", "bringing the toll to 61": a total
# that takes in the figures before it in its sentence.
BROUGHT_TO = re.compile(r"\bbring(?:s|ing)?\b(?: (?:the|its|their) (?:[\w-]+ )?(?:toll|tally|number)\b)?[^.;]{0,30}"
                        r"?\bto\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _brought_to(total: Claim, claim: Claim) -> bool:
    """Whether `total` is a toll its sentence brings the earlier figure `claim` up to."""
    if total.get("sentence") != claim.get("sentence") or int(claim.get("start") or 0) >= int(total.get("start") or 0) \
            or int(total.get("value") or 0) <= int(claim.get("value") or 0):
        return False
    sentence, _, at = located(total)
    return at > 0 and bool(BROUGHT_TO.search(sentence[:at]))


# "Nearly 70 children were among those killed": the figure itself says it is a part of a larger whole.
AMONG = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\b", re.IGNORECASE)


def _among(claim: Claim) -> bool:
    """Whether the sentence says the figure's people were among the harmed ("... were among the dead")."""
    sentence, quantity, at = located(claim)
    return at >= 0 and bool(AMONG.match(sentence[at + len(quantity):]))


def _before(a: Claim, b: Claim) -> bool:
    """Whether a is stated more prominently than b, or as prominently and earlier in the article."""
    return (prominence(a), -(a.get("start") or 0)) > (prominence(b), -(b.get("start") or 0))


def _rank(claim: Claim, among: Sequence[Claim]) -> tuple[int, int, int]:
    return int(not _demoted(claim, among)), prominence(claim), -int(claim.get("start") or 0)


def _pick(claims: Sequence[Claim]) -> Claim | None:
    """The one figure these claims (of one article and source, or of one event) stand for."""
    if not claims:
        return None
    return _sharpened(max(claims, key=lambda c: _rank(c, claims)), claims)


def _sharpened(best: Claim, among: Sequence[Claim]) -> Claim:
    """An open figure made precise by another as prominent that agrees with it: "more than 50 civilians" in
    the headline and "at least 51 civilians" in the lead are 51."""
    if best.get("qualifier") not in OPEN:
        return best
    value, level = int(best.get("value") or 0), prominence(best)
    closer = [c for c in among if c.get("qualifier") not in ("vague", "range") and prominence(c) >= level
              and value < int(c.get("value") or 0) <= value * RAISE_LIMIT and not _demoted(c, among)
              and not disagree([best, c])]
    return min(closer, key=lambda c: int(c.get("value") or 0)) if closer else best


def _is_whole(claim: Claim, among: Sequence[Claim]) -> bool:
    return not _demoted(claim, among)


def counted_figures(claims: Iterable[Claim]) -> list[Claim]:
    """The figures of one article and type that a toll can rest on: counted ones, with groups side by side
    summed and people named beside a figure added."""
    return join_groups([with_self(with_one_more(with_subject(c))) for c in claims if counted(c)])


def whole_figures(claims: Iterable[Claim]) -> list[Claim]:
    """The usable figures of one article and type that give way to no fuller one: what `best` is picked from."""
    keep = counted_figures(claims)
    return [c for c in keep if _is_whole(c, keep)]


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
    `sentence`, read from the text by the extractor side (`singles.read_singles`).
    """
    articles: dict[str, _Article] = {}
    for claim in claims:
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
    present = {c.get("type") for c in claims} | {s.get("type") for s in singles}
    out = []
    for kind in CLAIM_TYPES:
        if kind in present and (wanted is None or kind in wanted):
            out.append(_toll(event, kind, ordered, [s for s in singles if s.get("type") == kind]))
    return out


def _toll(event: str, kind: str, ordered: list[_Article], singles: list[dict[str, Any]]) -> Toll:
    revisions: list[dict[str, Any]] = []
    latest: dict[str, tuple[Claim, _Article, bool]] = {}
    by_id: dict[str, Claim] = {}
    usable: list[Claim] = []
    previous: tuple[Claim, _Article] | None = None
    for article in ordered:
        mine = [c for c in article.claims if c.get("type") == kind]
        for c in mine:
            by_id[str(c.get("id"))] = c
        for c in mine:
            target = by_id.get(str(c.get("superseded_by") or ""))
            if target is not None:
                revisions.append(_revision(c, target, article))
        keep = counted_figures(mine)
        usable.extend(keep)
        by_source: dict[str, list[Claim]] = {}
        for c in keep:
            by_source.setdefault(_source_key(c), []).append(c)
        for key, group in by_source.items():
            pick = _pick(group)
            if pick is not None:
                latest[key] = (pick, article, _is_whole(pick, keep))
        figure = _pick(keep)
        if figure is not None and _is_whole(figure, keep):
            if previous is not None and previous[0].get("value") != figure.get("value") \
                    and previous[1] is not article:
                revisions.append(_revision(previous[0], figure, article))
            previous = (figure, article)
    entries = list(latest.values())
    whole = [e for e in entries if e[2]] or entries
    figures = [c for c, _, _ in whole]
    best_claim = _most_complete(figures)
    best = quoted(best_claim) if best_claim is not None else None
    evidence = [str(i) for c in usable if best is not None and quoted(c) == best
                for i in c.get("joined") or [c["id"]]]
    counted_singles = _singles_figure(singles, ordered)
    low, high = span(figures)
    # people described one by one in a headline or lead outweigh a figure in passing ("Terrorist attacks kill a
    # woman" over "On October 13th 30 people were killed")
    passing = best_claim is not None and prominence(best_claim) == 0
    qualifier = best_claim.get("qualifier") if best_claim is not None else None
    if counted_singles and (best is None or counted_singles[0] > best or passing and counted_singles[2]):
        best = counted_singles[0]
        qualifier = "exact"
        evidence = counted_singles[1]
        if not figures:
            low = high = best
    if best is not None and (low is None or best < low):
        low = best
    if best is not None and high is not None and best > high:
        high = best
    sources = [_source_entry(c, a) for c, a, _ in sorted(entries, key=lambda e: (e[1].date or date.min, e[1].order,
                                                                                 e[0].get("start") or 0))]
    dates = [a.date for a in ordered if a.date is not None]
    return Toll(event=event, type=kind, best=best, low=low, high=high, best_qualifier=qualifier, sources=sources,
                disagreement=disagree(figures), revisions=revisions, articles=len(ordered),
                as_of=max(dates).isoformat() if dates else None, evidence=evidence)


def quoted(claim: Claim) -> int:
    """The figure a claim gives to quote: its value, or the upper end of a range ("between 500 and 1300 people
    died" is quoted as up to 1300, the fuller count; `low` keeps the 500)."""
    if claim.get("qualifier") == "range" and claim.get("high") is not None:
        return int(claim["high"])
    return int(claim.get("value") or 0)


def _most_complete(figures: Sequence[Claim]) -> Claim | None:
    """The most prominent figure (fact box, lead, stated total), raised to a larger one from another article
    that agrees with it and is close (a later count of the same dead): "more than 200" on Monday gives way
    to Tuesday's "at least 240"; an exact 4 does not give way to 40, nor "at least 19" to another attack's
    58. Within one article the lead stands: it already weighs the sources quoted below it."""
    if not figures:
        return None
    best = _sharpened(max(figures, key=lambda c: (prominence(c), int(c.get("value") or 0))), figures)
    value = int(best.get("value") or 0)
    agreeing = [c for c in figures if value < int(c.get("value") or 0) <= value * RAISE_LIMIT
                and c.get("article") != best.get("article") and not disagree([best, c])]
    return max(agreeing, key=lambda c: int(c.get("value") or 0)) if agreeing else best


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
