"""The rules at the end of claim-spec §1: zeros, revisions, fact boxes, marks that are not
numbers, multiplying words, "a couple of", people only, and counts coordinated with another verb.

Sentences are from ../shared/data (origin noted) unless they are the spec's own examples;
each case lists (quantity, type, value, qualifier) of every claim, and the negatives must
stay quiet.
"""
from __future__ import annotations

import re

import pytest

from .conftest import ROOT

Row = tuple[str, str, int, str]

ZEROS: list[tuple[str, list[Row]]] = [
    ("The shop was closed and unoccupied at the time, and no one was injured by the gunshot.",  # gva:120dfce8
     [("no one", "injured", 0, "exact")]),
    ("Teasley said she is amazed no one was killed in the shooting Sunday morning.",  # gva:1c3b285e
     [("no one", "killed", 0, "exact")]),
    ("Nobody was hurt in that shooting.", [("Nobody", "injured", 0, "exact")]),  # gva:6d464124
    ("The vehicle, which carried five juveniles, was struck twice, but no injuries were reported.",  # gva:6e3f084d
     [("no", "injured", 0, "exact")]),
    ("[36][37][38][39] No deaths were reported.", [("No", "killed", 0, "exact")]),  # wiki:AHPDzKR
    ("In the state of West Virginia, no fatalities were reported and damage was slightly more than $7 million.",
     [("no", "killed", 0, "exact")]),  # wiki:4eNzHf6
    ("Their mother and two younger sisters, ages 2 and 3, were home at the time, but there were no other injuries.",
     [("no", "injured", 0, "exact")]),  # gva:e7e41e77
    ("No injuries or fatalities were reported among firefighters or civilians.",  # wikimpacts
     [("No", "casualties", 0, "exact")]),
    ("There were no immediate reports of injuries.", [("no", "injured", 0, "exact")]),
    ("Zero fatalities were recorded.", [("Zero", "killed", 0, "exact")]),  # spec
]

ZERO_NEGATIVES = [
    "No one has been arrested in connection with the shooting.",
    "Police said none of the victims had been identified.",
    "He faces two counts of murder.",
    "There were no further deaths after the storm passed.",
    "No one knows how many died.",
    "say at this time, it appears no one will be charged in this",  # gva
    "No one was in custody.",  # gva
    "Six public shelters were opened at schools across Saipan; however, no one utilized them.",  # wiki
]

REVISIONS: list[tuple[str, list[tuple[str, str, int, str | None]]]] = [
    # (quantity, type, value, quantity of the claim that supersedes it)
    ("The death toll has risen from nine to 35, police said.",  # the example
     [("nine", "killed", 9, "35"), ("35", "killed", 35, None)]),
    ("The toll rose to 52, up from 40 a day earlier.", [("52", "killed", 52, None), ("40", "killed", 40, "52")]),
    ("The ministry revised the toll down to 32 from 40.", [("32", "killed", 32, None), ("40", "killed", 40, "32")]),
    ("The toll rose to 52.", [("52", "killed", 52, None)]),
    ("Authorities reported the deaths of two others in work-related accidents,[56] which was raised to four on "
     "28 July.", [("two", "killed", 2, "four"), ("four", "killed", 4, None)]),  # wiki:dCBLBht
]

MARKS = [
    # Reference marks, pages, phone numbers and times are never numbers.
    ("Moderate damage and no deaths were reported.[74]", [("no", "killed", 0, "exact")]),  # the issue
    ("The storm killed 12 people in the region.[3][14]", [("12", "killed", 12, "exact")]),
    ("At least 243 people died in the floods, including 196 in Germany,[9] 43 in Belgium,[2] two in Romania,[3]",
     [("At least 243", "killed", 243, "at_least"), ("196", "killed", 196, "exact"), ("43", "killed", 43, "exact"),
      ("two", "killed", 2, "exact")]),  # wiki:AHPDzKR
    ("Anyone with information about the shooting is asked to call the Rocky Mount Police Department at "
     "252-972-1411 or Twin County Crime Stoppers at 252-977-1111.", []),  # gva:0394aa4e
    ("The deaths are listed on page 12 of the report[citation needed].", []),
    ("Four people were shot at about 6 p.m. on Monday.", [("Four", "casualties", 4, "exact")]),
]

MULTIPLIED = [
    ("Joe Frederick Hawkins was apprehended and booked Monday, March 17, 2014 for a triple homicide in Beaumont.",
     [("triple", "killed", 3, "exact")]),  # gva:2dcfebff
    ("Tuesdays incident was also eerily similar to a January 2009 double murder only nine blocks away.",
     [("double", "killed", 2, "exact")]),  # gva:924bd920
    ("Clarksville police are also looking for the man responsible for another double shooting.",
     [("double", "casualties", 2, "exact")]),  # gva:e7617f11
    ("A couple of dozen people were hurt in the crush.", [("A couple of dozen", "injured", 24, "about")]),
    ("A couple of people were killed in the second blast.", [("A couple of", "killed", 2, "about")]),
    ("One and a half thousand people fled.", [("One and a half thousand", "displaced", 1500, "exact")]),
    ("Since then more than a quarter of a million people have been killed.",  # fakes:1924058121, first clause
     [("more than a quarter of a million", "killed", 250_000, "more_than")]),
    # "a couple of people he knew" were not harmed
    ("Whitmire said a couple of people he knew from the neighborhood showed up uninvited.", []),  # gva:30899eeb
]

