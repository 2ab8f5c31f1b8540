"""Writers for tolls: JSON, JSON Lines, CSV and the terminal table, streamed like the claim writers.

CSV cells of the list fields (`sources`, `revisions`, `evidence`) hold the list as JSON text,
so one toll stays one row.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from ..tolls.rules import TOLL_FIELDS, Toll, revision_text
from .export import _choose, neutralise
from .terminal import for_terminal as safe

__all__ = ["TOLL_FIELDS", "TollTableWriter", "TollWriter", "parse_toll_fields"]

# The table's default columns: event, type, best, low–high, sources, disagreement mark, revisions.
DISAGREE_MARK = "≠"


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


def span_text(toll: Toll) -> str:
    """low–high as read: "40–52", "500–" when open-ended, "" when no figure."""
    if toll.low is None and toll.high is None:
        return ""
    if toll.low == toll.high:
        return str(toll.low)
    return f"{'' if toll.low is None else toll.low}–{'' if toll.high is None else toll.high}"


def sources_text(toll: Toll) -> str:
    """Who says what: "police 52; Reuters 50"; the article's own voice is "(text)"."""
    return "; ".join(f"{s['source'] or '(text)'} {s['value']}" for s in toll.sources)


class TollTableWriter:
    """Collects the tolls and prints one table at the end."""

    def __init__(self, console: Any, fields: Sequence[str] | None = None) -> None:
        self.console, self.fields = console, fields
        self.tolls: list[Toll] = []

    def write(self, tolls: Iterable[Toll]) -> None:
        self.tolls.extend(tolls)

    def close(self) -> None:
        if not self.tolls:
            return
        from rich.table import Table
        from rich.text import Text

        from .render import TYPE_STYLE

        table = Table(expand=False, pad_edge=False)
        if self.fields:
            for name in self.fields:
                table.add_column(name, overflow="fold")
            for toll in self.tolls:
                table.add_row(*(Text(safe(_cell(v))) for v in toll_dict(toll, self.fields).values()))
        else:
            for name in ("event", "type", "best", "low–high", "sources", "", "revisions"):
                table.add_column(name, overflow="fold")
            for t in self.tolls:
                table.add_row(Text(safe(t.event), style="dim"), Text(safe(t.type), style=TYPE_STYLE.get(t.type, "")),
                              Text("" if t.best is None else str(t.best), style="bold"), Text(span_text(t)),
                              Text(safe(sources_text(t))), Text(DISAGREE_MARK if t.disagreement else "", style="red"),
                              Text(safe(revision_text(t))))
        self.console.print(table)
