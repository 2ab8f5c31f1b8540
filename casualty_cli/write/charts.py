"""The geometry of a toll's chart, so the template only draws (`report.html.j2`).

A chart plots exactly the toll's `sources`, one mark each, and nothing else: no figure the card does not
list. One source gets no chart (a bar of one is no comparison). With dates on two or more days inside the
event's reporting window the figures stand on a time axis; otherwise each source is a row with a bar.

Readable at any size: the SVG is drawn at its own size in CSS pixels (never scaled down, so 12 px text stays
12 px; a narrow card scrolls it), labels stand in a column right of the plot, moved apart vertically
(`dodge`) so no two overlap, and each is tied to its point by a leader line. Text widths are estimated here
(`text_width`, on the wide side) and the browser test measures the real boxes.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

FONT = 12  # px, every text of a chart
LINE = 15  # px between the lines of one label
# The time chart: plot on the left, labels in a column on the right.
WIDTH, LEFT, PLOT_RIGHT, TOP, BOTTOM = 560, 52, 300, 10, 34
LABEL_X = PLOT_RIGHT + 16
LABEL_WIDTH = WIDTH - LABEL_X - 4
MIN_HEIGHT = 190
# Articles more than this many days after (or before) the others are outside the reporting window (an
# anniversary piece, a trial months later): a note under the chart, not a stretch of the axis over years.
GAP_DAYS = 60

# How each qualifier is drawn, so a figure reads without colour: a fill pattern (bars) or a marker shape.
PATTERN = {"at_least": "open", "more_than": "open", "at_most": "upto", "less_than": "upto", "about": "about",
           "vague": "about", "range": "about"}
PATTERN_MEANING = {"open": "hatched: open-ended (at least, more than)", "upto": "cross-hatched: an upper bound "
                   "(up to, fewer than)", "about": "dotted: approximate (about, vague, range)"}


@dataclass(slots=True)
class Chart:
    """One toll's chart. `kind` is "time", "bars" or "none" (fewer than two sources)."""

    kind: str
    caption: str
    width: int = WIDTH
    height: int = 0
    marks: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    outside: list[dict[str, Any]] = field(default_factory=list)  # sources dated outside the window
    window: tuple[str, str] | None = None
    axis: dict[str, float] = field(default_factory=dict)


def text_width(text: str, size: float = FONT) -> float:
    """An upper estimate of `text`'s width in px in a sans-serif face (DejaVu Sans, the widest common one)."""
    total = 0.0
    for ch in text:
        if ch in "iljtfrI.,;:'!|() \u2068\u2069":
            total += 0.42 if ch not in "\u2068\u2069" else 0.0
        elif ch.isdigit():
            total += 0.66
        elif ch in "mwMW@%":
            total += 1.0
        elif ch.isupper() or not ch.isascii():
            total += 0.8
        else:
            total += 0.64
    return total * size


def wrap(text: str, width: float, lines: int = 2, size: float = FONT) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of at most `width` px; the last ends in "…" when
    the text is longer (the mark's tooltip and the card's list give it whole)."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and text_width(line + " " + words[0], size) <= width:
            line += " " + words.pop(0)
        out.append(line)
    if out and words:
        out[-1] += "…"
    return [_fit(line, width, size) for line in out]


