"""The one place that decides where extraction runs: this process, a process pool, or Dask.

All three cut the input into the same chunks (`extract.chunks`) and give back
(article, claims) in input order, streamed: a chunk's claims come out before
much more input is read, so memory does not grow with the number of articles.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..extract.extractor import Done, Extractor, Outcome


def run(articles: Iterable[tuple[str, str]], *, extractor: Extractor | None = None, model: str | None = None,
        fast: bool = True, people: bool = False, jobs: int = 1, dask: str | None = None,
        done: Done | None = None) -> Iterator[tuple[str, Outcome]]:
    """(id, text) pairs in, (id, claims) out in input order; an article whose extraction
    raised comes out as (id, `ArticleFailed`), and the others go on. `done(n)` is told as
    articles are extracted, one by one here and on a pool (a chunk's claims come out together),
    as they come back from Dask.

    Without `dask`: in this process (`jobs=1`) or on `jobs` processes (0 = one per
    core), with `extractor` or one built on `model`. With `dask` (a scheduler address
    "tcp://HOST:8786", or "local" for a new LocalCluster of `jobs` workers) the workers
    load `model` and this process loads none; `extractor` is not used. `people`: the claims also carry the
    people described one by one (`Extractor`), for the tolls.
    """
    from .parallel import resolve_jobs

    if dask is not None:
        from .dask import connect, extract_many

        with connect(dask, workers=jobs) as client:
            for item in extract_many(client, articles, model=model, fast=fast, people=people):
                if done is not None:
                    done(1)
                yield item
        return
    if extractor is None:
        extractor = make_extractor(model, fast=fast, people=people)
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        yield from extractor.extract_many(articles, done)
        return
    from .parallel import extract_parallel

    yield from extract_parallel(extractor, articles, jobs, done)


def make_extractor(model: str | None = None, *, fast: bool = True, people: bool = False) -> Extractor:
    """An extractor on the pipeline `model` resolves to (`pipeline.shared_pipeline`), loaded once."""
    from ..extract.extractor import Extractor
    from ..extract.pipeline import shared_pipeline

    return Extractor(shared_pipeline(model), fast=fast, people=people)
