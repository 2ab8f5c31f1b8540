"""Claims and tolls into a SQLite database: what sqlite-utils, Datasette and pandas read directly.

`claims` has the claim-spec columns in order, typed (INTEGER for figures and offsets, TEXT
otherwise, NOT NULL where the spec never gives null), `id` as primary key, indexes on
`article` and `type`, a column `record.F` per `--carry` field, and a full-text index on
`sentence` (`claims_fts`, kept in step by triggers, so Datasette offers a search box).
`tolls` has one row per event and type, keyed by (event, type); lists are JSON text.

The database is written in place, the way SQLite is meant to be written: one connection,
`BEGIN IMMEDIATE` (so a second writer waits up to `timeout` seconds for the lock, then fails
clearly), each article's old rows replaced by its new ones, one COMMIT at the end. A run that
fails or is interrupted rolls back: nothing anyone committed is lost, a WAL database stays
in WAL mode, and rows other programs committed meanwhile are kept. The tolls of the claims
database are rebuilt only for the articles (events) the run touched.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any
from urllib.parse import quote

from ..claims import Claim
from ..errors import OutputError

SUFFIXES: tuple[str, ...] = (".db", ".sqlite", ".sqlite3")
TABLE = "claims"
FTS = "claims_fts"
TIMEOUT = 30.0  # seconds a run waits for another writer's lock
TOLLS_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS tolls (\n  event TEXT NOT NULL,\n  type TEXT NOT NULL,\n  best INTEGER,\n"
    "  low INTEGER,\n  high INTEGER,\n  best_qualifier TEXT,\n  sources TEXT NOT NULL,\n"
    "  disagreement INTEGER NOT NULL,\n  revisions TEXT NOT NULL,\n  excluded TEXT NOT NULL,\n"
    "  articles INTEGER NOT NULL,\n  as_of TEXT,\n  evidence TEXT NOT NULL,\n  PRIMARY KEY (event, type)\n)",
]
# The full-text index as sqlite-utils' `enable_fts(..., create_triggers=True)` makes it.
FTS_SCHEMA = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS [{FTS}] USING FTS5 ([sentence], content=[{TABLE}])",
    f"CREATE TRIGGER IF NOT EXISTS [{TABLE}_ai] AFTER INSERT ON [{TABLE}] BEGIN\n"
    f"  INSERT INTO [{FTS}] (rowid, [sentence]) VALUES (new.rowid, new.[sentence]);\nEND",
    f"CREATE TRIGGER IF NOT EXISTS [{TABLE}_ad] AFTER DELETE ON [{TABLE}] BEGIN\n"
    f"  INSERT INTO [{FTS}] ([{FTS}], rowid, [sentence]) VALUES('delete', old.rowid, old.[sentence]);\nEND",
    f"CREATE TRIGGER IF NOT EXISTS [{TABLE}_au] AFTER UPDATE ON [{TABLE}] BEGIN\n"
    f"  INSERT INTO [{FTS}] ([{FTS}], rowid, [sentence]) VALUES('delete', old.rowid, old.[sentence]);\n"
    f"  INSERT INTO [{FTS}] (rowid, [sentence]) VALUES (new.rowid, new.[sentence]);\nEND",
]


HEADER = b"SQLite format 3\x00"
# The columns without which a table of ours is someone else's (a newer run adds the columns an older one lacks).
OWN_COLUMNS: dict[str, tuple[str, ...]] = {TABLE: ("id", "article", "type", "value"),
                                          "tolls": ("event", "type", "best")}


def check_target(path: str, fmt: str, shown: str | None = None, tables: Sequence[str] = (TABLE, "tolls")) -> None:
    """Raise `OutputError` before any work when the existing file `path` is not one `fmt` may write into: a
    database that another format would replace, a file that is no database, or a database where one of the
    `tables` to write is someone else's (writing would fail after the work, or mix our rows into theirs)."""
    shown = shown or path
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(HEADER))
    except OSError:
        return  # told when it is written
    if fmt != "sqlite":
        if head == HEADER:
            raise OutputError(f"-o {shown} is a SQLite database: --format {fmt} would replace it; write another "
                              "file, or add to the database with --format sqlite")
        return
    if head and head != HEADER:
        raise OutputError(f"cannot write into {shown}: it is not a SQLite database; name a new file")
    try:
        db = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True)
        try:
            for table in tables:
                own = OWN_COLUMNS[table]
                have = [row[1] for row in db.execute(f"PRAGMA table_info({_quoted(table)})")]
                if have and not set(own) <= set(have):
                    raise OutputError(f"cannot write into {shown}: its table {table!r} is not casualty's "
                                      f"(columns: {', '.join(have)}); name a new file")
        finally:
            db.close()
    except sqlite3.Error:
        return  # busy or locked: the run's own transaction waits for it and says


