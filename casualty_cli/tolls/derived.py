"""Tolls read across types: what one type's figures say about another's.

Both rules are how a fact-checker reads "Four people were shot, one fatally":

- **A breakdown into another type is that type's whole figure.** "one fatally" is a `killed` 1 with
  `part_of` the 4 people shot (`casualties`, claim-spec §1), but it is all the dead of the event, so the
  killed toll is 1, not "no figure" with the 1 excluded as a part. A breakdown of the same type ("531
  people, including 200 children") stays a part.
- **People shot and not killed are wounded.** With no injured figure, the injured toll is the people
  shot (`casualties`: harmed, no outcome stated) less the killed: 3 here, and 4 when the texts report no
  death. This is how the Gun Violence Archive counts. Only exact figures are subtracted (at least 4 shot,
  two of them dead, says nothing exact about the wounded), and never more dead than shot (those dead
  were not among the people shot).

A derived toll says so, as claim-spec §5 asks of every figure it quotes: no claim states it, so its one
`sources` entry is named `<article>#derived` (as people described one by one are `<article>#single`), and
`evidence` lists the claims (or sentences) of the figures it was computed from, people shot then killed.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar

from ..claims import CLAIM_TYPES
from .figures import Claim


class _Toll(Protocol):
    """What this module reads of a `rules.Toll`, a frozen dataclass (rules builds on this module, so it is
    not imported here)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def event(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def best(self) -> int | None: ...
    @property
    def best_qualifier(self) -> str | None: ...
    @property
    def sources(self) -> list[dict[str, Any]]: ...
    @property
    def excluded(self) -> list[dict[str, Any]]: ...
    @property
    def as_of(self) -> str | None: ...
    @property
    def evidence(self) -> list[str]: ...


Toll = TypeVar("Toll", bound=_Toll)

# The types the injured toll is derived from: built whenever injured is asked for.
INJURED_FROM = frozenset({"casualties", "killed"})


def own_type_wholes(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, those whose `part_of` names a claim of another type read as wholes of their own type."""
    types = {str(c.get("id")): c.get("type") for c in claims}
    return [{**c, "part_of": None} if c.get("part_of") and types.get(str(c.get("part_of")), c.get("type"))
            != c.get("type") else c for c in claims]


def types_to_build(wanted: Iterable[str] | None) -> set[str] | None:
    """The toll types to build for the types asked for (None: all)."""
    if wanted is None:
        return None
    kinds = set(wanted)
    return kinds | INJURED_FROM if "injured" in kinds else kinds


def with_derived_injured(tolls: list[Toll]) -> list[Toll]:
    """The tolls of one event, with an injured toll derived from people shot less the killed when the
    texts give no injured figure (see the module docstring); in `CLAIM_TYPES` order."""
    by_type = {t.type: t for t in tolls}
    shot, killed, injured = by_type.get("casualties"), by_type.get("killed"), by_type.get("injured")
    if shot is None or shot.best is None or shot.best_qualifier != "exact" \
            or injured is not None and injured.best is not None:
        return tolls
    dead = killed if killed is not None and killed.best is not None else None
    if dead is not None and (dead.best_qualifier != "exact" or (dead.best or 0) > shot.best):
        return tolls
    value = shot.best - ((dead.best or 0) if dead is not None else 0)
    given = [_entry_of(t) for t in (shot, dead) if t is not None]
    article = given[0].get("article")
    entry = {"source": given[0].get("source"), "value": value, "qualifier": "exact", "low": value, "high": value,
             "article": article, "date": given[0].get("date"), "id": f"{article or ''}#derived"}
    dates = [t.as_of for t in (shot, dead) if t is not None and t.as_of]
    derived = replace(shot, type="injured", best=value, low=value, high=value, best_qualifier="exact",
                      sources=[entry], disagreement=False, revisions=[],
                      excluded=list(injured.excluded) if injured is not None else [],
                      as_of=max(dates) if dates else None,
                      evidence=[*shot.evidence, *(dead.evidence if dead is not None else [])])
    out = [t for t in tolls if t.type != "injured"] + [derived]
    return sorted(out, key=lambda t: CLAIM_TYPES.index(t.type))


def _entry_of(toll: Toll) -> dict[str, Any]:
    """The source entry that gives a toll's `best` (the first listed when several do)."""
    return next((s for s in toll.sources if s.get("value") == toll.best), toll.sources[0] if toll.sources else {})
