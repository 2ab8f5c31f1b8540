"""Relations between the figures of one event and type, and the toll fields read off them (issue 26).

Pure arithmetic over claim dicts (extract's JSON Lines, an optional `date` key per claim): no spaCy, no text
parsing beyond each claim's own sentence. The figures are first sorted out one by one (`exclusion`), then
compared two by two (`relate`), and `read_toll` reads `best`, `best_qualifier`, `low`/`high`, `sources`,
`disagreement`, `revisions` and `excluded` from the one set of *current* figures those relations leave, so the
fields cannot contradict each other:

- every figure in `sources` lies within `low`..`high`, and `low` and `high` are given by some source;
- `disagreement` needs two sources whose current figures `CONFLICT`; a source is listed once;
- a figure left out is in `excluded` with its reason, and a replaced figure is a step of `revisions`.

Which figure of an article stands for it reuses the toll rules of `casualty_cli.tolls` (groups summed,
prominence of headline, lead and fact box, "bringing the toll to", a range quoted by its upper end).
People described one by one (`singles`) stay with tolls: it can hand their count in as one more figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import Enum
from itertools import combinations
from typing import Any

from ..extract.revisions import link_narrated
from ..read.dates import parse_date
from . import figures as fig
from . import wholes
from .pairwise import UNLINKED, Traits, a_older

Claim = dict[str, Any]


class Relation(str, Enum):
    """How two figures of one event and type relate."""

    SAME = "same"  # compatible counts: "at least 40" and 52
    PART = "part"  # one is a breakdown or a part of the other
    UPDATE = "update"  # the later one replaces the earlier one
    SCOPE = "scope"  # they count different sets of people (another place, event, period; with the gunman)
    CONFLICT = "conflict"  # they cannot both be true and neither is presented as an update


EXCLUSION_REASONS: tuple[str, ...] = ("part", "superseded", "other_event", "period_total", "partial_place",
                                      "related_story", "scope")


@dataclass(frozen=True, slots=True)
class Reading:
    """The toll fields of one event and type, read off the relations of its figures (claim-spec §5)."""

    best: int | None
    best_qualifier: str | None
    low: int | None
    high: int | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    disagreement: bool = False
    revisions: list[dict[str, Any]] = field(default_factory=list)
    excluded: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- citable source names ---------------------------------------------------------------------------

# Spans that are no source a reader can cite: captions, images, back-references, bare numbers.
NOT_A_SOURCE = re.compile(
    r"^(?:(?:an?|the|this|that|another|same) )*(?:image|photo|photograph|picture|video|caption|graphic|file photo"
    r"|same source|source|sources said|screenshot|credit)s?\b|\b(?:image|photo|caption) (?:credit|by)\b"
    r"|^(?:another|the same|this|that|same)\b|^\W*$|^[\d\W]+$"
    r"|^(?:i|we|you|he|she|it|they|we're|they're|i'm|he's|she's|us|them)$", re.IGNORECASE)
# "BRIDGEPORT - Bridgeport police": a dateline before the name.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+?\s*(?:\([^)]*\))?\s*[-—–:]+\s+(?=\S)")
# "Abu Mohammed Madhoun 7": an age or count glued to a name.
TRAILING_NUMBER = re.compile(r"(?:,?\s+\(?\d{1,3}\)?)+$")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def cite_name(source: str | None) -> str | None:
    """The source as a reader cites it, or None when the span names no one ("Another image", "The same
    source", a caption, a span cut mid-name such as ". Kevin Beyrer"'s leading punctuation is trimmed, one
    that starts lower-case after trimming is refused). "the NOPD" and "NOPD" give the same `source_key`."""
    if not source:
        return None
    name = " ".join(str(source).split())
    name = DATELINE.sub("", name)
    name = name.strip(" \t.,;:-—–'\"()[]")
    name = TRAILING_NUMBER.sub("", name).strip(" ,;:")
    if not name or NOT_A_SOURCE.search(name) or not re.search(r"[A-Za-z]", name):
        return None
    words = name.split()
    if name[0].islower() and len(words) > 1 and words[1][:1].isupper() and not LEADING_ARTICLE.match(name) \
            and not name.startswith(("@", "al-", "el-")):
        return None  # cut mid-name: "ohammed Madhoun" (while "police" or "hospital officials" are cited so)
    return name


def source_key(claim: Claim) -> str:
    """One key per source however spelt ("NOPD", "the NOPD"); the article's own voice is that article."""
    name = cite_name(claim.get("source"))
    if name is None:
        return "article:" + str(claim.get("article"))
    return "source:" + LEADING_ARTICLE.sub("", name).lower()


