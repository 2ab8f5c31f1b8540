"""Where `tolls` and `report` get their events: extract's claims file, or articles run through the
extractor; the grouping itself is library work (`tolls.events`)."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from typing import Any

from ..errors import CasualtyError
from ..tolls.events import ArticleEvents, EventNotes, Found, check_event_field, claims_file_events
from . import options as opt
from .reporter import Reporter


def notes_for(reporter: Reporter, quiet: bool, dayfirst: bool = False) -> EventNotes:
    """Event notes said on the reporter's stderr console; dates read day first when asked."""
    return EventNotes(reporter.say, quiet=quiet, dayfirst=dayfirst)


def claims_events(path: str, event_field: str | None, reporter: Reporter, notes: EventNotes,
                  max_bytes: int | None = None, date_field: str | None = None) -> Callable[[], Iterator[Found]]:
    """extract's JSON Lines grouped into events; a file that cannot be read, or that no record of has the
    event or date field, is a usage problem."""
    try:
        return claims_file_events(path, event_field, reporter, notes, max_bytes, date_field)
    except CasualtyError as e:
        raise opt.usage(e) from e


def article_events(paths: tuple[str, ...], options: Any, event_field: str | None, model: str | None,
                   full: bool, jobs: int, dask: str | None, reporter: Reporter, notes: EventNotes,
                   texts: dict[str, str] | None = None, records: dict[str, dict[str, Any]] | None = None,
                   date_field: str | None = None) -> Callable[[], Iterator[Found]]:
    """Articles -> (event, claims as dicts, people counted one by one), in input order; each
    article's text and record are kept in `texts` and `records` when given (the report shows them).
    Inputs, the event field and the model are checked before any work."""
    from ..read.inputs import plan_inputs

    try:
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise opt.usage(e) from e
    check_record_fields(plan, options, (event_field, date_field))
    extractor = None if dask else opt.extractor(model, full, people=True)  # Dask workers load their own
    grouped = ArticleEvents(event_field, reporter, notes, texts, records)
    reporter.show_progress(plan, options)

    def found() -> Iterator[Found]:
        """The events; the progress bar is gone once they are all found, before any table is drawn."""
        from ..run.runner import run

        articles = reporter.articles_of(plan, options, keep=grouped.keep)
        with reporter.progress or nullcontext():
            yield from grouped.events(run(articles, extractor=extractor, model=model, fast=not full, people=True,
                                          jobs=jobs, dask=dask, done=reporter.advance))

    return found


def check_record_fields(plan: Any, options: Any, fields: Iterable[str | None],
                        say: Callable[[str], None] | None = None) -> None:
    """Each record field asked for is a field of some record of each JSON Lines or CSV input: a misspelt
    --event-field or --date-field is a usage problem before any work; with `say`, a missing --carry field is a
    warning (it is carried as null: dumps differ in their fields)."""
    from ..read.records import sample_fields

    for source in plan.sources:
        for name in filter(None, fields):
            try:
                check_event_field(sample_fields(source, name, options), name, source.path)
            except CasualtyError as e:
                if say is None:
                    raise opt.usage(e) from e
                say(f"casualty: warning: {e}; --carry writes it as null")
