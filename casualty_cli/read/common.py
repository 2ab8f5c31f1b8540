"""What the readers of inputs share (split from `inputs` with `records`): the options of a run
(`InputOptions`, validated), one input (`Source`), what to tell the user about one (`Note`), the article
of a record (`RecordArticle`), and text made safe to print (`printable`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..claims import Article
from ..errors import InputError


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
BY_EXTENSION = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".tab": "csv",
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
