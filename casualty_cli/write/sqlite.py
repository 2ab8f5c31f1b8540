"""Claims into a SQLite database: what sqlite-utils, Datasette and pandas read directly.

One table, `claims`, with the claim-spec columns in order, typed (INTEGER for figures and
offsets, TEXT otherwise, NOT NULL where the spec never gives null), `id` as primary key, and
indexes on `article` and `type`. Writing into an existing database replaces each article's old
rows (its claims from an earlier run), so re-running over an archive never duplicates claims.
A second table, `tolls`, is rebuilt from all the claims in the database at the end of each
run (one row per event and type, `tolls.build_tolls`; lists as JSON text), so it always
matches the claims beside it.
The CLI writes into a copy of the database and renames it at the end, like every `-o` file.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import fields

from ..claims import Claim
from ..errors import OutputError

SUFFIXES: tuple[str, ...] = (".db", ".sqlite", ".sqlite3")
TABLE = "claims"
TOLLS_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS tolls (\n  event TEXT NOT NULL,\n  type TEXT NOT NULL,\n  best INTEGER,\n"
    "  low INTEGER,\n  high INTEGER,\n  best_qualifier TEXT,\n  sources TEXT NOT NULL,\n"
    "  disagreement INTEGER NOT NULL,\n  revisions TEXT NOT NULL,\n  excluded TEXT NOT NULL,\n"
    "  articles INTEGER NOT NULL,\n  as_of TEXT,\n  evidence TEXT NOT NULL\n)",
    "CREATE INDEX IF NOT EXISTS tolls_event ON tolls (event)",
]


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


class SqliteWriter:
    """Writes each article's claims into `path`, replacing that article's earlier rows.

    `write(claims, article)` is called once per article, also with no claims, so an article
    that has none now loses its old rows too. Committed once, in `close()`.
    """

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        try:
            for statement in claims_schema():
                self.db.execute(statement)
            self._add_new_columns()
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise OutputError(f"cannot write claims into {path}: {e}") from e
        names = [f.name for f in fields(Claim)]
        columns = ", ".join(f'"{n}"' for n in names)
        self.insert = f"INSERT OR REPLACE INTO {TABLE} ({columns}) VALUES ({', '.join('?' for _ in names)})"
        self.names = names

    def _add_new_columns(self) -> None:
        """A database from an older version lacks the newer fields: add them (nullable, as ALTER needs)."""
        have = {row[1] for row in self.db.execute(f"PRAGMA table_info({TABLE})")}
        for f in fields(Claim):
            if f.name not in have:
                self.db.execute(f'ALTER TABLE {TABLE} ADD COLUMN "{f.name}" {column_type(str(f.type)).split()[0]}')

    def write(self, claims: Iterable[Claim], article: str | None = None) -> None:
        rows = [tuple(c.to_dict()[n] for n in self.names) for c in claims]
        articles = {article} if article is not None else {row[1] for row in rows}
        self.db.executemany(f"DELETE FROM {TABLE} WHERE article = ?", [(a,) for a in sorted(articles)])
        self.db.executemany(self.insert, rows)

    def close(self) -> None:
        self._rebuild_tolls()
        self.db.commit()
        self.db.close()

    def _rebuild_tolls(self) -> None:
        """The tolls of every article in the database (an event is an article here)."""
        from ..tolls.rules import TOLL_FIELDS, build_tolls

        cursor = self.db.execute(f"SELECT * FROM {TABLE} ORDER BY article, start")
        names = [d[0] for d in cursor.description]
        claims = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        self.db.execute("DROP TABLE IF EXISTS tolls")  # derived data: rebuilt whole, columns as today's
        for statement in TOLLS_SCHEMA:
            self.db.execute(statement)
        rows = [tuple(json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                      for v in (toll.to_dict()[f] for f in TOLL_FIELDS)) for toll in build_tolls(claims)]
        marks = ", ".join("?" * len(TOLL_FIELDS))
        self.db.executemany(f"INSERT INTO tolls ({', '.join(TOLL_FIELDS)}) VALUES ({marks})", rows)
