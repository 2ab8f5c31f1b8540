"""One vocabulary: every harm word and reporting verb of the lexicon reaches the scan."""
from __future__ import annotations

import pytest

from casualty_cli.extract import lexicon as lx
from casualty_cli.extract import scan


def _forms(words, *, verb=True):
    return sorted({form for word in words for form in lx.inflections(word, verb=verb)})


HARM_WORDS = (_forms([*lx.HARM_VERBS, *lx.HARM_CONTEXT_WORDS]) + _forms(lx.HARM_NOUNS, verb=False)
              + sorted({*lx.HARM_ADJECTIVES, *lx.FATAL_WORDS, *lx.HARM_FORMS}))


@pytest.mark.parametrize("word", HARM_WORDS)
def test_scan_admits_every_harm_word_inflected(word):
    for written in (word, word.title(), word.upper()):
        text = f"Officials said 12 people were {written} on Monday."
        assert [text[m.start():m.end()].lower() for m in scan.HARM_STEMS.finditer(text)] != [], written
        assert scan.plan_windows(text), written


@pytest.mark.parametrize("word", _forms(lx.REPORTING_VERBS))
def test_speaker_cue_admits_every_reporting_verb_inflected(word):
    assert scan.SPEAKER_CUE.search(f"The ministry {word} the figure."), word
    assert scan.SPEAKER_CUE.search(f"The ministry {word.title()} the figure."), word


@pytest.mark.parametrize(("lemma", "forms"), [
    ("strike", {"strikes", "striking", "struck"}),
    ("lose", {"loses", "losing", "lost"}),
    ("die", {"dies", "died", "dying"}),
    ("gun", {"guns", "gunned", "gunning"}),
    ("tally", {"tallies", "tallied", "tallying"}),
    ("flee", {"flees", "fleeing", "fled"}),
    ("say", {"says", "saying", "said"}),
])
def test_inflections_of_a_verb(lemma, forms):
    assert forms <= lx.inflections(lemma)


@pytest.mark.parametrize(("noun", "plural"), [("body", "bodies"), ("life", "lives"), ("casualty", "casualties"),
                                              ("death", "deaths")])
def test_inflections_of_a_noun(noun, plural):
    assert lx.inflections(noun, verb=False) == {noun, plural}


@pytest.mark.parametrize("text", ["The history of the town", "They hid in the white house", "Dieter signed",
                                  "the gunwale"])
def test_short_harm_words_are_matched_whole(text):
    assert scan.HARM_STEMS.search(text) is None


def test_official_is_a_person_whose_role_decides():
    """Issue 25: officials are victims as the patient of a harm and speakers as the subject of a reporting
    verb ("two officials said"): the role decides (`detect._speaks`), not the noun."""
    assert "official" in lx.PERSON_NOUNS and "official" not in lx.NON_PERSON_NOUNS
    assert "official" in lx.ANON_HEADS


def test_inventory_groups_reach_the_lexicon():
    """Every group of the harm inventory is read through the lexicon's lists."""
    from casualty_cli.extract import inventory as inv

    assert set(inv.KILLING_VERBS) <= set(lx.HARM_VERBS)
    assert {**inv.KILLING_NOUNS, **inv.INJURY_NOUNS, **inv.DISPLACEMENT_NOUNS}.items() <= lx.HARM_NOUNS.items()
    assert inv.DEMONYMS | inv.GROUPS | inv.ROLE_PEOPLE <= lx.PERSON_NOUNS
    assert inv.ANIMALS <= lx.NON_PERSON_NOUNS and not inv.ANIMALS & lx.PERSON_NOUNS
    assert inv.CAUSING_VERBS <= lx.LINK_VERBS


@pytest.mark.parametrize(("words", "text", "match"), [
    (["more than", "more or less", "over"], "more  than", "more  than"),
    (["kill", "killed", "killing"], "killing", "killing"),
    (["a", "ab"], "a", "a"),
])
def test_alternation_matches_the_longest_word(words, text, match):
    import re

    found = re.match(lx.alternation(words, space=r"\s+"), text)
    assert found is not None and found.group() == match