# --- one figure at a time ---------------------------------------------------------------------------

# "the death toll this year", "since 2011": a period's total rather than another single event.
PERIOD = re.compile(r"\b(?:this (?:year|month|week)|so far|since|past|last \w+ (?:years|months)|in (?:19|20)\d\d"
                    r"|(?:days|weeks|months|years) of)\b", re.IGNORECASE)
# The harm counted with the one who did it: "four troops including the gunman dead", "then himself".
WITH_PERPETRATOR = re.compile(r"\b(?:including the (?:gunman|shooter|suspect|attacker)|himself|herself"
                              r"|murder-suicide|own life|the (?:gunman|shooter|suspect|attacker))\b", re.IGNORECASE)
# An early figure that a later one in the same text replaces: "initially reported", "the earliest news".
EARLY = re.compile(r"\b(?:initial(?:ly)?|originally|first reported|earliest|at first|early reports?)\b",
                   re.IGNORECASE)
# Words that present a figure as the update of an earlier one.
LATER = re.compile(r"\b(?:later|subsequently|then (?:raised|revised|updated|rose)|(?:has |had )?(?:risen|rose)"
                   r"|updated|revised|raised|climbed|increased|not \w+ as (?:first|initially|previously) reported"
                   r"|bringing (?:the|its) (?:toll|tally|number))\b", re.IGNORECASE)
# "X initially put the toll at five, while Y reported six": two sources side by side, not an update.
CONTRAST = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)


def exclusion(claim: Claim) -> str | None:
    """Why a figure cannot be the event's whole figure on its own, whatever the others say, or None."""
    if claim.get("part_of"):
        return "part"
    if claim.get("superseded_by"):
        return "superseded"
    if fig.related(claim) or fig.footnote(claim):
        return "related_story"
    if fig.other_event(claim) or _earlier_year(claim):
        sentence = str(claim.get("sentence") or "")
        return "period_total" if PERIOD.search(sentence) and not fig.SUPERLATIVE_SINCE.search(sentence) \
            else "other_event"
    return None


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _earlier_year(claim: Claim) -> bool:
    """Whether the figure's sentence dates it years before its article ("the Nov. 5 2009 shooting rampage ...
    that left 13 dead" in a 2014 article): another event. Needs the claim's `date`."""
    when = parse_date(claim.get("date"))
    sentence, _, at = _located(claim)
    if when is None or at < 0:
        return False
    years = [int(y) for y in YEAR.findall(sentence[:at])]
    if EARLIER.match(sentence):
        return True
    return bool(years) and all(y < when.year - 1 for y in years) and str(when.year) not in sentence


# "Four months before Lopez's rampage, ... to kill his two young daughters": an earlier event told as background.
EARLIER = re.compile(r"^\W*(?:\w+\s+){1,2}(?:days|weeks|months|years)\s+(?:before|earlier)\b", re.IGNORECASE)
# "The three most seriously injured victims", "two of them critically": the worst hurt among the injured.
SEVERITY = re.compile(r"\b(?:most (?:seriously|severely|critically|badly)|critical(?:ly)?|in (?:critical|serious) "
                      r"condition|seriously)\b", re.IGNORECASE)


def _severity_part(claim: Claim, top: int) -> bool:
    """Whether the figure counts the worst hurt ("the three most seriously injured") beside a larger figure of
    its article (`top`, the largest): a part, not another count."""
    sentence, quantity, at = _located(claim)
    if at < 0 or not SEVERITY.search(sentence[max(0, at - 40):at + len(quantity) + 40]):
        return False
    return top > wholes.quoted(claim)


