"""`casualty schema`: the JSON Schema of one claim."""
from __future__ import annotations

import json

import click

from .main import main


@main.command(epilog="""
\b
Examples:
  casualty schema > claim.schema.json
  casualty extract seeds/ --format json | check-jsonschema --schemafile claim.schema.json -
""")
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one claim, as written by --format json and jsonl."""
    from ..schema import claim_schema

    click.echo(json.dumps(claim_schema(), indent=2, ensure_ascii=False))
