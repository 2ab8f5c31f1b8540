"""Writers for JSON, JSON Lines and CSV: claims in, text out, streamed."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from .claims import FIELDS, Claim

FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv")


def claim_json(claim: Claim, fields: tuple[str, ...] = FIELDS) -> str:
    """One claim as compact JSON, keys in claim-spec order."""
    data: dict[str, Any] = claim.to_dict()
    return json.dumps({f: data[f] for f in fields}, ensure_ascii=False)


class JsonLinesWriter:
    """One claim a line, flushed as written so `| head` and `tail -f` see whole lines."""

    def __init__(self, out: IO[str], fields: tuple[str, ...] = FIELDS) -> None:
        self.out, self.fields = out, fields

    def write(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            self.out.write(claim_json(c, self.fields) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """One JSON array, valid also when empty; items streamed as they come."""

    def __init__(self, out: IO[str], fields: tuple[str, ...] = FIELDS) -> None:
        self.out, self.fields, self.first = out, fields, True
        self.out.write("[")

    def write(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            self.out.write(("\n  " if self.first else ",\n  ") + claim_json(c, self.fields))
            self.first = False

    def close(self) -> None:
        self.out.write("]\n" if self.first else "\n]\n")
        self.out.flush()


# Cells starting with these are formulas to a spreadsheet (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix a quote to text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class CsvWriter:
    """RFC 4180 CSV, header always, columns in claim-spec order."""

    def __init__(self, out: IO[str], fields: tuple[str, ...] = FIELDS) -> None:
        self.out, self.fields = out, fields
        self.writer = csv.writer(out, lineterminator="\r\n")
        self.writer.writerow(fields)

    def write(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            data = c.to_dict()
            self.writer.writerow(["" if data[f] is None else neutralise(data[f]) for f in self.fields])
        self.out.flush()

    def close(self) -> None:
        self.out.flush()
