"""The HTML report: claims, tolls and article texts in, one self-contained page out.

The page is a Jinja2 template (`templates/report.html.j2`) with autoescaping on, so every
piece of article text and every claim field is escaped; its CSS and script are package files
inlined verbatim and allowed by the page's Content-Security-Policy through their sha256
hashes, which forbids every other script, style and load. Nothing here imports spaCy: the
report is arithmetic over claims (extract's dicts) and the tolls built from them.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup

from ..claims import CLAIM_TYPES
from ..read.dates import parse_date

# How each qualifier is drawn, so a figure reads without colour: a prefix on its label and,
# in charts, a fill pattern (bars) or a marker shape (points over time).
PREFIX = {"exact": "", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<", "about": "~",
          "range": "", "vague": "", "": ""}
PATTERN = {"at_least": "open", "more_than": "open", "at_most": "upto", "less_than": "upto", "about": "about",
           "vague": "about", "range": "about"}
PATTERN_MEANING = {"open": "hatched: open-ended (at least, more than)", "upto": "cross-hatched: an upper bound "
                   "(up to, fewer than)", "about": "dotted: approximate (about, vague, range)"}
CHART_WIDTH, LABEL_WIDTH, ROW, MARGIN = 420, 150, 26, 8
# Up to this many events the toll cards are open; beyond, each event shows its figures in one line
# and opens on demand, so a report of 1,000 events stays quick to load and to scan.
OPEN_EVENTS = 10
# Likewise the table of all claims: laying out thousands of rows is most of a big page's load time.
OPEN_CLAIMS = 500


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; `claim` is the claim view it highlights, or None for plain text."""

    text: str
    claim: dict[str, Any] | None = None


@dataclass(slots=True)
class Chart:
    """Geometry of one toll's chart, computed here so the template only draws."""

    kind: str  # "bars", or "time" when every figure has a date
    width: int
    label_width: int
    height: int
    caption: str
    marks: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)


def figure_label(value: int | None, qualifier: str, quantity: str | None = None) -> str:
    """"≥240", ">500", "~50": the figure with its hedge as a sign (a range shows as written)."""
    if value is None:
        return "no figure"
    if qualifier == "range" and quantity:
        return quantity
    return f"{PREFIX.get(qualifier, '')}{value:,}" + ("+" if qualifier == "vague" else "")


def isolated(text: str) -> str:
    """`text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for the places <bdi> cannot
    go (tooltips, attributes, SVG text): a right-to-left override in a source name ends at the
    PDI, so it cannot turn the figure after it from 14 into 41."""
    return f"\u2068{text}\u2069"


def tip(claim: Mapping[str, Any]) -> str:
    """What a highlight shows on hover and focus, one field a line, each text isolated."""
    def show(v: Any) -> str:
        return "—" if v in (None, "") else isolated(str(v))

    return "\n".join([
        f"{claim['type']}: {isolated(str(claim['quantity']))} (value {claim['value']:,}, {claim['qualifier']})",
        f"victims: {show(claim.get('victims'))}",
        f"source: {show(claim.get('source'))}",
        f"title: {show(claim.get('source_title'))}",
        f"via: {show(claim.get('via'))}",
        f"cue: {show(claim.get('cue'))}",
    ])


