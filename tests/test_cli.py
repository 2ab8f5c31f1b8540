"""The command line: formats, exit codes, stdout holding data only."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from click.testing import CliRunner

from casualty_cli.claims import FIELDS
from casualty_cli.cli import main

from .conftest import ROOT


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_json_and_csv_carry_the_claims_of_the_golden_jsonl():
    golden = [json.loads(line) for line in (ROOT / "tests/golden/seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    as_json = run("extract", "seeds/", "--format", "json")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == golden
    assert f"{len(golden)} claims" in as_json.stderr
    rows = list(csv.DictReader(io.StringIO(run("extract", "seeds/", "--format", "csv", "--quiet").stdout)))
    assert list(rows[0]) == list(FIELDS)
    assert rows == \
        [{k: "" if v is None else str(v) for k, v in g.items()} for g in golden]


def test_missing_file_is_a_usage_error_without_traceback():
    result = run("extract", "no-such-file.txt")
    assert result.exit_code == 2
    assert "no-such-file.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output


def test_stdin_is_read_with_dash():
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl", "--quiet"],
                                input="Gunmen killed 12 people and wounded 30 in the market, police said.")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["type"], r["value"], r["article"]) for r in rows] == [("killed", 12, "-"), ("injured", 30, "-")]


def test_help_and_version_do_not_import_spacy():
    code = ("import sys; from casualty_cli.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("casualty, version")
