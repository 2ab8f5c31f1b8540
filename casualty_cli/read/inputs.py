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
once, when trafilatura cannot be imported). JSON Lines and CSV records are read by `records.py`.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..claims import Article
from ..errors import InputError
from .common import BY_EXTENSION, MAX_BYTES, InputOptions, Note, RecordArticle, Source, printable
from .decode import NotText, read
from .records import check_csv_header, check_jsonl_field, check_title_field, csv_records, jsonl_records
from .webpage import page_text, trafilatura_problem


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
    return BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


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
                check_csv_header(source.path, options)
            elif source.format == "jsonl":
                check_jsonl_field(source.path, options)
                check_title_field(source, options)
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
        yield from jsonl_records(name, text, options)
    elif source.format == "csv":
        yield from csv_records(name, text, options)
    else:
        if source.format == "html":
            text, reader = page_text(text)
            yield Note(name, f"main text found by {reader}", "info")
        if not text.strip():
            yield Note(name, "empty" if not text else "only whitespace", "skipped")
        else:
            yield Article(name, printable(text))
