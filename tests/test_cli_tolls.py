"""`casualty tolls` and `extract --carry`: exact output on small inputs."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.tolls.rules import TOLL_FIELDS


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def claim(article: str, n: int, value: int, sentence: str, **record: str) -> str:
    data = {"id": f"{article}#{n}", "article": article, "type": "killed", "value": value, "low": value,
            "high": value, "qualifier": "exact", "quantity": str(value), "victims": "people", "source": "police",
            "source_title": None, "via": None, "cue": "said", "location": None, "part_of": None,
            "superseded_by": None, "sentence": sentence, "start": 0, "end": len(str(value))}
    if record:
        data["record"] = record
    return json.dumps(data)


CLAIMS = "\n".join([
    claim("a1", 1, 9, "Police said 9 people were killed.", incident="7", dct="2016-05-01"),
    claim("a2", 1, 35, "Police said 35 people were killed.", incident="7", dct="May 2, 2016"),
    claim("a3", 1, 2, "Police said 2 people were killed.", incident="8", dct="2016-05-03"),
]) + "\n"


def test_claims_from_stdin_grouped_by_event_latest_date_wins() -> None:
    result = run("tolls", "--claims", "-", "--event-field", "incident", "--date-field", "dct", "--format", "jsonl",
                 stdin=CLAIMS)
    assert result.exit_code == 0, result.output
    tolls = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(t["event"], t["type"], t["best"]) for t in tolls] == [("7", "killed", 35), ("8", "killed", 2)]
    assert list(tolls[0]) == list(TOLL_FIELDS)
    assert [(r["value"], r["replaced_by"]) for r in tolls[0]["revisions"]] == [(9, 35)]


def test_claims_input_loads_no_model() -> None:
    """`tolls --claims` is arithmetic over JSON: no spaCy (it cost 75 MB of memory when `--jobs` was checked)."""
    code = ("import io, sys; from casualty_cli.cli import main\n"
            f"sys.stdin = io.TextIOWrapper(io.BytesIO({CLAIMS.encode()!r}))\n"
            "try:\n    main(['tolls', '--claims', '-', '--format', 'jsonl', '-q'])\nexcept SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3


def test_malformed_claims_line_is_reported_with_its_number_and_the_rest_kept() -> None:
    lines = CLAIMS.splitlines()
    result = run("tolls", "--claims", "-", "--format", "jsonl", stdin="\n".join([lines[0], "{not json", lines[2]]))
    assert result.exit_code == 1
    assert "-:2:" in result.stderr
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == ["a1", "a3"]


def test_an_event_that_comes_back_after_another_is_warned_about() -> None:
    lines = CLAIMS.splitlines()  # incident 7, 7, 8: then 7 again
    back = claim("a4", 1, 40, "Police said 40 people were killed.", incident="7", dct="2016-05-04")
    result = run("tolls", "--claims", "-", "--event-field", "incident", "--format", "jsonl",
                 stdin="\n".join([*lines, back]) + "\n")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == ["7", "8", "7"]
    assert "1 event comes back after other events' records (7)" in result.stderr
    assert "sort the input by the event field" in result.stderr
    assert "come back" not in run("tolls", "--claims", "-", "--event-field", "incident", stdin=CLAIMS).stderr


def test_unknown_event_field_is_a_usage_error_listing_the_fields() -> None:
    result = run("tolls", "--claims", "-", "--event-field", "incident_id", stdin=CLAIMS)
    assert result.exit_code == 2
    assert "fields: dct, incident" in result.stderr


def test_csv_and_fields() -> None:
    result = run("tolls", "--claims", "-", "--event-field", "incident", "--format", "csv",
                 "--fields", "event,best,revisions", "-q", stdin=CLAIMS)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == ["event", "best", "revisions"]
    assert rows[1][:2] == ["7", "35"]
    assert json.loads(rows[1][2])[0]["replaced_by"] == 35


def test_table_shows_the_history() -> None:
    result = run("tolls", "--claims", "-", "--event-field", "incident", "--date-field", "dct", "--format", "table",
                 "-q", stdin=CLAIMS)
    assert result.exit_code == 0, result.output
    assert "9 → 35" in result.stdout


def test_paths_and_claims_exclude_each_other(tmp_path: Path) -> None:
    assert run("tolls").exit_code == 2
    (tmp_path / "a.txt").write_text("Two people died.", encoding="utf-8")
    assert run("tolls", str(tmp_path), "--claims", "-", stdin="").exit_code == 2


def test_tolls_of_articles_with_people_counted_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "d1", "text": "A 25-year-old man was shot and killed on Friday.", "incident": "7", "date": "2020-01-01"},
        {"id": "d2", "text": "Three people died in a fire.", "date": "2020-01-02"},
    ]) + "\n", encoding="utf-8")
    result = run("tolls", str(path), "--event-field", "incident", "--date-field", "date", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    tolls = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(t["event"], t["best"]) for t in tolls] == [("7", 1), ("d2", 3)]
    assert tolls[0]["evidence"] == ["A 25-year-old man was shot and killed on Friday."]
    assert "1 records without the event field" in result.stderr


def test_extract_carry_copies_record_fields(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text("id,text,incident\r\nd1,Three people died in a fire.,7\r\n", encoding="utf-8")
    result = run("extract", str(path), "--carry", "incident,missing", "--format", "csv", "--fields", "id,value")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["id,value,record.incident,record.missing", "d1#1,3,7,"]
    result = run("extract", str(path), "--carry", "incident", "--format", "jsonl", "--fields", "id")
    assert json.loads(result.stdout) == {"id": "d1#1", "record": {"incident": "7"}}


def test_extract_tolls_library() -> None:
    from casualty_cli import extract_tolls

    tolls = extract_tolls({"x": "Four people were killed and two were injured in the attack, police said."})
    assert [(t.event, t.type, t.best) for t in tolls] == [("x", "killed", 4), ("x", "injured", 2)]


def bad(line: str, **changes: object) -> str:
    """A claim line of CLAIMS with fields changed (... removes one)."""
    data = json.loads(line)
    for name, value in changes.items():
        if value is ...:
            del data[name]
        else:
            data[name] = value
    return json.dumps(data)


def test_bad_values_are_reported_with_their_line_and_the_rest_used(tmp_path: Path) -> None:
    good, _, last = CLAIMS.splitlines()
    lines = [good, bad(good, id=...), bad(good, value="twelve"), bad(good, value=float("nan")),
             bad(good, value=None), bad(good, value="14"), bad(good, record="incident 7"), '"a string"',
             bad(good, value=True), last]
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n")
    for command in (["tolls", "--format", "jsonl"], ["report", "-o", str(tmp_path / "r.html")]):
        result = run(*command, "--claims", str(path))
        assert result.exit_code == 1, result.output
        assert "internal error" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if ": error: " in line]
        assert [e.split(":")[3] for e in errors] == [str(n) for n in range(2, 10)]
        assert "expected a claim with 'id'" in errors[0] and 'got a string "twelve"' in errors[1]
        assert "got a number NaN" in errors[2] and "got null" in errors[3] and 'got a string "14"' in errors[4]
        assert "'record': expected an object, got a string" in errors[5] and "got a string" in errors[6]
    result = run("tolls", "--format", "jsonl", "--claims", str(path))
    assert [json.loads(line)["event"] for line in result.stdout.splitlines()] == ["a1", "a3"]


@pytest.mark.parametrize("encode", [
    lambda text: b"\xef\xbb\xbf" + text.encode(),  # a BOM must not drop the first claim
    lambda text: text.encode("utf-16"),
    lambda text: text.encode("utf-16-le"),
    lambda text: text.replace("police", "polic\u00e9").encode("cp1252"),
])
def test_claims_in_any_encoding_extract_reads(encode, tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(encode(CLAIMS))
    result = run("tolls", "--claims", str(path), "--format", "jsonl", "--event-field", "incident")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["best"] for line in result.stdout.splitlines()] == [35, 2]


def test_claims_are_bounded_by_max_bytes() -> None:
    result = run("tolls", "--claims", "/dev/zero", "--max-bytes", "100000")
    assert result.exit_code == 2 and "larger than --max-bytes" in result.stderr and result.stdout == ""


def test_an_absurd_date_is_a_note_not_a_crash() -> None:
    lines = CLAIMS.splitlines()
    lines[0] = bad(lines[0], record={"incident": "7", "dct": "1 Jan 99999999999"})
    result = run("tolls", "--claims", "-", "--event-field", "incident", "--date-field", "dct", "--format", "jsonl",
                 stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0 and "not understood" in result.stderr
    assert [json.loads(line)["best"] for line in result.stdout.splitlines()] == [35, 2]


def test_claims_beyond_max_bytes_after_the_first_lines_end_the_run_clearly(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(CLAIMS * 400)  # over 100 lines: past the lines read before the run
    result = run("tolls", "--claims", str(path), "--max-bytes", str(len(CLAIMS) * 200), "-o", str(tmp_path / "t.csv"))
    assert result.exit_code == 1 and "larger than --max-bytes" in result.stderr
    assert "internal error" not in result.stderr and not (tmp_path / "t.csv").exists()


# -- headlines: --title-field / --title-column (issue 26) ----------------------------------------

HEADLINES = [  # GVA documents: the figure stands in the headline, the body says it another way or not at all
    {"doc_id": "d1", "incident": "108649", "title": "4 dead, 2 injured in a shooting at Northern Calif. tribal meeting",
     "content": "A woman opened fire at a tribal meeting in Alturas on Thursday, police said."},
    {"doc_id": "d2", "incident": "109142", "title": "4 injured, 1 critically, in Harbor City shooting",
     "content": "Police said three men and a woman were wounded; one man was in critical condition."},
    {"doc_id": "d3", "incident": "109142", "content": "Two of the four people shot remained in hospital."},
]


def test_extract_reads_the_headline_first_and_every_offset_points_back_into_its_field(tmp_path) -> None:
    from casualty_cli.read.records import in_record

    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in HEADLINES))
    result = run("extract", str(path), "--text-field", "content", "--id-field", "doc_id", "--title-field", "title",
                 "--carry", "title,content", "--format", "jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    fields = {"title": "title", "text": "content"}
    seen = set()
    for c in claims:
        record = c["record"]
        field, start, end = in_record(c["start"], c["end"], record["title"])
        assert record[fields[field]][start:end] == c["quantity"], c["id"]
        seen.add(field)
    assert seen == {"title", "text"}  # claims in headlines and in bodies
    assert [(c["id"], c["type"], c["value"]) for c in claims if c["article"] == "d1"][:2] == \
        [("d1#1", "killed", 4), ("d1#2", "injured", 2)]


def test_tolls_count_a_figure_in_the_headline(tmp_path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps(HEADLINES[0]) + "\n")
    args = ["tolls", str(path), "--text-field", "content", "--id-field", "doc_id", "--format", "jsonl", "-q"]
    assert run(*args).stdout == ""  # the body alone gives no figure
    tolls = [json.loads(line) for line in run(*args, "--title-column", "title").stdout.splitlines()]
    assert [(t["type"], t["best"]) for t in tolls] == [("killed", 4), ("injured", 2)]


@pytest.mark.parametrize("args", [
    ["extract", "{txt}", "--title-field", "title"],
    ["tolls", "{txt}", "--title-field", "title"],
    ["report", "{txt}", "--title-field", "title"],
    ["tolls", "--claims", "{txt}", "--title-field", "title"],
])
def test_a_title_field_on_input_without_records_is_a_usage_error(args, tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Police said 9 people were killed.\n")
    result = run(*[a.format(txt=path) for a in args])
    assert result.exit_code == 2
    assert "--title-field applies to" in result.stderr
