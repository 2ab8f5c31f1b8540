"""The terminal tables of claims and tolls through the real CLI: every field a reader cites, a header on every
column, readable at 80 columns, nothing lost when the terminal is narrower (issues 26 and 29)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.tolls.relations import EXCLUSION_REASONS
from casualty_cli.write.layout import fit_widths
from casualty_cli.write.words import REASON_WORDS, excluded_line, hedged, revision_lines

from .conftest import ROOT
from .test_terminal import HOSTILE

GOLDEN = ROOT / "tests/golden"
CLAIMS = ROOT / "tests/data/toll_table_claims.jsonl"  # hand-written: hedges, a revision, a disagreement, parts
BY_INCIDENT = ["--claims", str(CLAIMS), "--event-field", "incident", "--date-field", "dct"]


def run(*args: str, width: int = 80, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, env={"COLUMNS": str(width)})


def matches_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; `CASUALTY_GOLDEN=update` rewrites it (only when the change is meant)."""
    path = GOLDEN / name
    if os.environ.get("CASUALTY_GOLDEN") == "update":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def cells(text: str) -> int:
    from rich.cells import cell_len

    return max(cell_len(line) for line in text.splitlines())


# -- words ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "qualifier", "bounds", "words"), [
    (500, "more_than", {}, "more than 500"),
    (240, "at_least", {}, "at least 240"),
    (30, "about", {}, "about 30"),
    (30, "at_most", {}, "up to 30"),
    (10, "less_than", {}, "fewer than 10"),
    (24, "vague", {}, "dozens"),
    (200, "vague", {}, "hundreds"),
    (20_000, "vague", {}, "tens of thousands"),
    (30, "range", {"low": 20, "high": 30}, "20–30"),
    (8, "exact", {}, "8"),
    (0, "exact", {}, "0"),
    (None, None, {}, "no figure"),
])
def test_a_figure_is_said_with_its_hedge(value, qualifier, bounds, words):
    assert hedged(value, qualifier, **bounds) == words


def test_every_exclusion_reason_has_words():
    assert set(REASON_WORDS) == set(EXCLUSION_REASONS)
    total = {"id": "a#2", "value": 531, "reason": "period_total"}
    assert excluded_line(total, one_article=True) == "#2: 531 — a total over a period"
    assert excluded_line(total, one_article=False) == "a#2: 531 — a total over a period"
    assert excluded_line({"id": "a#3", "value": 200, "reason": "part"}, one_article=True, part_of="a#2") == \
        "#3: 200 — part of another figure (#2)"


def test_revisions_carry_their_dates_as_iso():
    steps = [{"value": 6, "replaced_by": 8, "date": "Jan. 28, 2014"}, {"value": 8, "replaced_by": 9, "date": None}]
    assert revision_lines(steps) == ["6 → 8 (2014-01-28)", "8 → 9"]


@pytest.mark.parametrize(("natural", "least", "available", "widths"), [
    ([2, 10, 8, 30], [2, 10, 8, 10], 80, [2, 10, 8, 30]),  # fits: as is
    ([2, 10, 40, 30], [2, 10, 8, 10], 60, [2, 10, 24, 24]),  # the widest gives way first, none below its least
    ([2, 10, 8, 30], [2, 10, 8, 10], 29, None),  # the least widths do not fit: no table
])
def test_fit_widths(natural, least, available, widths):
    got = fit_widths(natural, least, available)
    assert got == widths
    assert got is None or sum(got) <= available


# -- the tolls table -----------------------------------------------------------------------------------------

def test_tolls_table_golden():
    result = run("tolls", *BY_INCIDENT, "--format", "table", "-q")
    assert result.exit_code == 0, result.output
    matches_golden("tolls_table.txt", result.stdout)


def test_tolls_table_shows_every_field_a_reader_cites():
    out = run("tolls", *BY_INCIDENT, "--format", "table", "-q").stdout
    header = out.splitlines()[0].split()
    assert header == ["type", "figure", "range", "sources", "revisions"]  # a header on every column
    assert "event 101 · 2 articles · as of 2014-01-28" in out  # the article count and as_of
    assert "event 202 · 1 article · no date" in out
    for words in ("more than 500", "about 30", "dozens", "20–30", "6 → 8 (2014-01-28)", "500–", "≠ they disagree",
                  "Rocky Mount police: 8", "(the article):"):
        assert words in out, words
    assert cells(out) <= 80


