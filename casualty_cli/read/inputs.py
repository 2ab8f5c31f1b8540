"""Articles from files, folders, stdin, JSON Lines, CSV and saved web pages, decoded safely.

A bad input never stops the others: `read_articles` yields, in input order, `Article`s to
extract from and `Note`s about everything else (an input that failed, one that was skipped,
one decoded as cp1252; decode.py says which encoding and why). The caller decides how to
report them; nothing here prints. Problems that make the whole run pointless are raised
*before* any work, as `InputError`: a path that does not exist, a CSV without the named column
(the message lists the columns it has). `plan_inputs` does those checks and lists every file,
so the caller also knows how many inputs there are (for a progress bar). Folders are walked
with `os.walk`, following symbolic links to folders but never entering the same real folder
twice, so a link loop cannot hang the run; files are sorted by path. HTML is reduced to its
main text by `webpage.py`: trafilatura, else the built-in reader (a note says which; a warning,
once, when trafilatura cannot be imported). A record's headline (`InputOptions.title_field`)
is read as the article's first line: TITLE + blank line + TEXT (claim-spec §5), so claim
offsets count in that text; `in_record` maps them back into the record's own fields.
"""
from __future__ import annotations

import csv
import fnmatch
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..claims import Article
from ..errors import InputError
from .decode import NotText, decode, first_line, read
from .webpage import page_text, trafilatura_problem


class RecordArticle(Article):
    """An `Article` read from a JSON Lines or CSV record, with the record fields the run asked for
    (`InputOptions.record_fields`: --carry, --event-field, --date-field, and the --title-field, so
    writers can name the article by its headline); still an (id, text) pair."""

    record: dict[str, Any]

    @classmethod
    def of(cls, id: str, text: str, record: dict[str, Any]) -> RecordArticle:
        article = cls(id, text)
        article.record = record
        return article


INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "jsonl", "csv", "html")
_BY_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".tab": "csv",
                 ".html": "html", ".htm": "html"}
