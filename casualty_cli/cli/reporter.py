"""Everything a command tells the user besides its data, on stderr: notes, progress, the summary."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import click

from ..claims import Article
from .streams import EXIT_FAILED


def stderr_is_terminal() -> bool:
    """Whether to draw a progress bar (a function so tests can turn the bar on)."""
    return sys.stderr.isatty()


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

    def show_progress(self, plan: Any, options: Any) -> None:
        """A bar when stderr is a terminal and there is more than one article to count, with their
        number where it is cheap to know (`inputs.expected_articles`)."""
        from ..read.inputs import expected_articles

        if self.quiet or not stderr_is_terminal():
            return
        total = expected_articles(plan, options)
        if total is None or total > 1:
            self.progress = progress_bar(self.err, total)

    def say(self, message: str) -> None:
        from ..write.terminal import for_terminal

        (self.progress.console if self.progress else self.err).print(for_terminal(message), markup=False,
                                                                     highlight=False)

    def advance(self, n: int = 1) -> None:
        """`n` more articles done: extracted, or given up with a note."""
        if self.progress:
            self.progress.advance(self.progress.task_ids[0], n)

    def articles_of(self, plan: Any, options: Any, keep: Callable[[Article], object] | None = None,
                    ) -> Iterator[Article]:
        """The (id, text) of every article of `plan`, in order; notes said and counted on the way.

        Each article is shown to `keep` before it is handed on (to hold its record or text until
        its claims come back)."""
        from ..read.inputs import Article, UniqueIds, read_source

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
                    if keep is not None:
                        keep(item)
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


def progress_bar(console: Any, total: int | None) -> Any:
    """A transient bar on stderr that never captures stdout (the data must reach its pipe): articles
    done (of how many, when known), their rate, the time taken and, with a total, the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.1f}/s" if task.speed else "")

    if not console.is_terminal:
        console = type(console)(stderr=True, force_terminal=True, highlight=False)
    columns = [TextColumn("articles"), BarColumn(), MofNCompleteColumn(), Rate(), TimeElapsedColumn()]
    if total is not None:
        columns += [TextColumn("eta"), TimeRemainingColumn()]
    progress = Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
    progress.add_task("articles", total=total)
    return progress
