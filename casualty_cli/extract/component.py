"""The spaCy component `casualty_claims`: claims on `doc._.casualty_claims`.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("casualty_claims")
    doc = nlp(text)
    doc._.casualty_claims           # list[Claim], offsets into doc.text
    doc.spans["casualty_claims"]    # the figures as spans, labelled with the claim type

The claims are stored as spaCy data, so everything spaCy does with a `Doc` keeps them:
plain dicts in `doc.user_data["casualty_claims"]` (one per claim, claim-spec fields) and a
`SpanGroup`; `doc._.casualty_claims` builds `Claim`s from the dicts when read. `to_bytes`,
`DocBin(store_user_data=True)` and `nlp.pipe(n_process=2)` carry them across.

The factory sets the pipeline up as the CLI's is set up (`pipeline.prepare`: the reference-mark
tokenizer rule, `casualty_sentences` before the parser, the attribute cache), so the component
alone finds the same claims as `casualty extract --full`; a pipeline without a parser, NER or
lemmas gets one `PipelineError` that names what is missing.

Claim ids are `<article>#<n>`. The article is `doc.user_data["casualty_article"]` when the caller
sets it (`doc = nlp.make_doc(text); doc.user_data["casualty_article"] = "a.txt"; nlp(doc)`), else
`<article config>-<k>`, k counting the documents this component has processed from 1, so ids
from one pipeline never collide across documents.

This module is what spaCy imports through the `spacy_factories` entry point, for every
`spacy.load` in a user's environment: it imports the rules only when a component is made.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..claims import Claim
from ..errors import PipelineError

KEY = "casualty_claims"
# Where a caller names a document's article, for its claims' `article` and ids.
ARTICLE_KEY = "casualty_article"
# What the component reads, and the annotation that shows it was set on a Doc.
NEEDS: dict[str, tuple[str, str]] = {
    "token.dep": ("a parser", "DEP"),
    "doc.ents": ("named entities (ner)", "ENT_IOB"),
    "token.lemma": ("lemmas (lemmatizer)", "LEMMA"),
}


def claims_of(doc: Doc) -> list[Claim]:
    """The `Claim`s stored on `doc` (the getter of `doc._.casualty_claims`)."""
    return [Claim(**data) for data in doc.user_data.get(KEY, ())]


Doc.set_extension(KEY, getter=claims_of, force=True)


def store(doc: Doc, claims: list[Claim]) -> None:
    """Put `claims` on `doc` as serialisable data: dicts in `user_data` and a span group."""
    doc.user_data[KEY] = [c.to_dict() for c in claims]
    spans = (doc.char_span(c.start, c.end, label=c.type, alignment_mode="expand") for c in claims)
    doc.spans[KEY] = [s for s in spans if s is not None]


def missing_annotations(nlp: Language) -> list[str]:
    """What `casualty_claims` reads that no component of `nlp` assigns."""
    assigned = {a for name in nlp.pipe_names for a in nlp.get_pipe_meta(name).assigns}
    return [what for attribute, (what, _) in NEEDS.items() if attribute not in assigned]


class CasualtyClaims:
    """Finds the claims of a whole `Doc`; needs a parser, NER and lemmas earlier in the pipeline."""

    def __init__(self, nlp: Language, name: str, article: str) -> None:
        if not isinstance(article, str):
            raise ValueError(f"casualty_claims: expected article to be a string, got {type(article).__name__}")
        missing = missing_annotations(nlp)
        if missing:
            raise PipelineError(missing, nlp.pipe_names)
        from .pipeline import prepare

        prepare(nlp)
        self.name = name
        self.article = article
        self.docs = 0

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            missing = [what for what, flag in NEEDS.values() if not doc.has_annotation(flag)]
            if missing:
                raise PipelineError(missing)
        from . import attribution as attr
        from .extractor import claims_in_doc, to_claims

        self.docs += 1
        article = doc.user_data.get(ARTICLE_KEY) or f"{self.article}-{self.docs}"
        found = claims_in_doc(doc, attr.Speakers())
        store(doc, to_claims(found, str(article), doc.text))
        return doc


@Language.factory(
    "casualty_claims",
    assigns=["doc._.casualty_claims", "doc.spans"],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"article": "doc"},
)
def make_casualty_claims(nlp: Language, name: str, article: str) -> CasualtyClaims:
    """Factory registered with spaCy and through the `spacy_factories` entry point."""
    return CasualtyClaims(nlp, name, article)
