"""Tolls read across types (`tolls/derived.py`): a breakdown into another type, and the wounded as the people
shot less the killed, marked as derived. Sentences from GVA documents."""
from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from casualty_cli.schema import toll_schema
from casualty_cli.tolls.relations import violations
from casualty_cli.tolls.rules import build_tolls

from .test_tolls import claim

FOUR = "Four teens, one fatally, were shot in the parking lot of a Rogers Park McDonald's."
HARBOR = "4 Shot, 1 Killed in Stockton Park"


def tolls_of(claims: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {t.type: t for t in build_tolls(claims, **kw)}


def shot_one_fatally() -> list[dict[str, Any]]:
    shot = claim(4, FOUR, type="casualties", quantity="Four", id="a#1")
    return [shot, claim(1, FOUR, quantity="one", id="a#2", part_of="a#1")]


@pytest.mark.parametrize(("claims", "expected"), [
    pytest.param(shot_one_fatally(), {"killed": 1, "casualties": 4, "injured": 3}, id="shot-one-fatally"),
    pytest.param([claim(4, HARBOR, type="casualties", quantity="4"), claim(1, HARBOR, quantity="1")],
                 {"killed": 1, "casualties": 4, "injured": 3}, id="headline-shot-and-killed"),
    pytest.param([claim(2, "Two men were shot on Elm Street.", type="casualties", quantity="Two")],
                 {"casualties": 2, "injured": 2}, id="no-death-reported"),
    pytest.param([claim(2, "Two men were shot on Elm Street.", type="casualties", quantity="Two"),
                  claim(2, "Both men were killed.", quantity="Both")],
                 {"killed": 2, "casualties": 2, "injured": 0}, id="all-shot-died"),
    pytest.param([claim(4, HARBOR, type="casualties", quantity="4"), claim(1, HARBOR, quantity="1"),
                  claim(2, "Two others were wounded.", type="injured", quantity="Two")],
                 {"killed": 1, "casualties": 4, "injured": 2}, id="a-stated-injured-figure-stands"),
    pytest.param([claim(4, "At least four people were shot.", type="casualties", qualifier="at_least"),
                  claim(1, "One of them died.", quantity="One")],
                 {"killed": 1, "casualties": 4}, id="an-open-figure-derives-nothing"),
    pytest.param([claim(1, "One man was shot.", type="casualties", quantity="One"),
                  claim(3, "Three people were killed.", quantity="Three")],
                 {"killed": 3, "casualties": 1}, id="more-dead-than-shot-derives-nothing"),
    pytest.param([claim(531, "531 people were killed, including 200 children.", id="a#9"),
                  claim(200, "531 people were killed, including 200 children.", part_of="a#9")],
                 {"killed": 531}, id="a-breakdown-of-its-own-type-stays-a-part"),
])
def test_tolls_across_types(claims: list[dict[str, Any]], expected: dict[str, int]) -> None:
    tolls = tolls_of(claims)
    assert {kind: t.best for kind, t in tolls.items()} == expected
    for toll in tolls.values():
        assert violations(toll.to_dict()) == []


def test_a_derived_toll_says_so_in_its_source_and_evidence() -> None:
    injured = tolls_of(shot_one_fatally())["injured"]
    assert injured.sources == [{"source": None, "value": 3, "qualifier": "exact", "low": 3, "high": 3,
                                "article": "a", "date": None, "id": "a#derived"}]
    assert injured.evidence == ["a#1", "a#2"] and injured.best_qualifier == "exact" and injured.articles == 1
    jsonschema.validate(injured.to_dict(), toll_schema())


def test_asking_for_injured_alone_still_derives_it() -> None:
    assert [(t.type, t.best) for t in build_tolls(shot_one_fatally(), types=["injured"])] == [("injured", 3)]


def test_the_table_and_the_report_say_a_figure_is_derived() -> None:
    from casualty_cli.write.report import card_view
    from casualty_cli.write.words import source_lines

    tolls = tolls_of(shot_one_fatally())
    assert source_lines(tolls["injured"]) == ["(the article) (derived: people shot less the killed): 3"]
    assert source_lines(tolls["killed"]) == ["(the article): 1"]
    card = card_view(tolls["injured"].to_dict(), "e1", {}, [])
    assert [s["who"] for s in card["shown"]] == ["the article itself (derived: people shot less the killed)"]
