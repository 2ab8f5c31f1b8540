"""`casualty extract`: the claims of every article, to stdout or -o FILE."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import click

from ..claims import Article
from ..errors import CasualtyError
from . import options as opt
from .events import check_record_fields
from .main import main
from .reporter import Reporter
from .streams import ending, whole_writes

EXAMPLES = """
\b
Examples:
  casualty extract seeds/                      # a table on a terminal
  casualty extract seeds/ --format jsonl | jq .quantity
  casualty extract seeds/ --format table --details --type killed
  casualty extract article.txt --format csv -o claims.csv
  casualty extract dump.jsonl --text-field content --id-field doc_id --title-field title
  casualty extract fakes.csv --text-column article_content --id-column unit_id
  casualty extract pages/ --glob '*.html' --fields id,type,value,source
  cat article.txt | casualty extract -
"""


@main.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True)
@opt.input_options
@opt.TITLE_OPTION
@opt.output_options
@opt.DETAILS_OPTION
@opt.option("Output", "--carry", default=None, metavar="F1,F2",
            help="Copy these record fields into each claim (`record`).")
@opt.run_options
@opt.scale_options
def extract(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
            max_bytes: int, fmt: str | None, output: str | None, fields: str | None, types: str | None, details: bool,
            model: str | None, full: bool, quiet: bool, jobs: int = 1, dask_scheduler: str | None = None,
            dask_local: str | None = None, carry: str | None = None, delimiter: str | None = None,
            title_field: str | None = None) -> None:
    """Extract the casualty claims of PATHS: files, folders, JSON Lines, CSV, HTML, or - for stdin.

    Claims go to stdout (or -o FILE) as a table, JSON, JSON Lines or CSV; progress, notes
    and a one-line summary go to stderr. Exit status: 0 every input read, 1 some inputs
    failed (the rest are still written), 2 usage error, 130 interrupted.
    """
    from ..write.export import keep, parse_fields

    reporter = Reporter(quiet=quiet)  # its clock starts now: the summary's time includes loading the model
    if fmt is None:
        fmt = opt.default_format(output, details)
    if fmt == "sqlite" and (output is None or output == "-" or fields):
        raise click.UsageError("--format sqlite writes a database file: give -o FILE.db, and no --fields")
    if details and fmt != "table":
        raise click.UsageError(f"--details applies to --format table, not {fmt}")
    carry_fields = opt.names(carry)
    if carry is not None and not carry_fields:
        raise click.UsageError(f"--carry: expected field names such as incident,dct, got {carry!r}")
    if carry_fields and fmt == "table":
        raise click.UsageError("--carry applies to --format json, jsonl, csv or sqlite, not table")
    options = opt.read_options(glob, input_format, text_field, id_field, carry_fields, max_bytes, delimiter,
                               title_field)
    try:
        wanted = parse_fields(fields)
    except CasualtyError as e:
        raise opt.usage(e) from e
    kinds, plan = opt.inputs_and_types(paths, options, types, output, fmt)
    check_record_fields(plan, options, carry_fields, (lambda _: None) if quiet else reporter.say)
    if dask_scheduler and dask_local:
        raise click.UsageError("--dask local and --dask-scheduler exclude each other")
    if dask_scheduler:
        opt.check_scheduler(dask_scheduler)
    jobs = opt.cap_jobs(jobs, quiet)
    dask = dask_scheduler or dask_local
    extractor = None if dask else opt.extractor(model, full)  # Dask workers load their own
    reporter.show_progress(plan, options)
    carried: deque[dict[str, Any] | None] = deque()  # each article's record, until its claims come back
    with ending(output), opt.output_to(output, fmt) as out, \
            opt.undone_on_error(_writer(fmt, out, wanted if fields else None, details, carry_fields, output,
                                        None if quiet else reporter.say)) as writer:
        from ..run.runner import run

        articles = reporter.articles_of(plan, options, keep=lambda a: carried.append(_record(a)))
        with reporter.progress or nullcontext():
            for article, claims in run(articles, extractor=extractor, model=model, fast=not full, jobs=jobs,
                                       dask=dask, done=reporter.advance):
                record = carried.popleft()
                if not isinstance(claims, list):  # this article's extraction failed: its error only
                    reporter.failed_article(article, claims)
                    continue
                kept = keep(claims, kinds)
                with whole_writes():
                    if fmt == "sqlite":  # replaces the article's rows of an earlier run, also with no claims now
                        writer.write(kept, article, record)
                    elif carry_fields:
                        writer.write(kept, record)
                    else:
                        writer.write(kept)
                reporter.claims += len(kept)
        with whole_writes():
            writer.close()  # after the bar is gone: the table must not start on its line
    reporter.finish()


def _record(article: Article) -> dict[str, Any] | None:
    """The record fields a JSON Lines / CSV article carries (`read.common.RecordArticle`), else None."""
    return getattr(article, "record", None)


def _writer(fmt: str, out: Any, fields: tuple[str, ...] | None, details: bool,
            carry: tuple[str, ...] = (), shown: str | None = None, say: Callable[[str], None] | None = None) -> Any:
    if fmt == "sqlite":
        from ..write.sqlite import SqliteWriter

        return SqliteWriter(out, carry, shown=shown)
    if fmt == "table":
        from rich.console import Console

        from ..write.render import TableWriter

        return TableWriter(Console(file=out, soft_wrap=False), details=details, fields=fields, say=say)
    from ..claims import FIELDS
    from ..write.export import make_writer

    return make_writer(fmt, out, fields or FIELDS, carry)
