"""JSON Lines and CSV records -> articles (split from `inputs`, which lists and decodes the inputs).

One record a line, or one CSV row (RFC 4180, cells of any size, the delimiter sniffed from the header
line); a bad record is a `Note` with its line, the others go on. A record's headline
(`InputOptions.title_field`) is read as the article's first line: TITLE + blank line + TEXT (claim-spec
§5), so claim offsets count in that text; `in_record` maps them back into the record's own fields. The
field names are looked up before any work (`sample_fields`, the `check_*` functions): a misspelt field
or column is an `InputError` that lists the ones there are.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..claims import Article
from ..errors import InputError
from .common import DELIMITERS, InputOptions, Note, RecordArticle, Source, printable
from .decode import NotText, decode, first_line

# Between a headline and the text: a blank line, so the headline is a sentence of its own.
TITLE_GAP = "\n\n"


def title_of(record: dict[str, Any], field: str | None) -> str | None:
    """The record's headline, or None: no title field, or one that is missing, not text or blank
    (one record without a title is read as its text alone)."""
    title = record.get(field) if field else None
    return title if isinstance(title, str) and title.strip() else None


def in_record(start: int, end: int, title: str | None) -> tuple[str, int, int]:
    """Where the span `start:end` of an article's text (TITLE + TITLE_GAP + TEXT) lies in its record:
    ("title", start, end) in the headline, else ("text", start', end') in the text field, so that
    `record[title_field or text_field][start':end'] == quantity`."""
    if title is None:
        return "text", start, end
    if end <= len(title):
        return "title", start, end
    shift = len(title) + len(TITLE_GAP)
    return "text", start - shift, end - shift


def _record_article(path: str, line: int, record: dict[str, object], options: InputOptions) -> Article | Note:
    where = f"{path}:{line}"
    text = record.get(options.text_field)
    if text is None:
        return Note(where, _no_field(record, options))
    if not isinstance(text, str):
        return Note(where, f"{options.text_field!r}: expected text, got {type(text).__name__}")
    ident = record.get(options.id_field or "id")
    article = where if ident is None or ident == "" else printable(str(ident))
    title = title_of(record, options.title_field)
    if title is not None:  # a headline over an empty text is still read: it often holds the figure
        text = title + TITLE_GAP + text
    elif not text.strip():
        return Note(article, "empty text", "skipped")
    if options.kept_fields:
        return RecordArticle.of(article, printable(text),
                                {f: record[f] for f in options.kept_fields if f in record})
    return Article(article, printable(text))


def _no_field(record: dict[str, object], options: InputOptions) -> str:
    fields = ", ".join(printable(str(k)) for k in record) or "none"
    return f"no {options.text_field!r} field (fields: {fields})"


def lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time (a 200 MB dump is not copied into a list of lines).

    Split on "\n" only: str.splitlines would also split on U+2028 inside JSON strings."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def jsonl_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
    """One record a line. A first record without the text field ends the input with one
    error (the wrong --text-field), instead of one error per line."""
    first = True
    for number, line in enumerate(lines(text), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:
            yield Note(f"{path}:{number}", f"not JSON ({printable(str(e))})")
            continue
        if not isinstance(record, dict):
            yield Note(f"{path}:{number}", f"expected a JSON object, got {type(record).__name__}")
            continue
        if first and options.text_field not in record:
            yield Note(path, f"first record (line {number}): {_no_field(record, options)}; "
                             "name the text field with --text-field")
            return
        first = False
        yield _record_article(path, number, record, options)


def sample_fields(source: Source, wanted: str | None = None,
                  options: InputOptions | None = None) -> set[str] | None:
    """The field names of a JSON Lines or CSV source (None for other inputs, or stdin): enough to tell a
    misspelt --event-field before any work. Read line by line, so whole characters are decoded however long
    a record is: the CSV header, or the records until one has `wanted` (all of them when none has)."""
    if source.format not in ("jsonl", "csv") or source.path == "-":
        return None
    names: set[str] = set()
    try:
        with open(source.path, "rb") as handle:
            if source.format == "csv":
                first = _header_line(first_line(handle))
                delimiter = delimiter_of(source.path, first, options or InputOptions())
                return set(next(csv.reader([first], delimiter=delimiter), []))
            for number, raw in enumerate(handle):
                line = decode(raw)[0].lstrip("\ufeff") if number == 0 else decode(raw)[0]
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    continue
                if isinstance(record, dict):
                    names.update(record)
                    if wanted is not None and wanted in names:
                        break
    except (OSError, NotText):
        return None
    return names


def delimiter_of(path: str, header: str, options: InputOptions) -> str:
    """The CSV delimiter: `--delimiter`, else the one the header line uses (`csv.Sniffer`, among
    , ; tab |), else tab for .tsv/.tab and comma for the rest."""
    if options.delimiter is not None:
        return options.delimiter
    try:
        return csv.Sniffer().sniff(header, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return "\t" if os.path.splitext(path)[1].lower() in (".tsv", ".tab") else ","


def _header_line(text: str) -> str:
    return text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")


def _raise_csv_field_limit() -> None:
    """Articles are long: lift the csv module's 128 kB cell limit as far as the platform allows."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def check_jsonl_field(path: str, options: InputOptions) -> None:
    """A JSON Lines file whose first record lacks the text field: the wrong --text-field."""
    try:
        number = 0
        with open(path, "rb") as handle:
            while number < 100:  # blank lines before the first record
                line = handle.readline(1 << 24)
                number += 1
                if line.strip() or not line:
                    break
        record = json.loads(decode(line)[0])
    except (OSError, NotText, ValueError, RecursionError):
        return  # reported when the file is read
    if isinstance(record, dict) and options.text_field not in record:
        raise InputError(f"{printable(path)}:{number}: {_no_field(record, options)}; "
                         "name the text field with --text-field")


