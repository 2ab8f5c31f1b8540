"""The JSON Schema (draft 2020-12) of one claim, as written by `--format json/jsonl`.

Built from the `Claim` dataclass and the closed vocabularies (types, qualifiers), so the
schema cannot drift from the output; `tests/test_export.py` validates real output against it.
"""
from __future__ import annotations

from typing import Any

from .claims import CLAIM_TYPES, FIELDS
from .extract.numbers import QUALIFIERS

_STR = {"type": "string"}
_STR_OR_NULL = {"type": ["string", "null"]}
_INT_OR_NULL = {"type": ["integer", "null"]}

_PROPERTIES: dict[str, dict[str, Any]] = {
    "id": {**_STR, "description": "<article>#<n>, n counting claims from 1 in text order"},
    "article": {**_STR, "description": "the input: the path as given, '-' for stdin, or the record id"},
    "type": {"enum": list(CLAIM_TYPES), "description": "what happened to the people counted"},
    "value": {"type": "integer", "description": "the figure as stated; the low end of a range"},
    "low": {**_INT_OR_NULL, "description": "inclusive lower bound the wording implies"},
    "high": {**_INT_OR_NULL, "description": "inclusive upper bound the wording implies"},
    "qualifier": {"enum": list(QUALIFIERS), "description": "the hedge"},
    "quantity": {**_STR, "minLength": 1, "description": "the number phrase as written"},
    "victims": {**_STR_OR_NULL, "description": "head noun of the harmed group"},
    "source": {**_STR_OR_NULL, "description": "who the claim is attributed to"},
    "source_title": {**_STR_OR_NULL, "description": "the speaker's role"},
    "via": {**_STR_OR_NULL, "description": "outlet or channel the source spoke through"},
    "cue": {**_STR_OR_NULL, "description": "the attribution cue"},
    "location": {**_STR_OR_NULL, "description": "place named in the same sentence"},
    "part_of": {**_STR_OR_NULL, "description": "id of the claim this one breaks down"},
    "superseded_by": {**_STR_OR_NULL, "description": "id of the claim that revises this figure in the same sentence"},
    "sentence": {**_STR, "description": "the whole sentence, as evidence"},
    "start": {"type": "integer", "minimum": 0, "description": "offset of quantity (Python characters)"},
    "end": {"type": "integer", "minimum": 0, "description": "end offset: text[start:end] == quantity"},
}


def claim_schema() -> dict[str, Any]:
    """The schema of one claim object; every field is required, no others are allowed."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "casualty claim",
        "description": "One numeric casualty claim (claim-spec.md section 2).",
        "type": "object",
        "properties": {name: _PROPERTIES[name] for name in FIELDS},
        "required": list(FIELDS),
        "additionalProperties": False,
    }