def column_type(annotation: str) -> str:
    """SQL type of a Claim field from its annotation: "int | None" -> "INTEGER", "str" -> "TEXT NOT NULL"."""
    sql = "INTEGER" if annotation.startswith("int") else "TEXT"
    return sql if "None" in annotation else f"{sql} NOT NULL"


def claims_schema() -> list[str]:
    """The statements that create the claims table and its indexes (idempotent)."""
    columns = [f'"{f.name}" {column_type(str(f.type))}' + (" PRIMARY KEY" if f.name == "id" else "")
               for f in fields(Claim)]
    return [f"CREATE TABLE IF NOT EXISTS {TABLE} (\n  " + ",\n  ".join(columns) + "\n)",
            f"CREATE INDEX IF NOT EXISTS {TABLE}_article ON {TABLE} (article)",
            f"CREATE INDEX IF NOT EXISTS {TABLE}_type ON {TABLE} (type)"]


def carry_column(name: str) -> str:
    """The column of a carried record field: "record.F", as the CSV writer names it."""
    return f"record.{name}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cell(value: Any) -> Any:
    """A carried value as SQLite stores it: scalars as they are, lists and objects as JSON text."""
    if value is None or isinstance(value, str | int | float):
        return value
    return json.dumps(value, ensure_ascii=False)


class Database:
    """One write transaction on `path`: opened with its lock taken, committed or rolled back once."""

    def __init__(self, path: str, *, shown: str | None = None, timeout: float | None = None) -> None:
        self.shown, self.path = shown or path, path
        self.new = not os.path.exists(path)  # a run that fails leaves no empty database behind
        timeout = TIMEOUT if timeout is None else timeout
        try:
            self.db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise OutputError(f"cannot open {self.shown}: {e}") from e
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            self.db.close()
            if "locked" in str(e) or "busy" in str(e):
                raise OutputError(f"{self.shown} is locked by another writer (waited {timeout:g} s); "
                                  "try again when it is done") from e
            raise OutputError(f"cannot write into {self.shown}: {e}") from e
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise OutputError(f"cannot write into {self.shown}: {e}") from e

    def fail(self, e: sqlite3.Error) -> OutputError:
        self.abort()
        return OutputError(f"cannot write into {self.shown}: {e}")

    def commit(self) -> None:
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            raise self.fail(e) from e
        self.db.close()

    def abort(self) -> None:
        """Roll back: the database is as it was before the run."""
        try:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self.db.close()
        try:
            if self.new and os.path.getsize(self.path) == 0:
                os.unlink(self.path)
        except OSError:
            pass

    def tolls_table(self) -> bool:
        """Create the keyed `tolls` table; an older unkeyed one (derived data) is dropped. True if new."""
        info = list(self.db.execute("PRAGMA table_info(tolls)"))
        from ..tolls.rules import TOLL_FIELDS

        keyed = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])] == ["event", "type"]
        if info and keyed and [row[1] for row in info] == list(TOLL_FIELDS):
            return False
        self.db.execute("DROP TABLE IF EXISTS tolls")
        for statement in TOLLS_SCHEMA:
            self.db.execute(statement)
        return True

    def put_tolls(self, tolls: Iterable[Any]) -> None:
        """Replace the rows of these tolls' (event, type)."""
        from ..tolls.rules import TOLL_FIELDS

        rows = [tuple(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                      for v in (toll.to_dict()[f] for f in TOLL_FIELDS)) for toll in tolls]
        marks = ", ".join("?" * len(TOLL_FIELDS))
        self.db.executemany(f"INSERT OR REPLACE INTO tolls ({', '.join(TOLL_FIELDS)}) VALUES ({marks})", rows)


