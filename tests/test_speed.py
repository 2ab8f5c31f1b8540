"""The fast path, long texts, `jobs` and streaming: the same claims, article-level offsets."""
from __future__ import annotations

import itertools

import pytest

from casualty_cli.extract.extractor import Extractor, chunks
from casualty_cli.run.parallel import resolve_jobs
from casualty_cli.run.runner import run

from .conftest import SEEDS

pytestmark = pytest.mark.model

CLAIM = "Police said at least 12 people were killed in the attack. "
FILLER = "The market reopened on Tuesday and traders said business was slow but steady. "


def _seeds() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def _dicts(results):
    return [(a, [c.to_dict() for c in claims]) for a, claims in results]


def test_fast_path_gives_the_full_path_claims_on_the_seeds(extractor, full_extractor):
    seeds = _seeds()
    assert _dicts(extractor.extract_many(seeds)) == _dicts(full_extractor.extract_many(seeds))


def test_a_50_mb_article_on_the_fast_path(extractor):
    block = FILLER * 6000  # about 480 kB
    parts = [block if i % 25 else CLAIM + block for i in range(110)]
    text = "".join(parts)
    assert len(text) > 50_000_000
    claims = extractor.extract(text, "big")
    assert [c.value for c in claims] == [12] * 5
    assert all(text[c.start : c.end] == c.quantity == "at least 12" for c in claims)
    assert claims[-1].start > 40_000_000


def test_a_line_without_punctuation_keeps_article_offsets(extractor):
    words = "word " * 60_000
    text = words + "gunmen killed 7 villagers near the well " + words
    assert len(text) > 600_000
    claims = extractor.extract(text)
    assert len(claims) == 1 and claims[0].value == 7
    assert text[claims[0].start : claims[0].end] == "7" and claims[0].start == 300_014


def test_full_path_cuts_texts_longer_than_the_parser_takes(nlp):
    saved = nlp.max_length
    nlp.max_length = 20_000
    try:
        full = Extractor(nlp, fast=False)
    finally:
        nlp.max_length = saved
    assert full.limit == 10_000
    text = (FILLER * 40 + CLAIM) * 8 + "no punctuation here " * 1000
    claims = full.extract(text)
    assert len(claims) == 8
    assert all(text[c.start : c.end] == c.quantity for c in claims)


def test_jobs_two_gives_the_same_claims_in_order(nlp, extractor):
    seeds = _seeds() * 3
    seeds = [(f"{i}-{a}", t) for i, (a, t) in enumerate(seeds)]
    assert _dicts(run(seeds, extractor=extractor, jobs=2)) == _dicts(extractor.extract_many(seeds))


def test_results_stream_before_the_input_ends(extractor):
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield f"a{i}", CLAIM if i % 2 else FILLER

    stream = extractor.extract_many(endless())
    first = next(stream)
    assert first[0] == "a0" and first[1] == []
    assert pulled <= 300  # one chunk read, not the whole input
    assert [a for a, _ in itertools.islice(stream, 3)] == ["a1", "a2", "a3"]


def test_chunks_are_bounded_and_keep_order():
    arts = [(str(i), "x" * 10) for i in range(1000)]
    got = list(chunks(arts))
    assert [a for c in got for a in c] == arts
    assert max(len(c) for c in got) <= 256


@pytest.mark.parametrize("jobs,expected", [(1, 1), (2, 2)])
def test_resolve_jobs(jobs, expected):
    assert resolve_jobs(jobs) == expected


def test_resolve_jobs_zero_is_every_core():
    assert resolve_jobs(0) >= 1
    with pytest.raises(ValueError, match="expected 0"):
        resolve_jobs(-1)
