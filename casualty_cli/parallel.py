"""`--jobs N`: chunks of articles on a pool of processes, results in input order.

Each worker runs the whole extraction (scan, parse, claims) on a chunk and sends
back only the claims, which are small; the parent reads input and writes output.
This beats spaCy's `nlp.pipe(n_process=N)` here, which sends every parsed `Doc`
back to the parent and leaves the claim rules to one core.

The pipeline reaches each worker once, when the worker starts: inherited for
free under the "fork" start method, pickled once under "spawn". At most
`2 * jobs` chunks are in flight, so a long input stream is not read ahead.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .claims import Claim
    from .runner import Article, Extractor

_worker: Extractor | None = None


def _start(extractor: Extractor) -> None:
    global _worker
    from .runner import Extractor

    _worker = Extractor(extractor.nlp, fast=extractor.fast, batch_size=extractor.batch_size)


def _run(chunk: list[Article]) -> list[list[Claim]]:
    assert _worker is not None, "worker not started"
    return _worker.extract_chunk(chunk)


def extract_parallel(extractor: Extractor, chunks: Iterable[list[Article]],
                     jobs: int) -> Iterator[tuple[str, list[Claim]]]:
    """Run `extractor` over `chunks` on `jobs` processes; (article, claims) in input order."""
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    pending: deque[tuple[list[str], AsyncResult[list[list[Claim]]]]] = deque()
    with ctx.Pool(jobs, initializer=_start, initargs=(extractor,)) as pool:
        for chunk in chunks:
            pending.append(([a for a, _ in chunk], pool.apply_async(_run, (chunk,))))
            if len(pending) >= 2 * jobs:
                yield from _ready(pending.popleft())
        while pending:
            yield from _ready(pending.popleft())


def _ready(item: tuple[list[str], AsyncResult[list[list[Claim]]]]) -> Iterator[tuple[str, list[Claim]]]:
    ids, result = item
    yield from zip(ids, result.get(), strict=True)
