"""Articles and claims grouped into events, ready for `rules.stream_tolls`.

Two sources feed the tolls: extract's JSON Lines (`claims_file_events`) and the extractor's own
results (`extracted_events`). Each yields `(event, claims of one article as dicts, people counted one
by one)` in input order. What a run should tell the user (a bad line, a record without the event
field, an event whose records come back later) goes to `EventNotes.say`, a callable the caller
chooses: the library never prints. Usable from a notebook without click.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields as dataclass_fields
from typing import IO, Any, Protocol

from ..claims import CLAIM_TYPES, Article, Claim
from ..errors import InputError
from ..extract.numbers import QUALIFIERS
from ..read.dates import iso_date
from ..read.records import lines as text_lines

# (event, claims of one article, people counted one by one)
Found = tuple[str, list[dict[str, Any]], list[dict[str, Any]]]
# How many events are watched for records that come back after other events' (a set of their keys).
RETURNS_WATCHED = 10_000
# How many characters of a claims stream that cannot be read twice (stdin, a pipe) are held while the event
# field is looked for; past them the field is not checked (a file is read again instead, as far as needed).
FIELD_HOLD = 1 << 26


class Tally(Protocol):
    """What a run counts for its summary (the CLI's `Reporter` is one)."""

    articles: int
    claims: int
    failed: int

    def failed_article(self, article: str, error: object) -> None: ...


class EventNotes:
    """Notes of a toll run: each unparseable date once, records without the event field in one line,
    events whose records come back after other events'."""

    def __init__(self, say: Callable[[str], None], *, quiet: bool = False, dayfirst: bool = False) -> None:
        self.say, self.quiet, self.dayfirst = say, quiet, dayfirst
        self.own_events = 0
        self.bad_dates: set[str] = set()
        self.returned: dict[str, None] = {}  # events that came back, in order (at most one entry per event)

    def date(self, claim: dict[str, Any], raw: Any) -> str | None:
        """The claim's article date as YYYY-MM-DD (`read.dates`), noting once per article a date that
        cannot be read (it is then ordered as unknown and shown as None)."""
        if raw in (None, ""):
            return None
        day = iso_date(str(raw), self.dayfirst)
        article = str(claim.get("article"))
        if day is None and article not in self.bad_dates and not self.quiet:
            if len(self.bad_dates) < 1000:  # bounded: a note per article, not a set the size of the input
                self.bad_dates.add(article)
            self.say(f"casualty: {article}: date {raw!r} not understood, ordered as unknown")
        return day

    def returns(self, found: Iterable[Found]) -> Iterator[Found]:
        """Pass `found` through, noting events whose records come back after another event's: tolls are
        built one event at a time (memory stays flat), so such an event gets a toll for each stretch.
        The first `RETURNS_WATCHED` events are watched, so the watch does not grow with the input either:
        an input out of order shows it early."""
        seen: set[str] = set()
        current: str | None = None
        for item in found:
            if item[0] != current:
                current = item[0]
                if current in seen:
                    self.returned[current] = None
                elif len(seen) < RETURNS_WATCHED:
                    seen.add(current)
            yield item

    def close(self) -> None:
        """The notes said once, at the end of the run."""
        if self.own_events and not self.quiet:
            self.say(f"casualty: {self.own_events} records without the event field, each its own event")
        if self.returned and not self.quiet:
            names = ", ".join(list(self.returned)[:5]) + (", ..." if len(self.returned) > 5 else "")
            n = len(self.returned)
            self.say(f"casualty: warning: {n} {'event comes' if n == 1 else 'events come'} back after other events' "
                     f"records ({names}) and get{'s' if n == 1 else ''} one toll per stretch; "
                     "sort the input by the event field to get one toll per event")


def event_of(record: dict[str, Any] | None, field: str | None, article: str, notes: EventNotes) -> str:
    """The event of an article: its record's `field`, else the article itself (noted)."""
    if not field:
        return article
    value = (record or {}).get(field)
    if value in (None, ""):
        notes.own_events += 1
        return article
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)  # true, not Python's True


def check_event_field(names: set[str] | None, field: str, where: str) -> None:
    """Refuse an event field that no record of `where` has (`names` None: unknown, not checked)."""
    if names is not None and field not in names:
        raise InputError(f"{where}: no record has the field {field!r} (fields: {', '.join(sorted(names)) or 'none'})")


