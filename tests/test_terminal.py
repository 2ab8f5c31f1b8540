"""What reaches a terminal cannot drive it: control and bidi characters escaped, one line per
message, nothing forged (issue 28); the report isolates article text (<bdi>, unicode-bidi)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.write.terminal import for_terminal

STORY = "Gunmen killed 12 people in the market, police said."
HOSTILE = "\x1b]0;pwned\x07\x1b[2J"  # set the window title, clear the screen


@pytest.mark.parametrize("text, shown", [
    ("plain words, العربية, 中文\tand a tab", "plain words, العربية, 中文\tand a tab"),
    ("\x1b[2J", "\\x1b[2J"),
    ("a\nb\rc", "a\\nb\\rc"),
    ("\x9b31m\x7f", "\\x9b31m\\x7f"),
    ("police \u202e41\u202c", "police \\u202e41\\u202c"),
    ("\u2066x\u2069\u200f\u2028", "\\u2066x\\u2069\\u200f\\u2028"),
])
def test_for_terminal(text, shown):
    assert for_terminal(text) == shown


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_the_table_shows_escapes_from_file_names_and_article_text(tmp_path: Path) -> None:
    name = tmp_path / f"a{HOSTILE}\ncasualty: 99 articles read.txt"
    name.write_text(f"Gunmen killed 12 people{HOSTILE} in the market, police \u202esaid.\n")
    for fmt in (["--format", "table"], ["--format", "table", "--details"]):
        result = run("extract", str(name), *fmt)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
        assert "\\x1b]0;pwned" in result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    result = run("tolls", str(name), "--format", "table")
    assert result.exit_code == 0 and "\x1b" not in result.stdout and "\\x1b" in result.stdout.replace("\n", "")


def test_a_newline_in_a_file_name_cannot_forge_a_summary_line(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone\ncasualty: 99 articles read, 99 claims, 0 inputs skipped, 0 failed, 1.0s")
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    for args in (["extract", str(good), missing, "--format", "jsonl"], ["extract", missing]):
        result = run(*args)
        assert not [line for line in result.stderr.splitlines() if line.startswith("casualty: 99")]
        assert "gone\\ncasualty: 99" in result.stderr


def test_a_newline_in_a_json_key_cannot_forge_a_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"body\ncasualty: 5 articles read\x1b[2J": STORY}) + "\n")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code != 0
    assert not [line for line in result.stderr.splitlines() if line.startswith("casualty: 5")]
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr


def test_an_error_with_control_characters_is_one_escaped_line(tmp_path: Path) -> None:
    result = run("tolls", "--claims", str(tmp_path / f"no{HOSTILE}\nsuch.jsonl"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_the_report_isolates_article_text(tmp_path: Path) -> None:
    claim = {"id": "a#1", "article": "a", "type": "killed", "value": 14, "low": 14, "high": 14,
             "qualifier": "exact", "quantity": "14", "victims": "people", "source": "police \u202e",
             "source_title": None, "via": None, "cue": "said", "location": None, "part_of": None,
             "superseded_by": None, "sentence": "Police \u202e said 14 people were killed.", "start": 18, "end": 20}
    out = tmp_path / "r.html"
    result = run("report", "--claims", "-", "-o", str(out), stdin=json.dumps(claim) + "\n")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<td><bdi>police \u202e</bdi></td>" in page
    assert "\u2068police \u202e\u2069" in page  # tooltip and chart label: FSI ... PDI ends the override
    assert "unicode-bidi: isolate" in page
