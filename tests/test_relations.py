"""The relations layer (casualty_cli.relations) on hand-written claims, its invariants for any input, and the
integrity of the hand-annotated toll gold (tests/data/toll_gold.jsonl)."""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casualty_cli.tolls.relations import EXCLUSION_REASONS, Reading, Relation, cite_name, read_toll, relate

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
GOLD = Path(__file__).parent / "data" / "toll_gold.jsonl"


def claim(n: int, value: int, *, article: str = "a", source: str | None = None, qualifier: str = "exact",
          low: int | None = -1, high: int | None = -1, sentence: str | None = None, start: int = 0,
          date: str | None = None, **extra: Any) -> dict[str, Any]:
    quantity = str(value)
    bounds = {"exact": (value, value), "at_least": (value, None), "more_than": (value + 1, None),
              "about": (None, None)}.get(qualifier, (value, value))
    return {"id": f"{article}#{n}", "article": article, "type": "killed", "value": value,
            "low": bounds[0] if low == -1 else low, "high": bounds[1] if high == -1 else high,
            "qualifier": qualifier, "quantity": quantity, "victims": "people", "source": source,
            "part_of": None, "superseded_by": None,
            "sentence": sentence or f"{quantity} people were killed, police said.", "start": start,
            "date": date, **extra}


@pytest.mark.parametrize(("source", "expected"), [
    ("NOPD", "NOPD"),
    ("the NOPD", "the NOPD"),
    ("BRIDGEPORT - Bridgeport police", "Bridgeport police"),
    (". Kevin Beyrer", "Kevin Beyrer"),
    ("Another image", None),
    ("The same source", None),
    ("Abu Mohammed Madhoun 7", "Abu Mohammed Madhoun"),
    ("ohammed Madhoun", None),
    ("Photo credit", None),
    ("42", None),
    (None, None),
])
def test_cite_name(source: str | None, expected: str | None) -> None:
    assert cite_name(source) == expected


@pytest.mark.parametrize(("a", "b", "relation"), [
    (claim(1, 40, qualifier="at_least"), claim(2, 52, article="b", source="police"), Relation.SAME),
    (claim(1, 40, source="police"), claim(2, 52, source="medics"), Relation.CONFLICT),
    (claim(1, 9, superseded_by="a#2"), claim(2, 35), Relation.UPDATE),
    (claim(1, 531), claim(2, 200, part_of="a#1"), Relation.PART),
    (claim(1, 4, sentence="four dead including the gunman."), claim(2, 3, article="b"), Relation.SCOPE),
    (claim(1, 17, sentence="Sources initially reported the death of 17 civilians."),
     claim(2, 25, sentence="Sources later stated that 25 civilians were killed.", start=80), Relation.UPDATE),
])
def test_relate(a: dict[str, Any], b: dict[str, Any], relation: Relation) -> None:
    assert relate(a, b, a_order=0, b_order=1 if a["article"] != b["article"] else 0) is relation


def test_a_later_article_updates_an_earlier_one() -> None:
    toll = read_toll([claim(1, 4, date="2015-07-22"), claim(1, 5, article="b", date="2015-12-05")])
    assert toll.best == 5 and [r["value"] for r in toll.revisions] == [4, 5] and not toll.disagreement
    assert {"id": "a#1", "value": 4, "reason": "superseded"} in toll.excluded


def test_two_sources_that_cannot_both_be_true_disagree() -> None:
    toll = read_toll([claim(1, 10, source="DCI Palestine"), claim(2, 15, source="Amnesty International", start=50)])
    assert toll.disagreement and toll.low == 10 and toll.high == 15 and not toll.revisions


def test_one_source_spelt_twice_is_listed_once() -> None:
    toll = read_toll([claim(1, 3, source="NOPD"), claim(2, 3, source="the NOPD", article="b")])
    assert len(toll.sources) == 1 and not toll.disagreement


def test_a_part_and_a_figure_about_another_event_are_excluded_with_reasons() -> None:
    toll = read_toll([claim(1, 531), claim(2, 200, part_of="a#1", start=20),
                      claim(3, 13, start=90, sentence="the 2009 Fort Hood shooting that killed 13 people.")])
    assert toll.best == 531
    assert {(e["id"], e["reason"]) for e in toll.excluded} >= {("a#2", "part")}
    assert all(e["reason"] in EXCLUSION_REASONS for e in toll.excluded)


def test_the_hedge_is_kept() -> None:
    toll = read_toll([claim(1, 500, qualifier="more_than")])
    assert (toll.best, toll.best_qualifier, toll.high) == (500, "more_than", None)


def check_invariants(toll: Reading) -> None:
    """What issue 26 asks of every toll: no field contradicts another."""
    keys = [(s["source"] or "").lower().removeprefix("the ") or "article:" + str(s["article"]) for s in toll.sources]
    assert len(keys) == len(set(keys)), "a source listed twice"
    if not toll.sources:
        assert toll.best is None and toll.low is None and toll.high is None and not toll.disagreement
        return
    values = [s["value"] for s in toll.sources]
    assert toll.low is not None and toll.low == min(values), "low not given by a source"
    for s in toll.sources:
        assert toll.low <= s["value"] and (toll.high is None or s["value"] <= toll.high)
    if toll.high is not None:
        assert toll.high in {s["high"] if s["high"] is not None else s["value"] for s in toll.sources}
    assert toll.best is not None and toll.low <= toll.best and (toll.high is None or toll.best <= toll.high)
    if toll.disagreement:
        assert len(toll.sources) >= 2 and len(set(values)) >= 2
    assert all(e["reason"] in EXCLUSION_REASONS for e in toll.excluded)
    steps = [r["value"] for r in toll.revisions]
    assert all(a != b for a, b in zip(steps, steps[1:], strict=False))


