"""The behavioural matrix of issue 25 (CheckList style): every cell passes at >= 0.97.

Sentences are generated from `tests/matrix/templates.py` (harm expressions x voice x number forms x
victim nouns x attribution, plus negatives that must stay quiet) and parsed once per module. A cell
the extractor is still below the bar on is listed in `KNOWN_GAPS` and runs as a non-strict xfail:
an XPASS means the rules now cover it, and its name should leave the set. `python
bench/matrix_report.py` prints every cell's rate and the sentences that fail.
"""
from __future__ import annotations

import pytest

from .matrix import CELL_SIZE, build_matrix, cells, extract_all, judge_all, rate

pytestmark = pytest.mark.model

BAR = 0.97
CASES = build_matrix()
CELLS = cells(CASES)

# Cells below the bar (`bench/matrix_report.py` says why each fails); a name leaves the set when its cell
# passes. Empty since the harm inventory of issue 25 (every cell >= 0.97).
KNOWN_GAPS: frozenset[str] = frozenset()
# Harm expressions the fast path's scan does not admit though the full path reads them; "forced from their
# homes" left when the scan learned "home" (lexicon.HARM_CONTEXT_WORDS).
SCAN_GAPS: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def outcomes(extractor):
    return extract_all(extractor, CASES)


@pytest.fixture(scope="module")
def full_outcomes(full_extractor):
    return extract_all(full_extractor, CASES)


def test_matrix_is_deterministic_and_small():
    assert build_matrix() == CASES
    assert len(CASES) <= 3000
    assert all(len({c.text for c in v}) == len(v) == CELL_SIZE for v in CELLS.values()), \
        {k: len(v) for k, v in CELLS.items() if len(v) != CELL_SIZE}


def test_known_gaps_name_real_cells():
    assert KNOWN_GAPS <= set(CELLS), sorted(KNOWN_GAPS - set(CELLS))
    assert SCAN_GAPS <= {c.tag("harm") for c in CASES}, sorted(SCAN_GAPS)


def _param(cell: str) -> object:
    marks = [pytest.mark.xfail(strict=False, reason=f"issue 25: {cell} below {BAR} today")] if cell in KNOWN_GAPS \
        else []
    return pytest.param(cell, marks=marks, id=cell)


@pytest.mark.parametrize("cell", [_param(cell) for cell in CELLS])
def test_cell(outcomes, cell):
    verdicts = judge_all(CELLS[cell], outcomes)
    failed = [v for v in verdicts if not v.passed]
    lines = "\n".join(f"  {v.failure}: {v.case.text!r} {v.detail}" for v in failed)
    passed = rate(verdicts)
    assert passed >= BAR, f"{cell}: {passed:.3f} < {BAR}, {len(failed)} of {len(verdicts)} fail:\n{lines}"


def _differ(cases, outcomes, full_outcomes) -> str:
    return "\n".join(f"{c.text!r}\n  fast {outcomes[c.id]}\n  full {full_outcomes[c.id]}"
                     for c in cases if outcomes[c.id] != full_outcomes[c.id])


def test_fast_and_full_paths_agree(outcomes, full_outcomes):
    """The fast path (candidate windows) and `fast=False` (whole text) give the same claims, field for field,
    on the whole matrix; the expressions of `SCAN_GAPS` are held by the test below."""
    assert not _differ([c for c in CASES if c.tag("harm") not in SCAN_GAPS], outcomes, full_outcomes)


@pytest.mark.parametrize("harm", [pytest.param(h, marks=pytest.mark.xfail(strict=False, reason="issue 25: the scan "
                                                                          "misses it")) for h in sorted(SCAN_GAPS)])
def test_fast_path_reads_scan_gap(outcomes, full_outcomes, harm):
    cases = [c for c in CASES if c.tag("harm") == harm]
    assert cases and not _differ(cases, outcomes, full_outcomes)
