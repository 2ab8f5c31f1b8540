"""Narrated revisions (casualty_cli.extract.revisions) on real sentences from ../shared/data (issue 26)."""
from __future__ import annotations

from typing import Any

import pytest

from casualty_cli.extract.revisions import link_narrated, pairs


def figure(n: int, value: int, quantity: str, sentence: str, *, type: str = "killed", start: int = 0) -> dict[str, Any]:
    return {"id": f"a#{n}", "article": "a", "type": type, "value": value, "quantity": quantity,
            "sentence": sentence, "start": start + sentence.find(quantity), "part_of": None, "superseded_by": None}


MOH = ("The death toll for the incident remains contested, with the Ministry of Health initially releasing a death "
       "toll of 500 individuals killed, which was then revised to 471 the following day.")
LMPD = ("LMPD originally reported that four other people were injured in the shooting; that number was later raised "
        "to five.")
NABD = "Nabd news initially reported that “3 martyrs were recovered from the Safi family home”."
SHEHAB = ("Shehab Agency later stated that the number of civilians killed in the bombing had risen to six, with "
          "Qana24, Sawt al Wa")
SHEHAB2 = "Shehab Agency initially reported on the death of two civilians in the bombing."
LATER2 = "It later wrote that the number of civilians killed “has risen to 3."
EAST1 = "Shehab Agency and Al-Rased News initially reported 11 deaths and 27 injuries."
EAST2 = "East Now later reported at least 18 deaths and dozens of injuries."
WHILE = ("A tweet from @Almeqdad initially placed the toll at five killed and eight injured, while @MahmZozo "
         "reported “six martyrs and 15 injuries so far”.")
GIVEN = "The toll rose to 21, the ministry said, which on Thursday had given a toll of 17."


@pytest.mark.parametrize(("claims", "expected"), [
    pytest.param([figure(1, 500, "500", MOH), figure(2, 471, "471", MOH)], [("a#1", "a#2")], id="then-revised-to"),
    pytest.param([figure(1, 4, "four", LMPD, type="injured"), figure(2, 5, "five", LMPD, type="injured")],
                 [("a#1", "a#2")], id="that-number-was-later-raised"),
    pytest.param([figure(1, 3, "3", NABD), figure(2, 6, "six", SHEHAB, start=100)], [("a#1", "a#2")],
                 id="next-sentence-had-risen"),
    pytest.param([figure(1, 2, "two", SHEHAB2), figure(2, 3, "3", LATER2, start=80)], [("a#1", "a#2")],
                 id="it-later-wrote"),
    pytest.param([figure(1, 11, "11", EAST1), figure(2, 18, "at least 18", EAST2, start=80)], [("a#1", "a#2")],
                 id="another-source-later"),
    pytest.param([figure(1, 5, "five", WHILE), figure(2, 6, "six", WHILE)], [], id="while-is-no-update"),
    pytest.param([figure(1, 21, "21", GIVEN), figure(2, 17, "17", GIVEN)], [("a#2", "a#1")], id="had-given-a-toll"),
    pytest.param([figure(1, 4, "four", "Four people were killed."),
                  figure(2, 5, "five", "Five people were hurt.", start=40)], [], id="no-narration"),
])
def test_narrated_revisions(claims: list[dict[str, Any]], expected: list[tuple[str, str]]) -> None:
    assert pairs(claims) == expected


def test_link_marks_the_earlier_figure() -> None:
    linked = link_narrated([figure(1, 500, "500", MOH), figure(2, 471, "471", MOH)])
    assert [c["superseded_by"] for c in linked] == ["a#2", None]


@pytest.mark.parametrize(("text", "expected"), [
    # claim-spec §1's narrated updates, each figure a claim and the earlier one superseded by the later
    ("Police initially reported 34 injuries, then raised the number to 51.",
     [("34", "injured", 2), ("51", "injured", None)]),
    ("The hospital originally reported that four were injured; that number was later raised to five.",
     [("four", "injured", 2), ("five", "injured", None)]),
    ("The ministry reported nine deaths, although the toll was later finalized at 37.",
     [("nine", "killed", 2), ("37", "killed", None)]),
    ("Officials initially put the toll at 40 but later revised it to 52.",
     [("40", "killed", 2), ("52", "killed", None)]),
    ("The ministry initially reported 12 deaths; that figure has since risen to 15.",
     [("12", "killed", 2), ("15", "killed", None)]),
    # a later figure replaces the nearest early one only, and two voices at once are no update
    ("Police initially reported 34 injuries. The hospital originally reported that four were injured; that "
     "number was later raised to five.", [("34", "injured", None), ("four", "injured", 3), ("five", "injured", None)]),
    ("A tweet initially placed the toll at five killed, while another account reported six killed.",
     [("five", "killed", None), ("six", "killed", None)]),
    ("Three people were killed on Monday and later that day police said two more were killed.",
     [("Three", "killed", None), ("two", "killed", None)]),
    # each update may be updated in turn
    ("Initial reports said six were killed. A resident updated the death toll to seven. The health ministry "
     "said the number of those killed had risen to 12.", [("six", "killed", 2), ("seven", "killed", 3),
                                                         ("12", "killed", None)]),
])
def test_the_extractor_links_narrated_updates(extractor, text: str, expected: list) -> None:
    claims = extractor.extract(text, "a")
    ids = {c.id: n for n, c in enumerate(claims, 1)}
    assert [(text[c.start : c.end], c.type, ids.get(c.superseded_by)) for c in claims] == expected