QUALIFIERS = st.sampled_from(["exact", "at_least", "more_than", "about"])
SENTENCES = st.sampled_from([
    None, "Police initially reported {} dead.", "The toll later rose to {}.", "{} people were killed, while "
    "medics said otherwise.", "{} people including the gunman died.", "{} people were killed in 2014.",
    "{} children were among the dead.", "At the hospital, {} people died."])


@st.composite
def claim_lists(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for n in range(draw(st.integers(0, 7))):
        value = draw(st.integers(0, 60))
        text = draw(SENTENCES)
        sentence = text.format(value) if text else None
        article = draw(st.sampled_from("abc"))
        out.append(claim(n + 1, value, article=article, qualifier=draw(QUALIFIERS),
                         source=draw(st.sampled_from([None, "police", "the police", "NOPD", "medics"])),
                         sentence=sentence, start=draw(st.integers(0, 900)),
                         date={"a": "2016-01-01", "b": "2016-01-02", "c": None}[article]))
    for c, d in combinations(out, 2):  # a few explicit links, as extraction gives them
        if c["article"] == d["article"] and c["value"] < d["value"] and c["start"] < d["start"] and draw(st.booleans()):
            c["superseded_by"] = d["id"]
    return out


@settings(max_examples=300, deadline=None)
@given(claim_lists())
def test_invariants_hold_for_any_input(claims: list[dict[str, Any]]) -> None:
    check_invariants(read_toll(claims))


# --- the gold ------------------------------------------------------------------------------------

def gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_fields_are_valid() -> None:
    items = gold()
    assert len({(g["dataset"], g["event"]) for g in items}) >= 30
    assert len({(g["dataset"], g["event"], g["type"]) for g in items}) == len(items)
    for g in items:
        assert set(g) == {"event", "dataset", "type", "revisions", "disagreement", "best", "note"}
        assert g["dataset"] in ("gva", "airwars") and g["type"] in ("killed", "injured")
        assert isinstance(g["disagreement"], bool) and isinstance(g["best"], int) and g["note"]
        assert all(isinstance(v, int) for v in g["revisions"]) and len(g["revisions"]) != 1
        assert not g["revisions"] or g["revisions"][-1] == g["best"]


@pytest.mark.skipif(not DATA.is_dir(), reason="needs ../shared/data")
def test_gold_events_exist_in_the_data() -> None:
    wanted = {(g["dataset"], g["event"]) for g in gold()}
    seen: dict[tuple[str, str], int] = {}
    with (DATA / "gva-semeval2018-task5/documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            d = json.loads(line)
            seen[("gva", d["incident_id"])] = seen.get(("gva", d["incident_id"]), 0) + 1
    with (DATA / "airwars-gaza-2023/incidents_parsed.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            seen[("airwars", json.loads(line)["incident_id"])] = 1
    assert wanted <= set(seen)
    assert all(seen[k] >= 2 for k in wanted if k[0] == "gva")  # multi-article incidents


def test_a_figure_after_another_sources_early_one_is_no_update() -> None:
    sentence = "A tweet from X initially placed the toll at 5 killed, while Y reported 6 martyrs so far."
    toll = read_toll([claim(1, 5, source="X", sentence=sentence, start=0),
                      claim(2, 6, source="Y", sentence=sentence, start=1)])
    assert toll.revisions == [] and toll.disagreement


def test_people_described_one_by_one_are_no_step_of_the_count() -> None:
    single = {**claim(9, 2, article="a"), "id": "a#single", "sentence": "A man and a woman were killed."}
    toll = read_toll([claim(1, 4, article="b", date="2016-01-02")], extra=[{**single, "date": "2016-01-01"}])
    assert toll.revisions == [] and toll.best == 4


def test_a_figure_dated_years_before_its_article_is_another_event() -> None:
    old = claim(2, 13, sentence="The same shop sold the gun used in the Nov. 5 2009 rampage that left 13 dead.",
                date="2014-04-03", start=100)
    toll = read_toll([claim(1, 4, date="2014-04-03"), old])
    assert toll.best == 4 and {x["id"]: x["reason"] for x in toll.excluded} == {"a#2": "other_event"}


def test_the_worst_hurt_are_a_part_of_the_injured() -> None:
    hurt = claim(2, 3, sentence="The 3 most seriously injured victims suffered spinal injuries, doctors said.",
                 source="doctors", start=100)
    toll = read_toll([claim(1, 16, source="Milley"), hurt])
    assert [s["value"] for s in toll.sources] == [16] and not toll.disagreement


def test_a_surname_is_the_same_source_as_the_full_name() -> None:
    toll = read_toll([claim(1, 4, source="Gen. Mark Milley"), claim(2, 4, source="Milley", article="b")])
    assert len(toll.sources) == 1


@pytest.mark.parametrize("pronoun", ["WE'RE", "they", "He"])
def test_a_pronoun_is_no_source(pronoun: str) -> None:
    assert cite_name(pronoun) is None
