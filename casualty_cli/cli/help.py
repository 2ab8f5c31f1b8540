"""--help under headings: each option names its section (input, output, run, events) and a command
lists its options section by section, one short line each where it can."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# The headings of a command's --help, in this order; an option under none is listed last, under "Options".
SECTIONS = ("Input", "Output", "Run", "Events")
# The widest option names in the left column of --help; longer ones get a line of their own.
COLUMN = 24


class SectionOption(click.Option):
    """An option that names the heading of `--help` it is listed under (`SectionedCommand`)."""

    def __init__(self, *args: Any, section: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        """One name in the left column (an alias such as --text-column is said in the help), so
        the column stays narrow and the help one line."""
        record = super().get_help_record(ctx)
        aliases = [o for o in self.opts if o.startswith("--")][1:]
        if record is None or not aliases:
            return record
        names, text = record
        return names.replace(", " + ", ".join(aliases), ""), f"{text} (or {', '.join(aliases)})"

    def get_help_extra(self, ctx: click.Context) -> Any:
        extra = super().get_help_extra(ctx)
        extra.pop("range", None)  # "x>=1": the help says what N is
        return extra


class SectionedCommand(click.Command):
    """A command whose --help lists its options under headings (input, output, run, events), so that
    60 lines of options read as four short lists. `-h` works on the command itself too (click keeps
    the help option of a command's first context, which is the group's only when run through it)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["context_settings"] = {"help_option_names": ["-h", "--help"], **(kwargs.get("context_settings") or {})}
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is not None:
                groups.setdefault(getattr(param, "section", ""), []).append(record)
        # One left column for all headings, as wide as the widest name up to COLUMN.
        width = min(max((len(n) for rows in groups.values() for n, _ in rows), default=0), COLUMN)
        for name in (*SECTIONS, ""):
            if name in groups:
                with formatter.section(f"{name} options" if name else "Options"):
                    formatter.write_dl([(n.ljust(width), text) for n, text in groups[name]], col_max=COLUMN)


def option(section: str, *names: str, **attrs: Any) -> Callable[[F], F]:
    """`click.option` listed under `section` in --help."""
    return click.option(*names, cls=SectionOption, section=section, **attrs)
