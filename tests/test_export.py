"""Writers, filters, atomic output, the table and the JSON Schema."""
from __future__ import annotations

import csv
import io
import json
import os

import pytest
from rich.console import Console

from casualty_cli.claims import FIELDS, Claim
from casualty_cli.errors import OptionError, OutputError
from casualty_cli.schema import claim_schema
from casualty_cli.write.export import (
    CsvWriter,
    JsonLinesWriter,
    JsonWriter,
    atomic_output,
    check_writable,
    keep,
    make_writer,
    neutralise,
    parse_fields,
    parse_types,
)
from casualty_cli.write.render import TableWriter, claims_table, details_view

from .conftest import SEEDS


def claim(**changes) -> Claim:
    base = dict(id="a.txt#1", article="a.txt", type="killed", value=240, low=240, high=None, qualifier="at_least",
                quantity="at least 240", victims="bodies", source="Abdul Sattar al-Habbo",
                source_title="the chief of Mosul municipality", via="Reuters", cue="told", location="Mosul",
                part_of=None, superseded_by=None, sentence="He told Reuters that at least 240 bodies [sic] were found.",
                start=21, end=33)
    base.update(changes)
    return Claim(**base)


ONE, TWO = claim(), claim(id="a.txt#2", type="injured", quantity="=1+2", value=3, low=3, high=3, qualifier="exact",
                          source="-officials", sentence='He said "3", then, \r\nmore.')


def written(fmt: str, batches, fields=FIELDS) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out, fields)
    for batch in batches:
        writer.write(batch)
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_empty_output_is_still_valid(fmt):
    text = written(fmt, [])
    if fmt == "json":
        assert json.loads(text) == [] and text == "[]\n"
    elif fmt == "jsonl":
        assert text == ""
    else:
        assert list(csv.reader(io.StringIO(text))) == [list(FIELDS)]


def test_json_is_one_array_in_claim_spec_order():
    data = json.loads(written("json", [[ONE], [], [TWO]]))
    assert [list(d) for d in data] == [list(FIELDS)] * 2
    assert data[0] == ONE.to_dict()


def test_jsonl_writes_whole_lines_as_each_article_finishes():
    out = io.StringIO()
    writer = JsonLinesWriter(out)
    writer.write([ONE])
    assert out.getvalue().endswith("\n") and json.loads(out.getvalue()) == ONE.to_dict()
    writer.write([TWO])
    assert len(out.getvalue().splitlines()) == 2


def test_csv_is_rfc4180_with_formula_cells_neutralised():
    text = written("csv", [[ONE, TWO]])
    assert text.split("\r\n")[0] == ",".join(FIELDS)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["high"] == "" and rows[0]["value"] == "240"
    assert rows[1]["quantity"] == "'=1+2" and rows[1]["source"] == "'-officials"
    assert rows[1]["sentence"] == 'He said "3", then, \r\nmore.'  # quotes doubled, newline kept in quotes


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=HYPERLINK()", "'=HYPERLINK()"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("plain", "plain"), ("a=b", "a=b"), (-5, -5), (None, None)],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_fields_choose_and_order_columns_in_every_format(fmt):
    text = written(fmt, [[ONE]], ("value", "type"))
    if fmt == "csv":
        assert text == "value,type\r\n240,killed\r\n"
    else:
        data = json.loads(text)
        assert (data[0] if fmt == "json" else data) == {"value": 240, "type": "killed"}
        assert list(data[0] if fmt == "json" else data) == ["value", "type"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, FIELDS), ("id,type", ("id", "type")), (" value , quantity ", ("value", "quantity"))],
)
def test_parse_fields(text, expected):
    assert parse_fields(text) == expected


@pytest.mark.parametrize("text", ["id,nope", "", ",", "Type"])
def test_parse_fields_refuses_unknown_names(text):
    with pytest.raises(OptionError, match="expected field names from id, article"):
        parse_fields(text)


def test_parse_types_and_keep():
    assert parse_types(None) is None
    kinds = parse_types("injured, killed")
    assert keep([ONE, TWO], kinds) == [ONE, TWO] and keep([ONE, TWO], parse_types("injured")) == [TWO]
    with pytest.raises(OptionError, match="expected claim types from killed, injured"):
        parse_types("dead")


