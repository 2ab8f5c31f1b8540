"""Writers for tolls: JSON, JSON Lines, CSV and the terminal table, streamed like the claim writers.

The table says each field in words (`words`): the figure with its hedge, the range, each source with its
figure and date, each revision with its date, the event's article count and latest date; `--details` adds
the evidence sentences and the figures left out, with why.

CSV cells of the list fields (`sources`, `revisions`, `excluded`, `evidence`) hold the list as JSON text,
so one toll stays one row.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any

from rich.text import Text

from ..tolls.rules import TOLL_FIELDS, Toll
from .export import _choose, neutralise
from .layout import Column, Heading, Item, Lines, Row, print_grouped
from .render import highlight
from .terminal import for_terminal as safe
from .words import best_words, event_line, excluded_line, revision_lines, source_lines, span_words

__all__ = ["TOLL_FIELDS", "TollTableWriter", "TollWriter", "parse_toll_fields"]

def parse_toll_fields(text: str | None) -> tuple[str, ...]:
    """`--fields event,type,best` -> the toll field names, checked."""
    return TOLL_FIELDS if text is None else _choose(text, TOLL_FIELDS, "toll field names")


def toll_dict(toll: Toll, fields: Sequence[str]) -> dict[str, Any]:
    data = toll.to_dict()
    return {f: data[f] for f in fields}


class TollWriter:
    """JSON Lines, JSON or CSV, one toll a line / item / row, flushed per event."""

    def __init__(self, fmt: str, out: IO[str], fields: Sequence[str] = TOLL_FIELDS) -> None:
        self.fmt, self.out, self.fields, self.first = fmt, out, fields, True
        self.csv = csv.writer(out, lineterminator="\r\n") if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writerow(fields)
        elif fmt == "json":
            out.write("[")

    def write(self, tolls: Iterable[Toll]) -> None:
        for toll in tolls:
            data = toll_dict(toll, self.fields)
            if self.csv is not None:
                self.csv.writerow([_cell(v) for v in data.values()])
            elif self.fmt == "json":
                self.out.write(("\n  " if self.first else ",\n  ") + json.dumps(data, ensure_ascii=False))
            else:
                self.out.write(json.dumps(data, ensure_ascii=False) + "\n")
            self.first = False
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("]\n" if self.first else "\n]\n")
        self.out.flush()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return neutralise(value)


# The default view: each event under a heading with its article count and date; a column for each field.
TOLL_COLUMNS = (Column("type", least=None), Column("figure", least=8), Column("range", least=7),
                Column("sources", least=12), Column("revisions", least=10))


def toll_items(tolls: Iterable[Toll], *, claims: Mapping[str, Mapping[str, Any]] | None = None) -> list[Item]:
    """Each event's heading ("event 7 · 2 articles · as of 2016-05-02"), then a row per toll; with `claims` (id ->
    claim), under each toll its evidence sentences, the figure highlighted, and the figures left out with why."""
    from .render import TYPE_STYLE

    items: list[Item] = []
    shown = None
    for t in tolls:
        if t.event != shown:
            shown = t.event
            items.append(Heading(Text(safe(event_line(t.event, t.articles, t.as_of)), style="bold")))
        sources = lines(source_lines(t))
        if t.disagreement:
            sources.append("\n≠ they disagree", style="red")
        items.append(Row((Text(safe(t.type), style=TYPE_STYLE.get(t.type, "")),
                          Text(safe(best_words(t)), style="bold"), Text(safe(span_words(t))), sources,
                          lines(revision_lines(t.revisions)))))
        if claims is not None:
            items.append(Lines(tuple(_details(t, claims))))
    return items


def lines(texts: Iterable[str]) -> Text:
    """A cell of several lines, each escaped on its own (an escaped newline would join them)."""
    return Text("\n".join(safe(t) for t in texts))


def _details(toll: Toll, claims: Mapping[str, Mapping[str, Any]]) -> list[Text]:
    """The evidence of a toll's figure (each sentence once) and what it left out."""
    out: list[Text] = []
    seen: set[str] = set()
    for ref in toll.evidence:
        claim = claims.get(ref)
        # evidence is a claim id, or the sentence itself for people described one by one
        sentence, quantity = (str(claim.get("sentence") or ""), str(claim.get("quantity") or "")) if claim \
            else (ref, "")
        if sentence not in seen:
            seen.add(sentence)
            out.append(Text.assemble(("evidence: ", "dim"), highlight(sentence, quantity)))
    for x in toll.excluded:
        whole = (claims.get(str(x.get("id"))) or {}).get("part_of") if x.get("reason") == "part" else None
        out.append(Text.assemble(("left out ", "dim"), safe(excluded_line(x, one_article=toll.articles == 1,
                                                                          part_of=whole))))
    return out or [Text("no evidence, nothing left out", style="dim")]


class TollTableWriter:
    """Collects the tolls and prints one table at the end (a table needs every row's width).

    With `details`, `keep` must see every claim on its way to the tolls: the evidence sentences are read from them.
    """

    def __init__(self, console: Any, fields: Sequence[str] | None = None, *, details: bool = False,
                 say: Callable[[str], None] | None = None) -> None:
        self.console, self.fields, self.say = console, fields, say
        self.tolls: list[Toll] = []
        self.claims: dict[str, dict[str, Any]] | None = {} if details else None

    def keep(self, claims: Iterable[Mapping[str, Any]]) -> None:
        """Hold what the details show of these claims: their sentence, figure and the figure they break down."""
        if self.claims is not None:
            self.claims.update((str(c.get("id")), {"sentence": str(c.get("sentence") or ""),
                                                   "quantity": str(c.get("quantity") or ""),
                                                   "part_of": c.get("part_of")}) for c in claims)

    def write(self, tolls: Iterable[Toll]) -> None:
        self.tolls.extend(tolls)

    def close(self) -> None:
        if not self.tolls:
            return
        if self.fields:
            rows: list[Item] = [Row(tuple(Text(safe(_cell(v))) for v in toll_dict(toll, self.fields).values()))
                                for toll in self.tolls]
            print_grouped(self.console, tuple(Column(f) for f in self.fields), rows, self.say)
            return
        print_grouped(self.console, TOLL_COLUMNS, toll_items(self.tolls, claims=self.claims), self.say)
