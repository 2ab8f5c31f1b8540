"""`casualty tolls`: one toll per event and type, to stdout or -o FILE."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import click

from ..errors import CasualtyError
from . import options as opt
from .events import article_events, claims_events, notes_for
from .main import main
from .reporter import Reporter
from .streams import ending, whole_writes

TOLL_EXAMPLES = """
\b
Examples:
  casualty tolls seeds/                        # one toll per article and type, a table on a terminal
  casualty tolls docs.jsonl --text-field content --title-field title --event-field incident_id --date-field dct
  casualty extract dump.jsonl --carry incident_id | casualty tolls --claims - --event-field incident_id
  casualty tolls seeds/ --details              # under each toll its evidence and what was left out
  casualty tolls seeds/ --format csv --type killed -o tolls.csv
  casualty tolls seeds/ -o tolls.db            # SQLite: a `tolls` table keyed by event and type
"""


@main.command(epilog=TOLL_EXAMPLES)
@click.argument("paths", nargs=-1)
@opt.input_options
@opt.TITLE_OPTION
@opt.toll_output_options
@opt.TOLL_DETAILS_OPTION
@opt.run_options
@opt.scale_options
@opt.event_options
def tolls(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
          max_bytes: int, fmt: str | None, output: str | None, fields: str | None, types: str | None, details: bool,
          model: str | None, full: bool, quiet: bool, jobs: int, dask_scheduler: str | None,
          dask_local: str | None, claims_path: str | None, event_field: str | None,
          date_field: str | None, dayfirst: bool, delimiter: str | None = None,
          title_field: str | None = None) -> None:
    """One toll per event and type: the figure to quote, its range, who says what, its history.

    Reads the same inputs as `extract` (or its JSON Lines with --claims). Tolls go to stdout
    (or -o FILE) as a table, JSON, JSON Lines or CSV. Exit status as for `extract`.
    """
    from ..write.toll_output import parse_toll_fields

    if bool(paths) == bool(claims_path):
        raise click.UsageError("give either PATHS or --claims FILE")
    if claims_path and title_field:
        raise click.UsageError("--title-field applies to PATHS: with --claims the headlines were read by extract")
    if dask_scheduler and dask_local:
        raise click.UsageError("--dask local and --dask-scheduler exclude each other")
    fmt = fmt or opt.default_format(output, details)
    if details and fmt != "table":
        raise click.UsageError(f"--details applies to --format table, not {fmt}")
    if fmt == "sqlite" and (output is None or output == "-" or fields):
        raise click.UsageError("--format sqlite writes a database file: give -o FILE.db, and no --fields")
    try:
        wanted = parse_toll_fields(fields)
    except CasualtyError as e:
        raise opt.usage(e) from e
    kinds = opt.types_and_output(types, output, [*paths, *([claims_path] if claims_path else [])], fmt, ("tolls",))
    jobs = opt.cap_jobs(jobs, quiet)
    reporter = Reporter(quiet=quiet)
    notes = notes_for(reporter, quiet, dayfirst)
    if claims_path:
        found = claims_events(claims_path, event_field, reporter, notes, max_bytes, date_field)
    else:
        record_fields = tuple(f for f in (event_field, date_field) if f)
        options = opt.read_options(glob, input_format, text_field, id_field, record_fields, max_bytes, delimiter,
                                   title_field)
        found = article_events(paths, options, event_field, model, full, jobs, dask_scheduler or dask_local,
                               reporter, notes, date_field=date_field)
    from ..tolls.rules import stream_tolls

    def date_of(c: dict[str, Any]) -> str | None:
        raw = (c.get("record") or {}).get(date_field) if date_field else None
        return notes.date(c, raw)

    with ending(output), opt.output_to(output, fmt) as out, \
            opt.undone_on_error(_toll_writer(fmt, out, wanted if fields else None, output, details,
                                             None if quiet else reporter.say)) as writer:
        events = notes.returns(found())
        if details:  # the table shows each toll's evidence sentences: the writer reads them off the claims
            events = _shown(events, writer)
        for toll in stream_tolls(events, date_of=date_of if date_field else None, types=kinds):
            with whole_writes():
                writer.write([toll])
        with whole_writes():
            writer.close()
    notes.close()
    reporter.finish()


def _shown(events: Iterator[Any], writer: Any) -> Iterator[Any]:
    for event in events:
        writer.keep(event[1])
        yield event


def _toll_writer(fmt: str, out: Any, fields: tuple[str, ...] | None, shown: str | None = None,
                 details: bool = False, say: Callable[[str], None] | None = None) -> Any:
    from ..write.toll_output import TOLL_FIELDS, TollTableWriter, TollWriter

    if fmt == "sqlite":  # `out` is the database's path
        from ..write.sqlite import TollSqliteWriter

        return TollSqliteWriter(out, shown=shown)
    if fmt == "table":
        from rich.console import Console

        return TollTableWriter(Console(file=out, soft_wrap=False), fields=fields, details=details, say=say)
    return TollWriter(fmt, out, fields or TOLL_FIELDS)