def _early(claim: Claim) -> bool:
    """Whether the figure's own clause presents it as an early report ("initially posted that three ...",
    "Initial statements by the Civil Defense led sources to report that one or two"); not a figure set after
    another's early one ("X initially put it at five, while Y reported six": six is no early report)."""
    sentence, quantity, at = _located(claim)
    if at < 0:
        return False
    before = sentence[max(0, at - 200):at]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
    return bool(EARLY.search(before[cut:]))


# Where the clause of an earlier figure ends: a contrast, a semicolon, another figure's source after "while".
CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|and later|later)\b|;", re.IGNORECASE)


def _single(f: _Figure) -> bool:
    """Whether the figure counts people described one by one (handed in by the caller as `extra`)."""
    return f.id.endswith("#single")


def _contrasted(claim: Claim) -> bool:
    """Whether an early figure is set against another source's in its sentence, with no word of an update."""
    sentence, quantity, at = _located(claim)
    rest = sentence[at + len(quantity):] if at >= 0 else sentence
    return bool(CONTRAST.search(rest)) and not LATER.search(rest)


def _updating(claim: Claim) -> bool:
    """Whether the sentence presents the figure as an update ("later stated", "the toll had risen to")."""
    sentence, _, at = _located(claim)
    return bool(LATER.search(sentence if at < 0 else sentence[:at + 1] or sentence)) or bool(fig.RISEN.search(
        sentence))


def _located(claim: Claim) -> tuple[str, str, int]:
    """The claim's sentence, its figure's words, and where they stand in it (-1 when not found)."""
    sentence, quantity = str(claim.get("sentence") or ""), str(claim.get("quantity") or "")
    return sentence, quantity, sentence.find(quantity) if quantity else -1


# How much larger a later article's figure may be and still update an earlier one without saying so.
UPDATE_LIMIT = 1.5


# --- two figures ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Figure:
    claim: Claim
    key: str  # source key
    date: date | None
    order: int  # article order (date, then input order)
    reason: str | None = None  # set when left out

    @property
    def id(self) -> str:
        return str(self.claim.get("id"))

    @property
    def value(self) -> int:
        return int(self.claim.get("value") or 0)


def traits(claim: Claim, linked: bool = True) -> Traits:
    """The traits of `claim`; `linked` keeps its id (a link may name it)."""
    return Traits(claim.get("id") if linked else UNLINKED, claim.get("part_of"), claim.get("superseded_by"),
                  claim.get("article"), claim.get("type"),
                  exclusion(claim) in ("other_event", "period_total", "related_story"), fig.bounds(claim),
                  _early(claim), _contrasted(claim), _updating(claim), wholes.quoted(claim), fig.partial(claim),
                  fig.limited(claim), fig.group(claim), bool(WITH_PERPETRATOR.search(str(claim.get("sentence") or ""))))


def relate(a: Claim, b: Claim, *, a_order: int = 0, b_order: int = 0) -> Relation:
    """How figure `a` relates to figure `b` (claims of one event and type; `*_order` is their article's date
    order, larger = later). UPDATE means one replaces the other, whichever way; the caller keeps the later."""
    return related(traits(a), traits(b), int(a.get("start") or 0) < int(b.get("start") or 0), a_order, b_order)


def related(a: Traits, b: Traits, a_first: bool, a_order: int, b_order: int) -> Relation:
    """`relate` on figures' traits; `a_first`: `a` stands before `b` in the text."""
    if a.part_of == b.id or b.part_of == a.id:
        return Relation.PART
    if a.superseded_by == b.id or b.superseded_by == a.id:
        return Relation.UPDATE
    if a.out_of_scope or b.out_of_scope:
        return Relation.SCOPE
    if max(a.bounds[0], b.bounds[0]) <= min(a.bounds[1], b.bounds[1]):  # not `fig.disagree`: compatible
        return Relation.SAME
    if a.article == b.article:
        first, second = (a, b) if a_first else (b, a)
        if first.early and not first.contrasted or second.updating and second.quoted > first.quoted and first.early:
            return Relation.UPDATE
        if first.partial != second.partial or first.limited or second.limited:
            return Relation.PART
    if _perpetrator_traits(a, b):
        return Relation.SCOPE
    if a_order != b_order:
        earlier, later = (a, b) if a_order < b_order else (b, a)
        # a later article's whole figure replaces an earlier one when it is a little larger (a victim died) or
        # says so; far larger is another count (2009's 13 beside 2014's 4), smaller a story about some victims
        old, new = earlier.quoted, later.quoted
        if later.updating or old < new <= max(old * UPDATE_LIMIT, old + 2):
            return Relation.UPDATE
        return Relation.SCOPE if new > old else Relation.PART
    if a.group != b.group:
        return Relation.PART
    return Relation.CONFLICT