def check_title_field(source: Source, options: InputOptions) -> None:
    """A title field that none of the first records has is misspelt (one record without it is fine)."""
    names = sample_fields(source, options=options) if options.title_field else None
    if names is not None and names and options.title_field not in names:
        raise InputError(f"{printable(source.path)}: no record has the field {options.title_field!r} "
                         f"(fields: {printable(', '.join(sorted(names)))}); name the headline with --title-field")


def check_csv_header(path: str, options: InputOptions) -> None:
    _raise_csv_field_limit()
    try:
        with open(path, "rb") as handle:
            text = first_line(handle)  # the header line whole: a cut character would change the encoding
    except (OSError, NotText):
        return  # reported when the file is read
    first = _header_line(text)
    delimiter = delimiter_of(path, first, options)
    header = next(csv.reader([first], delimiter=delimiter), [])
    wanted = [options.text_field] + [f for f in (options.id_field, options.title_field) if f]
    for column in wanted:
        if column not in header:
            have = printable(", ".join(header)) or "none"
            seen = DELIMITERS.get(delimiter, repr(delimiter))
            raise InputError(f"{printable(path)}: no column {column!r} (columns: {have}), read with delimiter {seen}; "
                             "name the text column with --text-column, the id with --id-column, "
                             "the headline with --title-column, the delimiter with --delimiter")


def csv_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
    _raise_csv_field_limit()
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter_of(path, _header_line(text), options))
    fields = reader.fieldnames or []
    if options.text_field not in fields:
        yield Note(path, f"no column {options.text_field!r} (columns: {', '.join(fields) or 'none'})")
        return
    line = reader.line_num + 1
    try:
        for row in reader:
            swallowed = _swallowed_records(row, fields)
            if swallowed:
                yield Note(f"{path}:{line}", f"a quoted cell runs on over lines that look like records of their "
                                             f"own ({swallowed}): an unmatched quote? record skipped")
            else:
                yield _record_article(path, line, row, options)
            line = reader.line_num + 1
    except csv.Error as e:
        yield Note(f"{path}:{line}", f"bad CSV, rest of file skipped ({e})")


_CELL_SHAPE = re.compile(r"(\d+)|([^\W\d_]+)")


def _shape(value: str) -> str:
    """ "r17" -> "a9": what an identifier looks like, digits and letters folded."""
    return _CELL_SHAPE.sub(lambda m: "9" if m.group(1) else "a", value)


def _swallowed_records(row: dict[str, str], fields: Sequence[str]) -> str | None:
    """The first line inside a cell that starts like a record of this file, else None.

    An unmatched quote makes the CSV reader read on, across line ends, until the next quote:
    the records in between become one huge cell. A line inside a cell that starts with a
    value shaped like this record's first cell (an identifier: "17", "r17"), followed by at
    least as many commas as the file has columns less one, is such a swallowed record.
    Prose does not start with "17," over and over, and titles (with spaces) are not checked.
    """
    first = row.get(fields[0]) or ""
    if not first or len(first) > 40 or any(c.isspace() for c in first):
        return None
    shape = _shape(first)
    for value in row.values():
        if not isinstance(value, str) or "\n" not in value:
            continue
        for line in value.split("\n")[1:]:
            head, comma, _ = line.partition(",")
            if comma and head and len(head) <= 40 and line.count(",") >= len(fields) - 1 \
                    and not any(c.isspace() for c in head) and _shape(head) == shape:
                return f"{printable(line[:40])}..."
    return None
