"""The behavioural matrix of issue 25: sentences generated from `templates.py`, grouped in cells, and judged.

A cell holds the sentences of one value of one axis: a harm group in one voice ("harm:to-death/passive"),
a number form ("number:about"), a victim noun ("victims:officials"), an attribution ("source:told-reuters")
or a kind of negative ("negative:animals"). In a cell the other axes vary over their plain values
(`templates.CORE_*`), so a cell's pass rate measures its own axis. Generation is deterministic: each
cell draws from `random.Random(<cell name>)`, so the same cases come out on every machine and run.

`tests/test_matrix.py` asserts the pass rates; `bench/matrix_report.py` prints them.
"""
from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import templates as tp

if TYPE_CHECKING:
    from casualty_cli.claims import Claim
    from casualty_cli.extract.extractor import Extractor

# Sentences per cell: ~50 cells of this size keep the matrix near 2,000 sentences (a few seconds to parse).
CELL_SIZE = 40
_MARK = "\x00"  # brackets the quantity while a sentence is built, so its offsets are known
_PRESENT = re.compile(r"\b(?:are|is|remain|have)\b")  # a clause in the present (perfect): no "last week"


@dataclass(frozen=True)
class Expect:
    """What the one claim of a positive sentence must say."""

    type: str
    value: int
    low: int | None
    high: int | None
    qualifier: str
    quantity: str
    start: int
    end: int
    source: str | None  # a regex the claim's source must match; None: the source must be null
    via: str | None
    victims: str | None  # the head noun as written; reported, not judged (the brief judges the rest)


@dataclass(frozen=True)
class Case:
    id: str
    cell: str
    text: str
    tags: tuple[tuple[str, str], ...]  # axis -> value, for the report's failure patterns
    expect: Expect | None  # None: a negative, no claim at all

    def tag(self, axis: str) -> str | None:
        return dict(self.tags).get(axis)


@dataclass(frozen=True)
class Verdict:
    case: Case
    claims: tuple[Claim, ...]
    failure: str | None  # the kind of failure ("no claim", "wrong type", ...); None when the case passes
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.failure is None


# ---- generation ---------------------------------------------------------------------------------


def _finish(raw: str) -> tuple[str, int, int]:
    """Capitalise the sentence and take out the two marks around the quantity: (text, start, end)."""
    first = next(i for i, ch in enumerate(raw) if ch != _MARK)
    raw = raw[:first] + raw[first].upper() + raw[first + 1 :]
    start = raw.index(_MARK)
    end = raw.index(_MARK, start + 1) - 1
    return raw.replace(_MARK, ""), start, end


def _positive(cell: str, k: int, harm: tp.Harm, number: tp.Number, victims: str, attribution: tp.Attribution,
              rng: random.Random) -> Case:
    clause = harm.template.format(n=f"{_MARK}{number.quantity}{_MARK}{number.after}", v=victims,
                                  a=rng.choice(tp.AGENTS), e=rng.choice(tp.EVENTS[harm.type]))
    adjuncts = tp.PLACE_ADJUNCTS if _PRESENT.search(harm.template) else tp.ADJUNCTS
    text, start, end = _finish(attribution.template.format(c=clause + rng.choice(adjuncts)))
    has_victims = "{v}" in harm.template
    expect = Expect(harm.type, number.value, number.low, number.high, number.qualifier, text[start:end], start, end,
                    attribution.source, attribution.via, victims.split()[-1] if has_victims else None)
    tags = (("harm", harm.name), ("harm group", f"{harm.group}/{harm.voice}"), ("type", harm.type),
            ("voice", harm.voice), ("number", number.form), ("number variant", number.variant),
            ("victims", victims if has_victims else "(none)"),
            ("attribution", f"{attribution.cell}/{attribution.variant}"))
    return Case(f"{cell}#{k}", cell, text, tags, expect)


def _positive_cell(cell: str, harms: Sequence[tp.Harm], numbers: Sequence[tp.Number], victims: Sequence[str],
                   attributions: Sequence[tp.Attribution], size: int = CELL_SIZE) -> list[Case]:
    """`size` sentences: the harms taken in turn (each about equally often), the other slots drawn."""
    rng = random.Random(cell)
    harms = list(harms)
    rng.shuffle(harms)
    out: list[Case] = []
    seen: set[str] = set()
    for i in range(size * 20):
        if len(out) == size:
            break
        harm = harms[i % len(harms)]
        nouns = [v for v in victims if harm.type != "displaced" or v in tp.DISPLACEABLE] or list(victims)
        case = _positive(cell, len(out), harm, rng.choice(numbers), rng.choice(nouns), rng.choice(attributions), rng)
        if case.text not in seen:
            seen.add(case.text)
            out.append(case)
    return out


def _negative_cell(kind: str, clauses: Iterable[tuple[str, str]], size: int = CELL_SIZE) -> list[Case]:
    """`size` sentences drawn from every (clause, tag) of one kind of negative, without repeats."""
    cell = f"negative:{kind}"
    pool = sorted(set(clauses))
    random.Random(cell).shuffle(pool)
    return [Case(f"{cell}#{k}", cell, _finish(_MARK + clause + _MARK)[0], (("negative", kind), ("word", word)), None)
            for k, (clause, word) in enumerate(pool[:size])]


