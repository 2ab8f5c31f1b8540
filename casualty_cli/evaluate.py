"""Score claims against a gold set: the matching rule of the project's scorer.

A predicted claim matches a gold claim of the same article (compared by file
name) when their spans overlap and their values are equal; each gold claim is
matched once. Gold `type` may be a list; `optional` gold claims cost nothing;
`source_alt` lists other accepted source names; `part_of_start` is the start
of the gold parent, `superseded_by_start` that of the claim that revises it
(scored where gold or prediction has a link). Names agree when their content words reach an F1 of 0.75.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .errors import InputError

Row = dict[str, Any]
STOP = frozenset({"the", "a", "an", "of", "and", "'s", "s"})
IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person"}


# What each gold (and prediction) line must hold for the matching rule, and of which type.
REQUIRED: dict[str, tuple[type, ...]] = {"article": (str,), "start": (int,), "end": (int,), "value": (int, type(None)),
                                         "quantity": (str,), "type": (str, list)}


def read_rows(path: str) -> list[Row]:
    """The claims of a gold or prediction file, one JSON object a line, each checked.

    Raises `InputError` naming the line for anything the scorer could not read (not JSON,
    not an object, a missing or mistyped field), so a malformed gold is one clear message.
    """
    rows: list[Row] = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    rows.append(_row(line, f"{path}:{number}"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from e
    return rows


def _row(line: str, where: str) -> Row:
    try:
        row = json.loads(line)
    except (ValueError, RecursionError) as e:
        raise InputError(f"{where}: not JSON ({e})") from e
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(row).__name__}")
    for name, kinds in REQUIRED.items():
        if name not in row:
            raise InputError(f"{where}: no {name!r} field (a claim needs {', '.join(REQUIRED)})")
        if not isinstance(row[name], kinds) or isinstance(row[name], bool):
            raise InputError(f"{where}: {name!r}: expected {' or '.join(k.__name__ for k in kinds)}, "
                             f"got {type(row[name]).__name__}")
    return row


def article_key(claim: Row) -> str:
    return PurePath(str(claim.get("article", ""))).name


def name_words(name: object) -> set[str]:
    """Content words of a name, lower-cased, plurals folded."""
    if not name:
        return set()
    words = (w for w in re.findall(r"[a-z0-9]+", str(name).lower()) if w not in STOP)
    return {IRREGULAR.get(w, w[:-1] if len(w) > 3 and w.endswith("s") else w) for w in words}


def same_name(gold: object, pred: object, alternatives: Iterable[object] = ()) -> bool:
    """Null equals null; otherwise word F1 >= 0.75 against the gold or an alternative."""
    p = name_words(pred)
    for name in (gold, *alternatives):
        g = name_words(name)
        if not g or not p:
            if not g and not p:
                return True
            continue
        common = len(g & p)
        if common and 2 * common / (len(g) + len(p)) >= 0.75:
            return True
    return False


def gold_types(gold: Row) -> set[str]:
    t = gold.get("type")
    return {str(x) for x in t} if isinstance(t, list) else {str(t)}


def _overlap(a: Row, b: Row) -> bool:
    return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])


@dataclass
class Score:
    """Detection and typing P/R/F1, field accuracies, and the rows behind them."""

    tp: int
    typed_tp: int
    n_pred: int
    n_gold: int
    fields: dict[str, tuple[int, int]]
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def detection(self) -> tuple[float, float, float]:
        return self._prf(self.tp, self.n_pred, self.n_gold)

    @property
    def typed(self) -> tuple[float, float, float]:
        return self._prf(self.typed_tp, self.n_pred, self.n_gold)

    def accuracy(self, name: str) -> float | None:
        ok, n = self.fields[name]
        return ok / n if n else None


def score(gold: list[Row], pred: list[Row], articles: set[str] | None = None) -> Score:
    """Score `pred` against `gold` over `articles` (default: those the gold names)."""
    articles = articles if articles is not None else {article_key(g) for g in gold}
    pred = [p for p in pred if article_key(p) in articles]
    pairs: list[tuple[Row, Row]] = []
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and article_key(p) == article_key(g) and _overlap(g, p) \
                    and p.get("value") == g.get("value"):
                pairs.append((g, p))
                used.add(i)
                break
    optional_hits = {id(p) for g, p in pairs if g.get("optional")}
    pred = [p for p in pred if id(p) not in optional_hits]
    gold = [g for g in gold if not g.get("optional")]
    pairs = [(g, p) for g, p in pairs if not g.get("optional")]
    typed = [(g, p) for g, p in pairs if p.get("type") in gold_types(g)]
    sourced = [(g, p) for g, p in typed if g.get("source_scored", True)]
    by_start = {(article_key(g), g["start"]): g for g in gold}
    pred_by_id = {p.get("id"): p for p in pred}

    def parent_ok(g: Row, p: Row) -> bool:
        parent = pred_by_id.get(p.get("part_of"))
        want = by_start.get((article_key(g), g["part_of_start"]))
        return bool(parent and want and _overlap(parent, want))

    def revision_ok(g: Row, p: Row) -> bool:
        newer = pred_by_id.get(p.get("superseded_by"))
        want = by_start.get((article_key(g), g.get("superseded_by_start")))
        return bool(newer and want and _overlap(newer, want))

    checks: dict[str, tuple[list[tuple[Row, Row]], Callable[[Row, Row], bool]]] = {
        "type": (pairs, lambda g, p: p.get("type") in gold_types(g)),
        "qualifier": (typed, lambda g, p: p.get("qualifier") == g.get("qualifier")),
        "bounds": (typed, lambda g, p: (p.get("low"), p.get("high")) == (g.get("low"), g.get("high"))),
        "victims": (typed, lambda g, p: same_name(g.get("victims"), p.get("victims"))),
        "source": (sourced, lambda g, p: same_name(g.get("source"), p.get("source"), g.get("source_alt", ()))),
        "via": (sourced, lambda g, p: same_name(g.get("via"), p.get("via"))),
        "part_of": ([(g, p) for g, p in typed if g.get("part_of_start") is not None], parent_ok),
        "superseded_by": ([(g, p) for g, p in typed if g.get("superseded_by_start") is not None
                           or p.get("superseded_by")], revision_ok),
    }
    fields: dict[str, tuple[int, int]] = {}
    wrong: dict[str, list[str]] = {}
    for name, (rows, same) in checks.items():
        bad = [f"{article_key(g)}: {g['quantity']!r} gold={g.get(name)!r} pred={p.get(name)!r}"
               for g, p in rows if not same(g, p)]
        fields[name] = (len(rows) - len(bad), len(rows))
        wrong[name] = bad
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    return Score(
        tp=len(pairs), typed_tp=len(typed), n_pred=len(pred), n_gold=len(gold), fields=fields,
        missed=[f"{article_key(g)}: {g['quantity']!r} ({'/'.join(sorted(gold_types(g)))})"
                for g in gold if id(g) not in matched_gold],
        spurious=[f"{article_key(p)}: {p.get('quantity')!r} ({p.get('type')})"
                  for p in pred if id(p) not in matched_pred],
        wrong=wrong,
    )


def report(result: Score) -> list[str]:
    """The score as lines of text, in the layout of the project's scorer."""
    lines = []
    for name, (p, r, f), tp in (("detection", result.detection, result.tp), ("typed", result.typed, result.typed_tp)):
        lines.append(f"{name:10} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} pred={result.n_pred} gold={result.n_gold})")
    for name, (ok, n) in result.fields.items():
        shown = "n/a" if not n else f"{ok / n:.3f}"
        lines.append(f"{name:10} {shown} of {n}")
    return lines
