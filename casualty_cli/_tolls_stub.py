"""Stand-in for `tolls.build_tolls` (issue 13) until it lands on main; same interface, crude rules."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Toll:
    event: str
    type: str
    best: int | None
    low: int | None
    high: int | None
    sources: list[dict[str, Any]]
    disagreement: bool
    revisions: list[dict[str, Any]]
    evidence: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def build_tolls(claims: Iterable[dict[str, Any]], *, event_of: Callable[[dict[str, Any]], str] | None = None,
                date_of: Callable[[dict[str, Any]], str | None] | None = None,
                singles: Iterable[dict[str, Any]] = ()) -> Iterator[Toll]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in claims:
        key = ((event_of or (lambda c: c["article"]))(c), c["type"])
        groups.setdefault(key, []).append(c)
    for (event, kind), members in groups.items():
        whole = [c for c in members if not c.get("part_of") and not c.get("superseded_by")] or members
        best = max(whole, key=lambda c: c["value"])
        sources = [{"source": c["source"], "value": c["value"], "qualifier": c["qualifier"], "article": c["article"],
                    "id": c["id"], "date": date_of(c) if date_of else None} for c in whole]
        values = sorted({c["value"] for c in whole})
        exact = {c["value"] for c in whole if c["qualifier"] == "exact"}
        revisions = [{"value": c["value"], "replaced_by": next((d["value"] for d in members
                                                                  if d["id"] == c["superseded_by"]), c["value"]),
                      "id": c["id"], "by_id": c["superseded_by"], "date": None}
                     for c in members if c.get("superseded_by")]
        yield Toll(event, kind, best["value"], values[0], None if any(c["high"] is None for c in whole) else values[-1],
                   sources, len(exact) > 1, revisions, [best["id"]])
