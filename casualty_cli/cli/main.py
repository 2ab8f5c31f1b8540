"""The command group: one-line errors with one prefix, signals handled like Ctrl-C, UTF-8 stdout."""
from __future__ import annotations

import os
import signal
import sys
from typing import Any

import click

from .. import __version__
from ..write.terminal import for_terminal
from .help import SectionedCommand
from .streams import EXIT_BROKEN_PIPE, EXIT_FAILED, data_streams, interrupted, on_signal, silence_stdout


class Casualty(click.Group):
    """The command group. Every error is one line with one prefix, `casualty: error:`;
    SIGTERM and SIGHUP are handled like Ctrl-C; stdout is UTF-8."""

    # Commands in the order of the work: extract claims, build tolls, show them, then the tools.
    ORDER = ("extract", "tolls", "report", "evaluate", "schema")
    command_class = SectionedCommand  # each command's options under headings in --help

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.commands, key=lambda n: self.ORDER.index(n) if n in self.ORDER else len(self.ORDER))

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        data_streams()
        previous = {}
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                if signal.getsignal(signum) != signal.SIG_IGN:  # `nohup`, `cmd &`: ignored stays ignored
                    previous[signum] = signal.signal(signum, on_signal)
            except (ValueError, OSError):  # not the main thread
                pass
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.Abort as e:  # Ctrl-C or a signal outside a command's own handling
            interrupted(e.__cause__ or e.__context__)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx is not None else ""
            click.echo(f"casualty: error: {for_terminal(e.format_message())}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"casualty: error: {for_terminal(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except BrokenPipeError:
            silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError as e:  # stdout gone, a disk error outside the commands' own handling
            click.echo(f"casualty: error: {for_terminal(e.strerror or e)}", err=True)
            sys.exit(EXIT_FAILED)
        except Exception as e:  # a bug: one line, not a traceback, unless asked for
            if os.environ.get("CASUALTY_TRACEBACK"):
                raise
            click.echo(f"casualty: error: internal error: {type(e).__name__}: {for_terminal(e)} "
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
