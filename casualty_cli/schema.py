"""The JSON Schemas (draft 2020-12) of one claim and of one toll, as written by `--format json/jsonl`.

Built from the `Claim` and `Toll` dataclasses and the closed vocabularies (types, qualifiers,
exclusion reasons), so a schema cannot drift from the output; `tests/test_schema.py` validates
real output of every format against them.
"""
from __future__ import annotations

from typing import Any

from .claims import CLAIM_TYPES, FIELDS
from .extract.numbers import QUALIFIERS
from .tolls.relations import EXCLUSION_REASONS
from .tolls.rules import TOLL_FIELDS

DRAFT = "https://json-schema.org/draft/2020-12/schema"

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


# `extract --carry F1,F2`: the article's record fields, each null when the record lacks it.
RECORD = {"type": "object", "description": "the article's record fields named by --carry, in that order (null "
          "when the record lacks one); present only with --carry"}


def claim_schema() -> dict[str, Any]:
    """The schema of one claim object; every field is required, no others are allowed but `record` (`--carry`)."""
    return {
        "$schema": DRAFT,
        "title": "casualty claim",
        "description": "One numeric casualty claim (claim-spec.md section 2).",
        "type": "object",
        "properties": {**{name: _PROPERTIES[name] for name in FIELDS}, "record": RECORD},
        "required": list(FIELDS),
        "additionalProperties": False,
    }


def _closed(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": properties, "required": list(properties),
            "additionalProperties": False}


_QUALIFIER_OR_NULL = {"enum": [*QUALIFIERS, None]}
_SOURCE = _closed({
    "source": {**_STR_OR_NULL, "description": "the source as a reader cites it; null: the article's own voice"},
    "value": {"type": "integer", "description": "its latest whole-event figure"},
    "qualifier": {**_QUALIFIER_OR_NULL, "description": "the figure's hedge"},
    "low": _INT_OR_NULL, "high": _INT_OR_NULL,
    "article": {**_STR_OR_NULL, "description": "the article that gives it"},
    "date": {**_STR_OR_NULL, "description": "that article's date as given, null without dates"},
    "id": {**_STR, "description": "the claim id (<article>#single: people described one by one; "
                          "<article>#derived: injured as the people shot less the killed, the claims in evidence)"},
}, "one source with its latest whole-event figure")
_REVISION = _closed({
    "value": {"type": "integer", "description": "the figure replaced"},
    "replaced_by": {"type": "integer", "description": "the figure that replaced it"},
    "id": {**_STR, "description": "claim id of the replaced figure"},
    "by_id": {**_STR, "description": "claim id of the figure that replaced it"},
    "date": {**_STR_OR_NULL, "description": "the date of the replacing figure's article"},
}, "one update of the whole figure")
_EXCLUDED = _closed({
    "id": {**_STR, "description": "the claim left out"},
    "value": {"type": "integer", "description": "its figure"},
    "reason": {"enum": list(EXCLUSION_REASONS), "description": "why it was left out"},
}, "a figure of the event that best, low and high leave out")

_TOLL_PROPERTIES: dict[str, dict[str, Any]] = {
    "event": {**_STR, "description": "the event key: the article, or the --event-field value"},
    "type": {"enum": list(CLAIM_TYPES), "description": "what happened to the people counted"},
    "best": {**_INT_OR_NULL, "minimum": 0, "description": "the figure to quote; null when no figure is given"},
    "low": {**_INT_OR_NULL, "description": "smallest whole-event figure among the sources"},
    "high": {**_INT_OR_NULL, "description": "largest whole-event figure among the sources; null when open-ended"},
    "best_qualifier": {**_QUALIFIER_OR_NULL, "description": "the hedge of best (more_than: 'more than 500')"},
    "sources": {"type": "array", "items": _SOURCE, "description": "each distinct source once"},
    "disagreement": {"type": "boolean", "description": "two sources' figures cannot both be true"},
    "revisions": {"type": "array", "items": _REVISION, "description": "the updates of the figure, oldest first"},
    "excluded": {"type": "array", "items": _EXCLUDED, "description": "figures left out, with why"},
    "articles": {"type": "integer", "minimum": 0, "description": "how many articles the event has"},
    "as_of": {**_STR_OR_NULL, "format": "date", "description": "the latest article date (ISO), null without dates"},
    "evidence": {"type": "array", "items": _STR, "description": "claim ids supporting best; for people described "
                 "one by one, the sentences"},
}


def toll_schema() -> dict[str, Any]:
    """The schema of one toll object (claim-spec §5); every field is required, no others are allowed."""
    return {"$schema": DRAFT, "title": "casualty toll",
            **_closed({name: _TOLL_PROPERTIES[name] for name in TOLL_FIELDS},
                      "One figure per event and type, with its range, sources, revisions and what was left out "
                      "(claim-spec.md section 5).")}