def _fit(line: str, width: float, size: float) -> str:
    """`line` cut to `width` px, ending in "…" when cut (a word longer than the line)."""
    if text_width(line, size) <= width:
        return line
    line = line.rstrip("…")
    while line and text_width(line + "…", size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def reporting_window(days: Sequence[date]) -> tuple[date, date] | None:
    """The event's reporting window: the largest run of dates with no gap over `GAP_DAYS` (ties: the
    earliest), so one anniversary article does not stretch the axis over a year."""
    if not days:
        return None
    ordered = sorted(days)
    runs: list[list[date]] = [[ordered[0]]]
    for d in ordered[1:]:
        if (d - runs[-1][-1]).days > GAP_DAYS:
            runs.append([])
        runs[-1].append(d)
    main = max(runs, key=len)  # max keeps the first of equal lengths: the earliest
    return main[0], main[-1]


def value_ticks(top: int) -> list[int]:
    """0 and round steps up to at least `top`: 0, 10, 20 for 17; 0, 2, 4 for 4."""
    if top <= 0:
        return [0, 1]
    raw = top / 3
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    step = max(int(step), 1)
    ticks = [0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return ticks


# Steps of the time axis, finest first: days, then weeks, then months.
_STEPS: tuple[tuple[str, int], ...] = (("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1),
                                       ("month", 2), ("month", 3), ("month", 6), ("month", 12))


def _month_starts(first: date, last: date, every: int) -> list[date]:
    out: list[date] = []
    y, m = first.year, first.month
    while True:
        d = date(y, m, 1)
        if d > last:
            return out
        if d >= first and (m - 1) % every == 0:
            out.append(d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def time_ticks(first: date, last: date, x_of: Callable[[date], float]) -> list[dict[str, Any]]:
    """Dated ticks from `first` to `last`, the finest step whose labels do not overlap ("5 Jan" for days
    and weeks, "Jan 2015" for months); when none fits, the first and last day only."""
    years = first.year != last.year
    for unit, every in _STEPS:
        if unit == "day":
            days = [first + timedelta(d) for d in range(0, (last - first).days + 1, every)]
            text = (lambda d: f"{d.day} {d:%b %Y}") if years else (lambda d: f"{d.day} {d:%b}")
        else:
            days = _month_starts(first, last, every)
            text = lambda d: f"{d:%b %Y}"  # noqa: E731
        if len(days) < 2:
            continue
        xs = [round(x_of(d), 1) for d in days]
        boxes = [(x - text_width(text(d)) / 2, x + text_width(text(d)) / 2) for x, d in zip(xs, days, strict=True)]
        if all(a[1] + 6 <= b[0] for a, b in zip(boxes, boxes[1:], strict=False)) \
                and boxes[0][0] >= 0 and boxes[-1][1] <= LABEL_X - 4:
            return [{"x": x, "text": text(d), "anchor": "middle"} for x, d in zip(xs, days, strict=True)]
    # Too narrow for any step: the two ends only, anchored inwards.
    return [{"x": round(x_of(first), 1), "text": f"{first.day} {first:%b %Y}", "anchor": "start"},
            {"x": round(x_of(last), 1), "text": f"{last.day} {last:%b %Y}", "anchor": "end"}]


def dodge(wanted: Sequence[float], heights: Sequence[float], top: float, bottom: float) -> list[float]:
    """Top edges for labels that want to be centred at `wanted`, in that order top to bottom, moved
    apart so none overlaps the next, and kept within top..bottom when they fit."""
    order = sorted(range(len(wanted)), key=lambda i: (wanted[i], i))
    tops = [0.0] * len(wanted)
    edge = top
    for i in order:  # down: each below the one before
        tops[i] = max(wanted[i] - heights[i] / 2, edge)
        edge = tops[i] + heights[i]
    edge = bottom
    for i in reversed(order):  # up: each above the one after, never past the top
        tops[i] = max(min(tops[i], edge - heights[i]), top)
        edge = tops[i]
    return [round(t, 1) for t in tops]


def bars(sources: Sequence[dict[str, Any]], who: Callable[[dict[str, Any]], str],
         label: Callable[[dict[str, Any]], str], caption: str) -> Chart:
    """Each source a row: its name, its figure as text and as a bar (percent of the largest)."""
    top = max([int(s["value"] or 0) for s in sources] + [1])
    out = Chart("bars", caption)
    for s in sources:
        out.marks.append({"id": s["id"], "who": who(s), "label": label(s), "date": s.get("date"),
                          "percent": max(round(100 * int(s["value"] or 0) / top, 1), 0.5),
                          "pattern": PATTERN.get(s.get("qualifier") or "")})
    return out


def timeline(sources: Sequence[dict[str, Any]], days: Sequence[date | None], window: tuple[date, date],
             who: Callable[[dict[str, Any]], str], label: Callable[[dict[str, Any]], str], caption: str) -> Chart:
    """Figures on a time axis limited to `window`; sources dated outside it are listed under the chart."""
    first, last = window
    inside = [(s, d) for s, d in zip(sources, days, strict=True) if d is not None and first <= d <= last]
    out = Chart("time", caption, window=(first.isoformat(), last.isoformat()))
    out.outside = [{"id": s["id"], "who": who(s), "label": label(s), "date": d.isoformat() if d else s.get("date")}
                   for s, d in zip(sources, days, strict=True) if (s, d) not in inside]
    wrapped = [wrap(f"{label(s)} {who(s)}", LABEL_WIDTH) for s, _ in inside]
    heights = [LINE * len(lines) for lines in wrapped]
    out.height = max(MIN_HEIGHT, TOP + BOTTOM + int(sum(heights) + 4 * len(heights)))
    plot_bottom = out.height - BOTTOM
    y_ticks = value_ticks(max(int(s["value"] or 0) for s, _ in inside))
    span = (last - first).days or 1

    def x_of(d: date) -> float:
        return LEFT + 12 + (PLOT_RIGHT - LEFT - 42) * (d - first).days / span

    def y_of(v: int) -> float:
        return plot_bottom - (plot_bottom - TOP) * v / y_ticks[-1]

    points = [(round(x_of(d), 1), round(y_of(int(s["value"] or 0)), 1)) for s, d in inside]
    # labels in the order of their points, top to bottom then left to right, so leader lines do not cross
    order = sorted(range(len(points)), key=lambda i: (points[i][1], points[i][0]))
    rank = {i: n for n, i in enumerate(order)}
    tops = dodge([points[i][1] + rank[i] * 1e-3 for i in range(len(points))], [h + 4 for h in heights], TOP,
                 plot_bottom + BOTTOM - 4)
    for (s, d), (x, y), lines, t in zip(inside, points, wrapped, tops, strict=True):
        out.marks.append({"id": s["id"], "x": x, "y": y, "shape": PATTERN.get(s.get("qualifier") or "", "exact"),
                          "lines": lines, "label_y": t + FONT, "leader_y": round(t + LINE * len(lines) / 2, 1),
                          "full": f"{who(s)}: {label(s)} on {d.isoformat()}"})
    out.ticks = [{"y": round(y_of(v), 1), "text": f"{v:,}"} for v in y_ticks]
    out.ticks += time_ticks(first, last, x_of)
    out.axis = {"left": LEFT, "right": PLOT_RIGHT, "top": TOP, "bottom": plot_bottom, "label_x": LABEL_X}
    return out
