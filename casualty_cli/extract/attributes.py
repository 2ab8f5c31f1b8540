"""Parts of speech, morphology and lemmas for a fraction of their cost: a cache in front of the
pipeline's own `attribute_ruler` and `lemmatizer`.

In en_core_web_sm those two run after the parser: 179 Matcher patterns tried on every
token, then a rule lemmatizer called token by token. Together they took 7-9 of the
45 CPU seconds of the bench corpus's extraction. Their answer for one token
depends on that token alone (its text, tag, dependency label and what earlier components
set), except where a pattern spans several tokens ("gon na", "There were").

`CachedAttributes` gives every token exactly the answer of those two components: it
computes the answer once per distinct token (on a `Doc` of the tokens not seen before,
run through the two components themselves) and copies it after that; a `Doc` where a several-token pattern
matches is run through the two components whole. A pipeline whose patterns read anything
else (neighbours' entities, a trainable lemmatizer) keeps its components as they are
(`install` returns False).
"""
from __future__ import annotations

import re
from typing import Any, cast

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

NAME = "casualty_attributes"
# What a one-token pattern may test for its answer to depend on the cache key alone.
LOCAL_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "DEP", "IS_SPACE"})
# What the cache key holds: the token's text and everything earlier components set on it.
KEY = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
# Distinct tokens remembered; beyond this the cache starts again (a long archive run stays bounded).
MAX_CACHED = 500_000
# (tag, pos, morph, lemma, dep) as ints, as the two components leave them.
Answer = tuple[int, int, int, int, int]


def _entries(ruler: AttributeRuler) -> list[dict[str, Any]]:
    """The ruler's patterns as it was given them: {"patterns": [[{token}, ...]], "attrs": ..., "index": ...}."""
    return cast(list[dict[str, Any]], ruler.patterns)


def cacheable(nlp: Language) -> bool:
    """Whether `nlp` runs a rule `lemmatizer` right after an `attribute_ruler` whose one-token patterns
    read only the token itself: the two components this module can stand in for."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or names[names.index("attribute_ruler") + 1:][:1] != ["lemmatizer"]:
        return False
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer) \
            or lemmatizer.mode not in ("rule", "lookup"):
        return False
    patterns = [p for entry in _entries(ruler) for p in entry["patterns"]]
    # Several-token patterns may read anything: they send their Doc to the components themselves.
    return all(set(p[0]) <= LOCAL_KEYS for p in patterns if len(p) == 1)


def install(nlp: Language) -> bool:
    """Put `CachedAttributes` in place of `nlp`'s attribute_ruler and lemmatizer (kept, disabled, for the
    cache to call); False, and `nlp` unchanged, when `cacheable(nlp)` is not. True at once when the
    cache is already there (a saved pipeline loaded back)."""
    if NAME in nlp.component_names:
        return True
    if not cacheable(nlp):
        return False
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


class CachedAttributes:
    """The answers of the pipeline's attribute_ruler and lemmatizer, computed once per distinct token."""

    def __init__(self, nlp: Language, name: str = NAME) -> None:
        self.nlp = nlp
        self.name = name
        self._cache: dict[tuple[int, ...], Answer] = {}
        self._contextual: Matcher | None = None
        self._openers: _Openers | None = None
        self._index: tuple[dict[int, list[str]], dict[int, frozenset[str]]] | None = None

    def _components(self) -> tuple[AttributeRuler, Lemmatizer]:
        return (cast(AttributeRuler, self.nlp.get_pipe("attribute_ruler")),
                cast(Lemmatizer, self.nlp.get_pipe("lemmatizer")))

    def _context_matcher(self) -> Matcher:
        """The attribute ruler's several-token patterns: a Doc they match is run through the ruler whole."""
        if self._contextual is None:
            ruler, _ = self._components()
            self._contextual = Matcher(self.nlp.vocab)
            for i, entry in enumerate(_entries(ruler)):
                several = [p for p in entry["patterns"] if len(p) > 1]
                if several:
                    self._contextual.add(str(i), several)
        return self._contextual

    def _may_match(self, doc: Doc) -> bool:
        """Whether a several-token pattern may match `doc`: the Matcher only runs where some token could
        open one (most Docs have none, and the Matcher costs as much as the rest of this component)."""
        if self._openers is None:
            ruler, _ = self._components()
            firsts = [p[0] for entry in _entries(ruler) for p in entry["patterns"] if len(p) > 1]
            self._openers = _Openers.of(firsts, self.nlp.vocab.strings)
        return self._openers.any_in(doc)

    def __call__(self, doc: Doc) -> Doc:
        if self._may_match(doc) and self._context_matcher()(doc):
            return self._lemmatize(self._components()[0](doc))
        cache = self._cache
        if len(cache) > MAX_CACHED:
            cache.clear()
        keys = list(map(tuple, doc.to_array(KEY).tolist()))
        missing = list(dict.fromkeys(k for k in keys if k not in cache))
        if missing:
            cache.update(zip(missing, self._compute(missing), strict=True))
        for token, key in zip(doc, keys, strict=True):
            tag, pos, morph, lemma, dep = cache[key]
            token.tag, token.pos, token.lemma = tag, pos, lemma
            token.set_morph(morph)  # type: ignore[attr-defined]
            if token.dep != dep:
                token.dep = dep
        return doc

    def _compute(self, keys: list[tuple[int, ...]]) -> list[Answer]:
        """The two components' answers for tokens never seen before: one Doc of those tokens, each set
        as the pipeline left it, run through them; one Doc per token if a several-token pattern would
        match across neighbours there."""
        ruler, _ = self._components()
        doc = Doc(self.nlp.vocab, words=[self.nlp.vocab.strings[k[0]] for k in keys], spaces=[False] * len(keys))
        for token, (_, tag, dep, pos, morph, lemma) in zip(doc, keys, strict=True):
            token.tag, token.dep, token.pos, token.lemma = tag, dep, pos, lemma
            token.set_morph(morph)  # type: ignore[attr-defined]
        if len(keys) > 1 and self._context_matcher()(doc):
            return [a for k in keys for a in self._compute([k])]
        self._lemmatize(ruler(doc))
        return [(t.tag, t.pos, t.morph.key, t.lemma, t.dep) for t in doc]  # type: ignore[attr-defined]

    def _lemmatize(self, doc: Doc) -> Doc:
        """The lemmatizer's answers, with its word index held as sets while it runs.

        spaCy's rule lemmatizer keeps each part of speech's index of known words as a
        list (57,528 nouns) and tests candidate forms against it, about 0.1 ms a word;
        a set gives the same answers at once. The lists are put back after, so the
        pipeline serialises as before.
        """
        _, lemmatizer = self._components()
        if lemmatizer.mode != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
            return lemmatizer(doc)
        table = lemmatizer.lookups.get_table("lemma_index")
        if self._index is None:
            lists = dict(table.items())
            self._index = lists, {pos: frozenset(words) for pos, words in lists.items()}
        lists, sets = self._index
        try:
            for pos, words in sets.items():
                table[pos] = words
            return lemmatizer(doc)
        finally:
            for pos, listed in lists.items():
                table[pos] = listed


