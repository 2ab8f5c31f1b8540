"""Run the extraction on a Dask cluster: `--dask local`, `--dask-scheduler tcp://HOST:8786`, `extract_bag`.

Dask is optional (`pip install casualty[dask]`); nothing else in `casualty_cli`
imports this module, and it imports Dask only when called.

Each worker process loads the pipeline once, on its first task, and keeps it in
`_EXTRACTORS` (a module-level cache in the worker); the calling process loads
none. Tasks are chunks of articles (`extract.chunks`, cut with the same window
limit as in one process), and only the claims travel back.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..errors import ArticleFailed, DaskError, DaskMissing
from ..extract.extractor import Extractor
from ..extract.scan import MAX_WINDOW
from ..extract.work import chunks
from .parallel import in_order, resolve_jobs

if TYPE_CHECKING:
    from ..claims import Article
    from ..extract.extractor import Outcome

# A cluster that has no workers for this long fails the run instead of hanging.
WORKERLESS_SECONDS = 60.0
POLL_SECONDS = 1.0
_EXTRACTORS: dict[tuple[str | None, bool, bool], Extractor] = {}
_LOCK = threading.Lock()


def _require() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        raise DaskMissing() from e


def worker_extractor(model: str | None = None, fast: bool = True, people: bool = False) -> Extractor:
    """The extractor of this process, built on first use: the model loads once per worker."""
    key = (model, fast, people)
    with _LOCK:
        if key not in _EXTRACTORS:
            from ..extract.pipeline import shared_pipeline

            _EXTRACTORS[key] = Extractor(shared_pipeline(model), fast=fast, people=people)
        return _EXTRACTORS[key]


def extract_chunk(chunk: list[Article], model: str | None = None, fast: bool = True,
                  people: bool = False) -> list[Outcome]:
    """The task a worker runs: the claims of each article of `chunk` (with their people, `people`)."""
    extractor = worker_extractor(model, fast, people)
    with _LOCK:  # one parse at a time per process: a spaCy pipeline is not thread-safe
        return extractor.extract_chunk(chunk)


@contextmanager
def connect(scheduler: str, *, workers: int = 0) -> Iterator[Any]:
    """A `distributed.Client`: to `scheduler` ("tcp://HOST:8786"), or to a new LocalCluster for "local".

    `workers` sets the LocalCluster's worker processes (0 = one per core, one thread each).
    """
    _require()
    from distributed import Client, LocalCluster

    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=resolve_jobs(workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            with cluster, Client(cluster) as client:
                yield client
        else:
            with Client(scheduler, timeout="10s") as client:
                yield client
    except OSError as e:
        raise DaskError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e


def extract_many(client: Any, articles: Iterable[tuple[str, str]], *, model: str | None = None, fast: bool = True,
                 people: bool = False, limit: int = MAX_WINDOW, in_flight: int | None = None,
                 patience: float = WORKERLESS_SECONDS) -> Iterator[tuple[str, Outcome]]:
    """(id, text) pairs in, (id, claims) out in input order, computed on `client`'s workers.

    At most `in_flight` chunks are submitted ahead of the one being read (default:
    twice the cluster's threads), so a long stream is neither read ahead nor held. A
    cluster left without workers for `patience` seconds raises `DaskError` instead of
    waiting for ever. A chunk whose workers keep dying (Dask retries it on another worker
    up to `distributed.scheduler.allowed-failures` times) gives `ArticleFailed` for each of
    its articles, and the run goes on.
    """
    if in_flight is None:
        in_flight = 2 * max(1, sum(client.nthreads().values()))

    def submit(chunk: list[Article]) -> tuple[Any, int]:
        return client.submit(extract_chunk, chunk, model, fast, people, pure=False), len(chunk)

    def result(handle: tuple[Any, int]) -> list[Outcome]:
        future, size = handle
        claims: list[Outcome] = _result(client, future, patience, size)
        future.release()
        return claims

    yield from in_order(chunks(articles, fast=fast, limit=limit), submit, result, in_flight)


def _result(client: Any, future: Any, patience: float, size: int) -> Any:
    """The future's result, checking every `POLL_SECONDS` that the cluster still has workers;
    `size` failed articles when the workers running it died too often."""
    from distributed import KilledWorker

    since = None
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except KilledWorker:
            return [ArticleFailed("extraction failed: the Dask workers running its chunk of articles died "
                                  "(out of memory?)")] * size
        except TimeoutError:
            pass
        try:
            workers = len(client.nthreads())
        except Exception:  # the scheduler itself is gone
            workers = 0
        if workers:
            since = None
            continue
        since = since if since is not None else time.monotonic()
        if time.monotonic() - since >= patience:
            raise DaskError(f"the Dask cluster has had no workers for {patience:.0f} s; "
                            "start workers (dask worker SCHEDULER) and run again")


def _bag_partition(items: list[Any], partition: int, model: str | None, fast: bool,
                   limit: int) -> list[dict[str, Any]]:
    articles = [(f"{partition}-{i}", item) if isinstance(item, str) else (str(item[0]), item[1])
                for i, item in enumerate(items)]
    out: list[dict[str, Any]] = []
    for part in chunks(articles, fast=fast, limit=limit):
        for claims in extract_chunk(part, model, fast):
            if isinstance(claims, list):  # a failed article has no claims to give
                out.extend(c.to_dict() for c in claims)
    return out


def extract_bag(bag: Any, *, model: str | None = None, fast: bool = True, limit: int = MAX_WINDOW) -> Any:
    """A `dask.bag` of claim dicts (claim-spec fields) from a bag of articles.

    Items are `(id, text)` pairs, which name the article of each claim, or plain
    `str` texts, which are named `<partition>-<index>` (stable for a given bag).
    Claims come partition by partition, in article order within each.
    """
    _require()
    import dask.bag as db
    from dask import delayed

    parts = bag.to_delayed(optimize_graph=False)
    return db.from_delayed([delayed(_bag_partition)(p, n, model, fast, limit) for n, p in enumerate(parts)])
