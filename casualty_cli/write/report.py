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
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

import jinja2
from markupsafe import Markup

from ..claims import CLAIM_TYPES
from ..read.dates import parse_date
from . import charts
from .words import REASON_WORDS, derived_note, hedged

# Up to this many events the toll cards are open; beyond, each event shows its figures in one line
# and opens on demand, so a report of 1,000 events stays quick to load and to scan.
OPEN_EVENTS = 10
# Likewise the table of all claims: laying out thousands of rows is most of a big page's load time.
OPEN_CLAIMS = 500
PREFIX = {"exact": "", "at_least": "≥", "more_than": ">", "at_most": "≤", "up_to": "≤", "less_than": "<",
          "about": "~", "range": "", "vague": "", "": ""}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; `claim` is the claim view it highlights, or None for plain text."""

    text: str
    claim: dict[str, Any] | None = None


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


def _day(value: str | None) -> date | None:
    """A date as the one parser reads it (`read.dates`): ISO first, then python-dateutil; None for no whole day."""
    return parse_date(value) if value else None


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
    env.filters["isolated"] = isolated
    return env.get_template("report.html.j2")


def day_text(raw: Any) -> str | None:
    """A date as ISO when it can be read, else as written (None for none)."""
    if raw in (None, ""):
        return None
    day = _day(str(raw))
    return day.isoformat() if day else str(raw)


def is_link(value: Any) -> bool:
    """Only web addresses become links: no `javascript:`, `data:` or `file:` from an input."""
    return isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")) \
        and not any(ch.isspace() or ord(ch) < 32 for ch in value.strip())


def article_meta(record: Mapping[str, Any] | None, title_field: str | None, date_field: str | None,
                 carried: Sequence[str] = ()) -> dict[str, Any]:
    """What the page shows of an article's record: its title, its date and the carried fields."""
    record = record or {}
    return {"title": record.get(title_field) if title_field else None,
            "date": record.get(date_field) if date_field else None,
            "carried": {f: record[f] for f in carried if f in record}}


def article_view(article: str, anchor: str, meta: Mapping[str, Any] | None) -> dict[str, Any]:
    """An article's name (its title, else its id), date and carried fields (web addresses as links)."""
    meta = meta or {}
    title = " ".join(str(meta.get("title") or "").split()) or None
    carried = [{"name": k, "value": v if isinstance(v, str) else json.dumps(v, ensure_ascii=False),
                "link": is_link(v)} for k, v in (meta.get("carried") or {}).items() if v not in (None, "")]
    return {"id": article, "anchor": anchor, "title": title, "name": title or article,
            "date": day_text(meta.get("date")), "day": _day(str(meta.get("date") or "")) or None,
            "url": next((c["value"].strip() for c in carried if c["link"]), None), "carried": carried}


def _who(source: Mapping[str, Any], articles: Mapping[str, dict[str, Any]], alone: bool) -> str:
    """A source as the card names it; a figure in an article's own voice is that article."""
    if source.get("source"):
        return str(source["source"])
    article = articles.get(str(source.get("article")))
    if alone or article is None:
        return "the article itself"
    if article["title"]:
        return f"the article “{article['title']}”"
    return f"the article of {article['date']}" if article["date"] else f"the article {article['id']}"


def _source_label(source: Mapping[str, Any]) -> str:
    low, high = source.get("low"), source.get("high")
    quantity = f"{low:,}–{high:,}" if source.get("qualifier") == "range" and low is not None and high else None
    return figure_label(source.get("value"), str(source.get("qualifier") or "exact"), quantity)


def card_view(toll: Mapping[str, Any], anchor: str, articles: Mapping[str, dict[str, Any]],
              event_days: Sequence[date]) -> dict[str, Any]:
    """One toll's card: the same fields as the JSON toll, in words, and its chart."""
    sources = list(toll.get("sources") or [])
    alone = int(toll.get("articles") or 0) <= 1 and len({s.get("article") for s in sources}) <= 1

    def who(s: Mapping[str, Any]) -> str:
        return _who(s, articles, alone) + derived_note(s)

    shown = [{**s, "who": who(s), "label": _source_label(s), "hedged": hedged(s.get("value"), s.get("qualifier")),
              "day": day_text(s.get("date")), "article_view": articles.get(str(s.get("article")))} for s in sources]
    if toll.get("disagreement"):
        agreement = "disagree"
    elif len(sources) >= 2:
        agreement = "agree"
    else:
        agreement = "one" if sources else "none"
    name = toll["event"]
    words = "; ".join(f"{s['who']}: {s['label']}" + (f" on {s['day']}" if s["day"] else "") for s in shown)
    caption = f"{toll['type'].capitalize()} in {name}, by source: {words or 'no figures'}."
    return {**toll, "anchor": anchor, "headline": hedged(toll.get("best"), toll.get("best_qualifier")),
            "shown": shown, "agreement": agreement,
            "revisions": [{**r, "day": day_text(r.get("date"))} for r in toll.get("revisions") or []],
            "excluded": _left_out(toll.get("excluded") or []),
            "articles": toll.get("articles"), "as_of": day_text(toll.get("as_of")),
            "chart": _chart(shown, event_days, caption)}


