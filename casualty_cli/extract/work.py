"""How a stream of articles is cut into units of work: one `nlp.pipe` pass, one task on a process pool or a
Dask worker (`run/`). Model-free, so the runners can cut without loading spaCy."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from ..claims import Article
from .scan import MAX_WINDOW

T = TypeVar("T")
# One `nlp.pipe` batch holds about this many characters: the parser's peak memory follows it.
BATCH_CHARS = 100_000
# A chunk is closed when it holds this many windows to parse...
CHUNK_WINDOWS = 256
# ... or this many articles (articles without a candidate sentence add no window).
CHUNK_ARTICLES = 256


def window_limit(max_length: int) -> int:
    """The longest window to parse: half the parser's limit, at most `MAX_WINDOW`."""
    return min(MAX_WINDOW, max_length // 2)


def chunks(articles: Iterable[tuple[str, str]], *, fast: bool = True,
           limit: int = MAX_WINDOW) -> Iterator[list[Article]]:
    """Cut the article stream into chunks of about `CHUNK_WINDOWS` windows, lazily.

    A chunk is the unit of work everywhere: one `nlp.pipe` pass here, one task on a
    process pool or a Dask worker; memory does not grow with the number of articles.
    """
    it = iter(articles)
    while True:
        chunk: list[Article] = []
        windows = 0
        for article in islice(it, CHUNK_ARTICLES):
            chunk.append(Article(*article))
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


def batches(pieces: Iterable[tuple[str, T]], most: int) -> Iterator[list[tuple[str, T]]]:
    """Windows in groups of at most `most` windows and about `BATCH_CHARS` characters."""
    batch: list[tuple[str, T]] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= most or size + len(piece[0]) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    if batch:
        yield batch
