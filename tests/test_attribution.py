"""Who said it: real sentences from ../shared/data with their expected attribution.

The cases live in tests/cases/attribution.jsonl (see tests/cases/README.md);
each names one claim by its quantity and the source, title, via and cue the
spec expects (the cue exactly as written). Names are compared like the project's scorer does (content
words, F1 >= 0.75), so "the Observatory" and "Observatory" agree.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from casualty_cli.evaluate import same_name

from .conftest import case_param

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases/attribution.jsonl").read_text(encoding="utf-8").splitlines()]


def _claim_for(extractor, case):
    text = case["text"]
    start = -1
    for _ in range(case.get("occurrence", 0) + 1):
        start = text.index(case["quantity"], start + 1)
    claims = extractor.extract(text, "case")
    for claim in claims:
        assert text[claim.start : claim.end] == claim.quantity
    hits = [c for c in claims if c.start < start + len(case["quantity"]) and start < c.end]
    assert hits, f"no claim found at {case['quantity']!r}: {[c.quantity for c in claims]}"
    return hits[0]


def test_enough_cases_pass_today():
    assert sum("known_gap" not in c for c in CASES) >= 60


@pytest.mark.parametrize("case", [case_param(c, f"{c['origin']}:{c['quantity']}") for c in CASES])
def test_attribution(extractor, case):
    claim = _claim_for(extractor, case)
    assert claim.value == case["value"]
    assert claim.type == case["type"]
    assert same_name(case["source"], claim.source), (claim.source, case["note"])
    assert same_name(case["via"], claim.via), (claim.via, case["note"])
    assert same_name(case["source_title"], claim.source_title), (claim.source_title, case["note"])
    assert claim.cue == case["cue"], (claim.cue, case["note"])


@pytest.mark.parametrize(("headline", "quantity", "source"), [
    # a headline's source set off by a dash or a colon, which the parse may read as an object
    ("Shelling kills 14 civilians in eastern Ghouta - SOHR", "14", "SOHR"),
    ("Roadside bomb kills nine soldiers near Kandahar – officials", "nine", "officials"),
    ("Air strikes kill 21 in Idlib: monitor", "21", "monitor"),
    # without a separator, a last word the verb takes is its object, not a source
    ("Gunmen kill 12 police", "12", None),
])
def test_a_headline_names_its_source_last(extractor, headline: str, quantity: str, source: str | None) -> None:
    (claim,) = extractor.extract(headline + "\n\nThe attack happened on Monday.", "h")
    assert claim.quantity == quantity and claim.source == source