def _negative_clauses(kind: str) -> list[tuple[str, str]]:
    """Every clause of one kind of negative, each with the word the report groups it by."""
    if kind == "not-counts":
        return [(t.format(d=d) + ".", t) for t, ds in tp.NOT_COUNTS for d in ds]
    forms = {"digits", "words"} if kind == "speakers" else {"digits", "words", "digits-comma", "at-least", "vague"}
    numbers = [n for n in tp.NUMBERS if n.form in forms]  # counted speakers are a few: "three officials"
    fill = {"things": ("t", tp.THINGS), "animals": ("x", tp.ANIMALS), "arrested": ("p", tp.HELD),
            "abducted": ("p", tp.HELD), "speakers": ("s", tp.SAID)}[kind]
    out = []
    for template in tp.NEGATIVES[kind]:
        for number in numbers:
            for word in fill[1]:
                slots = {"n": number.quantity + number.after, "a": "gunmen", "e": "the blast", fill[0]: word}
                clause = template.format(**slots)
                tag = word if kind in {"things", "animals"} else template
                out.append((clause + ".", tag))
                if kind != "speakers":
                    out.append((clause + ", police said.", tag))
    return out


def build_matrix() -> list[Case]:
    """Every case of the matrix, cell by cell, in a fixed order."""
    core_numbers = [n for n in tp.NUMBERS if n.form in tp.CORE_FORMS]
    core_sources = [a for a in tp.ATTRIBUTIONS if (a.cell, a.variant) in tp.CORE_ATTRIBUTIONS]
    cases: list[Case] = []
    groups = dict.fromkeys((h.group, h.voice) for h in tp.HARMS)
    for group, voice in groups:
        harms = [h for h in tp.HARMS if (h.group, h.voice) == (group, voice)]
        cases += _positive_cell(f"harm:{group}/{voice}", harms, core_numbers, tp.CORE_VICTIMS, core_sources)
    for form in tp.NUMBER_FORMS:
        numbers = [n for n in tp.NUMBERS if n.form == form]
        cases += _positive_cell(f"number:{form}", tp.CORE_HARMS, numbers, tp.CORE_VICTIMS, core_sources)
    victim_cells = [(v, [v]) for v in tp.VICTIM_NOUNS] + [("demonyms", tp.DEMONYMS), ("other", tp.OTHER_PERSONS)]
    for name, nouns in victim_cells:
        harms = [h for h in tp.CORE_HARMS if h.type != "displaced" or any(v in tp.DISPLACEABLE for v in nouns)]
        cases += _positive_cell(f"victims:{name}", harms, core_numbers, nouns, core_sources)
    for name in tp.ATTRIBUTION_CELLS:
        sources = [a for a in tp.ATTRIBUTIONS if a.cell == name]
        cases += _positive_cell(f"source:{name}", tp.CORE_HARMS, core_numbers, tp.CORE_VICTIMS, sources)
    for kind in [*tp.NEGATIVES, "not-counts"]:
        cases += _negative_cell(kind, _negative_clauses(kind))
    return cases


def cells(cases: Iterable[Case]) -> dict[str, list[Case]]:
    """The cases of each cell, cells in matrix order."""
    out: dict[str, list[Case]] = {}
    for case in cases:
        out.setdefault(case.cell, []).append(case)
    return out


# ---- extraction and judging ------------------------------------------------------------------------


def extract_all(extractor: Extractor, cases: Sequence[Case]) -> dict[str, tuple[Claim, ...]]:
    """The claims of every case (each sentence its own article), in one streamed pass."""
    from casualty_cli.extract.extractor import claims_of

    pairs = [(case.id, case.text) for case in cases]
    return {article: tuple(claims_of(outcome)) for article, outcome in extractor.extract_many(pairs)}


def _claims(claims: Iterable[Claim]) -> str:
    return "; ".join(f"{c.type} {c.quantity!r}" for c in claims)


def _reading(value: int, low: int | None, high: int | None, qualifier: str) -> str:
    return f"{value} [{low}, {high}] {qualifier}"


def judge(case: Case, claims: Sequence[Claim]) -> Verdict:
    """Pass or the first way it fails: a positive needs exactly one claim with the expected type,
    reading (value, low, high, qualifier), span and source; a negative needs no claim."""
    exp = case.expect
    claims = tuple(claims)

    def fail(kind: str, detail: str) -> Verdict:
        return Verdict(case, claims, kind, detail)

    if exp is None:
        return fail("claim made", _claims(claims)) if claims else Verdict(case, claims, None)
    if not claims:
        return fail("no claim", "")
    if all(c.type != exp.type for c in claims):
        return fail("wrong type", f"{_claims(claims)}, not {exp.type}")
    if len(claims) > 1:
        return fail("several claims", _claims(claims))
    c = claims[0]
    got, want = (c.value, c.low, c.high, c.qualifier), (exp.value, exp.low, exp.high, exp.qualifier)
    if got != want:
        return fail("wrong reading", f"{_reading(*got)}, not {_reading(*want)}")
    if (c.start, c.end) != (exp.start, exp.end) or case.text[c.start : c.end] != c.quantity:
        return fail("wrong span", f"{c.quantity!r}, not {exp.quantity!r}")
    if exp.source is None and c.source is not None:
        return fail("wrong source", f"{c.source!r}, not null")
    if exp.source is not None and not (c.source and re.search(exp.source, c.source)):
        return fail("wrong source", f"{c.source!r}, not /{exp.source}/")
    if exp.via is not None and c.via != exp.via:
        return fail("wrong via", f"{c.via!r}, not {exp.via!r}")
    return Verdict(case, claims, None)


def victims_differ(verdict: Verdict) -> bool:
    """A passing case whose claim does not name the victims noun as written (reported, not judged)."""
    exp = verdict.case.expect
    return bool(verdict.passed and exp and exp.victims and verdict.claims[0].victims != exp.victims)


def judge_all(cases: Sequence[Case], outcomes: dict[str, tuple[Claim, ...]]) -> list[Verdict]:
    return [judge(case, outcomes[case.id]) for case in cases]


def rate(verdicts: Sequence[Verdict]) -> float:
    return sum(v.passed for v in verdicts) / len(verdicts) if verdicts else 1.0
