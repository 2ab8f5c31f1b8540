"""Narrated revisions: an article that tells how its figure moved (claim-spec §1, `superseded_by`; issue 26).

"the Ministry of Health initially releasing a death toll of 500 ..., which was then revised to 471",
"LMPD originally reported that four other people were injured ...; that number was later raised to five",
"Shehab Agency initially reported on the death of two civilians ... It later wrote that the number ... has
risen to 3", "which on Thursday had given a toll of 17". Pure over claim dicts of one article (their
`sentence`, `start`, `quantity`, `type`): no spaCy. `link_narrated` marks the earlier figure `superseded_by`
the later one; the tolls' relations layer reads it as a revision step.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

Claim = dict[str, Any]

# Before the earlier figure, in its clause: it is told as the first report.
EARLY = re.compile(r"\b(?:initial(?:ly)?|originally|at first|first reported|earliest|early reports?)\b", re.IGNORECASE)
# Between the two figures of one sentence, or before the later one: it replaces the earlier one.
REVISED = (r"\b(?:(?:was|were|been|is)\s+)?(?:then|later|subsequently|since)\s+(?:been\s+)?"
           r"(?:revised|raised|lowered|updated|increased|finalized|finalised|corrected|rose|risen)\b"
           r"|\blater\b[^.;]{0,80}?\b(?:risen|rose|climbed|increased|updated|revised|finalized|finalised)\b"
           r"|\b(?:has|had)\s+(?:since\s+)?(?:risen|rose|climbed)\s+to\b"
           r"|\b(?:updated|revised|raised|corrected)\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|figure|number|count)"
           r"\s+to\b")
# Between two figures of one sentence, with no early report before the first: a revision all the same ("reported
# nine deaths, although the toll was later finalized at 37"); not "later said" (another count, maybe more).
REVISED_BETWEEN = re.compile(REVISED, re.IGNORECASE)
UPDATED = re.compile(REVISED + r"|\blater\s+(?:that\s+\w+\s+)?(?:reported|stated|said|wrote|confirmed|posted|put)\b"
                     r"|\b(?:that|the|this)\s+(?:number|figure|toll|count)\s+was\s+later\b", re.IGNORECASE)
# "which on Thursday had given a toll of 17": the figure after it is the earlier toll.
HAD_GIVEN = re.compile(r"\bhad\s+(?:given|put|reported|announced)\s+(?:a|the|an\s+earlier)\s+(?:death\s+)?"
                       r"(?:toll|tally|figure|number)\s+(?:of|at)\s+$", re.IGNORECASE)
# Sentences apart the later figure may stand and still point back.
SPAN = 2


def _at(claim: Claim) -> int:
    sentence, quantity = str(claim.get("sentence") or ""), str(claim.get("quantity") or "")
    return sentence.find(quantity) if quantity else -1


def _early(claim: Claim) -> bool:
    at = _at(claim)
    return at >= 0 and bool(EARLY.search(str(claim.get("sentence") or "")[max(0, at - 200):at]))


def _had_given(claim: Claim) -> bool:
    at = _at(claim)
    return at >= 0 and bool(HAD_GIVEN.search(str(claim.get("sentence") or "")[max(0, at - 80):at]))


def pairs(claims: Sequence[Claim]) -> list[tuple[str, str]]:
    """(earlier id, later id) for each narrated revision among one article's claims, oldest first.

    Each figure looks at the later figures of its own sentence and, when it is an early report, at the
    later ones whose sentence says "updated" before them: not at every later figure (an article of
    thousands of claims took minutes).
    """
    ordered = sorted((c for c in claims if c.get("value") is not None and not c.get("part_of")),
                     key=lambda c: int(c.get("start") or 0))
    sentences: dict[str, int] = {}
    for c in ordered:
        sentences.setdefault(str(c.get("sentence") or ""), len(sentences))
    by_sentence: dict[Any, list[int]] = {}
    for n, c in enumerate(ordered):
        by_sentence.setdefault(c.get("sentence"), []).append(n)
    updating = [n for n, c in enumerate(ordered)
                if _at(c) >= 0 and UPDATED.search(str(c.get("sentence") or "")[:_at(c)])]
    out: list[tuple[str, str]] = []
    updates: set[str] = set()  # figures told as updates: each may be updated in turn ("... had risen to 12")
    for i, old in enumerate(ordered):
        if old.get("superseded_by"):
            continue
        early = _early(old) or str(old.get("id")) in updates
        same = by_sentence[old.get("sentence")]
        later = same[bisect_right(same, i):]
        if early:
            later = sorted(set(later).union(updating[bisect_right(updating, i):]))
        for j in later:
            pair = _narrated(old, ordered[j], early, sentences)
            if pair is not None:
                out.append(pair)
                updates.add(pair[1])
                break
    # A figure replaces one earlier figure, the nearest: "X initially reported 34 ... The hospital originally
    # reported four; that number was later raised to five" raises the four, not the 34.
    nearest: dict[str, tuple[str, str]] = {}
    for pair in out:
        nearest[pair[1]] = pair
    return [pair for pair in out if nearest[pair[1]] == pair]


def _narrated(old: Claim, new: Claim, early: bool, sentences: dict[str, int]) -> tuple[str, str] | None:
    """The (earlier id, later id) pair `new` and `old` (stated before it) make, or None."""
    if new.get("type") != old.get("type") or new.get("value") == old.get("value"):
        return None
    same = new.get("sentence") == old.get("sentence")
    if same and (_had_given(old) or _had_given(new)):  # "had given a toll of 17": the later-stated 17 is older
        return str(new.get("id")), str(old.get("id"))
    sentence = str(new.get("sentence") or "")
    at = _at(new)
    if not early:
        between = sentence[_at(old) + len(str(old.get("quantity") or "")):at] if same and at >= 0 else ""
        return (str(old.get("id")), str(new.get("id"))) if REVISED_BETWEEN.search(between) else None
    if same:
        between = sentence[_at(old) + len(str(old.get("quantity") or "")):at] if at >= 0 else ""
        return (str(old.get("id")), str(new.get("id"))) if UPDATED.search(between) else None
    if sentences[sentence] - sentences[str(old.get("sentence") or "")] <= SPAN and at >= 0 \
            and UPDATED.search(sentence[:at]):
        return str(old.get("id")), str(new.get("id"))
    return None


def link_narrated(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one article with `superseded_by` set on each figure the article narrates as replaced."""
    links = dict(pairs(claims))
    return [{**c, "superseded_by": links[str(c.get("id"))]} if str(c.get("id")) in links
            and not c.get("superseded_by") else c for c in claims]
