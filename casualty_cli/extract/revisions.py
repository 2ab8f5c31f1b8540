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
from collections.abc import Sequence
from typing import Any

Claim = dict[str, Any]

# Before the earlier figure, in its clause: it is told as the first report.
EARLY = re.compile(r"\b(?:initial(?:ly)?|originally|at first|first reported|earliest|early reports?)\b", re.IGNORECASE)
# Between the two figures of one sentence, or before the later one: it replaces the earlier one.
UPDATED = re.compile(r"\b(?:(?:was|were|been|is)\s+)?(?:then|later|subsequently|since)\s+(?:been\s+)?"
                     r"(?:revised|raised|lowered|updated|increased|finalized|corrected|rose|risen)\b"
                     r"|\blater\b[^.;]{0,80}?\b(?:risen|rose|climbed|increased|updated|revised)\b"
                     r"|\b(?:has|had)\s+(?:since\s+)?(?:risen|rose|climbed)\s+to\b"
                     r"|\blater\s+(?:that\s+\w+\s+)?(?:reported|stated|said|wrote|confirmed|posted|put)\b"
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
    """(earlier id, later id) for each narrated revision among one article's claims, oldest first."""
    ordered = sorted((c for c in claims if c.get("value") is not None and not c.get("part_of")),
                     key=lambda c: int(c.get("start") or 0))
    sentences = list(dict.fromkeys(str(c.get("sentence") or "") for c in ordered))
    out: list[tuple[str, str]] = []
    for i, old in enumerate(ordered):
        if old.get("superseded_by"):
            continue
        for new in ordered[i + 1:]:
            if new.get("type") != old.get("type") or new.get("value") == old.get("value"):
                continue
            same = new.get("sentence") == old.get("sentence")
            if same and _had_given(old):  # "had given a toll of 17": the later-stated 17 is the older toll
                out.append((str(new.get("id")), str(old.get("id"))))
                break
            if same and _had_given(new):
                out.append((str(new.get("id")), str(old.get("id"))))
                break
            if not _early(old):
                continue
            sentence = str(new.get("sentence") or "")
            at = _at(new)
            if same:
                between = sentence[_at(old) + len(str(old.get("quantity") or "")):at] if at >= 0 else ""
                if UPDATED.search(between):
                    out.append((str(old.get("id")), str(new.get("id"))))
                    break
            elif sentences.index(sentence) - sentences.index(str(old.get("sentence") or "")) <= SPAN \
                    and at >= 0 and UPDATED.search(sentence[:at]):
                out.append((str(old.get("id")), str(new.get("id"))))
                break
    return out


def link_narrated(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one article with `superseded_by` set on each figure the article narrates as replaced."""
    links = dict(pairs(claims))
    return [{**c, "superseded_by": links[str(c.get("id"))]} if str(c.get("id")) in links
            and not c.get("superseded_by") else c for c in claims]
