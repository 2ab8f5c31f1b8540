"""The terminal table: one row per claim, readable at 80 columns.

Every cell is a `rich.text.Text`, never a markup string, so article text such as "[sic]" or
"[/b]" is shown as written; control and bidi characters are shown escaped
(`terminal.for_terminal`). Colour comes only from the console: rich turns it off when NO_COLOR
is set or the output is not a terminal.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..claims import Claim
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
    """The claim's sentence with its quantity in bold reverse (each piece escaped on its own,
    so the highlight stays on the figure)."""
    sentence, quantity = claim.sentence, claim.quantity
    at = sentence.find(quantity)
    if at < 0 or not quantity:
        return Text(safe(sentence))
    return Text.assemble(safe(sentence[:at]), (safe(quantity), "bold reverse"), safe(sentence[at + len(quantity):]))


def claims_table(claims: Iterable[Claim], *, fields: Sequence[str] | None = None) -> Table:
    """A rich table of claims.

    The default view: the article (once, heading its group of rows), each claim's `#n` (the
    end of its id, to find it in JSON), type, figure, victims, source (with title and
    outlet); `fields` shows exactly those claim fields instead.
    """
    table = Table(expand=False, pad_edge=False)
    if fields:
        for name in fields:
            table.add_column(name, overflow="fold")
        for c in claims:
            data = c.to_dict()
            table.add_row(*(Text("" if data[f] is None else safe(data[f])) for f in fields))
        return table
    table.add_column("article", overflow="fold", ratio=2)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("figure", overflow="fold", min_width=6, ratio=1)
    table.add_column("victims", overflow="fold", ratio=1)
    table.add_column("source", overflow="fold", ratio=2)
    shown = None
    for c in claims:
        first = c.article != shown
        if first and shown is not None:
            table.add_section()
        shown = c.article
        table.add_row(Text(safe(c.article) if first else "", style="dim"), Text(safe(number(c)), style="dim"),
                      Text(safe(c.type), style=TYPE_STYLE.get(c.type, "")), Text(safe(c.quantity), style="bold"),
                      Text(safe(c.victims or "")), Text(safe(who(c))))
    return table


def number(claim: Claim) -> str:
    """ "#3": the claim's place in its article, the end of its JSON `id` (`<article>#3`)."""
    return "#" + claim.id.rpartition("#")[2]


def details_view(claims: Iterable[Claim]) -> RenderableType:
    """Each claim's row, then its sentence below it, indented, with the figure highlighted.

    A sixth column would leave the sentence a few characters wide at 80 columns, so the
    sentence gets the full width under its claim instead.
    """
    parts: list[RenderableType] = []
    for c in claims:
        line = Text.assemble((safe(c.type), TYPE_STYLE.get(c.type, "")), "  ", (safe(c.quantity), "bold"))
        if c.victims:
            line.append(f" {safe(c.victims)}")
        if who(c):
            line.append(f"  ({safe(who(c))})")
        line.append(f"  {safe(c.id)}", style="dim")
        parts.append(line)
        parts.append(Padding(highlighted(c), (0, 0, 1, 4)))
    return Group(*parts)


def print_table(console: Console, claims: list[Claim], *, details: bool = False,
                fields: Sequence[str] | None = None) -> None:
    if details and not fields:
        console.print(details_view(claims))
    else:
        console.print(claims_table(claims, fields=fields))


class TableWriter:
    """Collects the claims and prints one table at the end (a table needs every row's width)."""

    def __init__(self, console: Console, *, details: bool = False, fields: Sequence[str] | None = None) -> None:
        self.console, self.details, self.fields = console, details, fields
        self.claims: list[Claim] = []

    def write(self, claims: Iterable[Claim]) -> None:
        self.claims.extend(claims)

    def close(self) -> None:
        if not self.claims:
            return
        print_table(self.console, self.claims, details=self.details, fields=self.fields)