def claim_lines(path: str, max_bytes: int, chunk: int = 1 << 16) -> Iterator[str]:
    """The lines of a claims file (`-` for stdin) read as every input is read, streamed so memory
    stays flat: at most `max_bytes` (`TooBig` past them, also for `/dev/zero`), in whatever
    encoding it came in. UTF-8 with or without a BOM is decoded line by line, a line that is not
    UTF-8 as `read.decode` reads it (cp1252 ...); UTF-16 (a BOM or NULs at the start) is read whole."""
    from ..read.decode import SNIFF, NotText, read
    from ..read.inputs import TooBig

    def too_big() -> TooBig:
        return TooBig(f"larger than --max-bytes ({max_bytes:,} bytes)")

    raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 (closed below)
    try:
        buffer = raw.read(min(SNIFF, max_bytes + 1))
        total = len(buffer)
        if buffer.startswith(b"SQLite format 3\x00"):
            raise NotText("a SQLite database, not extract's JSON Lines (extract -o FILE.jsonl writes those)")
        if buffer.startswith(codecs.BOM_UTF8):
            buffer = buffer[len(codecs.BOM_UTF8):]
        elif buffer.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in buffer:
            data = buffer + raw.read(max_bytes + 1 - total)
            if len(data) > max_bytes:
                raise too_big()
            yield from text_lines(read(data).text)
            return
        while True:
            end = buffer.find(b"\n")
            if end < 0:
                more = raw.read(min(chunk, max_bytes + 1 - total)) if total <= max_bytes else b""
                total += len(more)
                if total > max_bytes:
                    raise too_big()
                if more:
                    buffer += more
                    continue
                if buffer:
                    yield _line_text(buffer)
                return
            yield _line_text(buffer[:end])
            buffer = buffer[end + 1:]
    finally:
        if raw is not sys.stdin.buffer:
            raw.close()


def _reading(path: str, lines: Iterator[str]) -> Iterator[str]:
    """`lines`, a file that cannot be read or is too large raised as our `InputError`."""
    from ..read.decode import NotText
    from ..read.inputs import TooBig

    try:
        yield from lines
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e
    except (TooBig, NotText) as e:
        raise InputError(f"cannot read {path}: {e}") from e


def _line_text(line: bytes) -> str:
    from ..read.decode import read

    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return read(line).text


# The types a claim's fields must have, from the data model: "int" an integer (not a boolean,
# not NaN, not "14"), "str" a string; "| None" allows null. Older claims files may lack newer fields.
_CLAIM_TYPES = {f.name: str(f.type) for f in dataclass_fields(Claim)}
_REQUIRED = ("id", "article", "type", "value")
# The largest figure a claim may give: every integer up to it is exact as a float (JSON readers' numbers).
MOST = 2**53 - 1


def _type_name(value: Any) -> str:
    """"a string", "an integer", ...; None is left to the caller, which shows the value itself."""
    return "" if value is None else {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
                                         list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def check_claim(claim: Any) -> dict[str, Any]:
    """A claim read from JSON, checked field by field; raises ValueError "expected X, got Y"."""
    if not isinstance(claim, dict):
        raise ValueError(f"expected a claim object, got {_type_name(claim)}")
    for name in _REQUIRED:
        if name not in claim:
            raise ValueError(f"expected a claim with {name!r}, got none")
    for name, annotation in _CLAIM_TYPES.items():
        if name not in claim or (claim[name] is None and "None" in annotation):
            continue
        value = claim[name]
        if annotation.startswith("int"):
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, str)
        if not ok:
            wanted = "an integer" if annotation.startswith("int") else "a string"
            shown = "" if isinstance(value, list | dict) else json.dumps(value)[:40]
            raise ValueError(f"{name!r}: expected {wanted}, got " + " ".join(filter(None, (_type_name(value), shown))))
    if claim.get("record") is not None and not isinstance(claim["record"], dict):
        raise ValueError(f"'record': expected an object, got {_type_name(claim['record'])}")
    for name, allowed in (("type", CLAIM_TYPES), ("qualifier", QUALIFIERS)):
        if claim.get(name) is not None and claim[name] not in allowed:
            raise ValueError(f"{name!r}: expected one of {', '.join(allowed)}, got {json.dumps(claim[name])[:40]}")
    for name in ("value", "low", "high"):  # a count: the arithmetic of tolls takes no -5 and no 400-digit figure
        if claim.get(name) is not None and not 0 <= claim[name] <= MOST:
            raise ValueError(f"{name!r}: expected a count from 0 to {MOST:,}, got {str(claim[name])[:40]}")
    if claim.get("low") is not None and claim.get("high") is not None and claim["low"] > claim["high"]:
        raise ValueError(f"'low' {claim['low']} is above 'high' {claim['high']}")
    return {**_ABSENT, **claim}


# A field that may be null and that an older or hand-made claims file lacks reads as null, as extract writes it
# (the report needs the others, and says so).
_ABSENT: dict[str, Any] = {name: None for name, annotation in _CLAIM_TYPES.items() if "None" in annotation}


