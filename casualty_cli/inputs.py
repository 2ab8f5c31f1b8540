"""Articles from files, folders and stdin, decoded safely, one at a time.

A bad input never stops the others: `read_articles` yields `Article`s and
`Problem`s in input order, and the caller decides how to report them.
"""
from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True, slots=True)
class Article:
    """One text to read; `id` is what the claims name in their `article` field."""

    id: str
    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be read; the run goes on without it."""

    id: str
    message: str


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOMs first, then UTF-8, then cp1252 (latin-1 as last resort)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def expand(paths: Iterable[str], glob: str = "*.txt") -> Iterator[str]:
    """Each path as given; a folder becomes its matching files below it, sorted."""
    for path in paths:
        if path == "-":
            yield path
            continue
        p = Path(path)
        if p.is_dir():
            yield from (str(f) for f in sorted(p.rglob(glob)) if f.is_file())
        elif p.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or folder")


def read_articles(paths: Iterable[str], glob: str = "*.txt") -> Iterator[Article | Problem]:
    """Read every input in order; unreadable ones come back as `Problem`s."""
    for path in expand(paths, glob):
        if path == "-":
            text, enc = decode(sys.stdin.buffer.read())
            yield Article("-", text, enc)
            continue
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            yield Problem(path, f"cannot read: {e.strerror or e}")
            continue
        if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield Problem(path, "binary file, skipped")
            continue
        text, enc = decode(data)
        yield Article(path, text, enc)
