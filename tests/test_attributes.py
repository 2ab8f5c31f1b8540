"""The attribute cache gives every token what spaCy's own attribute_ruler and lemmatizer give it."""
from __future__ import annotations

import pytest
import spacy

from casualty_cli.extract import attributes
from casualty_cli.extract.pipeline import candidate_models

from .conftest import SEEDS

pytestmark = pytest.mark.model

SENTENCES = [
    # several-token patterns of the ruler: the whole Doc goes through the components themselves
    "There were 12 people killed and there's no sign of the gunmen.",
    "They're gonna say it ain't over, y'all, but let's see: c'mon, we gotta count the dead.",
    # one-token patterns that read the dependency label: "I"/"you"/"it" as subject and object, "but" as adverb
    "I told you it killed them, but it hit me too; all but one survived.",
    "Abdul Sattar al-Habbo, the chief of Mosul municipality, told Reuters that 531 people, including "
    "200 children, had been killed.",
    "The ministry's spokesman said 3 died.\n\nTwo others were wounded,   he added. Fatalities: 731 total",
    "ISIS militants executed 14 civilians in Deir Ezzor on Saturday, the Syrian Observatory said.",
]


def _answers(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def plain():
    """The same model with its own components and nothing of casualty's but the sentence starts."""
    from casualty_cli.extract import sentences  # noqa: F401  (registers casualty_sentences)

    for name in candidate_models():
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("casualty_sentences", before="parser")
        return nlp
    pytest.skip("no model installed")


def test_the_loaded_pipeline_uses_the_cache(nlp):
    assert attributes.NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_answers_as_the_components_themselves(nlp, plain, text):
    assert _answers(nlp(text)) == _answers(plain(text))


def test_same_answers_on_the_seeds_twice(nlp, plain):
    """The second pass reads every token from the cache."""
    for _ in range(2):
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            assert _answers(nlp(text)) == _answers(plain(text))


def test_the_lemmatizer_index_is_left_as_lists(nlp):
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nlp("Gunmen killed 12 villagers.")
    assert all(isinstance(words, list) for words in table.values())


def test_a_pipeline_without_the_two_components_is_left_alone():
    nlp = spacy.blank("en")
    assert attributes.install(nlp) is False
    assert nlp.pipe_names == []


def test_the_pipeline_pickles_with_the_cache(extractor):
    """A process pool started with "spawn" (no fork on the platform) pickles the extractor and its pipeline."""
    import pickle

    text = "Police said 12 people were killed. There were 30 wounded, the ministry said."
    copy = pickle.loads(pickle.dumps(extractor))
    assert attributes.NAME in copy.nlp.pipe_names
    assert [c.to_dict() for c in copy.extract(text)] == [c.to_dict() for c in extractor.extract(text)]


@pytest.mark.parametrize(("firsts", "text", "may"), [
    ([{"LOWER": "gon"}], "They are gon na count.", True),
    ([{"LOWER": "gon"}], "Three people were killed.", False),
    ([{"LOWER": {"REGEX": "^y'?$"}}], "Y' all know it.", True),
    ([{"DEP": "expl"}], "Three people were killed.", False),
    ([{"LOWER": "gon", "OP": "?"}], "Three people were killed.", True),
    ([{"POS": "NOUN"}], "Three people were killed.", True),
])
def test_several_token_patterns_are_tried_only_where_one_may_open(nlp, firsts, text, may):
    """The Matcher costs as much as the rest of the cache: it runs only on Docs where a pattern's first token is."""
    openers = attributes._Openers.of(firsts, nlp.vocab.strings)
    assert openers.any_in(nlp.make_doc(text)) is may
