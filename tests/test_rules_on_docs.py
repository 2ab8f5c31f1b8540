"""Detection and attribution rules on hand-built `Doc`s: the parse is given, no model is loaded.

Each sentence is written out with the words, heads, labels, tags and lemmas the
English pipeline gives it, so a rule is pinned whatever a new model version parses.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from casualty_cli.extract import attribution as attr
from casualty_cli.extract import detect, victims

VOCAB = spacy.blank("en").vocab


def parsed(rows: str, ents: list[str] | None = None) -> Doc:
    """A Doc from lines of `word head dep pos tag lemma` (head: index of the head word)."""
    table = [line.split() for line in rows.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in table], heads=[int(r[1]) for r in table], deps=[r[2] for r in table],
               pos=[r[3] for r in table], tags=[r[4] for r in table], lemmas=[r[5] for r in table],
               ents=ents or ["O"] * len(table))


KILLED_VILLAGERS = """
Gunmen    1 nsubj  NOUN  NNS gunman
killed    1 ROOT   VERB  VBD kill
12        3 nummod NUM   CD  12
villagers 1 dobj   NOUN  NNS villager
.         1 punct  PUNCT .   .
"""
TOLL_ROSE = """
The   2 det      DET  DT  the
death 2 compound NOUN NN  death
toll  3 nsubj    NOUN NN  toll
rose  3 ROOT     VERB VBD rise
to    3 prep     ADP  IN  to
52    4 pobj     NUM  CD  52
.     3 punct    PUNCT . .
"""
FORTY_DEAD = """
40   1 nummod NUM CD 40
dead 1 ROOT   ADJ JJ dead
"""
POLICE_SHOT = """
Police 1 nsubj     PROPN NNP police
said   1 ROOT      VERB  VBD say
3      3 nummod    NUM   CD  3
people 5 nsubjpass NOUN  NNS person
were   5 auxpass   AUX   VBD be
shot   1 ccomp     VERB  VBN shoot
.      1 punct     PUNCT .   .
"""
KHATIB_TOLD_REUTERS = """
Hamza   1 compound PROPN NNP Hamza
Khatib  2 nsubj    PROPN NNP Khatib
told    2 ROOT     VERB  VBD tell
Reuters 2 dobj     PROPN NNP Reuters
8       5 nummod   NUM   CD  8
people  6 nsubj    NOUN  NNS person
died    2 ccomp    VERB  VBD die
.       2 punct    PUNCT .   .
"""


@pytest.mark.parametrize(("rows", "count", "noun", "harm", "kind"), [
    (KILLED_VILLAGERS, 2, "villagers", "killed", "killed"),  # the harm governs the count
    (TOLL_ROSE, 5, None, "toll", "killed"),  # both hang on a linking verb
    (POLICE_SHOT, 2, "people", "shot", "casualties"),  # a passive: the counted people suffer
])
def test_a_harm_word_reaches_its_count_through_the_tree(rows, count, noun, harm, kind):
    doc = parsed(rows)
    num = doc[count]
    found_noun = detect.counted_noun(num)
    assert (found_noun.text if found_noun is not None else None) == noun
    found = detect.find_harm(num, found_noun, doc[:])
    assert found is not None and (found.token.text, found.type) == (harm, kind)


def test_a_harm_word_right_after_the_count_wins_whatever_the_parse():
    doc = parsed(FORTY_DEAD)
    found = detect.adjacent_harm(doc[0])
    assert found is not None and (found.token.text, found.type, found.distance) == ("dead", "killed", 0)


def test_the_agent_of_a_killing_is_not_its_victim():
    doc = parsed(KILLED_VILLAGERS)
    assert detect.find_harm(doc[0], None, doc[:]) is None  # "Gunmen" did the killing


@pytest.mark.parametrize(("article", "kind"), [
    ("Police said 3 people were shot. All three were wounded.", "injured"),  # wounds, never deaths
    ("Police said 3 people were shot. One died.", "casualties"),
])
def test_people_shot_are_typed_by_the_article_given_as_an_argument(article, kind):
    doc = parsed(POLICE_SHOT)
    harm = detect.find_harm(doc[2], doc[3], doc[:])
    assert harm is not None
    assert victims.refine_type(harm, {2}, article) == kind


def test_a_subject_of_a_reporting_verb_is_the_source():
    doc = parsed(POLICE_SHOT)
    speakers = attr.Speakers()
    assert attr.attribute(doc[2], speakers, [], doc[:]) == attr.Attribution("Police", None, None, "said")


def test_told_names_the_outlet_and_the_speaker_is_remembered():
    doc = parsed(KHATIB_TOLD_REUTERS, ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O"])
    speakers = attr.Speakers()
    found = attr.attribute(doc[4], speakers, [], doc[:])
    assert found == attr.Attribution("Hamza Khatib", None, "Reuters", "told")
    assert [s.name for s in speakers.seen] == ["Hamza Khatib"]  # a later "he said" resolves to him
