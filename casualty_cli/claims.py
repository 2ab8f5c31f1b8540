"""The data model: an `Article` in, one `Claim` per numeric casualty mention out (claim-spec.md §2)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, NamedTuple

CLAIM_TYPES: tuple[str, ...] = ("killed", "injured", "missing", "casualties", "displaced")


class Article(NamedTuple):
    """One text to extract from; `id` is what its claims name in their `article` field.

    A plain (id, text) pair, so callers may pass tuples; defined here, free of spaCy, so
    the input readers need not import the pipeline.
    """

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement that a number of people were harmed, with its evidence.

    Field order is the order of claim-spec.md §2; it is also the CSV column
    order and the JSON key order, so output stays byte-identical run to run.
    """

    id: str
    article: str
    type: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    quantity: str
    victims: str | None
    source: str | None
    source_title: str | None
    via: str | None
    cue: str | None
    location: str | None
    part_of: str | None
    superseded_by: str | None
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
