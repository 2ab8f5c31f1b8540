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
from ..read.common import INPUT_FORMATS, MAX_BYTES
from ..write.export import FORMATS
from .help import option

F = TypeVar("F", bound=Callable[..., Any])


def input_options(f: F) -> F:
    """Where the articles are and how to read them (shared by `extract` and `evaluate`)."""
    for decorator in reversed([
        option("Input", "--glob", default="*.txt", metavar="PATTERN",
               help="Files to read in folders [default: *.txt]."),
        option("Input", "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", metavar="FORMAT",
               help=f"{', '.join(INPUT_FORMATS).replace('auto', 'auto (by extension)')}."),
        option("Input", "--text-field", "--text-column", "text_field", default="text", metavar="NAME",
               help="JSON Lines field / CSV column of the text [default: text]"),
        option("Input", "--id-field", "--id-column", "id_field", default=None, metavar="NAME",
               help="Field / column of the article's id [default: id, else PATH:LINE]"),
        option("Input", "--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, metavar="N",
               help=f"Skip inputs over N bytes [default: {MAX_BYTES}]."),
        option("Input", "--delimiter", default=None, metavar="CHAR",
               help="CSV delimiter [default: sniffed; tab for .tsv]."),
    ]):
        f = decorator(f)
    return f


TITLE_OPTION = option(  # on extract, tolls and report (not evaluate: gold offsets count in the text alone)
    "Input", "--title-field", "--title-column", "title_field", default=None, metavar="NAME", help="JSON Lines field "
    "/ CSV column of the headline, read as the article's first line (offsets count in TITLE + blank line + TEXT).")


def _output_options(what: str, schema: str) -> Callable[[F], F]:
    """What to write and where; the filters apply to every format. `what` is "claim" or "toll"."""

    def decorate(f: F) -> F:
        for decorator in reversed([
            option("Output", "--format", "fmt", type=click.Choice(FORMATS), default=None, metavar="FORMAT",
                   help=f"{', '.join(FORMATS)} [default: table on a terminal, sqlite for -o *.db, else jsonl]."),
            option("Output", "-o", "--output", type=click.Path(), default=None, metavar="FILE",
                   help="Write FILE (atomically) instead of stdout."),
            option("Output", "--fields", default=None, metavar="A,B,C",
                   help=f"Only these {what} fields, in this order (as in `{schema}`)."),
            option("Output", "--type", "types", default=None, metavar="T1,T2",
                   help=f"Only {what}s of these types: killed, injured, missing, casualties, displaced."),
        ]):
            f = decorator(f)
        return f

    return decorate


output_options = _output_options("claim", "casualty schema")
toll_output_options = _output_options("toll", "casualty schema --tolls")


DETAILS_OPTION = option("Output", "--details", is_flag=True, help="Table: add each sentence, figure highlighted.")
TOLL_DETAILS_OPTION = option("Output", "--details", is_flag=True,
                             help="Table: under each toll its evidence and the figures left out, with why.")
# click reads CASUALTY_MODEL and shows it in --help; pipeline.py still tries the defaults after it.
MODEL_OPTION = option("Run", "--model", default=None, envvar="CASUALTY_MODEL", show_envvar=True, metavar="NAME",
                      help="spaCy pipeline to load.")
QUIET_OPTION = option("Output", "-q", "--quiet", is_flag=True, help="No progress, notes or summary on stderr.")


def event_options(f: F) -> F:
    """How records group into events and in what order (shared by `tolls` and `report`)."""
    for decorator in reversed([
        option("Input", "--claims", "claims_path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
               metavar="FILE", help="Read extract's JSON Lines (- for stdin), not PATHS."),
        option("Events", "--event-field", default=None, metavar="FIELD",
               help="Group adjacent records into events by this field."),
        option("Events", "--date-field", default=None, metavar="FIELD",
               help="Order an event's articles by this date field."),
        option("Events", "--dayfirst", is_flag=True, help="Read 05/02/2015 as 5 February."),
    ]):
        f = decorator(f)
    return f


