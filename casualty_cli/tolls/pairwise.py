"""The pairwise pass of `relations.read_toll` without comparing every pair (issue 28).

`read_toll` weighs each pair of an event's whole figures in order, (1, 2), (1, 3), ... (2, 3), ...,
and a pair may leave one figure out, which then takes part in no later pair. Compared pair by pair,
one article of 8,000 claims took 42 s. Here figures that the rules cannot tell apart (the same
`signature`: value, article, source, and every word test the rules make) form a class; what a pair
decides depends only on the two classes and on which figure stands first in the text, so it is worked
out once per class pair, and a figure visits only the figures of classes that can decide anything
about it. The order of the decisions, and so the result, is the pair-by-pair one; the work is about
(figures + classes²) instead of figures².
"""
from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

UNLINKED = "\x00unlinked"  # the id of a figure no link names: equal to no `part_of` or `superseded_by`


@dataclass(frozen=True, slots=True)
class Traits:
    """What `relate` reads of one figure, read once: every word test of its sentence, its count, its links."""

    id: Any  # only when a `part_of` or `superseded_by` link names it (else UNLINKED: figures compare by traits)
    part_of: Any
    superseded_by: Any
    article: Any
    type: Any
    out_of_scope: bool  # another event, a period's total, a related story
    bounds: tuple[float, float]
    early: bool
    contrasted: bool
    updating: bool
    quoted: int
    partial: bool
    limited: bool
    group: bool
    perpetrator: bool


# What a pair (a, b) decides: (whether `a` is left out, else `b`; why; whether the one left out is a step of
# the count that the other replaced), or None when both stand.
Outcome = tuple[bool, str, bool] | None


class _Skip:
    """The next live position at or after a position among one class's members (those left out jumped over)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size + 1))

    def find(self, pos: int) -> int:
        root = pos
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[pos] != root:
            self.parent[pos], pos = root, self.parent[pos]
        return root

    def remove(self, pos: int) -> None:
        self.parent[pos] = pos + 1


def settle(signatures: Sequence[Hashable], starts: Sequence[int],
           outcome: Callable[[int, int, bool], Outcome]) -> tuple[dict[int, str], list[tuple[int, int]]]:
    """Weigh the pairs (i, j), i < j, of figures 0..n-1 in order, skipping figures already left out:
    (why each figure left out was, the (replaced, replacing) pairs in order).

    `outcome(i, j, i_first)` must depend on its figures only through their `signatures` and on
    `i_first`, whether figure i stands before figure j in the text (`starts`).
    """
    classes: dict[Hashable, int] = {}
    cls = [classes.setdefault(sig, len(classes)) for sig in signatures]
    members: list[list[int]] = [[] for _ in classes]
    where = [0] * len(cls)
    for i, c in enumerate(cls):
        where[i] = len(members[c])
        members[c].append(i)
    skips = [_Skip(len(m)) for m in members]
    relevant: dict[int, list[int]] = {}
    decided: dict[tuple[int, int, bool], Outcome] = {}
    left: dict[int, str] = {}
    steps: list[tuple[int, int]] = []

    def decide(i: int, j: int, i_first: bool) -> Outcome:
        key = (cls[i], cls[j], i_first)
        if key not in decided:
            decided[key] = outcome(i, j, i_first)
        return decided[key]

    for i in range(len(cls)):
        if i in left:
            continue
        ca = cls[i]
        if ca not in relevant:  # the classes that can decide anything about this one, either way round
            relevant[ca] = [cb for cb, m in enumerate(members)
                            if decide(i, m[0], True) is not None or decide(i, m[0], False) is not None]
        heap: list[tuple[int, int, int]] = []
        for cb in relevant[ca]:
            pos = skips[cb].find(bisect_right(members[cb], i))
            if pos < len(members[cb]):
                heap.append((members[cb][pos], cb, pos))
        heapq.heapify(heap)
        while heap:
            j, cb, pos = heapq.heappop(heap)
            if j in left:  # left out since it was queued: the class's next one instead
                pos = skips[cb].find(pos)
                if pos < len(members[cb]):
                    heapq.heappush(heap, (members[cb][pos], cb, pos))
                continue
            result = decide(i, j, starts[i] < starts[j])
            if result is not None:
                i_out, reason, step = result
                loser, winner = (i, j) if i_out else (j, i)
                left[loser] = reason
                skips[cls[loser]].remove(where[loser])
                if step:
                    steps.append((loser, winner))
                if i_out:
                    break
            nxt = skips[cb].find(pos + 1)
            if nxt < len(members[cb]):
                heapq.heappush(heap, (members[cb][nxt], cb, nxt))
    return left, steps


def a_older(a: Any, b: Any, ta: Traits, tb: Traits, a_first: bool) -> bool:
    """Of two figures (with `order`) and their traits, whether `a` is the one replaced: the earlier article's,
    else the one marked early, else the one stated first."""
    def named(t: Traits) -> Any:
        return UNLINKED if t.id == UNLINKED else str(t.id)

    if ta.superseded_by == named(tb):
        return True
    if tb.superseded_by == named(ta):
        return False
    if a.order != b.order:
        return a.order < b.order
    if ta.early != tb.early:
        return ta.early
    return a_first
