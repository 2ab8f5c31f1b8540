"""Where `tolls` and `report` get their events: extract's claims file, or articles run through the
extractor; the grouping itself is library work (`tolls.events`)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..errors import CasualtyError
from ..tolls.events import ArticleEvents, EventNotes, Found, check_event_field, claims_file_events
from . import options as opt
from .reporter import Reporter


def notes_for(reporter: Reporter, quiet: bool, dayfirst: bool = False) -> EventNotes:
    """Event notes said on the reporter's stderr console; dates read day first when asked."""
    return EventNotes(reporter.say, quiet=quiet, dayfirst=dayfirst)


def claims_events(path: str, event_field: str | None, reporter: Reporter,
                  notes: EventNotes, max_bytes: int | None = None) -> Callable[[], Iterator[Found]]:
    """extract's JSON Lines grouped into events; a file that cannot be read is a usage problem."""
    try:
        return claims_file_events(path, event_field, reporter, notes, max_bytes)
    except CasualtyError as e:
        raise opt.usage(e) from e


def article_events(paths: tuple[str, ...], options: Any, event_field: str | None, model: str | None,
                   full: bool, jobs: int, dask: str | None, reporter: Reporter, notes: EventNotes,
                   texts: dict[str, str] | None = None,
                   records: dict[str, dict[str, Any]] | None = None) -> Callable[[], Iterator[Found]]:
    """Articles -> (event, claims as dicts, people counted one by one), in input order; each
    article's text and record are kept in `texts` and `records` when given (the report shows them).
    Inputs, the event field and the model are checked before any work."""
    from ..read.inputs import plan_inputs, sample_fields

    try:
        plan = plan_inputs(paths, options)
        if event_field:
            for source in plan.sources:
                check_event_field(sample_fields(source, event_field, options), event_field, source.path)
    except CasualtyError as e:
        raise opt.usage(e) from e
    extractor = None if dask else opt.extractor(model, full, people=True)  # Dask workers load their own
    grouped = ArticleEvents(event_field, reporter, notes, texts, records)
    reporter.show_progress(plan, options)

    def found() -> Iterator[Found]:
        """The events; the progress bar is gone once they are all found, before any table is drawn."""
        from ..run.runner import run

        articles = reporter.articles_of(plan, options, keep=grouped.keep)
        with reporter.progress or opt.nothing():
            yield from grouped.events(run(articles, extractor=extractor, model=model, fast=not full, people=True,
                                          jobs=jobs, dask=dask, done=reporter.advance))

    return found
