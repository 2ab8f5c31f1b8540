"""`--jobs N`: chunks of articles on a pool of processes, and the in-flight window Dask shares.

Each worker runs the whole extraction (scan, parse, claims) on a chunk and sends
back only the claims, which are small; the parent reads input and writes output.
This beats spaCy's `nlp.pipe(n_process=N)` here, which sends every parsed `Doc`
back to the parent and leaves the claim rules to one core.

The pipeline reaches each worker once, when the worker starts: inherited for
free under the "fork" start method, pickled once under "spawn".
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

# The extractor (and spaCy) load only where a pool runs: `casualty tolls --claims` checks `--jobs` too.
if TYPE_CHECKING:
    from ..claims import Article
    from ..extract.extractor import Done, Extractor, Outcome

_worker: Extractor | None = None
_extracted: Any = None  # the pool's shared count of articles extracted, for a progress bar
# More processes than this per core only add memory (each holds a pipeline) and forks.
MAX_JOBS_PER_CORE = 4
# How often the parent looks at the workers' count of finished articles while it waits for a chunk.
PROGRESS_SECONDS = 0.2
# linux/prctl.h: ask for a signal when the parent process dies.
PR_SET_PDEATHSIG = 1


def resolve_jobs(jobs: int) -> int:
    """`jobs` as a number of processes: 0 means one per core; at most `MAX_JOBS_PER_CORE` per core."""
    if jobs < 0:
        raise ValueError(f"jobs: expected 0 (all cores) or a positive number, got {jobs}")
    cores = os.cpu_count() or 1
    return min(jobs or cores, MAX_JOBS_PER_CORE * cores)


def in_order(work: Iterable[list[Article]], submit: Callable[[list[Article]], Any],
             result: Callable[[Any], list[Outcome]], in_flight: int) -> Iterator[tuple[str, Outcome]]:
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


def _start(extractor: Extractor, parent: int, extracted: Any = None) -> None:
    global _worker, _extracted
    _die_with(parent)
    _extracted = extracted
    from ..extract.extractor import Extractor

    _worker = Extractor(extractor.nlp, fast=extractor.fast, batch_size=extractor.batch_size)


def _die_with(parent: int) -> None:
    """Make this worker end quietly when its parent does, however the parent ends.

    Ctrl-C reaches the whole process group: the parent handles it and ends the pool, so a
    worker ignores it (no traceback per worker). SIGTERM and SIGHUP get their default action
    back (a forked worker inherits the parent's handlers, which raise), so `pool.terminate()`
    ends a worker silently. On Linux the kernel also sends SIGTERM when the parent dies, even
    by SIGKILL, so no worker is left orphaned.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _run(chunk: list[Article]) -> list[Outcome]:
    assert _worker is not None, "worker not started"
    return _worker.extract_chunk(chunk, _count if _extracted is not None else None)


def _count(n: int) -> None:
    with _extracted.get_lock():
        _extracted.value += n


def extract_parallel(extractor: Extractor, articles: Iterable[tuple[str, str]],
                     jobs: int, done: Done | None = None) -> Iterator[tuple[str, Outcome]]:
    """Run `extractor` over `articles` on `jobs` processes; (id, claims) in input order. `done(n)` is
    told of the articles the workers finish, one by one, while a chunk's claims are awaited."""
    from ..extract.extractor import chunks

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    context = mp.get_context(method)
    extracted = context.Value("q", 0) if done is not None else None
    told = 0

    def result(handle: Any) -> list[Outcome]:
        nonlocal told
        while extracted is not None and done is not None:
            ready = handle.ready()  # before the count: a chunk that is ready has counted all its articles
            if extracted.value > told:
                done(extracted.value - told)
                told = extracted.value
            if ready:
                break
            handle.wait(PROGRESS_SECONDS)
        return handle.get()

    with context.Pool(jobs, initializer=_start, initargs=(extractor, os.getpid(), extracted)) as pool:
        yield from in_order(chunks(articles, fast=extractor.fast, limit=extractor.limit),
                            lambda chunk: pool.apply_async(_run, (chunk,)), result, 2 * jobs)
