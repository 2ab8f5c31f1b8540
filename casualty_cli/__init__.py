"""casualty: numeric casualty claims, and who made them, from news text.

    from casualty_cli import extract_claims
    for claim in extract_claims(text):
        print(claim.type, claim.quantity, claim.source)
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .claims import CLAIM_TYPES, FIELDS, Claim
from .errors import CasualtyError

if TYPE_CHECKING:
    from spacy.language import Language

    from .extract.pipeline import load_pipeline
    from .tolls.rules import Toll, build_tolls

__version__ = "0.1.0"
__all__ = ["CLAIM_TYPES", "FIELDS", "CasualtyError", "Claim", "Toll", "build_tolls", "extract_claims",
           "extract_tolls", "load_pipeline", "__version__"]


def __getattr__(name: str) -> Any:
    """`Toll`, `build_tolls` and `load_pipeline` load on first use: spaCy imports this package through our
    `spacy_factories` entry point on every `spacy.load`, and should pay nothing for the tolls."""
    if name in ("Toll", "build_tolls"):
        from .tolls import rules

        return getattr(rules, name)
    if name == "load_pipeline":
        from .extract.pipeline import load_pipeline

        return load_pipeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_claims(text: str, *, nlp: Language | None = None, article: str = "-",
                   fast: bool = True) -> list[Claim]:
    """Every casualty claim of one article, in text order (see `extract.extract_claims`).

    Defined here so `import casualty_cli` stays light: spaCy loads on the first call.
    """
    from .extract.extractor import extract_claims as extract

    return extract(text, nlp=nlp, article=article, fast=fast)


def extract_tolls(texts: Iterable[str] | Mapping[str, str], *, nlp: Language | None = None,
                  fast: bool = True) -> list[Toll]:
    """One toll per text and type: each text is its own event (named by its key, or "1", "2"... for a list).

    To group several articles into one event, extract their claims and call `build_tolls` with `event_of`.
    """
    from .extract.extractor import Extractor, claims_of
    from .extract.pipeline import shared_pipeline
    from .tolls.rules import stream_tolls

    pairs = list(texts.items()) if isinstance(texts, Mapping) else [(str(n), t) for n, t in enumerate(texts, 1)]
    extractor = Extractor(nlp or shared_pipeline(), fast=fast, people=True)
    found = ((article, [c.to_dict() for c in claims_of(claims)], list(getattr(claims, "people", ())))
             for article, claims in extractor.extract_many(pairs))
    return list(stream_tolls(found))