def test_tolls_details_golden():
    result = run("tolls", *BY_INCIDENT, "--details", "-q")
    assert result.exit_code == 0, result.output
    matches_golden("tolls_details.txt", result.stdout)
    out = result.stdout
    assert "evidence: Rocky Mount police later said eight people had died, including two" in out
    assert "left out wral-2#4: 531 — a total over a period" in out
    assert "left out wral-2#2: 2 — part of another figure (wral-2#1)" in out
    assert "left out wral-1#1: 6 — replaced by a later figure" in out


def test_tolls_details_of_articles_read_by_the_model():
    out = run("tolls", "seeds/", "--details", "-q").stdout
    assert "evidence: Abdul Sattar al-Habbo, the chief of Mosul municipality, told" in out
    assert "left out #2: 531 — a total over a period" in out
    assert "left out #3: 200 — part of another figure (#2)" in out
    assert "event seeds/000_89c46a19aa4e7507.txt · 1 article · no date" in out  # the whole name, on one line
    assert cells(out) <= 80


def test_details_need_the_table():
    result = run("tolls", *BY_INCIDENT, "--details", "--format", "jsonl")
    assert result.exit_code == 2 and "--details applies to --format table" in result.stderr


def test_long_names_wrap_and_no_toll_is_lost():
    lines = []
    for n in range(12):
        event = f"incident-{n:02d}-" + "x" * 70
        claim = json.loads(CLAIMS.read_text().splitlines()[0])
        claim.update(id=f"{event}#1", article=event, source=f"the very long name of a police department number {n}",
                     record={})
        lines.append(json.dumps(claim))
    for width in (80, 50):
        out = run("tolls", "--claims", "-", "--format", "table", "-q", stdin="\n".join(lines), width=width).stdout
        assert cells(out) <= width
        assert sum(line.startswith("killed") for line in out.splitlines()) == 12
        assert all(f"incident-{n:02d}-" in out for n in range(12))


def test_tolls_help_offers_what_tolls_does():
    text = run("tolls", "-h").stdout
    assert "toll fields" in text and "casualty schema --tolls" in text and "evidence" in text
    assert "claim fields" not in text and "Only claims" not in text


def test_escapes_reach_the_details(tmp_path: Path):
    claim = json.loads(CLAIMS.read_text().splitlines()[0])
    claim["sentence"] = f"Police said six{HOSTILE} people were killed."
    out = run("tolls", "--claims", "-", "--details", "-q", stdin=json.dumps(claim)).stdout
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b" in out


# -- the claims table ----------------------------------------------------------------------------------------

def test_claims_table_golden():
    result = run("extract", "seeds/", "--format", "table", "-q")
    assert result.exit_code == 0, result.output
    matches_golden("claims_table.txt", result.stdout)
    out = result.stdout
    assert "seeds/000_89c46a19aa4e7507.txt\n" in out  # the article's name on its own line, never folded
    assert "↳ of #2" in out  # "200 children" breaks down claim #2's 531
    assert out.splitlines()[0].split() == ["#", "type", "figure", "victims", "source"]
    assert cells(out) <= 80


@pytest.mark.parametrize("command", [["extract", "seeds/", "--format", "table"], ["extract", "seeds/", "--details"],
                                     ["extract", "seeds/", "--format", "table", "--fields", "id,type,quantity"],
                                     ["tolls", *BY_INCIDENT, "--format", "table"],
                                     ["tolls", *BY_INCIDENT, "--format", "table", "--fields", "event,type,best"]])
def test_a_narrow_terminal_gets_one_line_per_row_and_a_note(command):
    result = run(*command, width=5)
    assert result.exit_code == 0, result.output
    assert "5 columns are too narrow for the table; one line per row instead" in result.stderr
    rows = [line for line in result.stdout.splitlines() if "type: " in line]
    assert len(rows) == (8 if command[0] == "extract" else 6)
    assert "more than 500" in result.stdout or "best: 500" in result.stdout
    quiet = run(*command, "-q", width=5)
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_details_of_people_described_one_by_one_cite_their_sentences(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Man killed in Elm Street shooting\n\nA 25-year-old man was shot and killed on "
                                    "Elm Street on Sunday night, police said.\n", encoding="utf-8")
    out = run("tolls", str(tmp_path), "--details", "-q").stdout
    assert "(the article): 1" in out
    assert "evidence: A 25-year-old man was shot and killed on Elm Street on Sunday" in out