def segments(text: str, claims: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """`text` cut into plain runs and highlighted quantities, in text order.

    A claim whose span overlaps one already highlighted (or whose offsets do not match the
    text) still gets its own, empty, highlight at its start, so every claim can be found.
    """
    out: list[Segment] = []
    cursor = 0
    for c in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        start, end = c["start"], c["end"]
        if start < cursor or text[start:end] != c["quantity"]:
            at = min(max(start, cursor), len(text))
            if at > cursor:
                out.append(Segment(text[cursor:at]))
                cursor = at
            out.append(Segment("", dict(c)))
            continue
        if start > cursor:
            out.append(Segment(text[cursor:start]))
        out.append(Segment(text[start:end], dict(c)))
        cursor = end
    if cursor < len(text):
        out.append(Segment(text[cursor:]))
    return out


def sentence_passages(claims: Sequence[Mapping[str, Any]]) -> list[list[Segment]]:
    """Without the article text: each distinct sentence once, its claims highlighted in it.

    A sentence's own offset in the article is unknown; it is taken from its first claim
    (the quantity's offset minus where the quantity sits in the sentence).
    """
    by_sentence: dict[str, list[dict[str, Any]]] = {}
    base: dict[str, int] = {}
    for c in claims:
        sentence = c["sentence"]
        if sentence not in base:
            base[sentence] = c["start"] - max(sentence.find(c["quantity"]), 0)
        local = dict(c, start=c["start"] - base[sentence], end=c["end"] - base[sentence])
        if sentence[local["start"]:local["end"]] != c["quantity"] and c["quantity"] in sentence:
            at = sentence.find(c["quantity"])
            local.update(start=at, end=at + len(c["quantity"]))
        by_sentence.setdefault(sentence, []).append(local)
    return [segments(s, cs) for s, cs in by_sentence.items()]


def chart(toll: Mapping[str, Any], name: str) -> Chart:
    """Each source's figure for one toll: bars, or points on a time axis when all have dates.

    Every mark carries its figure and source as text and its hedge as a pattern or shape,
    so the chart reads without colour; `caption` says the same in words.
    """
    sources = toll["sources"]
    top = max([s["value"] for s in sources] + [1])
    words = "; ".join(f"{s['source'] or 'the article itself'}: {figure_label(s['value'], s['qualifier'])}"
                      + (f" on {s['date']}" if s.get("date") else "") for s in sources)
    caption = f"{toll['type'].capitalize()} in {name}, by source: {words or 'no figures'}."
    days = [parse_date(s.get("date")) for s in sources]
    if len(sources) > 1 and all(days) and len(set(days)) > 1:
        return _time_chart(toll, sources, days, top, caption)  # type: ignore[arg-type]
    out = Chart("bars", CHART_WIDTH, LABEL_WIDTH, MARGIN * 2 + ROW * max(len(sources), 1), caption)
    span = CHART_WIDTH - LABEL_WIDTH - (150 if any(s.get("date") for s in sources) else 80)  # room for the label
    for i, s in enumerate(sources):
        who = s["source"] or "the article itself"
        out.marks.append({
            "y": MARGIN + i * ROW, "width": max(round(span * s["value"] / top, 1), 1.0),
            "who": isolated(who if len(who) <= 22 else who[:21] + "…"), "full": isolated(who),
            "label": figure_label(s["value"], s["qualifier"]) + (f" ({s['date'][:10]})" if s.get("date") else ""),
            "pattern": PATTERN.get(s["qualifier"]), "id": s["id"],
        })
    return out


def _time_chart(toll: Mapping[str, Any], sources: list[dict[str, Any]], days: list[date], top: int,
                caption: str) -> Chart:
    height, left, right, bottom = 200, 60, 130, 30
    first, last = min(days), max(days)
    span = (last - first).days or 1
    out = Chart("time", CHART_WIDTH, left, height, caption)
    plot_w, plot_h = CHART_WIDTH - left - right, height - bottom - 2 * MARGIN
    for s, d in zip(sources, days, strict=True):
        x = left + plot_w * (d - first).days / span
        y = MARGIN + plot_h * (1 - s["value"] / top)
        who = s["source"] or "the article itself"
        short = who if len(who) <= 14 else who[:13] + "…"
        out.marks.append({"x": round(x, 1), "y": round(y, 1), "shape": PATTERN.get(s["qualifier"], "exact"),
                          "label": f"{figure_label(s['value'], s['qualifier'])} {isolated(short)}",
                          "full": f"{isolated(who)}: {figure_label(s['value'], s['qualifier'])} on {s['date']}",
                          "id": s["id"]})
    out.ticks = [{"x": left, "text": first.isoformat(), "anchor": "start"},
                 {"x": left + plot_w, "text": last.isoformat(), "anchor": "end"},
                 {"y": MARGIN, "text": f"{top:,}"}, {"y": MARGIN + plot_h, "text": "0"}]
    return out


@cache
def _asset(name: str) -> str:
    """A CSS or script file of the package, checked to be safe to inline in its element."""
    text = (files("casualty_cli.write") / "templates" / name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"{name}: '</' would end its element early")
    return text


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline style or script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("casualty_cli.write", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["figure"] = figure_label
    return env.get_template("report.html.j2")


def render_report(claims: Sequence[Mapping[str, Any]], tolls: Iterable[Mapping[str, Any]], *,
                  texts: Mapping[str, str] | None = None, skipped: int = 0,
                  title: str = "Casualty report") -> Iterator[str]:
    """The page, in chunks. `texts` maps article id to its text, in article order; without it
    the articles are those of the claims and each shows its claims' sentences."""
    views = [dict(c, anchor=f"c{i}", tip=tip(c)) for i, c in enumerate(claims, 1)]
    by_id = {v["id"]: v for v in views}
    by_article: dict[str, list[dict[str, Any]]] = {a: [] for a in (texts or {})}
    for v in views:
        by_article.setdefault(v["article"], []).append(v)
    articles = [{"id": a, "anchor": f"a{i}", "claims": cs, "has_text": texts is not None and a in texts,
                 "passages": [segments(texts[a], cs)] if texts is not None and a in texts else sentence_passages(cs)}
                for i, (a, cs) in enumerate(by_article.items(), 1)]
    article_anchor = {a["id"]: a["anchor"] for a in articles}
    events: dict[str, list[dict[str, Any]]] = {}
    for t in tolls:
        events.setdefault(t["event"], []).append(dict(t))
    event_views = []
    for i, (event, cards) in enumerate(events.items(), 1):
        for j, card in enumerate(cards, 1):
            card["anchor"] = f"e{i}-{j}"
            card["chart"] = chart(card, event)
        event_views.append({"name": event, "anchor": f"e{i}", "cards": cards,
                            "article_anchor": article_anchor.get(event)})
    by_type = {t: sum(c["type"] == t for c in claims) for t in CLAIM_TYPES}
    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    sources = sorted({c["source"] for c in claims if c.get("source")}, key=str.casefold)
    return _template().generate(
        title=title, csp=csp, css=_markup(css), js=_markup(js), claims=views, by_id=by_id,
        articles=articles, events=event_views, by_type=by_type, types=CLAIM_TYPES, sources=sources,
        skipped=skipped, patterns=PATTERN_MEANING, with_texts=texts is not None,
        open_events=len(event_views) <= OPEN_EVENTS, open_claims=OPEN_CLAIMS)


def _markup(asset: str) -> Markup:
    """Our own CSS or script (never article text) passed through unescaped: it is raw text in
    its element, and `_asset` has checked it cannot close that element."""
    return Markup(asset)



REQUIRED = ("id", "article", "type", "value", "qualifier", "quantity", "sentence", "start", "end")


def missing_fields(claim: Mapping[str, Any]) -> list[str]:
    """The claim-spec fields the page needs that `claim` lacks (a hand-edited claims file)."""
    return [k for k in REQUIRED if k not in claim]
