"""Terminal tables read in groups: one header, then each group (an article, an event) under its own heading
line, rows aligned on column widths shared by every group, and free lines (a sentence, what was left out)
between rows at full width.

rich's `Table` cannot span a cell over the row, so a group name in a narrow column folds a 32-character id
over three lines; here the widths are fitted once over all rows (`fit_widths`) and each stretch of rows is a
grid with those widths. Below the width the columns need (`COLUMNS=5`), nothing is hidden: each row becomes
one line the terminal wraps itself, and the caller is told why (`say`).

Every cell is a `rich.text.Text` made by the caller from escaped text (`terminal.for_terminal`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.segment import Segment, Segments
from rich.table import Table
from rich.text import Text

GAP = 2  # spaces between columns
INDENT = 4  # of the free lines under a row


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, how it aligns, and the narrowest it may wrap to (`None`: it never wraps)."""

    name: str
    justify: str = "left"
    least: int | None = 8


@dataclass(frozen=True, slots=True)
class Heading:
    """A group's name, on its own line over its rows."""

    text: Text


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Lines:
    """Free text under a row, indented, at full width (evidence sentences, excluded figures)."""

    texts: tuple[Text, ...]


Item = Heading | Row | Lines


def natural_width(text: Text) -> int:
    """The widest line of a cell."""
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def fit_widths(natural: Sequence[int], least: Sequence[int], available: int) -> list[int] | None:
    """Column widths within `available` cells: each column's natural width, the widest narrowed first (down to
    the next widest, then both by turns), none below its `least`; None when even the least widths do not fit."""
    widths = list(natural)
    if sum(least) > available:
        return None
    excess = sum(widths) - available
    while excess > 0:
        i = max((i for i in range(len(widths)) if widths[i] > least[i]), key=lambda i: widths[i])
        runner_up = max((w for j, w in enumerate(widths) if j != i), default=0)
        cut = min(excess, widths[i] - least[i], max(1, widths[i] - runner_up))
        widths[i] -= cut
        excess -= cut
    return widths


def _widths(columns: Sequence[Column], items: Sequence[Item], width: int) -> list[int] | None:
    natural = [cell_len(c.name) for c in columns]
    for item in items:
        if isinstance(item, Row):
            natural = [max(n, natural_width(t)) for n, t in zip(natural, item.cells, strict=True)]
    least = [n if c.least is None else min(n, max(c.least, cell_len(c.name))) for n, c in zip(natural, columns,
                                                                                                strict=True)]
    return fit_widths(natural, least, width - GAP * (len(columns) - 1))


def _grid(columns: Sequence[Column], widths: Sequence[int], rows: Sequence[tuple[Text, ...]]) -> Table:
    grid = Table.grid(padding=(0, GAP, 0, 0))
    for column, width in zip(columns, widths, strict=True):
        grid.add_column(width=width, justify=column.justify, overflow="fold",  # type: ignore[arg-type]
                        no_wrap=column.least is None)
    for cells in rows:
        grid.add_row(*cells)
    return grid


def grouped(columns: Sequence[Column], items: Sequence[Item], widths: Sequence[int]) -> list[RenderableType]:
    """The header, a rule, then the items in order: headings as lines, runs of rows as grids, free lines indented."""
    total = sum(widths) + GAP * (len(widths) - 1)
    out: list[RenderableType] = [_grid(columns, widths, [tuple(Text(c.name, style="bold") for c in columns)]),
                                 Text("─" * total, style="dim")]
    run: list[tuple[Text, ...]] = []
    for item in items:
        if isinstance(item, Row):
            run.append(item.cells)
            continue
        if run:
            out.append(_grid(columns, widths, run))
            run = []
        if isinstance(item, Heading):
            out.extend([Text(), item.text] if len(out) > 2 else [item.text])  # a blank line between groups
        else:
            out.extend(Padding(t, (0, 0, 0, INDENT)) for t in item.texts)
    if run:
        out.append(_grid(columns, widths, run))
    return out


def flat(columns: Sequence[Column], items: Sequence[Item]) -> list[Text]:
    """One line per heading, row and free line, for a terminal too narrow for columns: a row's cells joined,
    each named by its column ("type: killed"), the lines of a cell joined by "; "."""
    out: list[Text] = []
    for item in items:
        if isinstance(item, Heading):
            out.append(item.text)
        elif isinstance(item, Lines):
            out.extend(Text.assemble(" " * INDENT, t) for t in item.texts)
        else:
            parts = [(f"{c.name}: " if c.name[:1].isalpha() else "") + cell.plain.replace("\n", "; ")
                     for c, cell in zip(columns, item.cells, strict=True) if cell.plain.strip()]
            out.append(Text("  ".join(parts)))
    return out


def rstripped(line: list[Segment]) -> list[Segment]:
    """A rendered line without the spaces that pad its last cell (they only get in the way of copying)."""
    out = list(line)
    while out and not out[-1].control and not out[-1].text.rstrip():
        out.pop()
    if out and not out[-1].control:
        out[-1] = Segment(out[-1].text.rstrip(), out[-1].style)
    return out


def print_grouped(console: Console, columns: Sequence[Column], items: Sequence[Item],
                  say: Callable[[str], None] | None = None) -> None:
    """The table at the console's width, or, where its columns cannot fit, one line per row (and a note)."""
    widths = _widths(columns, items, console.width)
    if widths is not None:
        for part in grouped(columns, items, widths):
            for line in console.render_lines(part, pad=False):
                console.print(Segments([*rstripped(line), Segment.line()]))
        return
    if say is not None:
        say(f"casualty: {console.width} columns are too narrow for the table; one line per row instead")
    for text in flat(columns, items):
        console.print(text, soft_wrap=True)