def _perpetrator_traits(a: Traits, b: Traits) -> bool:
    return a.type == "killed" and abs(a.quoted - b.quoted) == 1 and (a.perpetrator or b.perpetrator)


def _perpetrator_scope(a: Claim, b: Claim) -> bool:
    """Victims against victims and the gunman: killed figures one apart, one said with the perpetrator."""
    return a.get("type") == "killed" and abs(wholes.quoted(a) - wholes.quoted(b)) == 1 and any(
        WITH_PERPETRATOR.search(str(c.get("sentence") or "")) for c in (a, b))


def relations(claims: Sequence[Claim], *, orders: Sequence[int] | None = None) -> dict[tuple[str, str], Relation]:
    """Every pair of these claims (by id, in input order) with its relation."""
    order = list(orders) if orders is not None else [0] * len(claims)
    return {(str(a.get("id")), str(b.get("id"))): relate(a, b, a_order=order[i], b_order=order[j])
            for (i, a), (j, b) in combinations(enumerate(claims), 2)}


# --- the toll fields ------------------------------------------------------------------------------

def read_toll(claims: Iterable[Claim], *, extra: Sequence[Claim] = ()) -> Reading:
    """The toll fields of ONE event and ONE type from its claims (dicts of claim-spec §2; a `date` key, when
    present, orders the articles; otherwise the input order does). `extra` are figures already read by the
    caller (e.g. people described one by one, as claim-like dicts) that join as the article's own voice."""
    mine = [c for c in claims if c.get("value") is not None]
    if extra:
        mine += list(extra)
    articles: dict[str, tuple[date | None, int]] = {}
    for c in mine:
        key = str(c.get("article"))
        if key not in articles:
            articles[key] = (parse_date(c.get("date")), len(articles))
    ranked = sorted(articles, key=lambda a: (articles[a][0] or date.min, articles[a][1]))
    order = {a: n for n, a in enumerate(ranked)}
    excluded: list[dict[str, Any]] = []
    revisions: list[tuple[_Figure, _Figure]] = []

    def leave(c: Claim, reason: str) -> None:
        for i in c.get("joined") or [c.get("id")]:
            excluded.append({"id": i, "value": c.get("value"), "reason": reason})

    by_id = {str(c.get("id")): c for c in mine}
    candidates: list[_Figure] = []
    picks: set[str] = set()  # each article's own figure: only these update across articles
    for article in ranked:  # narrated revisions ("initially 500 ..., then revised to 471") marked per article
        here = link_narrated([c for c in mine if str(c.get("article")) == article])
        by_id.update({str(c.get("id")): c for c in here})
        for c in here:
            reason = exclusion(c)
            if reason is not None:
                leave(c, reason)
                target = by_id.get(str(c.get("superseded_by") or ""))
                if target is not None:
                    revisions.append((_as_figure(c, articles, order), _as_figure(target, articles, order)))
        usable = [c for c in here if exclusion(c) is None]
        counted = wholes.counted_figures(usable)  # the sums and additions are made once
        whole = wholes.wholes_among(counted)
        # a figure the text presents as the update of an early one ("initially five ... later eight") stands
        # even where the rules pass it over as a group within an earlier stated figure
        kept = {id(c) for c in whole}
        earliest = min((wholes.quoted(e) for e in whole if _early(e)), default=None)
        whole += [c for c in counted if id(c) not in kept and earliest is not None and _updating(c)
                  and not fig.limited(c) and earliest < wholes.quoted(c)]
        top = max((wholes.quoted(c) for c in whole), default=0)
        whole = [c for c in whole if not _severity_part(c, top)]
        whole_ids = {str(c.get("id")) for c in whole}
        for c in counted:
            if str(c.get("id")) not in whole_ids:
                leave(c, "partial_place" if fig.limited(c) else "part")
        if whole:
            picks.add(str(max(whole, key=lambda c: (fig.prominence(c), -int(c.get("start") or 0))).get("id")))
        candidates += [_as_figure(c, articles, order) for c in whole]
    _same_person(candidates)
    # pairwise: narrated and cross-article updates, parts and scopes among the whole figures
    for n, reason in settle_figures(candidates, picks, revisions).items():
        candidates[n].reason = reason
    for f in candidates:
        if f.reason:
            leave(f.claim, f.reason)
    alive = [f for f in candidates if not f.reason]
    # each source's latest figure; an older one of the same source is replaced by it
    latest: dict[str, _Figure] = {}
    for f in sorted(alive, key=lambda f: (f.order, -fig.prominence(f.claim), int(f.claim.get("start") or 0))):
        seen = latest.get(f.key)
        if seen is None:
            latest[f.key] = f
        elif f.order > seen.order:
            if wholes.quoted(f.claim) != wholes.quoted(seen.claim):
                revisions.append((seen, f))
            leave(seen.claim, "superseded")
            latest[f.key] = f
        else:  # the same source again in one article: its most prominent figure stands
            leave(f.claim, "scope" if wholes.quoted(f.claim) > wholes.quoted(seen.claim) else "part")
    current = list(latest.values())
    if not current:
        return Reading(best=None, best_qualifier=None, low=None, high=None, revisions=_steps(revisions),
                       excluded=_dedupe(excluded))
    best = max(current, key=lambda f: (fig.prominence(f.claim), f.order, wholes.quoted(f.claim)))
    figures = [f.claim for f in current]
    low, high = fig.span(figures)
    best_value = wholes.quoted(best.claim)
    evidence = [str(i) for f in current if wholes.quoted(f.claim) == best_value
                for i in f.claim.get("joined") or [f.id]]
    disagreement = any(a.key != b.key and wholes.quoted(a.claim) != wholes.quoted(b.claim)
                       and fig.disagree([a.claim, b.claim]) for a, b in combinations(current, 2))
    sources = [{"source": cite_name(f.claim.get("source")), "value": int(f.claim.get("value") or 0),
                "qualifier": f.claim.get("qualifier"), "low": f.claim.get("low"), "high": f.claim.get("high"),
                "article": f.claim.get("article"), "date": f.claim.get("date"), "id": f.id}
               for f in sorted(current, key=lambda f: (f.order, int(f.claim.get("start") or 0)))]
    return Reading(best=best_value, best_qualifier=str(best.claim.get("qualifier") or "exact"), low=low, high=high,
                   sources=sources, disagreement=disagreement, revisions=_steps(revisions),
                   excluded=_dedupe(excluded), evidence=evidence)