class SqliteWriter:
    """Writes each article's claims into `path`, replacing that article's earlier rows.

    `write(claims, article)` is called once per article, also with no claims, so an article
    that has none now loses its old rows too; `record` is the article's record, whose
    `carry` fields go into their own columns. Committed once, in `close()`; `abort()` undoes.
    """

    def __init__(self, path: str, carry: Sequence[str] = (), *, shown: str | None = None,
                 timeout: float | None = None) -> None:
        self.database = Database(path, shown=shown, timeout=timeout)
        self.db = self.database.db
        self.carry = tuple(carry)
        try:
            for statement in claims_schema():
                self.db.execute(statement)
            self._add_new_columns()
            self._full_text()
            self.rebuild_all = self.database.tolls_table()
        except sqlite3.DatabaseError as e:
            raise self.database.fail(e) from e
        self.names = [f.name for f in fields(Claim)]
        columns = ", ".join(_quoted(n) for n in [*self.names, *map(carry_column, self.carry)])
        marks = ", ".join("?" for _ in range(len(self.names) + len(self.carry)))
        self.insert = f"INSERT INTO {TABLE} ({columns}) VALUES ({marks})"
        self.touched: set[str] = set()

    def _add_new_columns(self) -> None:
        """A database from an older version lacks the newer fields, a new --carry its column: add them."""
        have = {row[1] for row in self.db.execute(f"PRAGMA table_info({TABLE})")}
        for f in fields(Claim):
            if f.name not in have:
                self.db.execute(f'ALTER TABLE {TABLE} ADD COLUMN "{f.name}" {column_type(str(f.type)).split()[0]}')
        for name in self.carry:
            if carry_column(name) not in have:
                self.db.execute(f"ALTER TABLE {TABLE} ADD COLUMN {_quoted(carry_column(name))}")

    def _full_text(self) -> None:
        new = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS,)).fetchone() is None
        for statement in FTS_SCHEMA:
            self.db.execute(statement)
        if new:  # a database written before the index: index its rows
            self.db.execute(f"INSERT INTO [{FTS}] ([{FTS}]) VALUES ('rebuild')")

    def write(self, claims: Iterable[Claim], article: str | None = None,
              record: dict[str, Any] | None = None) -> None:
        extra = tuple(_cell((record or {}).get(name)) for name in self.carry)
        rows = [tuple(c.to_dict()[n] for n in self.names) + extra for c in claims]
        articles = {article} if article is not None else {row[1] for row in rows}
        try:
            self.db.executemany(f"DELETE FROM {TABLE} WHERE article = ?", [(a,) for a in sorted(articles)])
            self.db.executemany(f"DELETE FROM {TABLE} WHERE id = ?", [(row[0],) for row in rows])
            self.db.executemany(self.insert, rows)
        except sqlite3.Error as e:
            raise self.database.fail(e) from e
        self.touched |= articles

    def close(self) -> None:
        try:
            self._rebuild_tolls()
        except sqlite3.Error as e:
            raise self.database.fail(e) from e
        self.database.commit()

    def abort(self) -> None:
        self.database.abort()

    def _rebuild_tolls(self) -> None:
        """The tolls of the articles this run touched (an event is an article here); all of them
        when the tolls table was new or of an older shape."""
        from ..tolls.rules import build_tolls

        if self.rebuild_all:
            cursor = self.db.execute(f"SELECT * FROM {TABLE} ORDER BY article, start")
        else:
            touched = sorted(self.touched)
            self.db.executemany("DELETE FROM tolls WHERE event = ?", [(a,) for a in touched])
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS casualty_touched (article TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM casualty_touched")
            self.db.executemany("INSERT OR IGNORE INTO casualty_touched VALUES (?)", [(a,) for a in touched])
            cursor = self.db.execute(f"SELECT * FROM {TABLE} WHERE article IN (SELECT article FROM casualty_touched) "
                                     "ORDER BY article, start")
        names = [d[0] for d in cursor.description]
        claims = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        self.database.put_tolls(build_tolls(claims))


class TollSqliteWriter:
    """`tolls -o tolls.db`: the `tolls` table keyed by (event, type); an event's rows are replaced."""

    def __init__(self, path: str, *, shown: str | None = None, timeout: float | None = None) -> None:
        self.database = Database(path, shown=shown, timeout=timeout)
        try:
            self.database.tolls_table()
        except sqlite3.DatabaseError as e:
            raise self.database.fail(e) from e
        self.events: set[str] = set()

    def write(self, tolls: Iterable[Any]) -> None:
        tolls = list(tolls)
        try:
            fresh = sorted({t.event for t in tolls} - self.events)  # an event's rows of an earlier run go
            self.database.db.executemany("DELETE FROM tolls WHERE event = ?", [(e,) for e in fresh])
            self.database.put_tolls(tolls)
        except sqlite3.Error as e:
            raise self.database.fail(e) from e
        self.events.update(fresh)

    def close(self) -> None:
        self.database.commit()

    def abort(self) -> None:
        self.database.abort()
