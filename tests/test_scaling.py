"""Tolls do work linear in the claims of an event (issue 28): counted in pairs weighed, not timed."""
from __future__ import annotations

import random

import pytest

from casualty_cli.tolls import relations, wholes
from casualty_cli.tolls.rules import build_tolls

SOURCES = ["police", "the health ministry", "Reuters", "a hospital official", None]
WORDING = ["{q} people were killed in the attack, {s} said.", "The toll initially stood at {q}, {s} said.",
           "The death toll later rose to {q}, according to {s}.", "{q} children were among the dead.",
           "{q} people were killed at a hospital in the city.", "Another {q} people were killed nearby."]


def _claims(n: int) -> list[dict]:
    rng = random.Random(3)
    out = []
    for i in range(n):
        value, template, source = rng.choice([4, 5, 12, 14, 40, 52, 240]), rng.randrange(len(WORDING)), \
            rng.choice(SOURCES)
        out.append({"id": f"a#{i + 1}", "article": "a", "type": "killed", "value": value, "low": value,
                    "high": value, "qualifier": "exact", "quantity": str(value),
                    "victims": "children" if template == 3 else "people", "source": source,
                    "sentence": WORDING[template].format(q=value, s=source or "officials"), "start": 300 * i})
    return out


@pytest.fixture
def weighed(monkeypatch):
    """How many pairs of figures the tolls weigh (`relations.related` calls)."""
    calls = [0]
    real = relations.related

    def counting(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(relations, "related", counting)
    monkeypatch.setattr(relations, "related", counting)
    return calls


def test_pairs_weighed_grow_no_faster_than_the_claims(weighed):
    counts = []
    for n in (200, 2000):
        weighed[0] = 0
        list(build_tolls(_claims(n)))
        counts.append(weighed[0])
    # pair by pair, ten times the claims weighed a hundred times the pairs (about 2,000,000 here)
    assert counts[1] <= 12 * max(counts[0], 1), counts


def test_one_article_of_thousands_of_identical_figures_weighs_few_pairs(weighed):
    same = [{**c, "value": 12, "low": 12, "high": 12, "quantity": "12", "sentence": "12 people were killed.",
             "source": "police"} for c in _claims(3000)]
    toll = next(iter(build_tolls(same)))
    assert toll.best == 12
    assert weighed[0] < 100


@pytest.mark.parametrize("rule", ["prominence", "partial", "located"])
def test_each_figure_is_read_a_bounded_number_of_times(monkeypatch, rule):
    """Whether a figure gives way to a fuller one (`wholes.Fuller`) reads each other figure once, not once per
    figure it is weighed against: a rule of one figure runs about ten times as often for ten times the claims."""
    calls = [0]
    real = getattr(wholes, rule)

    def counting(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(wholes, rule, counting)
    counts = []
    for n in (200, 2000):
        calls[0] = 0
        list(build_tolls(_claims(n)))
        counts.append(calls[0])
    assert counts[1] <= 12 * max(counts[0], 1), counts
