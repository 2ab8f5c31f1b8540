"""--event-field is looked for as far as needed, in whole characters (issue 28): no false "no record has"."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.tolls import events

pytestmark = pytest.mark.model

GOOD = "Gunmen killed 12 people in the market, police said."


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


CASES = {
    "field after line 100": _jsonl([{"id": f"r{i}", "text": "Nothing here."} for i in range(150)]
                                   + [{"id": "last", "text": GOOD, "incident": "x"}]),
    "first record over 64 KB": _jsonl([{"id": "big", "text": "Nothing here. " * 6000, "incident": "x"},
                                       {"id": "b", "text": GOOD, "incident": "x"}]),
    "multibyte character at byte 65,536": _jsonl([{"id": "a", "text": "é" * 40000, "incident": "x"},
                                                  {"id": "b", "text": GOOD, "incident": "x"}]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_event_field_is_found_wherever_it_first_appears(tmp_path, name):
    path = tmp_path / "dump.jsonl"
    path.write_text(CASES[name], encoding="utf-8")
    result = CliRunner().invoke(main, ["tolls", str(path), "--event-field", "incident", "--format", "jsonl"])
    assert "no record has the field" not in result.stderr
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("pad", range(0, 4))
def test_a_utf8_csv_over_64_kb_with_arabic_column_names(tmp_path, pad):
    header = "المعرف,النص,الحادث\n"
    rows = "".join(f"r{i},\"{'ب' * (pad + 20)} {GOOD}\",x\n" for i in range(1200))
    path = tmp_path / "dump.csv"
    path.write_text(header + rows, encoding="utf-8")
    assert path.stat().st_size > 65536
    result = CliRunner().invoke(main, ["tolls", str(path), "--event-field", "الحادث", "--text-column", "النص",
                                       "--id-column", "المعرف", "--format", "jsonl", "-q"])
    assert "no record has the field" not in result.stderr
    assert result.exit_code == 0, result.stderr


def test_a_misspelt_event_field_is_still_refused(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(CASES["field after line 100"], encoding="utf-8")
    result = CliRunner().invoke(main, ["tolls", str(path), "--event-field", "incidnet", "--format", "jsonl"])
    assert result.exit_code == 2
    assert "no record has the field 'incidnet'" in result.stderr


def _claim_line(n: int, record: dict) -> str:
    return json.dumps({"id": f"a{n}#1", "article": f"a{n}", "type": "killed", "value": 3, "low": 3, "high": 3,
                       "qualifier": "exact", "quantity": "3", "victims": "people", "source": None,
                       "sentence": "Police said 3 people were killed.", "start": 12, "end": 13,
                       "record": record}) + "\n"


# 150 claims without the field, then two of one incident: the two make one event, the 150 their own.
LATE = "".join(_claim_line(n, {"dct": "2014-01-28"}) for n in range(150)) \
    + _claim_line(150, {"incident": "x"}) + _claim_line(151, {"incident": "x"})


def _tolls_claims(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(main, ["tolls", "--claims", *args, "--format", "jsonl"], input=stdin)


def _late(tmp_path, through: str, field: str):
    """`tolls --claims` over LATE, read from a file or from stdin, grouped by `field`."""
    path = tmp_path / "claims.jsonl"
    path.write_text(LATE, encoding="utf-8")
    return _tolls_claims([str(path) if through == "file" else "-", "--event-field", field],
                         LATE if through == "stdin" else None)


@pytest.mark.parametrize("through", ["file", "stdin"])
def test_claims_event_field_first_appearing_after_line_100(tmp_path, through):
    result = _late(tmp_path, through, "incident")
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line)["event"] for line in result.stdout.splitlines()]
    assert events[-1] == "x" and events.count("x") == 1 and len(events) == 151
    assert "150 records without the event field" in result.stderr


@pytest.mark.parametrize("through", ["file", "stdin"])
def test_claims_misspelt_event_field_is_refused_before_any_toll(tmp_path, through):
    result = _late(tmp_path, through, "incidnet")
    assert result.exit_code == 2 and result.stdout == ""
    assert "no record has the field 'incidnet'" in result.stderr


def test_claims_file_past_what_is_held_is_read_again_for_the_field(tmp_path, monkeypatch):
    """Past `FIELD_HOLD` characters a file is read again from its start instead of held: the field is still
    found, and a misspelt one still refused."""
    monkeypatch.setattr(events, "FIELD_HOLD", 2000)
    path = tmp_path / "claims.jsonl"
    path.write_text(LATE, encoding="utf-8")
    found = _tolls_claims([str(path), "--event-field", "incident"])
    assert found.exit_code == 0, found.stderr
    assert [json.loads(line)["event"] for line in found.stdout.splitlines()].count("x") == 1
    misspelt = _tolls_claims([str(path), "--event-field", "incidnet"])
    assert misspelt.exit_code == 2 and "no record has the field 'incidnet'" in misspelt.stderr


def test_claims_stdin_past_what_is_held_goes_on_unchecked(monkeypatch):
    """A stream read once is held only up to `FIELD_HOLD` characters: past them the field is taken on trust
    (no false usage error), and the records without it are each their own event, with the usual note."""
    monkeypatch.setattr(events, "FIELD_HOLD", 2000)
    result = _tolls_claims(["-", "--event-field", "incident"], LATE)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()].count("x") == 1
    assert "150 records without the event field" in result.stderr
