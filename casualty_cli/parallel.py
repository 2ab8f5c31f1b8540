"""`--jobs N`: chunks of articles on a pool of processes, and the in-flight window Dask shares.

Each worker runs the whole extraction (scan, parse, claims) on a chunk and sends
back only the claims, which are small; the parent reads input and writes output.
This beats spaCy's `nlp.pipe(n_process=N)` here, which sends every parsed `Doc`
back to the parent and leaves the claim rules to one core.

The pipeline reaches each worker once, when the worker starts: inherited for
free under the "fork" start method, pickled once under "spawn".
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .extract import Extractor, chunks

if TYPE_CHECKING:
    from .claims import Article, Claim

_worker: Extractor | None = None


def resolve_jobs(jobs: int) -> int:
    """`jobs` as a number of processes: 0 means one per core."""
    if jobs < 0:
        raise ValueError(f"jobs: expected 0 (all cores) or a positive number, got {jobs}")
    return jobs or os.cpu_count() or 1


def in_order(work: Iterable[list[Article]], submit: Callable[[list[Article]], Any],
             result: Callable[[Any], list[list[Claim]]], in_flight: int) -> Iterator[tuple[str, list[Claim]]]:
    """Submit chunks of `work`, at most `in_flight` ahead of the one being read; (id, claims) in input order.

    `submit` starts a chunk and returns a handle; `result` waits for a handle's claims.
    The bound keeps a long input stream from being read ahead or held.
    """
    pending: deque[tuple[list[str], Any]] = deque()
    for chunk in work:
        pending.append(([a for a, _ in chunk], submit(chunk)))
        if len(pending) >= in_flight:
            ids, handle = pending.popleft()
            yield from zip(ids, result(handle), strict=True)
    while pending:
        ids, handle = pending.popleft()
        yield from zip(ids, result(handle), strict=True)


def _start(extractor: Extractor) -> None:
    global _worker
    _worker = Extractor(extractor.nlp, fast=extractor.fast, batch_size=extractor.batch_size)


def _run(chunk: list[Article]) -> list[list[Claim]]:
    assert _worker is not None, "worker not started"
    return _worker.extract_chunk(chunk)


def extract_parallel(extractor: Extractor, articles: Iterable[tuple[str, str]],
                     jobs: int) -> Iterator[tuple[str, list[Claim]]]:
    """Run `extractor` over `articles` on `jobs` processes; (id, claims) in input order."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(jobs, initializer=_start, initargs=(extractor,)) as pool:
        yield from in_order(chunks(articles, fast=extractor.fast, limit=extractor.limit),
                            lambda chunk: pool.apply_async(_run, (chunk,)), lambda handle: handle.get(), 2 * jobs)
