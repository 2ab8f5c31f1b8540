"""Run a loaded pipeline over many articles: batching, streaming, order kept.

Articles are read from the input a chunk at a time (`CHUNK_WINDOWS` windows or
`CHUNK_ARTICLES` articles, whichever comes first); a chunk's windows go
through `nlp.pipe` together and its claims come out before the next chunk is
read, so memory does not grow with the number of articles. With `jobs > 1`
the chunks go to a pool of processes (see `parallel.py`), each with its own
copy of the pipeline, and come back in input order.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from . import attribution as attr
from .claims import Claim
from .extract import Found, claims_in_doc, to_claims
from .scan import MAX_WINDOW, Window, plan_windows

if TYPE_CHECKING:
    from spacy.language import Language

# A chunk is closed when it holds this many windows to parse...
CHUNK_WINDOWS = 64
# ... or this many articles (articles without a candidate sentence add no window).
CHUNK_ARTICLES = 256

Article = tuple[str, str]


def resolve_jobs(jobs: int) -> int:
    """`jobs` as a number of processes: 0 means one per core."""
    if jobs < 0:
        raise ValueError(f"jobs: expected 0 (all cores) or a positive number, got {jobs}")
    return jobs or os.cpu_count() or 1


class Extractor:
    """Runs a loaded pipeline over articles; holds the settings, not the article state.

    `fast=True` parses only the candidate sentences and their neighbours (see
    `scan.py`); `fast=False` parses everything. `jobs` processes share the work
    (0 = one per core); each loads its own copy of the pipeline once.
    """

    def __init__(self, nlp: Language, *, fast: bool = True, batch_size: int = 256, jobs: int = 1) -> None:
        self.nlp = nlp
        self.fast = fast
        self.batch_size = batch_size
        self.jobs = resolve_jobs(jobs)
        self.limit = min(MAX_WINDOW, nlp.max_length // 2)

    def extract(self, text: str, article: str = "-") -> list[Claim]:
        """The claims of one article, in text order."""
        return self.extract_chunk([(article, text)])[0]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[str, list[Claim]]]:
        """(article, text) pairs in, (article, claims) out, in input order, streamed."""
        if self.jobs > 1:
            from .parallel import extract_parallel

            yield from extract_parallel(self, chunks(articles, fast=self.fast, limit=self.limit), self.jobs)
            return
        for chunk in chunks(articles, fast=self.fast, limit=self.limit):
            yield from zip((a for a, _ in chunk), self.extract_chunk(chunk), strict=True)

    def extract_chunk(self, chunk: list[Article]) -> list[list[Claim]]:
        """The claims of each article of `chunk`, parsed in one `nlp.pipe` pass."""
        plans = [plan_windows(text, fast=self.fast, limit=self.limit) for _, text in chunk]
        pieces = ((text[w.start : w.end], n)
                  for n, ((_, text), plan) in enumerate(zip(chunk, plans, strict=True)) for w in plan)
        speakers = [attr.Speakers(article_text=text) for _, text in chunk]
        found: list[list[Found]] = [[] for _ in chunk]
        windows = iter([w for plan in plans for w in plan])
        # Windows come back in order, so an article's windows are read first to last and its
        # speakers carry from one window to the next, as in one long Doc.
        for doc, n in self.nlp.pipe(pieces, as_tuples=True, batch_size=self.batch_size):
            window: Window = next(windows)
            found[n].extend(claims_in_doc(doc, speakers[n], window.start))
        return [to_claims(f, article, text) for f, (article, text) in zip(found, chunk, strict=True)]


def chunks(articles: Iterable[Article], *, fast: bool = True, limit: int = MAX_WINDOW) -> Iterator[list[Article]]:
    """Cut the article stream into chunks of about `CHUNK_WINDOWS` windows, lazily."""
    it = iter(articles)
    while True:
        chunk: list[Article] = []
        windows = 0
        for article in islice(it, CHUNK_ARTICLES):
            chunk.append(article)
            windows += _weight(article[1], fast=fast, limit=limit)
            if windows >= CHUNK_WINDOWS:
                break
        if not chunk:
            return
        yield chunk


def _weight(text: str, *, fast: bool, limit: int) -> int:
    """About how many windows an article brings, without scanning it twice: its size in windows."""
    if not fast:
        return 1 + len(text) // limit
    return 1 + len(text) // (limit // 4) if text else 0


def run(extractor: Extractor, articles: Iterable[Article], *, jobs: int = 1, dask: str | None = None,
        model: str | None = None) -> Iterator[tuple[str, list[Claim]]]:
    """What `casualty extract` runs: in this process, on `jobs` processes, or on Dask.

    `dask` is a scheduler address ("tcp://HOST:8786") or "local" for a new
    LocalCluster of `jobs` workers (0 = one per core); its workers load `model`.
    """
    if dask is None:
        extractor.jobs = resolve_jobs(jobs)
        yield from extractor.extract_many(articles)
        return
    from .dask import connect, extract_many

    with connect(dask, workers=jobs) as client:
        yield from extract_many(client, articles, model=model, fast=extractor.fast)
