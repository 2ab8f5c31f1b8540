"""casualty: numeric casualty claims, and who made them, from news text.

    from casualty_cli import extract_claims
    for claim in extract_claims(text):
        print(claim.type, claim.quantity, claim.source)
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .claims import CLAIM_TYPES, FIELDS, Claim
from .errors import CasualtyError
from .tolls import Toll, build_tolls

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"
__all__ = ["CLAIM_TYPES", "FIELDS", "CasualtyError", "Claim", "Toll", "build_tolls", "extract_claims",
           "extract_tolls", "__version__"]


def extract_claims(text: str, *, nlp: Language | None = None, article: str = "-",
                   fast: bool = True) -> list[Claim]:
    """Every casualty claim of one article, in text order (see `extract.extract_claims`).

    Defined here so `import casualty_cli` stays light: spaCy loads on the first call.
    """
    from .extract import extract_claims as extract

    return extract(text, nlp=nlp, article=article, fast=fast)


def extract_tolls(texts: Iterable[str] | Mapping[str, str], *, nlp: Language | None = None,
                  fast: bool = True) -> list[Toll]:
    """One toll per text and type: each text is its own event (named by its key, or "1", "2"... for a list).

    To group several articles into one event, extract their claims and call `build_tolls` with `event_of`.
    """
    from .extract import Extractor, claims_of
    from .pipeline import load_pipeline
    from .singles import read_singles
    from .tolls import stream_tolls

    pairs = list(texts.items()) if isinstance(texts, Mapping) else [(str(n), t) for n, t in enumerate(texts, 1)]
    extractor = Extractor(nlp or load_pipeline(), fast=fast)
    found = ((article, [c.to_dict() for c in claims_of(claims)], read_singles(text, article))
             for (article, claims), (_, text) in zip(extractor.extract_many(pairs), pairs, strict=True))
    return list(stream_tolls(found))