# The delimiters the header line is sniffed for, and how a usage message names them.
DELIMITERS = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}
_DELIMITER_NAMES = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
# Inputs larger than this (`--max-bytes`) are skipped with a note: `/dev/zero` or a runaway dump
# must not take all the memory. 200 MB is far beyond any article and fits a large JSON Lines dump.
MAX_BYTES = 200_000_000
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with lone surrogates (from JSON "\\ud800" or a file name that is not UTF-8) as U+FFFD.

    One character for one, so offsets into the text still hold, and the result always encodes
    as UTF-8."""
    return _SURROGATES.sub("\N{REPLACEMENT CHARACTER}", text)


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
    title_field: str | None = None  # the headline, read as the article's first line (--title-field)
    max_bytes: int = MAX_BYTES
    delimiter: str | None = None  # CSV: None sniffs it from the header line

    def __post_init__(self) -> None:
        if self.delimiter is not None:
            forced = _DELIMITER_NAMES.get(self.delimiter.lower(), self.delimiter)
            if len(forced) != 1 or forced in "\"\r\n" or forced.isalnum():
                raise InputError(f"--delimiter: expected one character such as , ; | or tab, got {self.delimiter!r}")
            object.__setattr__(self, "delimiter", forced)
        if self.input_format not in INPUT_FORMATS:
            raise InputError(f"input format: expected one of {', '.join(INPUT_FORMATS)}, got {self.input_format!r}")
        if self.max_bytes < 1:
            raise InputError(f"--max-bytes: expected a positive number of bytes, got {self.max_bytes}")
        if self.title_field is not None and self.title_field == self.text_field:
            raise InputError(f"--title-field: {self.title_field!r} is also the text field")

    @property
    def kept_fields(self) -> tuple[str, ...]:
        """The record fields each article keeps: `record_fields`, then the title field."""
        title = (self.title_field,) if self.title_field and self.title_field not in self.record_fields else ()
        return self.record_fields + title


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
    notes: list[Note] = field(default_factory=list)


# -- listing ----------------------------------------------------------------------------------


def format_of(path: str, options: InputOptions) -> str:
    """The format a path is read as: the one asked for, else guessed from its extension."""
    if options.input_format != "auto":
        return options.input_format
    if path == "-":
        return "text"
    return _BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def walk(folder: str, glob: str = "*.txt", errors: list[OSError] | None = None) -> tuple[list[str], list[str]]:
    """Files below `folder` matching `glob` (sorted) and the files that do not.

    Links to folders are followed, but each real folder is entered once, so a link loop ends.
    A folder that cannot be listed goes into `errors` (os.walk would skip it without a word).
    """
    matched: list[Path] = []
    skipped: list[Path] = []
    seen: set[str] = set()
    root = Path(folder)
    for here, dirs, files in os.walk(folder, followlinks=True, onerror=None if errors is None else errors.append):
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
            errors: list[OSError] = []
            matched, skipped = walk(path, options.glob, errors)
            plan.notes.extend(Note(printable(str(e.filename or path)), f"cannot read: {e.strerror or e}")
                              for e in errors)
            plan.sources.extend(Source(p, format_of(p, options)) for p in matched)
            plan.skipped.extend(skipped)
            if not matched and not errors:
                plan.notes.append(Note(printable(path), _nothing_matches(options.glob, skipped), "info"))
        elif os.path.lexists(path):
            plan.sources.append(Source(path, format_of(path, options)))
        else:
            raise InputError(f"{printable(path)}: no such file or folder")
    if any(s.format == "html" for s in plan.sources) and (problem := trafilatura_problem()):
        plan.notes.append(Note("warning", f"trafilatura cannot be imported ({printable(problem)}); web pages are "
                               "read by the built-in reader, which keeps more boilerplate", "info"))
    for source in plan.sources:
        if options.title_field and source.format not in ("jsonl", "csv"):
            raise InputError(f"{printable(source.path)}: --title-field applies to JSON Lines and CSV records, "
                             f"not to {source.format} input (its headline is already its first line)")
        # Only regular files are looked into: a FIFO read now would lose what it holds.
        if source.path != "-" and os.path.isfile(source.path):
            if source.format == "csv":
                _check_csv_header(source.path, options)
            elif source.format == "jsonl":
                _check_jsonl_field(source.path, options)
                _check_title_field(source, options)
    return plan


def expected_articles(plan: Plan, options: InputOptions) -> int | None:
    """How many articles (or notes instead of them) `plan` will give, where that is cheap to know: one
    a file, one a line of a JSON Lines file (its newlines counted a megabyte at a time); None with
    records on stdin or in a CSV (a quoted cell may hold line breaks)."""
    total = 0
    for source in plan.sources:
        if source.format not in ("jsonl", "csv"):
            total += 1
        elif source.format == "csv" or source.path == "-" or not os.path.isfile(source.path):
            return None
        else:
            total += _count_lines(source.path, options.max_bytes)
    return total


def _count_lines(path: str, limit: int) -> int:
    """The lines of a file, or 1 for a file that will give one note instead (too big, unreadable)."""
    try:
        if os.path.getsize(path) > limit:
            return 1
        lines, last = 0, b"\n"
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
        return lines + (last != b"\n")
    except OSError:
        return 1


def _nothing_matches(glob: str, others: list[str]) -> str:
    """ "no file matches --glob '*.txt' (3 others: 3 .html); try --glob '*.html'"."""
    if not others:
        return "no files in this folder"
    kinds = Counter(os.path.splitext(p)[1].lower() or "no extension" for p in others)
    listed = ", ".join(f"{n} {ext}" for ext, n in kinds.most_common(3))
    top = kinds.most_common(1)[0][0]
    hint = f"; try --glob '*{top}'" if top.startswith(".") else ""
    return f"no file matches --glob {glob!r} ({len(others)} other{'s' if len(others) > 1 else ''}: {listed}){hint}"


# -- reading ----------------------------------------------------------------------------------


class UniqueIds:
    """Renames an article whose id was already used in this run: the second "x" becomes "x~2".

    Record ids repeat in real dumps (FA-KES has 64 repeats, GVA 113), and claim ids
    (`<article>#<n>`) must stay unique, so a database can key on them. One note per input
    says how many were renamed.
    """

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, items: Iterable[Article | Note], source: str) -> Iterator[Article | Note]:
        renamed: list[str] = []
        for item in items:
            if isinstance(item, Article):
                n = self.seen.get(item.id, 0) + 1
                self.seen[item.id] = n
                if n > 1:
                    new = f"{item.id}~{n}"
                    while new in self.seen:  # an id that was itself written "x~2"
                        n += 1
                        new = f"{item.id}~{n}"
                    self.seen[item.id] = n
                    self.seen[new] = 1
                    renamed.append(item.id)
                    record = getattr(item, "record", None)
                    item = Article(new, item.text) if record is None else RecordArticle.of(new, item.text, record)
            yield item
        if renamed:
            first = renamed[0]
            yield Note(printable(source), f"{len(renamed)} repeated article id{'s' if len(renamed) > 1 else ''} "
                                          f"(first {first!r}): their claims are named ID~2, ID~3, ...", "info")


def read_articles(paths: Iterable[str], glob: str = "*.txt", *,
                  options: InputOptions | None = None, plan: Plan | None = None) -> Iterator[Article | Note]:
    """Read every input in order: `Article`s, and `Note`s for what failed or was skipped."""
    options = options or InputOptions(glob=glob)
    plan = plan or plan_inputs(paths, options)
    unique = UniqueIds()
    for path in plan.skipped:
        yield Note(printable(path), f"does not match {options.glob}, skipped", "skipped")
    for source in plan.sources:
        yield from unique(read_source(source, options), source.path)


class TooBig(ValueError):
    """An input larger than `--max-bytes`."""


def _read_bytes(path: str, limit: int = MAX_BYTES) -> bytes:
    """All the bytes of a file or stdin, reading no more than `limit` + 1 of them (a FIFO or
    `/dev/zero` has no size to check first); raises `TooBig` beyond `limit`."""
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooBig(f"larger than --max-bytes ({limit:,} bytes)")
    return data


def read_source(source: Source, options: InputOptions) -> Iterator[Article | Note]:
    """The articles of one input; failures come back as `Note`s, never as exceptions.

    Anything unforeseen that goes wrong while reading one input (a parser bug, a strange
    file) is that input's failure: what it had already yielded stands, the others go on.
    """
    name = printable(source.path)
    try:
        yield from _read_source(source, options, name)
    except Exception as e:  # one input must never stop the run
        yield Note(name, f"cannot read: {type(e).__name__}: {printable(str(e))}")


def _read_source(source: Source, options: InputOptions, name: str) -> Iterator[Article | Note]:
    try:
        data = _read_bytes(source.path, options.max_bytes)
    except OSError as e:
        yield Note(name, f"cannot read: {e.strerror or e}")
        return
    except TooBig as e:
        yield Note(name, str(e), "skipped")
        return
    try:
        decoded = read(data, html=source.format == "html")
    except NotText as e:
        yield Note(name, str(e))
        return
    del data
    text = decoded.text
    if decoded.note:
        yield Note(name, decoded.note, "info")
    if source.format == "jsonl":
        yield from _jsonl_records(name, text, options)
    elif source.format == "csv":
        yield from _csv_records(name, text, options)
    else:
        if source.format == "html":
            text, reader = page_text(text)
            yield Note(name, f"main text found by {reader}", "info")
        if not text.strip():
            yield Note(name, "empty" if not text else "only whitespace", "skipped")
        else:
            yield Article(name, printable(text))


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


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time (a 200 MB dump is not copied into a list of lines).

    Split on "\n" only: str.splitlines would also split on U+2028 inside JSON strings."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _jsonl_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
    """One record a line. A first record without the text field ends the input with one
    error (the wrong --text-field), instead of one error per line."""
    first = True
    for number, line in enumerate(_lines(text), start=1):
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


def _check_jsonl_field(path: str, options: InputOptions) -> None:
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


def _check_title_field(source: Source, options: InputOptions) -> None:
    """A title field that none of the first records has is misspelt (one record without it is fine)."""
    names = sample_fields(source, options=options) if options.title_field else None
    if names is not None and names and options.title_field not in names:
        raise InputError(f"{printable(source.path)}: no record has the field {options.title_field!r} "
                         f"(fields: {printable(', '.join(sorted(names)))}); name the headline with --title-field")


def _check_csv_header(path: str, options: InputOptions) -> None:
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


def _csv_records(path: str, text: str, options: InputOptions) -> Iterator[Article | Note]:
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
