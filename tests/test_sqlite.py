"""`-o claims.db`: a typed SQLite table that sqlite-utils, pandas (and Datasette) read as it is."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

from casualty_cli import cli
from casualty_cli.claims import FIELDS, Claim
from casualty_cli.errors import OutputError
from casualty_cli.write.sqlite import SqliteWriter, claims_schema

SENTENCE = "Gunmen killed 12 people and wounded 30 in the market, police said."
KILLED = Claim(id="a#1", article="a", type="killed", value=12, low=12, high=12, qualifier="exact", quantity="12",
               victims="people", source="police", source_title=None, via=None, cue="said", location=None,
               part_of=None, superseded_by=None, sentence=SENTENCE, start=14, end=16)
INJURED = replace(KILLED, id="a#2", type="injured", value=30, low=30, high=30, quantity="30", start=35, end=37)


def write(path, *batches: tuple[list[Claim], str]) -> None:
    writer = SqliteWriter(str(path))
    for claims, article in batches:
        writer.write(claims, article)
    writer.close()


def rows(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT id, article, type, value FROM claims ORDER BY id").fetchall()


def test_table_is_typed_with_a_primary_key_and_indexes(tmp_path):
    write(tmp_path / "c.db", ([KILLED], "a"))
    with sqlite3.connect(tmp_path / "c.db") as db:
        info = {name: (kind, notnull, pk) for _, name, kind, notnull, _, pk in db.execute("PRAGMA table_info(claims)")}
        indexes = {row[1] for row in db.execute("PRAGMA index_list(claims)")}
    assert list(info) == list(FIELDS)
    assert info["id"] == ("TEXT", 1, 1) and info["value"] == ("INTEGER", 1, 0) and info["high"] == ("INTEGER", 0, 0)
    assert info["source"] == ("TEXT", 0, 0) and info["end"] == ("INTEGER", 1, 0)
    assert {"claims_article", "claims_type"} <= indexes


def test_writing_again_replaces_an_articles_rows(tmp_path):
    path = tmp_path / "c.db"
    write(path, ([KILLED, INJURED], "a"), ([replace(KILLED, id="b#1", article="b")], "b"))
    write(path, ([replace(KILLED, value=13)], "a"))  # a re-run of article a finds one claim now
    assert rows(path) == [("a#1", "a", "killed", 13), ("b#1", "b", "killed", 12)]
    write(path, ([], "b"))  # and article b none
    assert rows(path) == [("a#1", "a", "killed", 13)]


def test_a_database_of_an_older_version_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute('CREATE TABLE claims ("id" TEXT PRIMARY KEY, "article" TEXT, "type" TEXT, "value" INTEGER)')
    write(path, ([KILLED], "a"))
    assert rows(path) == [("a#1", "a", "killed", 12)]


def test_a_file_that_is_not_a_database_is_an_output_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database, just notes\n" * 100)
    with pytest.raises(OutputError, match="notes.db"):
        SqliteWriter(str(path))


def test_schema_statements_are_idempotent():
    db = sqlite3.connect(":memory:")
    for _ in range(2):
        for statement in claims_schema():
            db.execute(statement)


def extract(*args: str):
    return CliRunner().invoke(cli.main, ["extract", "seeds/", "--quiet", *args])


def test_cli_writes_a_database_by_extension_and_again_without_duplicates(tmp_path):
    path = tmp_path / "claims.db"
    assert extract("-o", str(path)).exit_code == 0
    first = rows(path)
    assert len(first) == 8
    assert extract("--format", "sqlite", "-o", str(path)).exit_code == 0
    assert rows(path) == first
    assert [p.name for p in tmp_path.iterdir()] == ["claims.db"]  # no temporary file left


def test_an_interrupted_run_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    write(path, ([KILLED], "a"))
    before = path.read_bytes()

    def interrupt(self, claims, article=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(SqliteWriter, "write", interrupt)
    assert extract("-o", str(path)).exit_code == 130
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["claims.db"]


@pytest.mark.parametrize("args", [["--format", "sqlite"], ["--format", "sqlite", "-o", "-"],
                                  ["-o", "x.db", "--fields", "id,type"]])
def test_sqlite_needs_a_file_and_all_fields(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    result = extract(*args)
    assert result.exit_code == 2 and "sqlite" in result.stderr


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The seed claims as JSON, CSV and a database, written once by the CLI."""
    folder = tmp_path_factory.mktemp("out")
    for fmt in ("json", "csv", "sqlite"):
        name = folder / f"claims.{ 'db' if fmt == 'sqlite' else fmt}"
        assert extract("--format", fmt, "-o", str(name)).exit_code == 0
    return folder


def test_sqlite_utils_reads_the_database(outputs):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    table = sqlite_utils.Database(outputs / "claims.db")["claims"]
    assert table.pks == ["id"] and table.columns_dict["value"] is int
    assert list(table.rows) == json.loads((outputs / "claims.json").read_text())


def test_datasette_serves_the_database(outputs):
    """Datasette (a test dependency) opens the file as it is: the claims table, its rows and the tolls table."""
    datasette_app = pytest.importorskip("datasette.app")
    import asyncio

    claims = json.loads((outputs / "claims.json").read_text())

    async def get(path: str) -> dict:
        response = await datasette_app.Datasette([str(outputs / "claims.db")], immutables=[]).client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    database = asyncio.run(get("/claims.json"))
    assert {t["name"] for t in database["tables"]} >= {"claims", "tolls"}
    table = asyncio.run(get("/claims/claims.json?_shape=array&_size=max"))
    assert [row["id"] for row in table] == [c["id"] for c in claims]
    assert table[0]["value"] == claims[0]["value"]


def test_pandas_reads_the_database_and_the_csv(outputs):
    pd = pytest.importorskip("pandas")
    claims = json.loads((outputs / "claims.json").read_text())
    with sqlite3.connect(outputs / "claims.db") as db:
        frame = pd.read_sql("SELECT * FROM claims", db)
    table = pd.read_csv(outputs / "claims.csv")
    for df in (frame, table):
        assert list(df.columns) == list(FIELDS) and len(df) == len(claims)
        assert df["value"].tolist() == [c["value"] for c in claims]
        assert df["start"].dtype.kind == "i" and df["id"].tolist() == [c["id"] for c in claims]
    assert frame["sentence"].tolist() == [c["sentence"] for c in claims]
    rows_ = list(csv.DictReader(io.StringIO((outputs / "claims.csv").read_text(), newline="")))
    assert table["sentence"].tolist() == [r["sentence"] for r in rows_]


def test_tolls_table_follows_the_claims(tmp_path):
    from casualty_cli.tolls.rules import TOLL_FIELDS

    path = tmp_path / "c.db"
    write(path, ([KILLED, INJURED], "a"))
    write(path, ([replace(KILLED, id="b#1", article="b", value=40, low=40, high=40)], "b"))
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(tolls)")]
        tolls = db.execute("SELECT event, type, best, sources FROM tolls ORDER BY event, type").fetchall()
    assert columns == list(TOLL_FIELDS)
    assert [row[:3] for row in tolls] == [("a", "injured", 30), ("a", "killed", 12), ("b", "killed", 40)]
    assert json.loads(tolls[1][3])[0]["source"] == "police"
