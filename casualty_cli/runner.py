"""Run a loaded pipeline over many articles: batching, streaming, order kept."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import attribution as attr
from .claims import Claim
from .extract import Found, claims_in_doc, to_claims
from .scan import MAX_WINDOW, Window, plan_windows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class Extractor:
    """Runs a loaded pipeline over articles; holds the settings, not the article state."""

    def __init__(self, nlp: Language, *, fast: bool = True, batch_size: int = 32) -> None:
        self.nlp = nlp
        self.fast = fast
        self.batch_size = batch_size
        self.limit = min(MAX_WINDOW, nlp.max_length // 2)

    def extract(self, text: str, article: str = "-") -> list[Claim]:
        """The claims of one article, in text order."""
        return next(iter(self.extract_many([(article, text)])))[1]

    def extract_many(self, articles: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[Claim]]]:
        """(article, text) pairs in, (article, claims) out, in input order, streamed."""
        pending: deque[_Pending] = deque()

        def windows() -> Iterator[tuple[str, tuple[_Pending, Window]]]:
            for article, text in articles:
                entry = _Pending(article, text, plan_windows(text, fast=self.fast, limit=self.limit))
                pending.append(entry)
                for w in entry.plan:
                    yield text[w.start : w.end], (entry, w)

        def ready() -> Iterator[tuple[str, list[Claim]]]:
            while pending and len(pending[0].docs) == len(pending[0].plan):
                entry = pending.popleft()
                yield entry.article, self._assemble(entry)

        stream = self.nlp.pipe(windows(), as_tuples=True, batch_size=self.batch_size)
        for doc, (entry, window) in stream:
            yield from ready()
            entry.docs.append((window, doc))
        yield from ready()

    @staticmethod
    def _assemble(entry: _Pending) -> list[Claim]:
        speakers = attr.Speakers()
        found: list[Found] = []
        for window, doc in entry.docs:
            found.extend(claims_in_doc(doc, speakers, window.start))
        return to_claims(found, entry.article, entry.text)


@dataclass(slots=True)
class _Pending:
    """An article whose windows are still in the parser."""

    article: str
    text: str
    plan: list[Window]
    docs: list[tuple[Window, Doc]] = field(default_factory=list)