def _left_out(excluded: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The figures left out, grouped by why (the reason in words), each figure once with the claims that
    give it ("2 ×14": a breakdown repeated across an event's articles)."""
    groups: dict[str, dict[Any, list[str]]] = {}
    for x in excluded:
        groups.setdefault(str(x.get("reason")), {}).setdefault(x.get("value"), []).append(str(x.get("id")))
    return [{"reason": r, "why": REASON_WORDS.get(r, r),
             "figures": [{"value": v, "ids": ids} for v, ids in values.items()]}
            for r, values in groups.items()]


def _chart(shown: list[dict[str, Any]], event_days: Sequence[date], caption: str) -> charts.Chart:
    """No chart for fewer than two sources; a time axis when two or more fall on different days of the
    event's reporting window; else bars."""
    if len(shown) < 2:
        return charts.Chart("none", caption)
    days = [_day(s.get("date")) for s in shown]

    def who(s: Mapping[str, Any]) -> str:
        return str(s["who"])

    def label(s: Mapping[str, Any]) -> str:
        return str(s["label"])

    window = charts.reporting_window([*event_days, *(d for d in days if d)])
    inside = {d for d in days if d and window and window[0] <= d <= window[1]}
    if window and len(inside) > 1 and all(days):
        return charts.timeline(shown, days, window, who, label, caption)
    return charts.bars(shown, who, label, caption)


def render_report(claims: Sequence[Mapping[str, Any]], tolls: Iterable[Mapping[str, Any]], *,
                  texts: Mapping[str, str] | None = None, skipped: int = 0, title: str = "Casualty report",
                  meta: Mapping[str, Mapping[str, Any]] | None = None,
                  event_articles: Mapping[str, Sequence[str]] | None = None) -> Iterator[str]:
    """The page, in chunks. `texts` maps article id to its text, in article order; without it
    the articles are those of the claims and each shows its claims' sentences. `meta` gives an
    article's `title`, `date` and `carried` record fields (shown, web addresses linked);
    `event_articles` the articles of each event (its name, its time window)."""
    meta = meta or {}
    views = [dict(c, anchor=f"c{i}", tip=tip(c)) for i, c in enumerate(claims, 1)]
    by_id = {v["id"]: v for v in views}
    by_article: dict[str, list[dict[str, Any]]] = {a: [] for a in (texts or {})}
    for v in views:
        by_article.setdefault(v["article"], []).append(v)
    articles = [{**article_view(a, f"a{i}", meta.get(a)), "claims": cs, "has_text": texts is not None and a in texts,
                 "passages": [segments(texts[a], cs)] if texts is not None and a in texts else sentence_passages(cs)}
                for i, (a, cs) in enumerate(by_article.items(), 1)]
    article_of = {a["id"]: a for a in articles}
    events: dict[str, list[Mapping[str, Any]]] = {}
    for t in tolls:
        events.setdefault(t["event"], []).append(t)
    event_views = [_event_view(event, f"e{i}", tolls_of, article_of, (event_articles or {}).get(event))
                   for i, (event, tolls_of) in enumerate(events.items(), 1)]
    by_type = {t: sum(c["type"] == t for c in claims) for t in CLAIM_TYPES}
    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    sources = sorted({c["source"] for c in claims if c.get("source")}, key=str.casefold)
    return _template().generate(
        title=title, csp=csp, css=_markup(css), js=_markup(js), claims=views, by_id=by_id,
        articles=articles, events=event_views, by_type=by_type, types=CLAIM_TYPES, sources=sources,
        skipped=skipped, patterns=charts.PATTERN_MEANING, with_texts=texts is not None,
        names={a["id"]: a["name"] for a in articles},
        open_events=len(event_views) <= OPEN_EVENTS, open_claims=OPEN_CLAIMS)


def _event_view(event: str, anchor: str, tolls: Sequence[Mapping[str, Any]], article_of: Mapping[str, dict[str, Any]],
                members: Sequence[str] | None) -> dict[str, Any]:
    """An event named by its first article's title (the earliest dated, else the first given), with its
    key, article count and dates; its cards."""
    own = [article_of[a] for a in (members or [event]) if a in article_of]
    ordered = sorted(own, key=lambda a: a["day"] or date.min)
    titled = next((a for a in ordered if a["title"]), None)
    days = sorted(a["day"] for a in own if a["day"])
    cards = [card_view(t, f"{anchor}-{j}", article_of, days) for j, t in enumerate(tolls, 1)]
    return {"key": event, "name": titled["title"] if titled else event, "named": titled is not None,
            "anchor": anchor, "cards": cards, "articles": ordered, "first": days[0].isoformat() if days else None,
            "last": days[-1].isoformat() if days else None,
            "article_anchor": own[0]["anchor"] if len(own) == 1 else None}


def _markup(asset: str) -> Markup:
    """Our own CSS or script (never article text) passed through unescaped: it is raw text in
    its element, and `_asset` has checked it cannot close that element."""
    return Markup(asset)



REQUIRED = ("id", "article", "type", "value", "qualifier", "quantity", "sentence", "start", "end")


def missing_fields(claim: Mapping[str, Any]) -> list[str]:
    """The claim-spec fields the page needs that `claim` lacks (a hand-edited claims file)."""
    return [k for k in REQUIRED if k not in claim]
