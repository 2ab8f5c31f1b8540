"""`casualty report`: one self-contained HTML page of claims and tolls."""
from __future__ import annotations

from typing import Any

import click

from . import options as opt
from .events import article_events, claims_events, notes_for
from .main import main
from .reporter import Reporter
from .streams import ending


@main.command(epilog="""
\b
Examples:
  casualty report seeds/ -o report.html
  casualty extract seeds/ --format jsonl > claims.jsonl; casualty report --claims claims.jsonl -o report.html
  casualty report docs.jsonl --text-field content --event-field incident_id --date-field dct -o report.html
""")
@click.argument("paths", nargs=-1)
@opt.input_options
@opt.TITLE_OPTION
@opt.option("Output", "-o", "--output", type=click.Path(), default=None, metavar="FILE",
            help="Write the HTML to FILE (atomically), not stdout.")
@opt.option("Output", "--type", "types", default=None, metavar="T1,T2", help="Only claims of these types.")
@opt.option("Output", "--title", default="Casualty report", show_default=True, help="The page's title.")
@opt.option("Output", "--carry", default=None, metavar="F1,F2", help="Show these record fields under each article "
            "(with --claims: the claims' record); a web address becomes a link.")
@opt.QUIET_OPTION
@opt.run_options
@opt.event_options
def report(paths: tuple[str, ...], glob: str, input_format: str, text_field: str, id_field: str | None,
           max_bytes: int, model: str | None, full: bool, claims_path: str | None, event_field: str | None,
           date_field: str | None, dayfirst: bool, output: str | None, types: str | None, title: str, quiet: bool,
           delimiter: str | None = None, carry: str | None = None, title_field: str | None = None) -> None:
    """Write one self-contained HTML page of the claims in PATHS: tolls per event with charts,
    every article with its claims highlighted, and a table of all claims.

    The page loads nothing from the network and runs no script but its own.
    """
    from ..tolls.rules import stream_tolls
    from ..write.report import article_meta, missing_fields, render_report

    if bool(paths) == bool(claims_path):
        raise click.UsageError("give either PATHS or --claims FILE")
    # With --claims, --title-field names the claims' record field that holds the headline (as --event-field
    # and --date-field do): `extract --title-field title --carry title` writes it there.
    if output and opt.default_format(output, False) == "sqlite":  # an HTML page in claims.db would replace it
        raise click.UsageError(f"report writes an HTML page, not a database: -o {output}")
    kinds = opt.types_and_output(types, output, [*paths, *([claims_path] if claims_path else [])], "html")
    reporter = Reporter(quiet=quiet)
    notes = notes_for(reporter, quiet, dayfirst)
    texts: dict[str, str] | None = None
    records: dict[str, dict[str, Any]] = {}
    carried = opt.names(carry)
    if claims_path:
        found = claims_events(claims_path, event_field, reporter, notes, max_bytes, date_field)
    else:
        texts = {}
        wanted = tuple(dict.fromkeys(f for f in (event_field, date_field, *carried) if f))
        options = opt.read_options(glob, input_format, text_field, id_field, wanted, max_bytes, delimiter, title_field)
        found = article_events(paths, options, event_field, model, full, 1, None, reporter, notes, texts, records,
                               date_field)
    articles = []  # (event, claims, people counted one by one) of each article, in input order
    for event, claims, singles in found():
        for claim in claims[:1]:  # --claims: the article's record comes with its claims
            records.setdefault(str(claim["article"]), claim.get("record") or {})
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
    meta = {a: article_meta(r, title_field, date_field, carried) for a, r in records.items()}
    members: dict[str, list[str]] = {}
    for event, found_claims, singles in articles:
        for a in dict.fromkeys([*(str(c["article"]) for c in found_claims), *(str(s["article"]) for s in singles)]):
            members.setdefault(event, []).append(a)
    with ending(output), opt.output_to(output) as out:
        out.writelines(render_report(claims, tolls, texts=texts, skipped=reporter.skipped, title=title, meta=meta,
                                     event_articles=members))
    notes.close()
    reporter.finish()
