"""Writers for JSON, JSON Lines and CSV: claims in, text out, streamed; and the output filters.

Every writer has `write(claims)` (called once per article, as it finishes) and `close()`.
JSON Lines and CSV rows are flushed per article, so `| head` and `tail -f` see whole lines,
and an interrupted run leaves only complete lines behind.
"""
from __future__ import annotations

import csv
import errno
import json
import os
import shutil
import socket
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any, Protocol

from ..claims import CLAIM_TYPES, FIELDS, Claim
from ..errors import OptionError, OutputError


class Writer(Protocol):
    def write(self, claims: Iterable[Claim]) -> None: ...

    def close(self) -> None: ...


def _choose(text: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    """Comma-separated names, each checked against `allowed` and given once (a column twice would
    make a CSV with two columns of one name, a JSON object with one key fewer than asked)."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [n for n in names if n not in allowed]
    if unknown or not names:
        raise OptionError(f"expected {what} from {', '.join(allowed)}; got {', '.join(unknown) or 'none'}")
    twice = sorted({n for n in names if names.count(n) > 1}, key=names.index)
    if twice:
        raise OptionError(f"expected each of the {what} once; got {', '.join(twice)} more than once")
    return tuple(names)


def parse_fields(text: str | None) -> tuple[str, ...]:
    """`--fields id,type,value` -> the field names, checked against the claim-spec fields."""
    return FIELDS if text is None else _choose(text, FIELDS, "field names")


def parse_types(text: str | None) -> frozenset[str] | None:
    """`--type killed,injured` -> the claim types to keep (None keeps all)."""
    return None if text is None else frozenset(_choose(text, CLAIM_TYPES, "claim types"))


def keep(claims: Iterable[Claim], types: frozenset[str] | None) -> list[Claim]:
    """The claims of the wanted types, in order."""
    return [c for c in claims if types is None or c.type in types]


def check_writable(path: str, inputs: Iterable[str] = (), fmt: str = "",
                   tables: tuple[str, ...] = ("claims", "tolls")) -> None:
    """Raise `OutputError` unless `path` can be written, and is none of `inputs`: checked
    before any work is done. A symbolic link is judged by its target. With the output's `fmt`,
    a file is also checked to be one that format may write into (`sqlite.check_target`; a
    database with the `tables` written)."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        raise OutputError(f"cannot write {path}: it is a folder")
    try:
        here = os.stat(target)
    except OSError:
        here = None
    if here is not None:
        for source in inputs:
            try:
                there = os.stat(source)
            except OSError:
                continue
            if (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino) and stat.S_ISREG(here.st_mode):
                raise OutputError(f"-o {path} is one of the inputs ({source}): it would be overwritten")
        if not stat.S_ISREG(here.st_mode):  # a device, FIFO or socket: written to, never replaced
            if not os.access(target, os.W_OK):
                raise OutputError(f"cannot write {path}: permission denied")
            return
        if fmt:
            from .sqlite import check_target

            check_target(target, fmt, path, tables)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"cannot write {path}: folder {folder} is not writable")
    _check_name_length(path, target, folder)


def _check_name_length(path: str, target: str, folder: str) -> None:
    """A file name longer than the file system allows fails now, not after all the work."""
    try:
        most = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return
    name = os.fsencode(os.path.basename(target))
    if most and len(name) > most:
        raise OutputError(f"cannot write {path}: file name of {len(name)} bytes, longer than the "
                          f"file system allows ({most})")


@contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """Where a command writes its data, safely: stdout for None or "-", else FILE.

    A regular file (or a new one) is written to a temporary file beside it and renamed onto
    it at the end (`atomic_output`), so a failed or interrupted run leaves it as it was. A
    symbolic link is followed: its target is replaced, the link stays. A device (`/dev/null`),
    FIFO or socket is written to directly and never replaced. Every command that writes data
    (`extract`, `tolls`, `report`) goes through here; call `check_writable` first, before work.
    """
    if path is None or path == "-":
        yield sys.stdout
        return
    target = os.path.realpath(path)
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is None or stat.S_ISREG(mode):
        with atomic_output(target, shown=path) as handle:
            yield handle
        return
    with _direct_output(path, target, mode) as handle:
        yield handle


@contextmanager
def _direct_output(path: str, target: str, mode: int) -> Iterator[IO[str]]:
    """A handle on a device, FIFO or socket: they are written to, never replaced."""
    sock = None
    try:
        if stat.S_ISSOCK(mode):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(target)
            handle: IO[str] = sock.makefile("w", encoding="utf-8", newline="")
        else:
            handle = open(target, "w", encoding="utf-8", newline="")
    except OSError as e:
        if sock is not None:
            sock.close()
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from e
    try:
        with handle:
            yield handle
    finally:
        if sock is not None:
            sock.close()


