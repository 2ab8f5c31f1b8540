"""Articles and claims grouped into events, ready for `rules.stream_tolls`.

Two sources feed the tolls: extract's JSON Lines (`claims_file_events`) and the extractor's own
results (`extracted_events`). Each yields `(event, claims of one article as dicts, people counted one
by one)` in input order. What a run should tell the user (a bad line, a record without the event
field, an event whose records come back later) goes to `EventNotes.say`, a callable the caller
chooses: the library never prints. Usable from a notebook without click.
"""
from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Protocol

from ..claims import Article
from ..errors import InputError
from .singles import read_singles

# (event, claims of one article, people counted one by one)
Found = tuple[str, list[dict[str, Any]], list[dict[str, Any]]]
# How many events are watched for records that come back after other events' (a set of their keys).
RETURNS_WATCHED = 10_000
# How many claims are read to learn the record fields before the event field is refused.
FIELD_SAMPLE = 100


class Tally(Protocol):
    """What a run counts for its summary (the CLI's `Reporter` is one)."""

    articles: int
    claims: int
    failed: int

    def failed_article(self, article: str, error: object) -> None: ...


class EventNotes:
    """Notes of a toll run: each unparseable date once, records without the event field in one line,
    events whose records come back after other events'."""

    def __init__(self, say: Callable[[str], None], *, quiet: bool = False) -> None:
        self.say, self.quiet = say, quiet
        self.own_events = 0
        self.bad_dates: set[str] = set()
        self.returned: dict[str, None] = {}  # events that came back, in order (at most one entry per event)

    def date(self, claim: dict[str, Any], raw: Any) -> str | None:
        """The claim's article date as given, noting once per article a date that cannot be read."""
        from .rules import parse_date

        if raw in (None, ""):
            return None
        article = str(claim.get("article"))
        if parse_date(str(raw)) is None and article not in self.bad_dates and not self.quiet:
            if len(self.bad_dates) < 1000:  # bounded: a note per article, not a set the size of the input
                self.bad_dates.add(article)
            self.say(f"casualty: {article}: date {raw!r} not understood, ordered as unknown")
        return str(raw)

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
    return str(value)


def check_event_field(names: set[str] | None, field: str, where: str) -> None:
    """Refuse an event field that no record of `where` has (`names` None: unknown, not checked)."""
    if names is not None and field not in names:
        raise InputError(f"{where}: no record has the field {field!r} (fields: {', '.join(sorted(names)) or 'none'})")


def _open(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e


def claims_file_events(path: str, event_field: str | None, tally: Tally,
                       notes: EventNotes) -> Callable[[], Iterator[Found]]:
    """extract's JSON Lines (`-` for stdin) -> (event, claims of one article, no singles); a malformed
    line is noted with its number and skipped. The event field is checked before any work."""
    from itertools import chain, islice

    handle = _open(path)
    lines = iter(enumerate(handle, start=1))
    head = list(islice(lines, FIELD_SAMPLE))
    if event_field:
        names: set[str] = set()
        for _, line in head:
            try:
                names.update(json.loads(line).get("record") or {})
            except (ValueError, AttributeError):
                continue
        check_event_field(names, event_field, f"{path} (the claims' record)")

    def found() -> Iterator[Found]:
        article: str | None = None
        group: list[dict[str, Any]] = []
        for number, line in chain(head, lines):
            if not line.strip():
                continue
            try:
                claim = json.loads(line)
                if not isinstance(claim, dict) or "article" not in claim or "type" not in claim:
                    raise ValueError("expected a claim object with 'article' and 'type'")
            except ValueError as e:
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
        if handle is not sys.stdin:
            handle.close()

    return found


class ArticleEvents:
    """Pairs each article with its claims once they come back from the extractor.

    `keep` sees each article on its way in (its record and the people it describes one by one are held;
    its text too when `texts` is given, for the report); `events` turns the extractor's
    `(article, claims or error)` results into `Found`, in input order.
    """

    def __init__(self, event_field: str | None, tally: Tally, notes: EventNotes,
                 texts: dict[str, str] | None = None) -> None:
        self.event_field, self.tally, self.notes, self.texts = event_field, tally, notes, texts
        self.pending: deque[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = deque()

    def keep(self, article: Article) -> None:
        self.pending.append((getattr(article, "record", None), read_singles(article.text, article.id)))
        if self.texts is not None:
            self.texts[article.id] = article.text

    def events(self, results: Iterable[tuple[str, Any]]) -> Iterator[Found]:
        for article, claims in results:
            record, singles = self.pending.popleft()
            if not isinstance(claims, list):  # this article's extraction failed: its error, the others go on
                self.tally.failed_article(article, claims)
                continue
            dicts = [{**c.to_dict(), "record": record} if record else c.to_dict() for c in claims]
            singles = singles + list(getattr(claims, "people", ()))  # read from the parse (`extract.people`)
            for single in singles:
                single["record"] = record
            self.tally.claims += len(dicts)
            yield event_of(record, self.event_field, article, self.notes), dicts, singles
