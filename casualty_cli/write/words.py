"""Toll fields in the words a reader quotes: "more than 500", "6 → 8 (2014-01-28)", "531 — a total over a period".

Pure functions over the toll's own values, shared by the terminal tables; the vocabulary is the claims'
(qualifiers of claim-spec §2, vague counts of the lexicon, exclusion reasons of §5), so a table never says
more, or less, than the JSON it comes from.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..extract.lexicon import VAGUE_COUNTS
from ..read.dates import parse_date

# "more than 500": the hedge before the figure, one per claim qualifier (range and vague are worded apart).
HEDGE_WORDS: dict[str, str] = {"exact": "", "at_least": "at least ", "more_than": "more than ", "at_most": "up to ",
                               "less_than": "fewer than ", "about": "about ", "range": "", "vague": ""}
# "dozens" for 24: the vague counts by the value the spec gives them.
VAGUE_WORDS: dict[int, str] = {value: words for words, value in VAGUE_COUNTS.items() if not words.endswith(" of")}
# Why a figure was left out of a toll (claim-spec §5 `excluded`), said as a reader would say it.
REASON_WORDS: dict[str, str] = {
    "part": "part of another figure",
    "superseded": "replaced by a later figure",
    "other_event": "about another event",
    "period_total": "a total over a period",
    "partial_place": "one place or group, not the whole",
    "related_story": "from a related story",
    "scope": "a different scope (e.g. counts the attacker)",
}


def hedged(value: int | None, qualifier: str | None, *, low: int | None = None, high: int | None = None) -> str:
    """A figure with its hedge: "more than 500", "at least 240", "about 30", "dozens", "20–30"; "no figure"."""
    if value is None:
        return "no figure"
    if qualifier == "vague":
        return VAGUE_WORDS.get(value, f"about {value}")
    if qualifier == "range" and low is not None and high is not None and low != high:
        return f"{low:,}–{high:,}"
    return HEDGE_WORDS.get(qualifier or "exact", "") + f"{value:,}"


def best_words(toll: Any) -> str:
    """The toll's figure to quote with its hedge; a range is read from the source that gives it."""
    low = high = None
    if toll.best_qualifier == "range":
        entry = next((s for s in toll.sources if s.get("qualifier") == "range"
                      and toll.best in (s.get("value"), s.get("high"))), None)
        if entry is not None:
            low, high = entry.get("low"), entry.get("high")
    return hedged(toll.best, toll.best_qualifier, low=low, high=high)


def span_words(toll: Any) -> str:
    """low–high as read: "40–52"; "500–" when open-ended; "" when no figure."""
    if toll.low is None and toll.high is None:
        return ""
    if toll.low == toll.high:
        return str(toll.low)
    return f"{'' if toll.low is None else toll.low}–{'' if toll.high is None else toll.high}"


def iso(raw: Any) -> str:
    """A date as the toll's `as_of` gives it ("May 2, 2016" -> "2016-05-02"); one that cannot be read, as given."""
    parsed = parse_date(str(raw))
    return parsed.isoformat() if parsed is not None else str(raw)


def short_id(claim_id: str, *, one_article: bool) -> str:
    """ "#2" for a claim of an event that is one article (its place in the article), else the whole id."""
    article, _, n = str(claim_id).rpartition("#")
    return f"#{n}" if one_article and article and n else str(claim_id)


def derived_note(source: Mapping[str, Any]) -> str:
    """What a derived figure rests on (`tolls.derived`: its source is `<article>#derived`), else ""."""
    return " (derived: people shot less the killed)" if str(source.get("id") or "").endswith("#derived") else ""


def source_lines(toll: Any) -> list[str]:
    """Who says what, one source a line: "police: 52 (2016-05-02)"; the article's own voice is "(the article)"
    when the event is one article, else "(article a2)"."""
    out = []
    for s in toll.sources:
        name = s.get("source")
        if not name:
            name = "(the article)" if toll.articles == 1 else f"(article {s.get('article')})"
        figure = hedged(s.get("value"), s.get("qualifier"), low=s.get("low"), high=s.get("high"))
        out.append(f"{name}{derived_note(s)}: {figure}" + (f" ({iso(s['date'])})" if s.get("date") else ""))
    return out


def revision_lines(revisions: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each update with the date of the figure that replaced it: "6 → 8 (2014-01-28)", oldest first."""
    return [f"{r.get('value')} → {r.get('replaced_by')}" + (f" ({iso(r['date'])})" if r.get("date") else "")
            for r in revisions]


def excluded_line(item: Mapping[str, Any], *, one_article: bool, part_of: str | None = None) -> str:
    """A figure left out and why: "#2: 531 — a total over a period"; "#3: 200 — part of another figure (#2)"
    when the breakdown's whole is known."""
    reason = REASON_WORDS.get(str(item.get("reason")), str(item.get("reason")))
    if part_of:
        reason += f" ({short_id(part_of, one_article=one_article)})"
    return f"{short_id(str(item.get('id')), one_article=one_article)}: {item.get('value')} — {reason}"


def event_line(event: str, articles: int, as_of: str | None) -> str:
    """The heading of an event's tolls: "event 7 · 2 articles · as of 2016-05-02"."""
    dated = f"as of {as_of}" if as_of else "no date"
    return f"event {event} · {articles} article{'' if articles == 1 else 's'} · {dated}"