@contextmanager
def atomic_output(path: str, *, shown: str | None = None) -> Iterator[IO[str]]:
    """A handle on a temporary file beside `path`, renamed onto it only when the block succeeds.

    On any exception, Ctrl-C included, the temporary file is removed and `path` is untouched.
    A file that is replaced keeps its permissions; a new one gets the usual mode (umask).
    """
    with atomic_path(path, shown=shown) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def atomic_path(path: str, *, copy: bool = False, shown: str | None = None) -> Iterator[str]:
    """The name of a temporary file beside `path`, renamed onto it only when the block succeeds.

    `copy=True` starts it as a copy of `path`, when there is one (a database to add to). On any
    exception, Ctrl-C included, the temporary file is removed and `path` is untouched.
    """
    shown = shown or path
    check_writable(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=folder)
        os.close(fd)
        if copy and os.path.isfile(path):
            shutil.copyfile(path, tmp)
    except OSError as e:
        raise OutputError(f"cannot write {shown}: {e.strerror or e}") from e
    try:
        yield tmp
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes 0600; give the file the usual mode
        os.chmod(tmp, mode)
        _fsync(tmp)  # the bytes on disk before the name points at them: after a power loss the
        os.replace(tmp, path)  # name is the old file or the whole new one, never an empty one
        _fsync(folder, folder=True)  # and the rename itself on disk
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _fsync(path: str, *, folder: bool = False) -> None:
    """Flush `path` (a file, or a folder's entries) to the disk. A file system that cannot sync a
    folder (some network and FUSE ones) is let be; a file that cannot be synced is an error."""
    try:
        fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if folder else 0))
    except OSError:
        if folder:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as e:
        if not folder or e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


# Line breaks to Unicode but not to JSON: escaped, so every line reader (Python's
# `str.splitlines`, older JavaScript) sees one claim a line.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def claim_json(claim: Claim, fields: Sequence[str] = FIELDS) -> str:
    """One claim as compact JSON, keys in claim-spec order, on one line by any reader's count."""
    data: dict[str, Any] = claim.to_dict()
    return json.dumps({f: data[f] for f in fields}, ensure_ascii=False).translate(_LINE_BREAKS)


def carried(record: dict[str, Any] | None, carry: Sequence[str]) -> dict[str, Any]:
    """`--carry` fields of an article's record, in the order asked, null when the record lacks one."""
    return {f: (record or {}).get(f) for f in carry}


class JsonLinesWriter:
    """One claim a line, flushed as written so `| head` and `tail -f` see whole lines.

    With `carry`, each claim gets a `record` object of those fields of its article's record.
    """

    def __init__(self, out: IO[str], fields: Sequence[str] = FIELDS, carry: Sequence[str] = ()) -> None:
        self.out, self.fields, self.carry = out, fields, carry

    def _json(self, c: Claim, record: dict[str, Any] | None) -> str:
        if not self.carry:
            return claim_json(c, self.fields)
        data: dict[str, Any] = c.to_dict()
        return json.dumps({**{f: data[f] for f in self.fields}, "record": carried(record, self.carry)},
                          ensure_ascii=False).translate(_LINE_BREAKS)

    def write(self, claims: Iterable[Claim], record: dict[str, Any] | None = None) -> None:
        for c in claims:
            self.out.write(self._json(c, record) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class JsonWriter(JsonLinesWriter):
    """One JSON array, valid also when empty; items streamed as they come."""

    def __init__(self, out: IO[str], fields: Sequence[str] = FIELDS, carry: Sequence[str] = ()) -> None:
        super().__init__(out, fields, carry)
        self.first = True
        self.out.write("[")

    def write(self, claims: Iterable[Claim], record: dict[str, Any] | None = None) -> None:
        for c in claims:
            self.out.write(("\n  " if self.first else ",\n  ") + self._json(c, record))
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
    """RFC 4180 CSV (CRLF, quotes doubled), header always, columns in claim-spec order.

    Text cells that begin with = + - @ (or tab, CR) get a leading ' so a spreadsheet shows
    them instead of running them as a formula (OWASP "CSV injection").
    """

    def __init__(self, out: IO[str], fields: Sequence[str] = FIELDS, carry: Sequence[str] = ()) -> None:
        self.out, self.fields, self.carry = out, fields, carry
        self.writer = csv.writer(out, lineterminator="\r\n")
        self.writer.writerow([*fields, *(f"record.{f}" for f in carry)])

    def write(self, claims: Iterable[Claim], record: dict[str, Any] | None = None) -> None:
        extra = [json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                 for v in carried(record, self.carry).values()]  # JSON text, as the toll CSV writes lists
        for c in claims:
            data = c.to_dict()
            self.writer.writerow(["" if v is None else neutralise(v) for v in [*(data[f] for f in self.fields),
                                                                                *extra]])
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


# The text formats and their writers; a new one is a class and a line here. The rich table
# (`render.TableWriter`, on a console) and the SQLite database (`sqlite.SqliteWriter`, on a
# file) are made by the CLI.
WRITERS: dict[str, type[JsonWriter | JsonLinesWriter | CsvWriter]] = {
    "json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}
FORMATS: tuple[str, ...] = ("table", *WRITERS, "sqlite")


def make_writer(fmt: str, out: IO[str], fields: Sequence[str] = FIELDS, carry: Sequence[str] = ()) -> Writer:
    """The streaming writer of a data format (`WRITERS`); `carry` adds record fields."""
    if fmt not in WRITERS:
        raise OptionError(f"format: expected one of {', '.join(WRITERS)}, got {fmt!r}")
    return WRITERS[fmt](out, fields, carry)