def run_options(f: F) -> F:
    """How to run the pipeline."""
    for decorator in reversed([
        MODEL_OPTION,
        option("Run", "--full", is_flag=True, help="Parse every sentence, not only candidates."),
    ]):
        f = decorator(f)
    return f


def scale_options(f: F) -> F:
    """Where the work runs and how much is said about it (`extract`, `tolls`): see `runner.run`."""
    for decorator in reversed([
        QUIET_OPTION,
        option("Run", "-j", "--jobs", type=click.IntRange(min=0), default=1, metavar="N",
               help="Processes, 0 = one per core [default: 1]."),
        option("Run", "--dask-scheduler", "dask_scheduler", metavar="ADDRESS", default=None,
               help="Run on this Dask cluster (tcp://HOST:8786)."),
        option("Run", "--dask", "dask_local", type=click.Choice(["local"]), default=None, metavar="local",
               help="Run on a new local Dask cluster."),
    ]):
        f = decorator(f)
    return f


class InputProblem(click.ClickException):
    """A problem with what the user asked for (a missing path, a CSV without the column, no model),
    found before any work: one line on stderr, exit code 2, no usage text."""

    exit_code = 2


def usage(e: CasualtyError) -> click.ClickException:
    return InputProblem(str(e))


def read_options(glob: str, input_format: str, text_field: str, id_field: str | None,
                  record_fields: tuple[str, ...] = (), max_bytes: int = MAX_BYTES, delimiter: str | None = None,
                  title_field: str | None = None) -> Any:
    from ..read.inputs import InputOptions

    try:
        return InputOptions(glob=glob, input_format=input_format, text_field=text_field, id_field=id_field,
                            record_fields=record_fields, max_bytes=max_bytes, delimiter=delimiter,
                            title_field=title_field)
    except CasualtyError as e:
        raise usage(e) from e


def default_format(output: str | None, details: bool) -> str:
    from ..write.sqlite import SUFFIXES

    if output and output.lower().endswith(SUFFIXES) and not details:
        return "sqlite"
    return "table" if details or (output is None and sys.stdout.isatty()) else "jsonl"


@contextmanager
def output_to(path: str | None, fmt: str = "jsonl") -> Iterator[Any]:
    """stdout, or FILE written safely; for sqlite the database's own path (`write.sqlite` locks it)."""
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


def types_and_output(types: str | None, output: str | None, inputs: Iterable[str] = (), fmt: str = "",
                     tables: tuple[str, ...] = ("claims", "tolls")) -> Any:
    """The claim types to keep, and a check that -o FILE can be written and is no input, and for `fmt` (a
    database: with the `tables` it writes): before any work (exit 2)."""
    from ..write.export import check_writable, parse_types

    try:
        kinds = parse_types(types)
        if output and output != "-":
            check_writable(output, inputs, fmt, tables)
        return kinds
    except CasualtyError as e:
        raise usage(e) from e


def inputs_and_types(paths: tuple[str, ...], options: Any, types: str | None, output: str | None, fmt: str) -> Any:
    """(The claim types to keep, the inputs to read), checked before any work (exit 2 when wrong)."""
    from ..read.inputs import plan_inputs

    try:
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise usage(e) from e
    return types_and_output(types, output, [s.path for s in plan.sources], fmt), plan


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


def extractor(model: str | None, full: bool, people: bool = False) -> Any:
    """The extractor of a command, loaded before any work: no model is a usage problem (exit 2)."""
    from ..run.runner import make_extractor

    try:
        return make_extractor(model, fast=not full, people=people)
    except CasualtyError as e:
        raise usage(e) from e


def names(text: str | None) -> tuple[str, ...]:
    """"a,b" -> ("a", "b"); None -> ()."""
    return tuple(n.strip() for n in (text or "").split(",") if n.strip())
