"""Fact-box lines: "Deaths: 243", "Injuries: 30 (15 critical)", and the lines that list under them.

Infoboxes, data tables and press-release summaries state figures as `Key: value` lines; the
key says the harm (claim-spec §1, fact boxes). A list of figures under a harm key ("Deaths:
243" then "196 in Germany", "43 in Belgium") shares that key. Model-free: the scan uses it to
admit such lines and the extractor to type their counts.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from .numbers import find_counts

_KEYS = "|".join(re.escape(k).replace("\\ ", "[ \\t]+") for k in sorted(lx.FACT_KEYS, key=len, reverse=True))
# A harm key at the start of a line, perhaps with a note: "Deaths (reported): ...".
KEY_LINE = re.compile(rf"^[ \t]*(?P<key>{_KEYS})(?:[ \t]*\([^)\n]{{0,30}}\))?[ \t]*:[ \t]*",
                      re.IGNORECASE | re.MULTILINE)
# Any other fact-box key ends the list under a harm key.
ANY_KEY = re.compile(r"[ \t]*[^\W\d][^:\n]{0,40}:")
# Longer lines are prose, not a fact box.
MAX_LINE = 300
# How many listed lines a key may carry.
MAX_LIST = 60


@dataclass(frozen=True, slots=True)
class FactLine:
    """One line of a fact box: its span in the article, where its value starts, the type of its key."""

    start: int
    end: int
    value_start: int
    type: str


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _listed(line: str) -> bool:
    """A line of a list under a key starts with a figure: "196 in Germany[1]", "two in Romania"."""
    if not line.strip() or ANY_KEY.match(line):
        return False
    counts = find_counts(line)
    return bool(counts) and not line[: counts[0].start].strip()


@lru_cache(maxsize=8)
def fact_lines(text: str) -> tuple[FactLine, ...]:
    """Every fact-box line of an article whose key (or the key it lists under) names a harm, in order.

    Cached: each parsed window of an article asks about the same article text.
    """
    out: list[FactLine] = []
    for m in KEY_LINE.finditer(text):
        end = _line_end(text, m.start())
        if end - m.start() > MAX_LINE:
            continue
        kind = lx.FACT_KEYS[" ".join(m.group("key").lower().split())]
        out.append(FactLine(m.start(), end, m.end(), kind))
        for _ in range(MAX_LIST):
            start = end + 1
            if start >= len(text):
                break
            end = _line_end(text, start)
            if end - start > MAX_LINE or not _listed(text[start:end]):
                break
            out.append(FactLine(start, end, start, kind))
    return tuple(out)


def line_at(lines: tuple[FactLine, ...], pos: int) -> FactLine | None:
    """The fact-box line that holds article offset `pos`, if any."""
    k = bisect_right([line.start for line in lines], pos) - 1
    return lines[k] if k >= 0 and lines[k].start <= pos < lines[k].end else None
