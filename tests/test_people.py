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
    # the harms singles.py's lexicon held: shot (a casualty), states, wounds, "lost her life", headlines
    ("A 31-year-old woman was shot late Saturday on the east side.", [("casualties", 1)]),
    ("A bus driver and a passenger were struck by gunfire.", [("casualties", 2)]),
    ("A nine-year-old boy accidentally shot himself in the hand.", [("injured", 1)]),
    ("Darnell Hooks, 41, was shot in the thigh outside a gas station.", [("injured", 1)]),
    ("A retired teacher was shot in the neck and killed.", [("killed", 1)]),
    ("A 54-year-old cab driver was shot and wounded.", [("injured", 1)]),
    ("Her grandson is in serious condition at a local hospital.", [("injured", 1)]),
    ("A security guard was hospitalized after the robbery.", [("injured", 1)]),
    ("A neighbour suffered a gunshot wound to the arm.", [("injured", 1)]),
    ("The store clerk was treated for a graze wound and released.", [("injured", 1)]),
    ("A college student is dead after a fight outside a party.", [("killed", 1)]),
    ("The crash left a young mother dead.", [("killed", 1)]),
    ("A pedestrian was pronounced dead at the scene.", [("killed", 1)]),
    ("An elderly farmer lost his life in the ambush.", [("killed", 1)]),
    ("A local pastor was gunned down outside his church.", [("killed", 1)]),
    ("Man shot near gas station", [("casualties", 1)]),
    ("Woman dead, husband held after apartment fire", [("killed", 1)]),
    ("Young father shot and killed by stepson", [("killed", 1)]),
    ("Grandmother found in garage died from head wounds", [("killed", 1)]),
    ("Police said 22-year-old Renard Okafor was pronounced dead at a local hospital.", [("killed", 1)]),
    ("Lamar Whitfield, 38, died after the crash on Route 9.", [("killed", 1)]),
    ("Deputies confirmed a 20-month old is dead after the fall.", [("killed", 1)]),
    ("The robbery suspect was shot and killed by the store owner.", [("killed", 1)]),
    ("In Maroua a catechist was killed outside a chapel, the diocese said.", [("killed", 1)]),
    ("Masked gunmen shot a village headman near the market.", []),
    ("The raid killed the district judge and a suspect.", [("killed", 1)]),
    ("Local media said one civilian died and four others were hurt.", [("killed", 1)]),
    ("A 60-year-old Paramount Chief of the district, Pa Sorie Kamara, was killed by unknown men.", [("killed", 1)]),
    ("A clerk shot at the robbers before they fled.", []),
    ("The officer shot a dog that charged at him.", []),
    # a lone numbered group is a claim, not people one by one; attackers are not victims
    ("Ten people were killed in the attack.", []),
    ("Two suicide bombers blew themselves up at the market.", []),
    ("The gunman was arrested after the attack.", []),
    # harm that did not happen, or not to anyone told one by one: modality, negation, topics, generic people
    ("\"Please don't let my baby die,\" Keshia Hurston recalled saying to herself.", []),
    ("She said that she intentionally shot her husband, Henry Jackson, and that he should be dead.",
     [("casualties", 1)]),
    ("Yet another example of how guns do not kill people happened today.", []),
    ("If the gun went off on its own, maybe guns DO kill people.", []),
    ("He was in Maysville with an activist who constantly talks about killing law enforcement.", []),
    ("Giddings also attempted to kill Clackamas County Sheriff's Deputy Benjamin Frazier.", []),
    ("He showed us the holes from police bullets that nearly killed his father-in-law.", []),
    ("The second child, a 3-year-old boy, was not injured.", []),
    ("It is very fortunate that no one was killed.", []),
    ("They killed that gang member or that gang member, for the bragging rights of saying they killed people.", []),
    ("Police say the teen is accused of the attempted murder of a 20-year-old man on March 30.", []),
    ("Just before 5 p.m., a tactical team approached the door, saying they were executing a search warrant.", []),
    ("A second shooting was reported about 2 p.m. Friday in the 2600 block of N. 57th St.", []),
    ("IS militants kill a fortune-teller in Chaparhar.", [("killed", 1)]),
    ("Three people were arrested Friday in connection with the killing of a woman and a child in Shelby.",
     [("killed", 2)]),
    # another time than the event's
    ("Scott said he grew up with Day, who never knew his father and whose mother died several years ago.", []),
    ("The group was wrapping up a candlelight vigil honoring a man killed in a shooting last week.", []),
    ("We also learned that a 19-year-old male was shot and killed on the same block just last week.", []),
    ("Their home is a few yards from where Jamar Clark was killed by police during a confrontation last November.", []),
    ("A man has been arrested in the murder of a 16-year-old who was shot to death earlier this month.",
     [("killed", 1)]),
    # a rank: "the fourth victim" is one person; "a fifth victim" updates the dead; the injured are ranked among
    # all victims, and a rank among other people is one of them
    ("The fourth victim, a woman, died.", [("killed", 1)]),
    ('The fourth man died from his injuries "despite hours of life-saving efforts," the release said.',
     [("killed", 1)]),
    ("A fifth victim has died.", [("killed", 5)]),
    ("A fourth person was injured after a witness said his friend was hit by a stray bullet.",
     [("injured", 1), ("casualties", 1)]),
    ("The gunman allegedly killed his brother and an unrelated third man with a shotgun.", [("killed", 2)]),
    ("A teacher and his son were found dead inside a home along with the wounded family member who shot them.",
     [("killed", 2)]),
    # "fatally wounded" is killed; an age after a name is no count; animals are not people
    ("A toddler was fatally wounded while lying in her crib.", [("killed", 1)]),
    ("Eric Wright, 26, and Larry Watkins Jr. 26, were also injured.", [("injured", 2)]),
    ("Police say a man accidentally shot and wounded himself and his 10-year-old son while cleaning his handgun.",
     [("injured", 2)]),
    # the inventory's verbs of killing, in their sense of killing only
    ("A village chief and his son were hanged by militants.", [("killed", 2)]),
    ("\"As soon as I hung up the phone we heard a loud bang out of nowhere,\" said Rocha.", []),
    ("A noose was found hanging outside Gotha Middle School.", []),
    ("In addition, 870,000 pigs, 450,000 sheep, and 85,000 head of cattle were killed by the storm.", []),
    # sentences of local news and Airwars once read by the pattern reader tolls/singles.py (removed: the parse
    # reads them)
    ('A 25-year-old man was shot and killed Friday night.', [('killed', 1)]),
    ('A 30-year-old pharmacist Dr. Ahmed Amer Muhammad Al-Jarjawi (Al-Jurjawi) was killed shortly before '
     '4:34 PM on Monday by an alleged Israeli airstrike.',
     [('killed', 1)]),
    ('On the evening of October 30th 2023, a 59 year-old engineer Ramadan Abu al-Rous (also known as “Abu '
     'Mahmoud”), was killed in an alleged Israeli airstrike on the Abu al-Rous family home.',
     [('killed', 1)]),
    ('A man and a woman were wounded.', [('injured', 2)]),
    ('A man and his son were killed.', [('killed', 2)]),
    ('On July 24th, 2024, 45-year-old Osama Marzi Abu Lahia and 54-year-old Adel Omar Tafesh were killed '
     'in an alleged Israeli sniper attack.',
     [('killed', 2)]),
    ('Jermaine Sims, 25, and Tyrone Bell, 31, were shot and killed.', [('killed', 2)]),
    ('On October 9th, 2023, at approximately 11:30 PM, Abdullah Ahmed Abu Saif was killed in an alleged '
     'Israeli strike on his house.',
     [('killed', 1)]),
    ('On the evening of Friday, October 13th 2023, the comedian Ali Nisman, aged 35, was killed in an '
     'alleged Israeli airstrike on Gaza City.',
     [('killed', 1)]),
    ('Seventeen-year-old Elijah Jones was killed and a woman was wounded in a shooting Tuesday afternoon.',
     [('killed', 1), ('injured', 1)]),
    ('Gaza City was hit by airstrikes overnight.', []),
    ('A 15-year-old girl was shot to death and another woman was wounded Saturday.', [('killed', 1), ('injured', 1)]),
    ('Police said a man, 25, died at the scene.', [('killed', 1)]),
    ('A man is dead after a shooting.', [('killed', 1)]),
    ('Teen fatally shot in the head in East New York', [('killed', 1)]),
    ('Roanoke Police say a 10-year-old shot and killed an 11-year-old inside a Roanoke home.', [('killed', 1)]),
    ('The 16-year-old boy who was shot was pronounced dead at the scene.', [('killed', 1)]),
    ('Police say a man was shot in the leg.', [('injured', 1)]),
    ('A 27 year old man accidentally shot himself in the leg overnight.', [('injured', 1)]),
    ('Police: Teen shot by uncle across the street', [('casualties', 1)]),
    ('Someone fired one shot into the car, striking a 4-year-old girl in the arm.', [('casualties', 1)]),
    ('A teenager accidentally shot and killed her brother Friday night.', [('killed', 1)]),
    ('Officials say a weekend shooting that left a Huntingdon man dead was accidental.', [('killed', 1)]),
    ('His wife said he was a good man.', []),
    ('A man shot his wife on Sunday.', [('casualties', 1)]),
    ('A man fatally shot his wife.', [('killed', 1)]),
    ('Husband describes fatally shooting his wife', [('killed', 1)]),
    ('A man died the next day.', [('killed', 1)]),
    ('A man was arrested.', []),
    ('A man who shot his wife was arrested.', [('casualties', 1)]),
    ('Two people were killed.', []),
    ('On October 11, 2023, a paramedic Hatem Awad (48 years old) was killed by an alleged Israeli bombing.',
     [('killed', 1)]),
    ('On October 12, 2023, Safaa Jamil Mahmoud Musa (aged 28), from the North Gaza Governorate, was '
     'reportedly killed in an alleged Israeli airstrike.',
     [('killed', 1)]),
    ('At dawn on Monday, 18-year-old Adnan Jihad Muhammed Abu Baraka was reportedly killed by an alleged '
     'Israeli shelling.',
     [('killed', 1)]),
    ('A 25-day-old girl was reportedly killed by an alleged Israeli military bombing in Gaza on Thursday.',
     [('killed', 1)]),
    ('Jermaine Sims, 25, was shot and killed Saturday.', [('killed', 1)]),
    ('John Smith, 25, was arrested.', []),
    ('In Aleppo, 21 were killed.', []),
    ('A father and his four sons were killed in an alleged Israeli airstrike on their home.', [('killed', 5)]),
    ('A terrorist explosive device planted inside the Grand Mosque in Damascus went off on Friday killing '
     'the Imam Sheikh Salman al-Afandi.',
     [('killed', 1)]),
    ('On October 13th 2023, a male paramedic was injured by alleged Israeli airstrikes.', [('injured', 1)]),
    ('During the evening, a 66-year old man Haji Nayef Abdelmajid Abdelqader al-Hilah (Abu Ramez) was '
     'killed when the camp was bombed.',
     [('killed', 1)]),
    ('A woman was killed when terrorists fired two mortar shells on Ain al-Dananeer village in the '
     'countryside of Homs province A woman was killed when terrorists fired two mortar shells on Ain '
     'al-Dananeer village in the countryside of Homs province.',
     [('killed', 1)]),
    ('A man was shot in the leg and later died.', [('killed', 1)]),
    ('A man was shot. His dog died.', [('casualties', 1)]),
    ('Woman and boyfriend killed in brazen daytime East Oakland shooting', [('killed', 2)]),
    ('Man and woman shot in Southside', [('casualties', 2)]),
    ('A man and woman were shot Sunday.', [('casualties', 2)]),
    ('Dalton area boy, 8, dies from accidental gunshot wound', [('killed', 1)]),
    ('A man shot his wife', [('casualties', 1)]),
    ("A man, a woman and a child were killed.", [("killed", 3)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_people(nlp, text: str, expected: list[tuple[str, int]]) -> None:
    assert [(p["type"], p["count"]) for p in read_people(nlp(text), "a") if p["count"]] == expected


def test_people_carry_their_sentence_and_offset(nlp) -> None:
    text = "Police said on Monday. A judge was killed."
    (person,) = read_people(nlp(text), "a.txt", base=100)
    assert person["article"] == "a.txt" and person["sentence"] == "A judge was killed."
    assert person["start"] == 100 + text.index("A judge")


def test_the_extractor_hands_people_over_beside_unchanged_claims(extractor, people_extractor) -> None:
    text = "Gunmen shot dead a retired judge on Monday, police said. Two soldiers were wounded, police said."
    (_, claims), = people_extractor.extract_many([("a", text)])
    assert [(p["type"], p["count"]) for p in claims.people] == [("killed", 1)]
    (_, alone), = extractor.extract_many([("a", text)])  # `casualty extract` reads no people, the same claims
    assert alone.people == [] and alone == claims and [c.quantity for c in claims] == ["Two"]


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


@pytest.mark.parametrize("text", [
    "Yet another example of how guns do not kill people happened today.",
    "Scott said he grew up with Day, whose mother died several years ago.",
])
def test_harm_that_did_not_happen_vetoes_the_sentence(nlp, text: str) -> None:
    """A count of 0 tells the tolls to count nobody there, whatever else of the sentence reads as harm."""
    assert [(p["type"], p["count"]) for p in read_people(nlp(text), "a")] == [("killed", 0)]


FILLER = "The council met on Tuesday to discuss the budget for the coming year. "


@pytest.mark.parametrize(("text", "expected"), [case for case in CASES if case[1]])
def test_the_fast_path_reads_people_as_a_whole_parse_does(people_extractor, text: str, expected) -> None:
    """Sentences with no count near a harm are parsed alone and without NER (`scan.Window.people`); the
    recognizer runs only where a proper noun asks for it. The people read are those of a whole parse."""
    (_, claims), = people_extractor.extract_many([("a", FILLER * 3 + "\n\n" + text + "\n\n" + FILLER * 3)])
    assert [(p["type"], p["count"]) for p in claims.people if p["count"]] == expected
    assert all(p["sentence"] in text for p in claims.people)


def test_a_doc_without_entities_asks_for_them_when_a_proper_noun_decides(nlp) -> None:
    from casualty_cli.extract.people import EntitiesNeeded

    text = "Gaston shot and killed Sheymarr Noble during a midday fight on Joffre Avenue."
    with pytest.raises(EntitiesNeeded):
        read_people(next(iter(nlp.pipe([text], disable=["ner"]))), "a")
    assert [p["count"] for p in read_people(nlp.get_pipe("ner")(next(iter(nlp.pipe([text], disable=["ner"])))), "a")] \
        == [p["count"] for p in read_people(nlp(text), "a")] == [1]
    assert read_people(next(iter(nlp.pipe(["Gunmen shot dead a retired judge."], disable=["ner"]))), "a")
