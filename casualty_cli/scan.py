"""Which slices of an article to parse: a cheap scan, no model.

Most sentences of a news article hold no casualty figure. The scan keeps the
sentences that hold both a count (`numbers.find_counts`) and a harm stem, with
their neighbours, so the parser sees a fraction of the text with the same
answers. The full path keeps everything, cut into windows that fit the parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import find_counts

# Cheap pre-filter: a sentence can hold a claim only if it holds one of these stems.
HARM_STEMS = re.compile(
    r"kill|dead|death|die[ds]?\b|dying|wound|injur|hurt|shot|shoot|gunned|bod(?:y|ies)|li(?:fe|ves)\b|martyr|"
    r"fatal|casualt|victim|missing|unaccounted|fled|flee|displac|evacu|refugee|toll|massacr|execut|"
    r"murder|slain|slay|hospital|struck|\bhit\b|maim|perish|critical|behead|slaughter|drown|succumb",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
MAX_WINDOW = 50_000


@dataclass(frozen=True, slots=True)
class Window:
    """A slice of an article that is parsed as one `Doc`."""

    start: int
    end: int


def _segments(text: str) -> list[tuple[int, int]]:
    """Sentence-like pieces of `text`, found without a model."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > pos:
            out.append((pos, m.end()))
            pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _pack(pieces: list[tuple[int, int]], limit: int) -> list[Window]:
    """Merge touching pieces into windows no longer than `limit` characters."""
    windows: list[Window] = []
    for s, e in pieces:
        while e - s > limit:  # one enormous sentence: cut at whitespace
            cut = s + limit
            space = max(cut - 200, s + 1)
            for k in range(cut, space, -1):
                if k < e and k - 1 >= 0:
                    break
            windows.append(Window(s, cut))
            s = cut
        if windows and windows[-1].end >= s and e - windows[-1].start <= limit:
            windows[-1] = Window(windows[-1].start, e)
        else:
            windows.append(Window(s, e))
    return windows


def plan_windows(text: str, *, fast: bool = True, limit: int = MAX_WINDOW) -> list[Window]:
    """Which slices of `text` to parse.

    Full path: everything, in windows of at most `limit` characters. Fast path:
    only sentences holding a count and a harm stem, each with its neighbours
    (a quote's "he said" follows it; the speaker of "it added" precedes it).
    """
    if not text.strip():
        return []
    segments = _segments(text)
    if not fast:
        return _pack(segments, limit)
    counts = find_counts(text)
    if not counts:
        return []
    starts = [c.start for c in counts]
    keep: set[int] = set()
    k = 0
    for i, (s, e) in enumerate(segments):
        while k < len(starts) and starts[k] < s:
            k += 1
        if k < len(starts) and starts[k] < e and HARM_STEMS.search(text, s, e):
            keep.update((i - 1, i, i + 1))
    pieces = [segments[i] for i in sorted(keep) if 0 <= i < len(segments)]
    return _pack(pieces, limit)


