"""The terminal table of claims: one row per claim under its article's name, readable at 80 columns (`layout`).

Every cell is a `rich.text.Text`, never a markup string, so article text such as "[sic]" or
"[/b]" is shown as written; control and bidi characters are shown escaped
(`terminal.for_terminal`). Colour comes only from the console: rich turns it off when NO_COLOR
is set or the output is not a terminal.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.console import Console
from rich.text import Text

from ..claims import Claim
from .layout import Column, Heading, Item, Lines, Row, print_grouped
from .terminal import for_terminal as safe

TYPE_STYLE = {"killed": "red", "injured": "yellow", "missing": "magenta", "casualties": "cyan",
              "displaced": "blue"}


def who(claim: Claim) -> str:
    """Source, title and outlet in one line: "Abdul Sattar al-Habbo (the chief of ...) via Reuters"."""
    parts = [claim.source or ""]
    if claim.source_title:
        parts.append(f"({claim.source_title})")
    if claim.via:
        parts.append(f"via {claim.via}")
    return " ".join(p for p in parts if p)


def highlighted(claim: Claim) -> Text:
    """The claim's sentence with its quantity in bold reverse."""
    return highlight(claim.sentence, claim.quantity)


def highlight(sentence: str, quantity: str) -> Text:
    """A sentence with the figure in bold reverse (each piece escaped on its own, so the highlight stays on
    the figure)."""
    at = sentence.find(quantity) if quantity else -1
    if at < 0:
        return Text(safe(sentence))
    return Text.assemble(safe(sentence[:at]), (safe(quantity), "bold reverse"), safe(sentence[at + len(quantity):]))


def field_items(claims: Iterable[Claim], fields: Sequence[str]) -> tuple[tuple[Column, ...], list[Item]]:
    """Exactly these claim fields, one column each (`--fields`), a row per claim."""
    rows: list[Item] = [Row(tuple(Text("" if data[f] is None else safe(data[f])) for f in fields))
                        for data in (c.to_dict() for c in claims)]
    return tuple(Column(f) for f in fields), rows


# The default view: each article's name heads its rows, so a long id never folds inside a column.
CLAIM_COLUMNS = (Column("#", justify="right", least=None), Column("type", least=None), Column("figure", least=8),
                 Column("victims", least=7), Column("source", least=10))


def number(claim_id: str | None) -> str:
    """ "#3": a claim's place in its article, the end of its JSON `id` (`<article>#3`)."""
    return "#" + str(claim_id).rpartition("#")[2]


def figure(claim: Claim) -> Text:
    """The figure as written; a breakdown says what it breaks down ("↳ of #2"), a revised figure what revises it."""
    text = Text(safe(claim.quantity), style="bold")
    if claim.part_of:
        text.append(f"\n↳ of {safe(number(claim.part_of))}", style="dim")
    if claim.superseded_by:
        text.append(f"\n→ {safe(number(claim.superseded_by))} later", style="dim")
    return text


def claim_items(claims: Iterable[Claim], *, details: bool = False) -> list[Item]:
    """The rows of the default view, each article under its name; with `details`, each claim's sentence under it,
    the figure highlighted."""
    items: list[Item] = []
    shown = None
    for c in claims:
        if c.article != shown:
            shown = c.article
            items.append(Heading(Text(safe(c.article), style="bold")))
        items.append(Row((Text(safe(number(c.id)), style="dim"), Text(safe(c.type), style=TYPE_STYLE.get(c.type, "")),
                          figure(c), Text(safe(c.victims or "")), Text(safe(who(c))))))
        if details:
            items.append(Lines((highlighted(c),)))
    return items


def print_table(console: Console, claims: list[Claim], *, details: bool = False,
                fields: Sequence[str] | None = None, say: Callable[[str], None] | None = None) -> None:
    if fields:
        print_grouped(console, *field_items(claims, fields), say)
    else:
        print_grouped(console, CLAIM_COLUMNS, claim_items(claims, details=details), say)


class TableWriter:
    """Collects the claims and prints one table at the end (a table needs every row's width)."""

    def __init__(self, console: Console, *, details: bool = False, fields: Sequence[str] | None = None,
                 say: Callable[[str], None] | None = None) -> None:
        self.console, self.details, self.fields, self.say = console, details, fields, say
        self.claims: list[Claim] = []

    def write(self, claims: Iterable[Claim]) -> None:
        self.claims.extend(claims)

    def close(self) -> None:
        if not self.claims:
            return
        print_table(self.console, self.claims, details=self.details, fields=self.fields, say=self.say)
