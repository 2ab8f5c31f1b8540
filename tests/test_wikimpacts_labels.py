"""The hand labels of tests/dev/wikimpacts.jsonl are consistent with themselves and the spec.

Checks what a labelling slip would break, without the model: ids numbered in
text order, types and qualifiers from the spec, bounds that fit the qualifier,
`part_of` / `superseded_by` pointing at a claim of the same article (and their
`*_start` twins, which the scorer reads, at that claim). Offsets and sentences
are checked against the texts only where ../shared/data is present.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from .conftest import ROOT, SHARED

LABELS = ROOT / "tests/dev/wikimpacts.jsonl"
ROWS = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
BY_ID = {row["id"]: row for row in ROWS}
TYPES = {"killed", "injured", "missing", "casualties", "displaced"}
BOUNDS = {  # qualifier -> (low, high) from the value, per claim-spec section 2
    "exact": lambda v: (v, v), "at_least": lambda v: (v, None), "more_than": lambda v: (v + 1, None),
    "about": lambda v: (None, None), "vague": lambda v: (v, None), "at_most": lambda v: (None, v),
    "less_than": lambda v: (None, v - 1),
}


def _texts_module():
    spec = importlib.util.spec_from_file_location("wikimpacts_texts", ROOT / "tests/dev/wikimpacts_texts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ids_are_unique_and_numbered_in_text_order():
    assert len(BY_ID) == len(ROWS)
    for article in {row["article"] for row in ROWS}:
        rows = [row for row in ROWS if row["article"] == article]
        assert [row["id"] for row in rows] == [f"{article}#{n}" for n in range(1, len(rows) + 1)]
        assert [row["start"] for row in rows] == sorted({row["start"] for row in rows})


def test_labelled_articles_are_those_the_script_writes():
    listed = {f"wikimpacts-{ident}.txt" for _, ident, _ in _texts_module().ARTICLES}
    assert {row["article"] for row in ROWS} == listed


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_claim_fields_follow_the_spec(row):
    types = row["type"] if isinstance(row["type"], list) else [row["type"]]
    assert set(types) <= TYPES
    assert row["end"] - row["start"] == len(row["quantity"])
    if row["qualifier"] == "range":
        assert row["low"] == row["value"] < row["high"]
    else:
        assert (row["low"], row["high"]) == BOUNDS[row["qualifier"]](row["value"])
    for link in ("part_of", "superseded_by"):
        target = BY_ID.get(row[link]) if row[link] else None
        assert (target is None) == (row[link] is None), f"{link} {row[link]!r} names no claim"
        assert row.get(f"{link}_start") == (target["start"] if target else None)
        if target:
            assert target["article"] == row["article"] and target["id"] != row["id"]


def test_offsets_and_sentences_match_the_texts():
    data = SHARED / "data"
    if not (data / "wikimpacts-dev").exists():
        pytest.skip("../shared/data is not here")
    texts = _texts_module().build(data)
    for row in ROWS:
        text = texts[row["article"]]
        assert text[row["start"]:row["end"]] == row["quantity"], row["id"]
        assert row["quantity"] in row["sentence"] and row["sentence"] in text, row["id"]

