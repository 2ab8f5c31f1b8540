"""The terminal table: one row per claim, article text escaped so "[sic]" stays text."""
from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .claims import Claim


def figure(claim: Claim) -> str:
    """The figure as people read it, hedge included: "more than 500"."""
    return claim.quantity


def who(claim: Claim) -> str:
    parts = [claim.source or ""]
    if claim.source_title:
        parts.append(f"({claim.source_title})")
    if claim.via:
        parts.append(f"via {claim.via}")
    return " ".join(p for p in parts if p)


def claims_table(claims: Iterable[Claim], *, details: bool = False) -> Table:
    """A rich table of claims; `details` adds the sentence with the figure highlighted."""
    table = Table(show_lines=details)
    for name in ("type", "figure", "value", "victims", "source", "article"):
        table.add_column(name, overflow="fold")
    if details:
        table.add_column("sentence", overflow="fold", ratio=3)
    for c in claims:
        row: list[str | Text] = [c.type, escape(figure(c)), str(c.value), escape(c.victims or ""),
                                 escape(who(c)), escape(c.article)]
        if details:
            text = Text(c.sentence)
            at = c.sentence.find(c.quantity)
            if at >= 0:
                text.stylize("bold reverse", at, at + len(c.quantity))
            row.append(text)
        table.add_row(*row)
    return table


def print_table(console: Console, claims: list[Claim], *, details: bool = False) -> None:
    console.print(claims_table(claims, details=details))