def _same_person(figures: list[_Figure]) -> None:
    """One source however named in one event: "Milley" is "Gen. Mark Milley" when he is the only such name."""
    keys = {f.key for f in figures if f.key.startswith("source:")}
    for f in figures:
        name = f.key.removeprefix("source:")
        if f.key in keys and " " not in name:
            fuller = [k for k in keys if k != f.key and k.split()[-1] == name]
            if len(fuller) == 1:
                f.key = fuller[0]


def _as_figure(claim: Claim, articles: dict[str, tuple[date | None, int]], order: dict[str, int]) -> _Figure:
    article = str(claim.get("article"))
    return _Figure(claim, source_key(claim), articles.get(article, (None, 0))[0], order.get(article, 0))


def settle_figures(candidates: list[_Figure], picks: set[str],
                   revisions: list[tuple[_Figure, _Figure]]) -> dict[int, str]:
    """Each pair of whole figures in order, as `pairwise.settle` weighs them: updates (added to `revisions`),
    parts and scopes; why each figure left out was, by its index."""
    links = {c.claim.get(k) for c in candidates for k in ("part_of", "superseded_by")}
    seen = [traits(f.claim, linked=f.claim.get("id") in links) for f in candidates]
    signatures = [(t, f.order, f.key, _single(f), f.id in picks) for t, f in zip(seen, candidates, strict=True)]

    def outcome(i: int, j: int, i_first: bool) -> tuple[bool, str, bool] | None:
        return _decide(candidates[i], candidates[j], seen[i], seen[j], i_first, picks)

    from .pairwise import settle

    left, steps = settle(signatures, [int(f.claim.get("start") or 0) for f in candidates], outcome)
    revisions += [(candidates[old], candidates[new]) for old, new in steps]
    return left


