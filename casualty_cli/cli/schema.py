"""`casualty schema`: the JSON Schema of one claim, or of one toll."""
from __future__ import annotations

import json

import click

from .main import main


@main.command(epilog="""
\b
Examples:
  casualty schema > claim.schema.json
  casualty extract seeds/ --format json | check-jsonschema --schemafile claim.schema.json -
  casualty schema --tolls > toll.schema.json
""")
@click.option("--tolls", "tolls", is_flag=True, help="The schema of one toll (`casualty tolls`) instead.")
def schema(tolls: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of one claim, as written by --format json and jsonl
    (with --carry, each claim has a `record` object too), or with --tolls of one toll."""
    from ..schema import claim_schema, toll_schema

    click.echo(json.dumps(toll_schema() if tolls else claim_schema(), indent=2, ensure_ascii=False))
