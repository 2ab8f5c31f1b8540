"""Numbers that are not casualty claims: real sentences from ../shared/data.

Ages, addresses, dates, times, durations, counts of strikes, charges, arrests
or officials, money, ordinals, "one of the victims"... each sentence in
tests/cases/negatives.jsonl must yield no claim at all.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import case_param

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases/negatives.jsonl").read_text(encoding="utf-8").splitlines()]


def test_enough_cases_pass_today():
    assert sum("known_gap" not in c for c in CASES) >= 60


@pytest.mark.parametrize("case", [case_param(c, f"{c['origin']}:{c['text'][:40]}") for c in CASES])
def test_no_claim(extractor, case):
    claims = extractor.extract(case["text"], "negative")
    assert [(c.quantity, c.type) for c in claims] == [], case["note"]