def test_atomic_output_renames_only_on_success(tmp_path):
    target = tmp_path / "out.jsonl"
    with atomic_output(str(target)) as handle:
        handle.write("a\n")
        assert not target.exists()
    assert target.read_text() == "a\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_atomic_output_leaves_nothing_behind_on_error(tmp_path, error):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    with pytest.raises(error), atomic_output(str(target)) as handle:
        handle.write("partial")
        raise error()
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_check_writable(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        check_writable(str(tmp_path / "missing" / "out.json"))
    with pytest.raises(OutputError, match="is a folder"):
        check_writable(str(tmp_path))
    check_writable(str(tmp_path / "fine.json"))


def render(renderable, width=80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


def test_table_fits_80_columns_and_shows_text_as_written():
    text = render(claims_table([ONE, claim(source="[bold]x[/bold] [sic]", victims="[red]")]))
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "[bold]x[/bold]" in text and "[sic]" in text and "[red]" in text
    assert "at least 240" in text and "Reuters" in text and "a.txt" in text


def test_details_put_each_sentence_under_its_claim_with_the_figure_highlighted():
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="standard")
    console.print(details_view([ONE]))
    out = console.file.getvalue()
    assert "\x1b[1;7mat least 240\x1b[0m" in out  # bold reverse
    assert "[sic]" in render(details_view([ONE]))


def test_table_with_fields_shows_those_fields():
    text = render(claims_table([ONE], fields=("id", "value")))
    assert "a.txt#1" in text and "240" in text and "Reuters" not in text


def test_no_color_turns_colour_off(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    console = Console(file=io.StringIO(), width=80, force_terminal=True)
    writer = TableWriter(console)
    writer.write([ONE])
    writer.close()
    out = console.file.getvalue()
    assert "at least 240" in out and "\x1b[31m" not in out  # no red for "killed"


def test_empty_table_prints_nothing():
    console = Console(file=io.StringIO(), width=80)
    TableWriter(console).close()
    assert console.file.getvalue() == ""


def test_schema_is_draft_2020_12_and_covers_every_field():
    schema = claim_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == list(FIELDS) == schema["required"]


def test_real_output_validates_against_the_schema(extractor):
    import jsonschema

    validator = jsonschema.Draft202012Validator(claim_schema())
    validator.check_schema(claim_schema())
    texts = [(f"seeds/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    claims = [c for _, cs in extractor.extract_many(texts) for c in cs]
    assert claims
    for row in json.loads(written("json", [claims])):
        validator.validate(row)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**claims[0].to_dict(), "type": "dead"})
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**claims[0].to_dict(), "extra": 1})


def test_writers_have_the_same_interface():
    for cls in (JsonWriter, JsonLinesWriter, CsvWriter):
        assert callable(cls(io.StringIO()).write)


# Durability and well-formed output (issues 28, 29), through the real CLI.
ARTICLE = "Gunmen killed 12 people and wounded 30 in the market, police said."


def cli(*args: str):
    from click.testing import CliRunner

    from casualty_cli.cli import main

    return CliRunner().invoke(main, [*args, "--quiet"])


@pytest.mark.parametrize("command", ["extract", "tolls"])
def test_every_output_file_is_synced_before_its_rename_and_its_folder_after(command, tmp_path, monkeypatch):
    import stat as stat_

    (tmp_path / "a.txt").write_text(ARTICLE)
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync folder" if stat_.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src, dst):
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    result = cli(command, str(tmp_path / "a.txt"), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    assert events == ["fsync file", "rename", "fsync folder"]
    assert (tmp_path / "out.jsonl").read_text().count("\n") == 2


@pytest.mark.parametrize("args", [["extract", "--fields", "id,type,id"], ["tolls", "--fields", "event,best,event"]])
def test_a_field_asked_twice_is_a_usage_error(args, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = cli(args[0], str(tmp_path / "a.txt"), *args[1:], "--format", "csv")
    assert result.exit_code == 2 and "more than once" in result.stderr and result.stdout == ""


def test_carried_fields_keep_json_lines_one_a_line_and_csv_cells_json(tmp_path):
    record = {"id": "a", "text": ARTICLE, "note": "line\u2028break\u2029and\x85more", "tags": ["x", "y"],
              "meta": {"k": 1}}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n")
    carry = ["--id-field", "id", "--carry", "note,tags,meta"]
    lines = cli("extract", str(source), *carry, "--format", "jsonl").stdout
    assert "\u2028" not in lines and "\u2029" not in lines and "\x85" not in lines
    assert len(lines.splitlines()) == 2  # str.splitlines splits on U+2028 too: escaped, it cannot
    assert [json.loads(line)["record"] for line in lines.splitlines()] == [
        {"note": record["note"], "tags": ["x", "y"], "meta": {"k": 1}}] * 2
    whole = cli("extract", str(source), *carry, "--format", "json").stdout
    assert "\u2028" not in whole and json.loads(whole)[0]["record"]["note"] == record["note"]
    rows = list(csv.DictReader(io.StringIO(cli("extract", str(source), *carry, "--format", "csv").stdout,
                                           newline="")))
    assert rows[0]["record.tags"] == '["x", "y"]' and rows[0]["record.meta"] == '{"k": 1}'
    assert rows[0]["record.note"] == record["note"]
