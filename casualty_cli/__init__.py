"""casualty: numeric casualty claims, and who made them, from news text.

    from casualty_cli import extract_claims
    for claim in extract_claims(text):
        print(claim.type, claim.quantity, claim.source)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .claims import CLAIM_TYPES, FIELDS, Claim
from .errors import CasualtyError

if TYPE_CHECKING:
    from spacy.language import Language

__version__ = "0.1.0"
__all__ = ["CLAIM_TYPES", "FIELDS", "CasualtyError", "Claim", "extract_claims", "__version__"]


def extract_claims(text: str, *, nlp: Language | None = None, article: str = "-",
                   fast: bool = True) -> list[Claim]:
    """Every casualty claim of one article, in text order (see `extract.extract_claims`).

    Defined here so `import casualty_cli` stays light: spaCy loads on the first call.
    """
    from .extract import extract_claims as extract

    return extract(text, nlp=nlp, article=article, fast=fast)
