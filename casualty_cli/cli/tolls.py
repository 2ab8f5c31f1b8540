"""`casualty tolls`: one toll per event and type, to stdout or -o FILE."""
from __future__ import annotations

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
  casualty tolls documents.jsonl --text-field content --event-field incident_id --date-field dct
  casualty extract dump.jsonl --carry incident_id | casualty tolls --claims - --event-field incident_id
  casualty tolls seeds/ --format csv --type killed -o tolls.csv
"""


@main.command(epilog=TOLL_EXAMPLES)
@click.argument("paths", nargs=-1)
@opt.input_options
@opt.output_options
@opt.run_options
@opt.scale_options
@opt.event_options
def tolls(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
          max_bytes: int, fmt: str | None, output: str | None, fields: str | None, types: str | None,
          model: str | None, full: bool, quiet: bool, jobs: int, dask_scheduler: str | None,
          dask_local: str | None, claims_path: str | None, event_field: str | None,
          date_field: str | None, dayfirst: bool, delimiter: str | None = None) -> None:
    """One toll per event and type: the figure to quote, its range, who says what, its history.

    Reads the same inputs as `extract` (or its JSON Lines with --claims). Tolls go to stdout
    (or -o FILE) as a table, JSON, JSON Lines or CSV. Exit status as for `extract`.
    """
    from ..write.toll_output import parse_toll_fields

    if bool(paths) == bool(claims_path):
        raise click.UsageError("give either PATHS or --claims FILE")
    if dask_scheduler and dask_local:
        raise click.UsageError("--dask local and --dask-scheduler exclude each other")
    fmt = fmt or opt.default_format(output, False)
    if fmt == "sqlite" and (output is None or output == "-" or fields):
        raise click.UsageError("--format sqlite writes a database file: give -o FILE.db, and no --fields")
    try:
        wanted = parse_toll_fields(fields)
    except CasualtyError as e:
        raise opt.usage(e) from e
    kinds = opt.types_and_output(types, output, [*paths, *([claims_path] if claims_path else [])])
    jobs = opt.cap_jobs(jobs, quiet)
    reporter = Reporter(quiet=quiet)
    notes = notes_for(reporter, quiet, dayfirst)
    if claims_path:
        found = claims_events(claims_path, event_field, reporter, notes, max_bytes)
    else:
        record_fields = tuple(f for f in (event_field, date_field) if f)
        options = opt.read_options(glob, input_format, text_field, id_field, record_fields, max_bytes, delimiter)
        found = article_events(paths, options, event_field, model, full, jobs, dask_scheduler or dask_local,
                                    reporter, notes)
    from ..tolls.rules import stream_tolls

    def date_of(c: dict[str, Any]) -> str | None:
        raw = (c.get("record") or {}).get(date_field) if date_field else None
        return notes.date(c, raw)

    with ending(output), opt.output_to(output, fmt) as out, \
            opt.undone_on_error(_toll_writer(fmt, out, wanted if fields else None, output)) as writer:
        for toll in stream_tolls(notes.returns(found()), date_of=date_of if date_field else None, types=kinds):
            with whole_writes():
                writer.write([toll])
        with whole_writes():
            writer.close()
    notes.close()
    reporter.finish()


def _toll_writer(fmt: str, out: Any, fields: tuple[str, ...] | None, shown: str | None = None) -> Any:
    from ..write.toll_output import TOLL_FIELDS, TollTableWriter, TollWriter

    if fmt == "sqlite":  # `out` is the database's path
        from ..write.sqlite import TollSqliteWriter

        return TollSqliteWriter(out, shown=shown)
    if fmt == "table":
        from rich.console import Console

        return TollTableWriter(Console(file=out, soft_wrap=False), fields=fields)
    return TollWriter(fmt, out, fields or TOLL_FIELDS)


