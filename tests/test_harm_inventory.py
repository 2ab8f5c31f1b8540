"""The harm inventory of issue 25 (`extract/inventory.py`, `extract/phrases.py`): multiword harm expressions,
victims named by role, demonym or group, and the role deciding whether a counted person is harmed or speaks.

Sentences marked `wad` are from ../shared/data/wad-dev (PITF World Atrocities Dataset descriptions); the others
are wire-style sentences written for the expression they test. Each case lists (quantity, type, victims) of
every claim; the negatives must stay quiet.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

Row = tuple[str, str, str | None]

CLAIMS: list[tuple[str, list[Row]]] = [
    # "X to death", "burned/buried alive", "set ablaze": the verb's own dependents make it a killing
    ("Five people were found burned to death in a van on a remote stretch of road outside Colombo.",  # wad
     [("Five", "killed", "people")]),
    ("Islamist rebels hacked to death at least 22 civilians.", [("at least 22", "killed", "civilians")]),
    ("Three journalists were stabbed to death.", [("Three", "killed", "journalists")]),
    ("Twelve miners were burned alive.", [("Twelve", "killed", "miners")]),
    ("Militants burned at least 12 civilians alive on Sunday.", [("at least 12", "killed", "civilians")]),
    ("1,200 refugees burned to death.", [("1,200", "killed", "refugees")]),
    ("At least seven persons believed to be Fulani nomads were reportedly set ablaze at Gboko central motor "
     "park.", [("At least seven", "killed", "persons")]),  # wad
    ("According to the UN human rights office, six people were hanged by ISIS in Mosul.",  # wad
     [("six", "killed", "people")]),
    ("Suspected Islamist militants beheaded nine men in an overnight attack on Jima and Poromoko villages.",  # wad
     [("nine", "killed", "men")]),
    ("Attackers wielding knives burst into a child's birthday party in the city of Tizayuca, stabbing and slashing "
     "to death 11 people, including two minors, authorities said Thursday.",  # wad
     [("11", "killed", "people"), ("two", "killed", "minors")]),
    ("Al Shabaab militants have executed two electoral delegates near the coastal city of Harardheere.",  # wad
     [("two", "killed", "delegates")]),
    # particle verbs, lives taken, a nominal killing
    ("Gunmen mowed down twelve people near the border.", [("twelve", "killed", "people")]),
    ("The bombing cost more than 48 people their lives.", [("more than 48", "killed", "people")]),
    ("The slaughter of forty civilians was condemned.", [("forty", "killed", "civilians")]),
    # injuries said by a phrase
    ("At least 25 villagers were taken to hospital.", [("At least 25", "injured", "villagers")]),
    ("The blast sent at least seven civilians to hospital.", [("at least seven", "injured", "civilians")]),
    ("Twenty villagers were badly burned.", [("Twenty", "injured", "villagers")]),
    ("Three civilians suffered serious burns.", [("Three", "injured", "civilians")]),
    ("The fire caused injuries to at least 25 villagers.", [("at least 25", "injured", "villagers")]),
    # missing as a state; displacement from homes
    ("11 migrants are missing.", [("11", "missing", "migrants")]),
    ("Twenty refugees went missing near the border.", [("Twenty", "missing", "refugees")]),
    ("14 police officers were reported missing.", [("14", "missing", "officers")]),
    ("The fighting drove twenty-five people from their homes.", [("twenty-five", "displaced", "people")]),
    ("More than 12 civilians were made homeless.", [("More than 12", "displaced", "civilians")]),
    ("The fighting caused the displacement of twenty civilians.", [("twenty", "displaced", "civilians")]),
    ("Forty displaced people are sheltering in schools.", [("Forty", "displaced", "people")]),
    # victims whoever is harmed: officials, demonyms, groups, people named for what they do
    ("Al-Shabab fighters killed three Jubbaland regional administration officials.",
     [("three", "killed", "officials")]),
    ("7 Pakistanis died in the attack.", [("7", "killed", "Pakistanis")]),
    ("Gunmen killed 11 Hazaras in Balochistan.", [("11", "killed", "Hazaras")]),
    ("The explosion injured at least four Bangladeshis.", [("at least four", "injured", "Bangladeshis")]),
    ("Troops killed 15 bandits in Zamfara.", [("15", "killed", "bandits")]),
    ("Soldiers killed seven vigilantes.", [("seven", "killed", "vigilantes")]),
    ("Police killed three suspects in a shootout.", [("three", "killed", "suspects")]),
]

NEGATIVES: list[str] = [
    "25 police officers said a villager was killed.",  # a counted speaker is not a victim
    "Seven residents said a soldier was wounded in the blast.",
    "Gunmen killed 130 pigs.",  # animals
    "Police arrested three suspects.",
    "Rioters set 30 houses ablaze.",  # things
]


def _rows(extractor, text: str) -> list[Row]:
    return [(text[c.start : c.end], c.type, c.victims) for c in extractor.extract(text, "t")]


@pytest.mark.parametrize(("text", "expected"), CLAIMS)
def test_claims(extractor, text, expected):
    assert _rows(extractor, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_claim(extractor, text):
    assert _rows(extractor, text) == []


def test_a_nameless_report_leaves_the_source_to_the_speaker(extractor):
    """ "3 deaths were reported, police said": no one speaks through "were reported", the police do."""
    claims = extractor.extract("3 deaths were reported on Sunday, police said.", "t")
    assert [(c.type, c.source) for c in claims] == [("killed", "police")]