class _Openers:
    """What the first token of a several-token pattern must be, as a necessary test: its lower-case form (a
    word or a regex) or its dependency label. A first token tested otherwise alone opens anywhere."""

    def __init__(self, lowers: numpy.ndarray, regexes: list[re.Pattern[str]], deps: numpy.ndarray,
                 anywhere: bool) -> None:
        self.lowers, self.regexes, self.deps, self.anywhere = lowers, regexes, deps, anywhere
        self._tested: dict[int, bool] = {}  # lower-case forms already tried against `regexes`

    @classmethod
    def of(cls, firsts: list[dict[str, Any]], strings: Any) -> _Openers:
        lowers: list[int] = []
        regexes: list[re.Pattern[str]] = []
        deps: list[int] = []
        anywhere = False
        for token in firsts:
            lower, dep = token.get("LOWER"), token.get("DEP")
            if token.get("OP") in ("?", "*", "!"):  # the pattern may open on the token after
                anywhere = True
            elif isinstance(lower, str):
                lowers.append(strings.add(lower))
            elif isinstance(lower, dict) and set(lower) == {"REGEX"}:
                regexes.append(re.compile(lower["REGEX"]))
            elif isinstance(dep, str):
                deps.append(strings.add(dep))
            else:
                anywhere = True
        return cls(numpy.array(lowers, dtype="uint64"), regexes, numpy.array(deps, dtype="uint64"), anywhere)

    def any_in(self, doc: Doc) -> bool:
        if self.anywhere:
            return True
        found = doc.to_array([LOWER, DEP])
        if numpy.isin(found[:, 0], self.lowers).any() or numpy.isin(found[:, 1], self.deps).any():
            return True
        if not self.regexes:
            return False
        tested, strings = self._tested, doc.vocab.strings
        if len(tested) > MAX_CACHED:
            tested.clear()
        for h in numpy.unique(found[:, 0]).tolist():
            if h not in tested:
                tested[h] = any(r.search(strings[h]) for r in self.regexes)
            if tested[h]:
                return True
        return False


@Language.factory(NAME, assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep"],
                  requires=["token.tag", "token.dep"])
def make_cached_attributes(nlp: Language, name: str) -> CachedAttributes:
    """The spaCy factory; `install` is the way to use it."""
    return CachedAttributes(nlp, name)
