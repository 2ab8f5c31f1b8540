"""The spaCy component `casualty_claims`: claims on `doc._.casualty_claims`.

    nlp.add_pipe("casualty_claims")
    doc = nlp(text)
    doc._.casualty_claims  # list[Claim], offsets into doc.text
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import attribution as attr
from .claims import Claim
from .extract import claims_in_doc, to_claims

if not Doc.has_extension("casualty_claims"):
    Doc.set_extension("casualty_claims", default=None)


class CasualtyClaims:
    """Finds the claims of a whole `Doc`; needs a parser and NER earlier in the pipeline."""

    def __init__(self, nlp: Language, name: str, article: str) -> None:
        if not isinstance(article, str):
            raise ValueError(f"casualty_claims: expected article to be a string, got {type(article).__name__}")
        self.name = name
        self.article = article

    def __call__(self, doc: Doc) -> Doc:
        found = claims_in_doc(doc, attr.Speakers())
        claims: list[Claim] = to_claims(found, self.article, doc.text)
        doc._.casualty_claims = claims
        return doc


@Language.factory(
    "casualty_claims",
    assigns=["doc._.casualty_claims"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"article": "-"},
)
def make_casualty_claims(nlp: Language, name: str, article: str) -> CasualtyClaims:
    """Factory registered with spaCy and through the `spacy_factories` entry point."""
    return CasualtyClaims(nlp, name, article)