def _decide(a: _Figure, b: _Figure, ta: Traits, tb: Traits, a_first: bool,
            picks: set[str]) -> tuple[bool, str, bool] | None:
    """What the pair (a, b) decides: (whether `a` is left out, else `b`; why; whether it is a step of the count)."""
    rel = related(ta, tb, a_first, a.order, b.order)
    if rel is Relation.UPDATE and a.order != b.order and not (a.id in picks and b.id in picks) \
            and not (ta.superseded_by or tb.superseded_by):
        rel = Relation.PART
    if rel in (Relation.UPDATE, Relation.CONFLICT) and (_single(a) or _single(b)) and ta.quoted != tb.quoted:
        rel = Relation.PART  # people described one by one are some of the victims, never a step of the count
    if rel is Relation.UPDATE:
        return a_older(a, b, ta, tb, a_first), "superseded", True
    if rel is Relation.PART:
        a_small = ta.quoted < tb.quoted
        return a_small, "partial_place" if (ta if a_small else tb).limited else "part", False
    if rel is Relation.SCOPE and a.order != b.order and a.key == b.key and not a.key.startswith("article:"):
        return a_older(a, b, ta, tb, a_first), "superseded", True  # a source's own later count replaces its earlier
    if rel is Relation.SCOPE:
        if a.order != b.order and not _perpetrator_traits(ta, tb):
            return not a_older(a, b, ta, tb, a_first), "scope", False  # far larger, later, unannounced: another count
        return ta.quoted < tb.quoted, "scope", False  # the victims against the victims and the gunman: fuller stands
    return None


def _steps(pairs: list[tuple[_Figure, _Figure]]) -> list[dict[str, Any]]:
    """The figures the whole count went through, oldest first, each once, no step repeating its figure."""
    seen: dict[str, _Figure] = {}
    for old, new in pairs:
        seen.setdefault(old.id, old)
        seen.setdefault(new.id, new)
    if not pairs:
        return []
    ordered = sorted(seen.values(), key=lambda f: (f.order, int(f.claim.get("start") or 0)))
    # the replaced figures come before what replaced them whatever their offsets
    replaced = {old.id for old, _ in pairs}
    ordered.sort(key=lambda f: (f.order, f.id not in replaced))
    steps: list[dict[str, Any]] = []
    for f in ordered:
        value = wholes.quoted(f.claim)
        if steps and steps[-1]["value"] == value:
            continue
        steps.append({"value": value, "id": f.id, "date": f.claim.get("date")})
    return steps if len(steps) > 1 else []


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        out.setdefault(str(item["id"]), item)
    return list(out.values())


# --- the toll's fields made consistent with its `best` (rules.py's `_toll`) ---------------------------