PEOPLE_ONLY = [
    ("At the storm's peak on September 14 to 15, over 240,000 customers were without power.", []),  # wiki:3YHqjVd
    ("Over 12,000 customers in the Los Angeles Metropolitan Area lost power.", []),  # wiki:c8u82Gc
    ("Around 41,000 households were left without electricity in Wallonia.", []),  # wikimpacts
    ("33 million Joshua trees were estimated burned.", []),  # wikimpacts
    ("The floods killed 3 people and destroyed 50,000 pineapple plants.", [("3", "killed", 3, "exact")]),
    ("24 people were killed and over 1 million were left homeless.",  # the issue
     [("24", "killed", 24, "exact"), ("over 1 million", "displaced", 1_000_000, "more_than")]),
    ("A total of 10 people were killed by the hurricane and over 2,000 more were left homeless.",  # wikimpacts
     [("10", "killed", 10, "exact"), ("over 2,000", "displaced", 2000, "more_than")]),
]


def _rows(extractor, text: str) -> list[Row]:
    claims = extractor.extract(text, "t")
    for c in claims:
        assert text[c.start : c.end] == c.quantity
        if c.value == 0:
            assert (c.low, c.high, c.qualifier) == (0, 0, "exact")
    return [(c.quantity, c.type, c.value, c.qualifier) for c in claims]


@pytest.mark.parametrize(("text", "expected"), ZEROS + MARKS + MULTIPLIED + PEOPLE_ONLY)
def test_claims(extractor, text, expected):
    assert _rows(extractor, text) == expected


@pytest.mark.parametrize("text", ZERO_NEGATIVES)
def test_not_a_zero(extractor, text):
    assert _rows(extractor, text) == []


@pytest.mark.parametrize(("text", "expected"), REVISIONS)
def test_revisions_link_the_earlier_figure(extractor, text, expected):
    claims = extractor.extract(text, "t")
    by_id = {c.id: c.quantity for c in claims}
    assert [(c.quantity, c.type, c.value, by_id.get(c.superseded_by or "")) for c in claims] == expected


FACT_BOX = """Infobox

Formed: 16 April 2006
Fatalities: 731 total
Deaths: 243
196 in Germany[1]
two in Romania[3]
Property damage: EUR54 billion (2021 Euro)[6]
200,000 properties left without power[7]
Injuries: 30 (15 critical)
Fatalities: None
Fatalities: 2 fatalities, 15 injuries
Non-fatal injuries: 1 firefighter
Evacuated: ~100[2]
Fatalities: >43 total
"""


def test_fact_box_lines_are_typed_by_their_key(extractor):
    claims = extractor.extract(FACT_BOX, "box")
    by_id = {c.id: c.quantity for c in claims}
    rows = [(c.quantity, c.type, c.value, c.qualifier, by_id.get(c.part_of or ""), c.sentence) for c in claims]
    assert rows == [
        ("731", "killed", 731, "exact", None, "Fatalities: 731 total"),
        ("243", "killed", 243, "exact", None, "Deaths: 243"),
        ("196", "killed", 196, "exact", None, "196 in Germany[1]"),
        ("two", "killed", 2, "exact", None, "two in Romania[3]"),
        ("30", "injured", 30, "exact", None, "Injuries: 30 (15 critical)"),
        ("15", "injured", 15, "exact", "30", "Injuries: 30 (15 critical)"),
        ("None", "killed", 0, "exact", None, "Fatalities: None"),
        ("2", "killed", 2, "exact", None, "Fatalities: 2 fatalities, 15 injuries"),
        ("15", "injured", 15, "exact", None, "Fatalities: 2 fatalities, 15 injuries"),
        ("1", "injured", 1, "exact", None, "Non-fatal injuries: 1 firefighter"),
        ("~100", "displaced", 100, "about", None, "Evacuated: ~100[2]"),
        (">43", "killed", 43, "more_than", None, "Fatalities: >43 total"),
    ]
    assert all(FACT_BOX[c.start : c.end] == c.quantity for c in claims)


def test_fact_box_lines_are_the_same_on_the_full_path(extractor, full_extractor):
    assert extractor.extract(FACT_BOX, "box") == full_extractor.extract(FACT_BOX, "box")


def test_no_quantity_is_a_reference_mark(extractor):
    """A Wikipedia-like text full of marks: none is read as a figure, and the marks glued to the
    harm words do not hide the claims ("died in the floods,[9]", "hurt ...collapsed.[18][19][20]")."""
    text = (ROOT / "tests/data/reference_marks.txt").read_text(encoding="utf-8")
    claims = extractor.extract(text, "marks")
    marks = [m.span() for m in re.finditer(r"\[[^\[\]\n]{1,25}\]", text)]
    assert claims and not [c.quantity for c in claims if any(s <= c.start < e for s, e in marks)]
    assert [(c.quantity, c.type, c.value) for c in claims] == [
        ("no", "killed", 0), ("At least 12", "killed", 12), ("8", "killed", 8), ("3", "killed", 3),
        ("one", "killed", 1), ("About 4,500", "displaced", 4500), ("Two", "missing", 2), ("23", "injured", 23),
        ("nine", "killed", 9), ("12", "killed", 12), ("Four", "injured", 4), ("12", "killed", 12),
        ("2", "missing", 2)]
