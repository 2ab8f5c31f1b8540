"""The two seed articles, end to end: every field of every gold claim."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.evaluate import score

from .conftest import ROOT, SEEDS

GOLD = [json.loads(line) for line in (ROOT / "tests/data/seeds_gold.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def seed_claims(extractor):
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(c.to_dict() for c in extractor.extract(text, f"seeds/{path.name}"))
    return out


def test_seed_score_is_perfect(seed_claims):
    result = score(GOLD, seed_claims, {p.name for p in SEEDS.glob("*.txt")})
    assert result.detection[2] == 1.0, (result.missed, result.spurious)
    assert result.typed[2] == 1.0
    for field in ("qualifier", "bounds", "victims", "source", "via", "part_of"):
        assert result.accuracy(field) == 1.0, (field, result.wrong[field])


def test_offsets_point_at_the_quantity(seed_claims):
    for claim in seed_claims:
        text = (ROOT / claim["article"]).read_text(encoding="utf-8")
        assert text[claim["start"] : claim["end"]] == claim["quantity"]
        assert claim["quantity"] in claim["sentence"]


def test_worked_example_of_the_spec(seed_claims):
    claim = next(c for c in seed_claims if c["quantity"] == "at least 240")
    assert claim["id"] == "seeds/003_bc25c325cde308e9.txt#2"
    assert (claim["start"], claim["end"]) == (841, 853)
    assert claim["source"] == "Abdul Sattar al-Habbo"
    assert claim["source_title"] == "the chief of Mosul municipality"
    assert (claim["via"], claim["cue"], claim["location"]) == ("Reuters", "told", "Mosul")


def test_full_path_agrees_with_fast_path(seed_claims, full_extractor):
    full = []
    for path in sorted(SEEDS.glob("*.txt")):
        full.extend(c.to_dict() for c in full_extractor.extract(path.read_text(), f"seeds/{path.name}"))
    # Sources may differ where a pronoun's antecedent lies outside the parsed windows;
    # `make bench` measures that on the dev set.
    assert [(c["start"], c["type"], c["value"]) for c in full] == \
        [(c["start"], c["type"], c["value"]) for c in seed_claims]


def test_cli_output_matches_golden_file_and_is_stable():
    runner = CliRunner()
    first = runner.invoke(main, ["extract", "seeds/", "--format", "jsonl", "--quiet"])
    second = runner.invoke(main, ["extract", "seeds/", "--format", "jsonl", "--quiet"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    assert first.stdout == (ROOT / "tests/golden/seeds.jsonl").read_text(encoding="utf-8")
