"""People described one by one, read from the parse (issue 25): sentences shaped like wire reports."""
from __future__ import annotations

import pytest

from casualty_cli.extract.people import read_people

CASES = [
    # one person, no number: passive subject, active object, nominal, "the body of"
    ("Gunmen have shot dead a retired judge in the northwestern city.", [("killed", 1)]),
    ("The secretary of the acting state governor has been killed by unknown gunmen.", [("killed", 1)]),
    ("Ivan Petrov, the country's ambassador to Chad, was killed at a gallery opening.", [("killed", 1)]),
    ("Police are investigating the murder of the director of a rural health charity.", [("killed", 1)]),
    ("The attack resulted in the death of a young television reporter.", [("killed", 1)]),
    ("The charred body of a priest has been recovered near the river.", [("killed", 1)]),
    # GVA headlines and leads once read by singles.py's "X of" patterns
    ("Teen charged in fatal shooting of McGavock High School student", [("killed", 1)]),
    ("Police are questioning two teens in connection to the fatal shooting of a 16-year-old in Brooklyn.",
     [("killed", 1)]),
    ("Melissa Thacker, 21, has been charged with the murder of her 4-year-old daughter.", [("killed", 1)]),
    ("A village elder was wounded when militants opened fire.", [("injured", 1)]),
    # coordinated people are summed; "N others" and "N other people" add N; a couple is two
    ("Insurgents killed a district governor and his son on Tuesday.", [("killed", 2)]),
    ("Gunmen killed a senior judge and seven members of his family.", [("killed", 8)]),
    ("A Spanish priest and four customs officers were killed.", [("killed", 5)]),
    ("The mayor was killed along with his wife and 10 other people.", [("killed", 12)]),
    ("An activist couple were killed in their home.", [("killed", 2)]),
    ("A tribal chief, his wife and three sons have been shot dead.", [("killed", 5)]),
    ("Eight miners and three other people were found dead near the camp.", [("killed", 11)]),
    ("Seven women and three children were killed in the raid.", [("killed", 10)]),
    ("A councilwoman and her driver were shot and killed.", [("killed", 2)]),
    ("A roadside bomb hit a car, killing two government officials and two of their bodyguards.", [("killed", 4)]),
    ("Gunmen killed a district governor and two of his sons.", [("killed", 3)]),
    # a lone numbered group is a claim, not people one by one; attackers are not victims
    ("Ten people were killed in the attack.", []),
    ("Two suicide bombers blew themselves up at the market.", []),
    ("The gunman was arrested after the attack.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_people(nlp, text: str, expected: list[tuple[str, int]]) -> None:
    assert [(p["type"], p["count"]) for p in read_people(nlp(text), "a")] == expected


def test_people_carry_their_sentence_and_offset(nlp) -> None:
    text = "Police said on Monday. A judge was killed."
    (person,) = read_people(nlp(text), "a.txt", base=100)
    assert person["article"] == "a.txt" and person["sentence"] == "A judge was killed."
    assert person["start"] == 100 + text.index("A judge")


def test_the_extractor_hands_people_over_beside_unchanged_claims(extractor) -> None:
    (_, claims), = extractor.extract_many([("a", "Gunmen shot dead a retired judge on Monday, police said.")])
    assert list(claims) == []
    assert [(p["type"], p["count"]) for p in claims.people] == [("killed", 1)]


@pytest.mark.parametrize(("sentence", "other"), [
    ("Gunmen killed eleven people at a camp in Sudan's war-torn Darfur region.", False),
    ("The war has killed more than 10,000 people.", True),
    ("The remains of 13 people killed after a truck blew up last week were identified.", False),
    ("Five people were killed in two separate incidents on Sunday.", False),
    ("In separate attacks elsewhere, three soldiers were killed.", True),
])
def test_words_that_date_or_place_the_event_itself_are_no_other_event(sentence: str, other: bool) -> None:
    from casualty_cli.tolls.figures import about_other_event

    assert about_other_event(sentence) is other


def test_a_figure_of_the_attackers_themselves_is_no_toll() -> None:
    from casualty_cli.tolls.figures import attackers

    assert attackers({"victims": "female suicide bombers"}) and not attackers({"victims": "people"})
