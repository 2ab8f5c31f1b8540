"""The JSON Schemas of a claim and of a toll (`casualty schema`, `casualty schema --tolls`), checked against real
output of every format: JSON, JSON Lines, CSV rows read back, SQLite rows; `extract` with and without `--carry`,
`tolls` from articles and from a claims file."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from casualty_cli.claims import FIELDS
from casualty_cli.cli import main
from casualty_cli.schema import claim_schema, toll_schema
from casualty_cli.tolls.rules import TOLL_FIELDS

from .conftest import SEEDS
from .test_cli_tolls import CLAIMS

NEUTRALISED = ("'=", "'+", "'-", "'@", "'\t", "'\r")  # the CSV writer's guard against spreadsheet formulas


def run(*args: str, stdin: str | None = None) -> Any:
    quiet = [] if args[0] == "schema" else ["-q"]
    result = CliRunner().invoke(main, [*args, *quiet], input=stdin)
    assert result.exit_code == 0, result.output
    return result


def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def kinds(prop: dict[str, Any]) -> set[str]:
    """The JSON types a property allows ("enum" counts its members' types)."""
    if "type" in prop:
        return set([prop["type"]] if isinstance(prop["type"], str) else prop["type"])
    return {"null" if v is None else "string" for v in prop.get("enum", [])} or {"string"}


def typed(text: str, prop: dict[str, Any]) -> Any:
    """A CSV cell or SQLite value back as the JSON value the schema describes."""
    allowed = kinds(prop)
    if text in ("", None) and "null" in allowed:
        return None
    if isinstance(text, str) and text.startswith(NEUTRALISED):
        text = text[1:]
    if "integer" in allowed:
        return int(text)
    if "boolean" in allowed:
        return text in ("True", 1, "1")
    if "array" in allowed or "object" in allowed:
        return json.loads(text)
    return text


def rebuilt(row: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A flat row (CSV, SQLite) as the object JSON output gives: typed values, `record.F` columns as `record`."""
    out: dict[str, Any] = {}
    record: dict[str, Any] = {}
    for name, value in row.items():
        if name.startswith("record."):
            record[name.removeprefix("record.")] = None if value in ("", None) else value
        else:
            out[name] = typed(value, schema["properties"][name])
    if record:
        out["record"] = record
    return out


def objects(fmt: str, result: Any, schema: dict[str, Any], db: Path | None = None, table: str = "") -> list[dict]:
    """Every object a format wrote, read back the way its users read it."""
    if fmt == "json":
        return json.loads(result.stdout)
    if fmt == "jsonl":
        return [json.loads(line) for line in result.stdout.splitlines()]
    if fmt == "csv":
        return [rebuilt(row, schema) for row in csv.DictReader(io.StringIO(result.stdout_bytes.decode(), newline=""))]
    assert db is not None
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
    conn.close()
    return [rebuilt(row, schema) for row in rows]


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    """The seeds as JSON Lines records with fields to carry: a string, a list, a number, one record without."""
    path = tmp_path_factory.mktemp("records") / "seeds.jsonl"
    lines = []
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        record = {"id": seed.stem, "text": seed.read_text(encoding="utf-8"), "incident": "7", "tags": ["a", "b"],
                  "dct": "2017-03-2" + str(i), "n": i}
        if i:
            del record["tags"]
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


FORMATS = ["json", "jsonl", "csv", "sqlite"]


def test_the_schemas_are_draft_2020_12_and_cover_every_field():
    for schema, fields in ((claim_schema(), FIELDS), (toll_schema(), TOLL_FIELDS)):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert list(schema["required"]) == list(fields) and schema["additionalProperties"] is False
    assert list(claim_schema()["properties"]) == [*FIELDS, "record"]
    assert list(toll_schema()["properties"]) == list(TOLL_FIELDS)


def test_the_cli_prints_each_schema():
    assert json.loads(run("schema").stdout) == claim_schema()
    assert json.loads(run("schema", "--tolls").stdout) == toll_schema()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("carry", [False, True], ids=["plain", "carry"])
def test_extract_output_validates(fmt, carry, records, tmp_path):
    schema = claim_schema()
    db = tmp_path / "claims.db"
    args = ["extract", str(records) if carry else str(SEEDS), "--format", fmt, *(["-o", str(db)] if fmt == "sqlite"
                                                                                  else [])]
    result = run(*args, *(["--carry", "incident,tags,n,missing"] if carry else []))
    found = objects(fmt, result, schema, db, "claims")
    assert len(found) == 8
    check = validator(schema)
    for claim in found:
        check.validate(claim)
    assert all(("record" in c) == carry for c in found)
    if fmt == "sqlite":  # the claims database holds the articles' tolls too, keyed by (event, type)
        tolls = objects(fmt, result, toll_schema(), db, "tolls")
        assert any(t["type"] == "killed" and t["best"] == 500 and t["best_qualifier"] == "more_than" for t in tolls)
        check_toll = validator(toll_schema())
        for toll in tolls:
            check_toll.validate(toll)
    if carry and fmt in ("json", "jsonl"):  # CSV and SQLite cells hold scalars as text, lists as JSON text
        assert {json.dumps(c["record"]) for c in found} >= {'{"incident": "7", "tags": ["a", "b"], "n": 0, '
                                                            '"missing": null}'}


def test_the_claim_schema_refuses_what_the_spec_does_not_allow():
    check = validator(claim_schema())
    claim = json.loads(CLAIMS.splitlines()[0])
    check.validate(claim)
    for wrong in ({"type": "dead"}, {"extra": 1}, {"record": "7"}, {"value": "12"}):
        with pytest.raises(jsonschema.ValidationError):
            check.validate({**claim, **wrong})


@pytest.mark.parametrize("fmt", FORMATS)
def test_tolls_output_validates(fmt, records, tmp_path):
    schema = toll_schema()
    check = validator(schema)
    found = []
    inputs = [([str(SEEDS)], None), ([str(records), "--event-field", "incident", "--date-field", "dct"], None),
              (["--claims", "-", "--event-field", "incident", "--date-field", "dct"], CLAIMS)]
    for n, (args, stdin) in enumerate(inputs):
        db = tmp_path / f"tolls{n}.db"
        result = run("tolls", *args, "--format", fmt, *(["-o", str(db)] if fmt == "sqlite" else []), stdin=stdin)
        found.extend(objects(fmt, result, schema, db, "tolls"))
    for toll in found:
        check.validate(toll)
    # the fields that are often empty are filled somewhere here, so their items' schemas are exercised
    assert all(any(t[name] for t in found) for name in ("sources", "revisions", "excluded", "evidence", "as_of"))
    assert {t["best_qualifier"] for t in found} >= {"more_than", "at_least", "exact", None}


def test_the_toll_schema_refuses_what_the_spec_does_not_allow():
    check = validator(toll_schema())
    toll = json.loads(run("tolls", "--claims", "-", "--format", "jsonl", stdin=CLAIMS).stdout.splitlines()[0])
    check.validate(toll)
    wrong = [{"type": "dead"}, {"disagreement": "no"}, {"as_of": "May 2"}, {"extra": 1},
             {"excluded": [{"id": "a#1", "value": 3, "reason": "unsure"}]},
             {"sources": [{**toll["sources"][0], "qualifier": "roughly"}]}]
    for change in wrong:
        with pytest.raises(jsonschema.ValidationError):
            check.validate({**toll, **change})
