"""How a run meets the operating system: signals, stdout and stderr, and early endings.

Exit codes: 0 every input read; 1 some inputs failed (the rest were still processed and
written); 2 usage error, found before any work; 130 interrupted (Ctrl-C); 141 stdout closed
early (`| head`), quietly, as a process stopped by SIGPIPE.
"""
from __future__ import annotations

import errno
import io
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

from ..errors import CasualtyError
from ..write.terminal import for_terminal

EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 130, 141


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


def on_signal(signum: int, frame: object) -> None:
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


def data_streams() -> None:
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


@contextmanager
def ending(output: str | None = None) -> Iterator[None]:
    """How writing data ends early: quietly when stdout is closed (`| head`, exit 141), on Ctrl-C,
    SIGTERM or SIGHUP (exit 130, 143, 129), and in one line when the output cannot be made or
    written (disk full: exit 1)."""
    try:
        yield
    except BrokenPipeError:
        silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except KeyboardInterrupt as e:
        interrupted(e)
    except CasualtyError as e:
        raise click.ClickException(str(e)) from e
    except OSError as e:
        cannot_write(output, e)


def cannot_write(output: str | None, e: OSError) -> NoReturn:
    """A write that failed (disk full, I/O error): one line, exit 1."""
    if output is None or output == "-":
        silence_stdout()
    message = f"cannot write {output or 'stdout'}: {e.strerror or e}"
    click.echo(f"casualty: error: {for_terminal(message)}", err=True)
    sys.exit(EXIT_FAILED)


def silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the exit flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        pass
