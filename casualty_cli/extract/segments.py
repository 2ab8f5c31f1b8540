"""Sentence-like pieces of a text, found without a model.

The one sentence splitter before the parser: the scan (`scan`) keeps the pieces that may hold a
claim or describe people one by one.
"""
from __future__ import annotations

import re

from . import lexicon as lx

# A sentence ends after its reference marks: "were reported.[2] The", "it said.[a][3] ".
SENTENCE_END = re.compile(r"(?<=[.!?])(?:[\"'”’)]|\[[^\[\]\n]{1,25}\])*\s+|\n+")
# ... or, where paragraphs were pasted together, right after a stop glued to a capital: "injured.According".
GLUED_END = re.compile(rf"{SENTENCE_END.pattern}|(?<=[a-z\d)][.!?])(?=[A-Z])")
# A full stop after one of these does not end a sentence ("Dr. Nidal Hijazi", "Jan. 5", "E. Sultan").
ABBREVIATION = re.compile(
    rf"(?:\b(?:{lx.alternation(lx.ABBREVIATIONS + lx.MONTH_ABBREVIATIONS)})|\b[A-Z])\.[\"'”’)]*\s+$"
)
# A "sentence" longer than this (a 300,000-character line without punctuation) is cut at
# whitespace before the scan, so the fast path parses the pieces near a claim, not the line.
MAX_SEGMENT = 2_000
# How far back a hard cut looks for whitespace to land on.
CUT_SLACK = 200


def cut_at(text: str, start: int, end: int, limit: int) -> int:
    """Where to cut `text[start:end]` so the first piece is at most `limit` long: after whitespace if any."""
    cut = start + limit
    floor = max(cut - CUT_SLACK, start + 1)
    for k in range(cut, floor - 1, -1):
        if text[k - 1].isspace():
            return k
    return cut  # no whitespace near the limit: a hard cut inside a "word"


def segments(text: str, *, longest: int = MAX_SEGMENT, glued: bool = False) -> list[tuple[int, int]]:
    """Sentence-like pieces of `text`, found without a model; none longer than `longest`.

    `glued` also ends a piece at a full stop with no space after it before a capital, as scraped
    news pastes its paragraphs ("was shot in the leg.The child was alert"): the reader of people
    one by one must not take two sentences' people for one sentence's. The scan keeps such text
    whole (it only chooses what to parse, and the parser splits it).
    """
    out: list[tuple[int, int]] = []
    pos = 0

    def add(s: int, e: int) -> None:
        while e - s > longest:
            cut = cut_at(text, s, e, longest)
            out.append((s, cut))
            s = cut
        if e > s:
            out.append((s, e))

    for m in (GLUED_END if glued else SENTENCE_END).finditer(text):
        if m.end() <= pos:
            continue
        if m.group()[:1] != "\n" and ABBREVIATION.search(text, max(pos, m.start() - 12), m.end()):
            continue
        add(pos, m.end())
        pos = m.end()
    add(pos, len(text))
    return out
