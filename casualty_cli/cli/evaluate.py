"""`casualty evaluate`: precision, recall and field accuracies against a gold set."""
from __future__ import annotations

import click

from ..errors import CasualtyError
from . import options as opt
from .main import main
from .reporter import Reporter


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
@opt.run_options
@click.option("--show/--no-show", default=True, help="List missed, spurious and wrong-source claims.")
@click.argument("paths", nargs=-1, required=True)
@opt.input_options
def evaluate(gold_path: str, pred_path: str | None, model: str | None, full: bool, show: bool,
             paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
             max_bytes: int, delimiter: str | None = None) -> None:
    """Precision, recall and F1 of detection and typing, and field accuracies, against a gold set.

    PATHS are the articles the gold set labels (claims found in an article
    with no gold claim count as spurious).
    """
    from pathlib import PurePath

    from ..evaluate import read_rows, report, score
    from ..read.inputs import plan_inputs

    options = opt.read_options(glob, input_format, text_field, id_field, max_bytes=max_bytes, delimiter=delimiter)
    try:
        gold = read_rows(gold_path)
        pred = read_rows(pred_path) if pred_path else None
        plan = plan_inputs(paths, options)
    except CasualtyError as e:
        raise opt.usage(e) from e
    if pred is None:
        extractor = opt.extractor(model, full)
        articles = Reporter(quiet=True).articles_of(plan, options)
        pred = [c.to_dict() for _, claims in extractor.extract_many(articles) if isinstance(claims, list)
                for c in claims]
    result = score(gold, pred, {PurePath(source.path).name for source in plan.sources})
    from ..write.terminal import for_terminal

    for line in report(result):
        click.echo(for_terminal(line))
    if show:
        for line in result.missed:
            click.echo(f"missed: {for_terminal(line)}")
        for line in result.spurious:
            click.echo(f"spurious: {for_terminal(line)}")
        for line in result.wrong["source"]:
            click.echo(f"wrong_source: {for_terminal(line)}")