def revision_pairs(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The relations layer's steps (figures oldest first) as revisions {value, replaced_by, id, by_id, date}."""
    return [{"value": old["value"], "replaced_by": new["value"], "id": old["id"], "by_id": new["id"],
             "date": new.get("date")} for old, new in zip(steps, steps[1:], strict=False)]


def _entry_key(entry: dict[str, Any]) -> str:
    name = entry.get("source")
    return "article:" + str(entry.get("article")) if not name else \
        "source:" + re.sub(r"^(?:the|a|an)\s+", "", str(name), flags=re.IGNORECASE).lower()


def _entry_bounds(entry: dict[str, Any]) -> tuple[int, int | None]:
    """(lowest, highest) figure a source entry gives; highest None when open-ended ("more than 500")."""
    value = int(entry.get("value") or 0)
    if entry.get("qualifier") == "range":
        low, high = entry.get("low"), entry.get("high")
        return int(low) if low is not None else value, int(high) if high is not None else value
    # open upward only when the wording is ("more than 500", "dozens"); "as many as five" tops out at five
    return value, None if entry.get("qualifier") in ("at_least", "more_than", "vague") else value


def consistent_sources(sources: list[dict[str, Any]], best: int | None, qualifier: str | None,
                       best_claim: Claim | None, singles: str | None,
                       ordered: Sequence[Any]) -> tuple[list[dict[str, Any]], int | None, int | None, bool]:
    """Sources (one per citable source), low, high and disagreement that agree with each other and with `best`:
    the source that gives `best` is listed with it (replacing that source's other figure), low/high are the
    smallest and largest figures the sources give (high None when the largest is open-ended), and disagreement
    needs two sources with different figures."""
    out = [dict(s) for s in sources]
    if best is not None and not any(wholes.quoted(s) == best for s in out):
        if best_claim is not None and wholes.quoted(best_claim) == best:
            article = next((a for a in ordered if a.id == str(best_claim.get("article"))), None)
            entry = {"source": cite_name(best_claim.get("source")), "value": int(best_claim.get("value") or 0),
                     "qualifier": best_claim.get("qualifier"), "low": best_claim.get("low"),
                     "high": best_claim.get("high"), "article": best_claim.get("article"),
                     "date": article.raw_date if article else None, "id": best_claim.get("id")}
        else:  # people described one by one: the latest article that describes any, in its own voice
            article = next((a for a in reversed(ordered) if a.id == singles), ordered[-1] if ordered else None)
            entry = {"source": None, "value": best, "qualifier": qualifier or "exact", "low": best, "high": best,
                     "article": article.id if article else None, "date": article.raw_date if article else None,
                     "id": f"{article.id if article else ''}#single"}
        out = [s for s in out if _entry_key(s) != _entry_key(entry)] + [entry]
    seen: set[str] = set()
    unique = []
    for s in out:
        if _entry_key(s) not in seen:
            seen.add(_entry_key(s))
            unique.append(s)
    if not unique:
        return [], best, best, False
    bounds = [_entry_bounds(s) for s in unique]
    low = min(lo for lo, _ in bounds)
    tops = [hi for _, hi in bounds]
    high = None if any(hi is None and lo >= max((h for h in tops if h is not None), default=0)
                       for lo, hi in bounds) else max(h for h in tops if h is not None)
    disagreement = len({wholes.quoted(s) for s in unique}) > 1 and len(unique) > 1 and _differing(unique)
    return unique, low, high, disagreement


def _differing(entries: list[dict[str, Any]]) -> bool:
    """Whether two of these sources give figures that cannot both be true."""
    return any(fig.disagree([a, b]) for a, b in combinations(entries, 2))


def violations(toll: dict[str, Any]) -> list[str]:
    """How a toll (as a dict) contradicts itself (issue 26's self-consistency check; [] when it does not): a
    source figure outside `low`..`high`, a `low` or `high` no source gives, `best` outside them,
    `disagreement` without two sources with differing figures, a source listed twice, an exclusion
    without a spec reason or of a listed source's own figure."""
    out: list[str] = []
    sources, low, high = toll.get("sources") or [], toll.get("low"), toll.get("high")
    bounds = [_entry_bounds(s) for s in sources]
    for s, (lo, hi) in zip(sources, bounds, strict=True):
        # an open figure ("at least 13") lies within 13..18: only its floor is given
        if low is not None and lo < low or high is not None and (lo if hi is None else hi) > high:
            out.append(f"source {s.get('source')!r} {s.get('value')} outside {low}..{high}")
    if sources and low not in {lo for lo, _ in bounds}:
        out.append(f"low {low} given by no source")
    if sources and high is not None and high not in {hi for _, hi in bounds}:
        out.append(f"high {high} given by no source")
    best = toll.get("best")
    if best is not None and (low is not None and best < low or high is not None and best > high):
        out.append(f"best {best} outside {low}..{high}")
    if toll.get("disagreement") and (len(sources) < 2 or len({wholes.quoted(s) for s in sources}) < 2):
        out.append("disagreement without two differing sources")
    keys = [_entry_key(s) for s in sources]
    if len(keys) != len(set(keys)):
        out.append("a source listed twice")
    for x in toll.get("excluded") or []:
        if x.get("reason") not in EXCLUSION_REASONS:
            out.append(f"excluded {x.get('id')} without a spec reason: {x.get('reason')!r}")
        if str(x.get("id")) in {str(s.get("id")) for s in sources}:
            out.append(f"excluded {x.get('id')} is a source")
    return out
