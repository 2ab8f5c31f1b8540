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

    def interrupt(self, claims, article=None, record=None):
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
    word = claims[0]["sentence"].split()[-1].strip(".,")
    found = asyncio.run(get(f"/claims/claims.json?_shape=array&_search={word}"))  # the search box, answered
    assert found and all(word.lower() in row["sentence"].lower() for row in found)


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


# The database written in place, as SQLite is meant to be written (issues 28 and 29).
STORY = "Gunmen killed {n} people and wounded 30 in the market of {place}, police said."


def jsonl(tmp_path, name: str, *records: tuple[str, int]) -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps({"id": i, "text": STORY.format(n=n, place=i.upper()), "incident": f"inc-{i}",
                                        "tags": [i, "x"]}) + "\n" for i, n in records))
    return str(path)


def cli_run(*args: str):
    return CliRunner().invoke(cli.main, [*args, "--quiet"])


def extract_into(db, source: str, *args: str):
    return cli_run("extract", source, "--id-field", "id", "-o", str(db), *args)


def test_a_wal_database_keeps_its_wal_rows_and_mode(tmp_path):
    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12))).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("PRAGMA journal_mode=wal")
    other.execute("PRAGMA wal_autocheckpoint=0")  # the row stays in claims.db-wal
    other.execute("CREATE TABLE mine (x)")
    other.execute("INSERT INTO mine VALUES ('kept')")
    assert (tmp_path / "claims.db-wal").stat().st_size > 0
    result = extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 7)))
    assert result.exit_code == 0, result.output
    other.close()
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert check.execute("SELECT x FROM mine").fetchall() == [("kept",)]
        assert {r[0] for r in check.execute("SELECT article FROM claims")} == {"a", "b"}


def test_a_second_writer_waits_for_the_lock(tmp_path):
    import threading

    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12))).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE mine (x)")
    other.execute("INSERT INTO mine VALUES ('committed while casualty waited')")
    threading.Timer(1.0, lambda: other.execute("COMMIT")).start()
    result = extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 7)))
    assert result.exit_code == 0, result.output
    other.close()
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT count(*) FROM mine").fetchone() == (1,)
        assert {r[0] for r in check.execute("SELECT article FROM claims")} == {"a", "b"}


def test_a_locked_database_fails_clearly_and_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("casualty_cli.write.sqlite.TIMEOUT", 0.2)
    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12))).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM claims WHERE type = 'injured'")
    result = extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 7)))
    assert result.exit_code == 1 and "locked by another writer" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "internal error" not in result.stderr
    other.execute("COMMIT")  # the other writer's work is what stays
    other.close()
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT article, type FROM claims").fetchall() == [("a", "killed")]


def test_two_runs_keep_each_others_articles_and_rebuild_only_their_tolls(tmp_path):
    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12), ("c", 3))).exit_code == 0
    with sqlite3.connect(db) as edit:  # a mark on an untouched event's toll: not rebuilt, so it stays
        edit.execute("UPDATE tolls SET best = 999 WHERE event = 'c' AND type = 'killed'")
    assert extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 7), ("a", 13))).exit_code == 0
    with sqlite3.connect(db) as check:
        claims = check.execute("SELECT article, value FROM claims WHERE type = 'killed' ORDER BY article").fetchall()
        tolls = check.execute("SELECT event, best FROM tolls WHERE type = 'killed' ORDER BY event").fetchall()
        pk = [r[1] for r in sorted((r for r in check.execute("PRAGMA table_info(tolls)") if r[5]), key=lambda r: r[5])]
    assert claims == [("a", 13), ("b", 7), ("c", 3)]
    assert tolls == [("a", 13), ("b", 7), ("c", 999)] and pk == ["event", "type"]


def test_a_failed_run_changes_nothing_committed(tmp_path, monkeypatch):
    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12))).exit_code == 0
    before = db.read_bytes()

    def full(self):
        raise OutputError("disk full")

    monkeypatch.setattr(SqliteWriter, "close", full)
    assert extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 7))).exit_code == 1
    assert db.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["a.jsonl", "b.jsonl", "claims.db"]


def test_carried_fields_get_their_own_columns(tmp_path):
    db = tmp_path / "claims.db"
    result = extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12)), "--carry", "incident,tags")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as check:
        got = check.execute('SELECT "record.incident", "record.tags" FROM claims WHERE type = \'killed\'').fetchall()
    assert got == [("inc-a", '["a", "x"]')]


def test_sentence_has_a_full_text_index_datasette_finds(tmp_path):
    from datasette.utils import detect_fts

    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12), ("b", 7))).exit_code == 0
    assert extract_into(db, jsonl(tmp_path, "b.jsonl", ("b", 8))).exit_code == 0  # replaced rows leave the index
    with sqlite3.connect(db) as check:
        assert detect_fts(check, "claims") == "claims_fts"
        hits = check.execute("SELECT claims.article, claims.value FROM claims JOIN claims_fts "
                             "ON claims.rowid = claims_fts.rowid WHERE claims_fts MATCH 'market AND b' "
                             "AND claims.type = 'killed'").fetchall()
        assert check.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')") is not None
    assert hits == [("b", 8)]


def test_tolls_into_a_database_are_a_keyed_table(tmp_path):
    sqlite_utils = pytest.importorskip("sqlite_utils")
    source = jsonl(tmp_path, "a.jsonl", ("a", 12), ("b", 7))
    db = tmp_path / "tolls.db"
    for args in (["-o", str(db)], ["--format", "sqlite", "-o", str(db)]):  # twice: no duplicates
        result = cli_run("tolls", source, "--id-field", "id", *args)
        assert result.exit_code == 0, result.output
    table = sqlite_utils.Database(db)["tolls"]
    assert table.pks == ["event", "type"] and table.columns_dict["best"] is int
    assert sorted((r["event"], r["type"], r["best"]) for r in table.rows) == [
        ("a", "injured", 30), ("a", "killed", 12), ("b", "injured", 30), ("b", "killed", 7)]
    assert json.loads(next(iter(table.rows))["sources"])[0]["source"] == "police"


@pytest.mark.parametrize("args", [["--format", "sqlite"], ["--format", "sqlite", "-o", "-"],
                                  ["-o", "t.db", "--fields", "event,best"], ["--details"]])
def test_tolls_refuses_what_it_cannot_write(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(STORY.format(n=3, place="X"))
    result = cli_run("tolls", "a.txt", *args)
    assert result.exit_code == 2 and not (tmp_path / "t.db").exists()


def test_report_refuses_to_write_a_page_into_a_database(tmp_path):
    db = tmp_path / "claims.db"
    assert extract_into(db, jsonl(tmp_path, "a.jsonl", ("a", 12))).exit_code == 0
    before = db.read_bytes()
    result = cli_run("report", jsonl(tmp_path, "b.jsonl", ("b", 7)), "--id-field", "id", "-o", str(db))
    assert result.exit_code == 2 and "not a database" in result.stderr and db.read_bytes() == before


def test_an_interrupted_run_into_a_new_database_leaves_no_file(tmp_path, monkeypatch):
    def interrupt(self, claims, article=None, record=None):
        raise KeyboardInterrupt

    source = jsonl(tmp_path, "a.jsonl", ("a", 12))
    monkeypatch.setattr(SqliteWriter, "write", interrupt)
    assert extract_into(tmp_path / "new.db", source).exit_code == 130
    assert os.listdir(tmp_path) == ["a.jsonl"]
