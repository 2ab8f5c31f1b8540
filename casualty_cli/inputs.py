"""Articles from files, folders, stdin, JSON Lines, CSV and saved web pages, decoded safely.

A bad input never stops the others: `read_articles` yields, in input order, `Article`s to
extract from and `Note`s about everything else (an input that failed, one that was skipped,
one decoded as cp1252; decode.py says which encoding and why). The caller decides how to
report them; nothing here prints.

Problems that make the whole run pointless are raised *before* any work, as `InputError`:
a path that does not exist, a CSV without the named column (the message lists the columns it
has). `plan_inputs` does those checks and lists every file, so the caller also knows how many
inputs there are (for a progress bar).

Folders are walked with `os.walk`, following symbolic links to folders but never entering the
same real folder twice, so a link loop cannot hang the run; files are sorted by path.

HTML (`.html`, `.htm`) is reduced to its main text by `webpage.py`: trafilatura with the
`html` extra, else the built-in reader; a note says which.
"""
from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .claims import Article
from .decode import NotText, decode, read
from .errors import InputError
from .webpage import page_text


class RecordArticle(Article):
    """An `Article` read from a JSON Lines or CSV record, with the record fields the run asked for
    (`InputOptions.record_fields`: --carry, --event-field, --date-field); still an (id, text) pair."""

    record: dict[str, Any]

    @classmethod
    def of(cls, id: str, text: str, record: dict[str, Any]) -> RecordArticle:
        article = cls(id, text)
        article.record = record
        return article


INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "jsonl", "csv", "html")
_BY_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}


@dataclass(frozen=True, slots=True)
class Note:
    """Something to tell the user about one input; `kind` says how it counts in the summary.

    `failed`: the input (or one record) could not be read; the run exits 1.
    `skipped`: nothing to read (empty, or a file the folder glob does not match).
    `info`: read, but worth knowing (decoded as cp1252).
    """

    id: str
    message: str
    kind: Literal["failed", "skipped", "info"] = "failed"


