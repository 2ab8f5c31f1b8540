"""--event-field is looked for as far as needed, in whole characters (issue 28): no false "no record has"."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main

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
