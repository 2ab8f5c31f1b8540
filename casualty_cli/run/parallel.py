"""`--jobs N`: chunks of articles on a pool of processes, and the in-flight window Dask shares.

Each worker runs the whole extraction (scan, parse, claims) on a chunk and sends
back only the claims, which are small; the parent reads input and writes output.
This beats spaCy's `nlp.pipe(n_process=N)` here, which sends every parsed `Doc`
back to the parent and leaves the claim rules to one core.

The pipeline reaches each worker once, when the worker starts: inherited for
free under the "fork" start method, pickled once under "spawn". A worker that dies
(the out-of-memory killer) is replaced and its chunk retried (`Pool`).
"""
from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from ..errors import ArticleFailed

# The extractor (and spaCy) load only where a pool runs: `casualty tolls --claims` checks `--jobs` too.
if TYPE_CHECKING:
    from ..claims import Article
    from ..extract.extractor import Done, Extractor, Outcome

# More processes than this per core only add memory (each holds a pipeline) and forks.
MAX_JOBS_PER_CORE = 4
# What a worker sends: how many more articles of its chunk are done, then the chunk's outcomes.
PROGRESS, OUTCOMES = "progress", "outcomes"
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


def _serve(conn: Connection, extractor: Extractor, parent: int) -> None:
    """A worker: build its extractor once, then run each chunk it is sent until it is sent `None`.

    It ends by `os._exit`: a worker forked mid-run holds a copy of the parent's unwritten
    output (stdout, `-o`), which a normal exit would flush a second time.
    """
    try:
        _die_with(parent)
        from ..extract.extractor import Extractor

        worker = Extractor(extractor.nlp, fast=extractor.fast, people=extractor.people,
                           batch_size=extractor.batch_size)

        def tell(n: int) -> None:  # each article as it is done, for the parent's progress bar
            conn.send((PROGRESS, n))

        while (task := conn.recv()) is not None:
            conn.send((OUTCOMES, worker.extract_chunk(task, tell)))
    finally:
        os._exit(0)


def _die_with(parent: int) -> None:
    """Make this worker end quietly when its parent does, however the parent ends.

    Ctrl-C reaches the whole process group: the parent handles it and ends the pool, so a
    worker ignores it (no traceback per worker). SIGTERM and SIGHUP get their default action
    back (a forked worker inherits the parent's handlers, which raise), so `terminate()`
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


@dataclass
class _Task:
    ticket: int
    first: int  # where the task's articles start in its chunk
    articles: list[Article]
    retry: bool = False


@dataclass
class _Worker:
    process: Any
    conn: Connection
    task: _Task | None = None


class Pool:
    """Processes that each run one chunk at a time, and a worker that dies is noticed.

    `multiprocessing.Pool` waits for ever for the chunk of a worker killed by a signal
    (the out-of-memory killer's SIGKILL). Here the parent watches each worker's process:
    when one dies, the articles of its chunk are run again, each alone, once; an article
    whose worker dies again comes out as `ArticleFailed`, and the run goes on. `done(n)` is
    told as the workers finish articles, one by one, and never of more articles than were submitted.
    """

    def __init__(self, extractor: Extractor, jobs: int, done: Done | None = None) -> None:
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        self._context: Any = mp.get_context(method)
        self._extractor = extractor
        self._queue: deque[_Task] = deque()
        self._done: dict[int, list[Outcome | None]] = {}
        self._tickets = 0
        self._told: dict[int, int] = {}  # articles of each ticket told to `done`
        self._tell = done
        self._workers = [self._spawn() for _ in range(jobs)]

    def _spawn(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self._extractor, os.getpid()), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def submit(self, chunk: list[Article]) -> int:
        """Queue `chunk`; its ticket for `result`."""
        self._tickets += 1
        self._done[self._tickets] = [None] * len(chunk)
        self._told[self._tickets] = 0
        self._queue.append(_Task(self._tickets, 0, list(chunk)))
        self._dispatch()
        return self._tickets

    def result(self, ticket: int) -> list[Outcome]:
        """Wait for the outcomes of the chunk of `ticket`."""
        while any(o is None for o in self._done[ticket]):
            self._dispatch()
            busy = [w for w in self._workers if w.task is not None]
            assert busy, "a chunk is pending but no worker runs it"
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn in ready:
                    self._receive(worker)
                elif worker.process.sentinel in ready:
                    self._lost(worker)
        self._progress(ticket, len(self._done[ticket]))  # what no message told (articles of a dead worker)
        del self._told[ticket]
        outcomes = self._done.pop(ticket)
        return [o for o in outcomes if o is not None]

    def _progress(self, ticket: int, n: int) -> None:
        """Tell `done` of `n` more articles of `ticket`, never past its size (a retried article tells again)."""
        n = min(n, len(self._done[ticket]) - self._told[ticket])
        if n > 0:
            self._told[ticket] += n
            if self._tell is not None:
                self._tell(n)

    def _dispatch(self) -> None:
        for worker in self._workers:
            if worker.task is None and self._queue:
                worker.task = self._queue.popleft()
                try:
                    worker.conn.send(worker.task.articles)
                except OSError:  # died while idle: its task goes back to the queue, unharmed
                    self._queue.appendleft(worker.task)
                    self._replace(worker)

    def _receive(self, worker: _Worker) -> None:
        task = worker.task
        assert task is not None
        try:
            kind, message = worker.conn.recv()
        except (EOFError, OSError):  # died while sending
            self._lost(worker)
            return
        if kind == PROGRESS:
            self._progress(task.ticket, message)
            return
        outcomes = message
        self._done[task.ticket][task.first : task.first + len(outcomes)] = outcomes
        worker.task = None

    def _lost(self, worker: _Worker) -> None:
        """`worker` died running its task: retry each article alone, or give up on one already retried."""
        task = worker.task
        assert task is not None
        worker.process.join()
        if task.retry:
            self._done[task.ticket][task.first] = ArticleFailed(_death(worker.process.exitcode))
        else:
            self._queue.extend(_Task(task.ticket, task.first + i, [a], retry=True)
                               for i, a in enumerate(task.articles))
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.conn.close()
        fresh = self._spawn()
        worker.process, worker.conn, worker.task = fresh.process, fresh.conn, None

    def close(self) -> None:
        """End every worker: asked to when idle, terminated when busy (the run was stopped)."""
        for worker in self._workers:
            try:
                if worker.task is None:
                    worker.conn.send(None)
                else:
                    worker.process.terminate()
            except OSError:
                pass
        for worker in self._workers:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()


def _death(exitcode: int | None) -> str:
    """Why a worker died, for the article's error line."""
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit status {exitcode}"
    hint = " (out of memory?)" if exitcode == -signal.SIGKILL else ""
    return f"extraction failed: the worker process died twice on it, {how}{hint}"


def extract_parallel(extractor: Extractor, articles: Iterable[tuple[str, str]],
                     jobs: int, done: Done | None = None) -> Iterator[tuple[str, Outcome]]:
    """Run `extractor` over `articles` on `jobs` processes; (id, claims) in input order. `done(n)` is
    told as the workers finish articles (a progress bar's `advance`), one by one."""
    from ..extract.work import chunks

    pool = Pool(extractor, jobs, done)
    try:
        yield from in_order(chunks(articles, fast=extractor.fast, limit=extractor.limit),
                            pool.submit, pool.result, 2 * jobs)
    finally:
        pool.close()