@dataclass(frozen=True, slots=True)
class InputOptions:
    """How to find and read inputs; the CLI's input options, validated."""

    glob: str = "*.txt"
    input_format: str = "auto"
    text_field: str = "text"
    id_field: str | None = None
    record_fields: tuple[str, ...] = ()  # kept from each record (--carry, --event-field, --date-field)

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise InputError(f"input format: expected one of {', '.join(INPUT_FORMATS)}, got {self.input_format!r}")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file or stdin, with the format it is read as."""

    path: str
    format: str


@dataclass(slots=True)
class Plan:
    """Every input, listed before any work: the sources to read and the files left out."""

    sources: list[Source]
    skipped: list[str]


# -- listing ----------------------------------------------------------------------------------


def format_of(path: str, options: InputOptions) -> str:
    """The format a path is read as: the one asked for, else guessed from its extension."""
    if options.input_format != "auto":
        return options.input_format
    if path == "-":
        return "text"
    return _BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def walk(folder: str, glob: str = "*.txt") -> tuple[list[str], list[str]]:
    """Files below `folder` matching `glob` (sorted) and the files that do not.

    Links to folders are followed, but each real folder is entered once, so a link loop ends.
    """
    matched: list[Path] = []
    skipped: list[Path] = []
    seen: set[str] = set()
    root = Path(folder)
    for here, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(here)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if os.path.realpath(os.path.join(here, d)) not in seen]
        rel = Path(here).relative_to(folder)
        for name in files:
            (matched if fnmatch.fnmatch(name, glob) else skipped).append(root / rel / name)
    return [str(p) for p in sorted(matched)], [str(p) for p in sorted(skipped)]


def plan_inputs(paths: Iterable[str], options: InputOptions | None = None) -> Plan:
    """List every input and check what can be checked before any work.

    Raises `InputError` for a path that does not exist and for a CSV that lacks the text
    column (or an id column the user named).
    """
    options = options or InputOptions()
    plan = Plan([], [])
    for path in paths:
        if path == "-":
            plan.sources.append(Source("-", format_of("-", options)))
            continue
        if os.path.isdir(path):
            matched, skipped = walk(path, options.glob)
            plan.sources.extend(Source(p, format_of(p, options)) for p in matched)
            plan.skipped.extend(skipped)
        elif os.path.lexists(path):
            plan.sources.append(Source(path, format_of(path, options)))
        else:
            raise InputError(f"{path}: no such file or folder")
    for source in plan.sources:
        if source.format == "csv" and source.path != "-":
            _check_csv_header(source.path, options)
    return plan


# -- reading ----------------------------------------------------------------------------------


def read_articles(paths: Iterable[str], glob: str = "*.txt", *,
                  options: InputOptions | None = None, plan: Plan | None = None) -> Iterator[Article | Note]:
    """Read every input in order: `Article`s, and `Note`s for what failed or was skipped."""
    options = options or InputOptions(glob=glob)
    plan = plan or plan_inputs(paths, options)
    for path in plan.skipped:
        yield Note(path, f"does not match {options.glob}, skipped", "skipped")
    for source in plan.sources:
        yield from read_source(source, options)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def read_source(source: Source, options: InputOptions) -> Iterator[Article | Note]:
    """The articles of one input; failures come back as `Note`s, never as exceptions."""
    path = source.path
    try:
        data = _read_bytes(path)
    except OSError as e:
        yield Note(path, f"cannot read: {e.strerror or e}")
        return
    try:
        decoded = read(data, html=source.format == "html")
    except NotText as e:
        yield Note(path, str(e))
        return
    text = decoded.text
    if decoded.note:
        yield Note(path, decoded.note, "info")
    if source.format == "jsonl":
        yield from _jsonl_records(path, text, options)
    elif source.format == "csv":
        yield from _csv_records(path, text, options)
    else:
        if source.format == "html":
            text, reader = page_text(text)
            yield Note(path, f"main text found by {reader}", "info")
        if not text.strip():
            yield Note(path, "empty" if not text else "only whitespace", "skipped")
        else:
            yield Article(path, text)


def _record_article(path: str, line: int, record: dict[str, object], options: InputOptions) -> Article | Note:
    where = f"{path}:{line}"
    text = record.get(options.text_field)
    if text is None:
        fields = ", ".join(str(k) for k in record) or "none"
        return Note(where, f"no {options.text_field!r} field (fields: {fields})")
    if not isinstance(text, str):
        return Note(where, f"{options.text_field!r}: expected text, got {type(text).__name__}")
    ident = record.get(options.id_field or "id")
    article = where if ident is None or ident == "" else str(ident)
    if not text.strip():
        return Note(article, "empty text", "skipped")
    if options.record_fields:
        return RecordArticle.of(article, text, {f: record[f] for f in options.record_fields if f in record})
    return Article(article, text)


def _jsonl_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
    # Split on "\n" only: str.splitlines would also split on U+2028 inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as e:
            yield Note(f"{path}:{number}", f"not JSON ({e})")
            continue
        if not isinstance(record, dict):
            yield Note(f"{path}:{number}", f"expected a JSON object, got {type(record).__name__}")
            continue
        yield _record_article(path, number, record, options)


def sample_fields(source: Source, limit: int = 1 << 16) -> set[str] | None:
    """The field names of the first records of a JSON Lines or CSV source (None for other inputs, or stdin):
    enough to tell a misspelt --event-field before any work."""
    if source.format not in ("jsonl", "csv") or source.path == "-":
        return None
    try:
        with open(source.path, "rb") as handle:
            head, _ = decode(handle.read(limit))
    except (OSError, NotText):
        return None
    head = head.lstrip("\ufeff")
    if source.format == "csv":
        return set(next(csv.reader([head.split("\n", 1)[0]]), []))
    names: set[str] = set()
    for line in head.split("\n")[:-1] or [head]:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            names.update(record)
    return names


def _raise_csv_field_limit() -> None:
    """Articles are long: lift the csv module's 128 kB cell limit as far as the platform allows."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _check_csv_header(path: str, options: InputOptions) -> None:
    _raise_csv_field_limit()
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
        text, _ = decode(head)
    except (OSError, NotText):
        return  # reported when the file is read
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    header = next(csv.reader([first]), [])
    wanted = [options.text_field] + ([options.id_field] if options.id_field else [])
    for column in wanted:
        if column not in header:
            have = ", ".join(header) or "none"
            raise InputError(f"{path}: no column {column!r} (columns: {have}); "
                             "name the text column with --text-column and the id with --id-column")


def _csv_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
    _raise_csv_field_limit()
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = reader.fieldnames or []
    if options.text_field not in fields:
        yield Note(path, f"no column {options.text_field!r} (columns: {', '.join(fields) or 'none'})")
        return
    line = reader.line_num + 1
    try:
        for row in reader:
            yield _record_article(path, line, row, options)
            line = reader.line_num + 1
    except csv.Error as e:
        yield Note(f"{path}:{line}", f"bad CSV, rest of file skipped ({e})")