def _record_fields(line: str) -> set[str]:
    """The field names of a claims line's `record` (none for a line that is no claim)."""
    try:
        record = json.loads(line).get("record")
    except (ValueError, AttributeError, RecursionError):
        return set()
    return set(record) if isinstance(record, dict) else set()


def _fields_until(path: str, limit: int, wanted: set[str]) -> set[str]:
    """The record fields of a claims file read again from its start until records have all of `wanted`,
    holding nothing."""
    names: set[str] = set()
    for line in _reading(path, claim_lines(path, limit)):
        names |= _record_fields(line)
        if wanted <= names:
            break
    return names


def _csv_header(line: str) -> bool:
    """Whether a first line is the header of claims written as CSV (`extract --format csv`): no JSON object,
    an `id` column."""
    import csv

    return not line.lstrip().startswith("{") and "id" in next(csv.reader([line]), [])


def claims_file_events(path: str, event_field: str | None, tally: Tally, notes: EventNotes,
                       max_bytes: int | None = None, date_field: str | None = None) -> Callable[[], Iterator[Found]]:
    """extract's JSON Lines (`-` for stdin) -> (event, claims of one article, no singles); a malformed
    line or value is noted with its line number and skipped, the rest used. The file is read as any
    input (`--max-bytes`, any encoding `extract` reads); the event field is checked before any work."""
    from itertools import chain

    from ..read.inputs import MAX_BYTES

    limit = MAX_BYTES if max_bytes is None else max_bytes
    lines = iter(enumerate(_reading(path, claim_lines(path, limit)), start=1))
    # read before the run (the lines go back in front of the rest): the first line, so a file that cannot be
    # read is refused before any work, and with record fields every line until records have them all
    wanted = {f for f in (event_field, date_field) if f}
    head: list[tuple[int, str]] = []
    names: set[str] = set()
    held = 0
    for number, line in lines:
        head.append((number, line))
        held += len(line)
        names |= _record_fields(line)
        if wanted <= names or held > FIELD_HOLD:
            break
    known: set[str] | None = names
    if not wanted <= names and held > FIELD_HOLD:
        known = _fields_until(path, limit, wanted) if path != "-" and os.path.isfile(path) else None
    if head and _csv_header(head[0][1]):
        raise InputError(f"{path}: extract's CSV, not its JSON Lines: --claims reads JSON Lines (extract --format "
                         "jsonl writes them)")
    for name in sorted(wanted):
        check_event_field(known, name, f"{path} (the claims' record)")

    def found() -> Iterator[Found]:
        article: str | None = None
        group: list[dict[str, Any]] = []
        for number, line in chain(head, lines):
            if not line.strip():
                continue
            try:
                claim = check_claim(json.loads(line))
            except (ValueError, RecursionError) as e:
                tally.failed += 1
                notes.say(f"casualty: error: {path}:{number}: {e}")
                continue
            tally.claims += 1
            if claim["article"] != article:
                if group:
                    yield event_of(group[0].get("record"), event_field, str(article), notes), group, []
                article, group = claim["article"], []
                tally.articles += 1
            group.append(claim)
        if group:
            yield event_of(group[0].get("record"), event_field, str(article), notes), group, []

    return found


class ArticleEvents:
    """Pairs each article with its claims once they come back from the extractor.

    `keep` sees each article on its way in (its record is held;
    its text and record too when `texts` and `records` are given, for the report); `events` turns the
    extractor's `(article, claims or error)` results into `Found`, in input order.
    """

    def __init__(self, event_field: str | None, tally: Tally, notes: EventNotes,
                 texts: dict[str, str] | None = None, records: dict[str, dict[str, Any]] | None = None) -> None:
        self.event_field, self.tally, self.notes, self.texts, self.records = event_field, tally, notes, texts, records
        self.pending: deque[dict[str, Any] | None] = deque()

    def keep(self, article: Article) -> None:
        record = getattr(article, "record", None)
        self.pending.append(record)
        if self.texts is not None:
            self.texts[article.id] = article.text
        if self.records is not None and record:
            self.records[article.id] = record

    def events(self, results: Iterable[tuple[str, Any]]) -> Iterator[Found]:
        for article, claims in results:
            record = self.pending.popleft()
            if not isinstance(claims, list):  # this article's extraction failed: its error, the others go on
                self.tally.failed_article(article, claims)
                continue
            dicts = [{**c.to_dict(), "record": record} if record else c.to_dict() for c in claims]
            singles = list(getattr(claims, "people", ()))  # read from the parse (`extract.people`)
            for single in singles:
                single["record"] = record
            self.tally.claims += len(dicts)
            yield event_of(record, self.event_field, article, self.notes), dicts, singles
