"""Detection and typing on real sentences from ../shared/data, each a pattern the rules must read.

Every row: the sentence and the claims it must give, in text order, as
(quantity, type, quantity of the claim it breaks down or None).
"""
from __future__ import annotations

import pytest

CASES = [
    # coordinated harms with their own groups
    ("At least 17 people were killed and many more injured on Monday by suicide bombings that targeted "
     "a police station.", [("At least 17", "killed", None)]),
    ("Six were shot -- 2 killed and 4 wounded -- outside of a home in the 1900 block of Northwest 83rd Terrace "
     "in Miami-Dade, Detective Dan Ferrin said.",
     [("Six", "casualties", None), ("2", "killed", None), ("4", "injured", None)]),
    ("One man is in custody but no charges have been filed in a shooting outside a rural Missouri nightclub "
     "that left one man dead and six others injured, authorities said.",
     [("one", "killed", None), ("six", "injured", None)]),
    ("Chemical substances were used in the attack which left at least 100 people killed and over 400 wounded "
     "mostly women and children according to the directorate of health in Idlib province.",
     [("at least 100", "killed", None), ("over 400", "injured", None)]),
    # harm reached through a linking verb
    ("SOHR said 76 children and 41 women were among those killed in clashes over the last 15 days.",
     [("76", "killed", None), ("41", "killed", None)]),
    ("More than 140000 people are estimated to have been killed since the start of the uprising against "
     "President Bashar al-Assad in March 2011.", [("More than 140000", "killed", None)]),
    ("Meanwhile fighting between Islamic State militants and a Kurdish-Arab alliance troops has forced 13000 "
     "residents to flee the IS-bastion city of Manbij.", [("13000", "displaced", None)]),
    ("According to report ISIS has executed around 367 people in the town while 240 more have gone missing.",
     [("around 367", "killed", None), ("240", "missing", None)]),
    ("The death toll in al-Faid neighborhood reached 3 in addition to 8 injured people.",
     [("3", "killed", None), ("8", "injured", None)]),
    ("The al-Ghoul family lost 11 relatives in the bombing.", [("11", "killed", None)]),
    # injuries told by hospital conditions and wounds
    ("Two people were flown to a hospital in Memphis, Tennessee, in critical condition.",
     [("Two", "injured", None)]),
    ("Following the gunfire, officers located six people with gunshot wounds.", [("six", "injured", None)]),
    ("Two had gunshot wounds to the arms and a legs.", [("Two", "injured", None)]),
    ("Dozens more people were wounded or still trapped under rubble.", [("Dozens", "injured", None)]),
    # headlines without punctuation
    ("18 November 2016 6 citizens killed 22 injured in terrorist attacks with shells in Damascus Aleppo and "
     "Idleb.", [("6", "killed", None), ("22", "injured", None)]),
    # breakdowns, and a coordinated breakdown
    ("Shortly before 15:27 on Friday, June 21, 2024, ten civilians belonging to the Salah and Abu Sultan "
     "families, including two women and two children, were reportedly killed and up to 20 others were "
     "wounded in an alleged Israeli airstrike on the Gaza Strip.",
     [("ten", "killed", None), ("two", "killed", "ten"), ("two", "killed", "ten"), ("up to 20", "injured", None)]),
    # a description of the victims is not the harm
    ("A car bombing blamed on Daesh killed at least 26 displaced people in eastern Syria on Friday.",
     [("at least 26", "killed", None)]),
    # shot with a separate death count stays "casualties"
    ("Metropolitan police said four people were shot and one person killed in a shooting incident in "
     "southeast Washington early Sunday morning.", [("four", "casualties", None), ("one", "killed", None)]),
    # numbers that count shots, ages, "each one": no claim
    ("Officials say all of the victims are from Roswell and each one suffered gunshot wounds.", []),
    ("Cruz pulled a .357-caliber revolver and fired one shot, police said, striking the victim in the chest.", []),
    ("Police are investigating after a 10-year-old boy was shot in the leg with buckshot at the dog park in "
     "Enfield on Saturday night.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_claims_of_a_sentence(extractor, text, expected):
    claims = extractor.extract(text, "s")
    by_id = {c.id: c.quantity for c in claims}
    for c in claims:
        assert text[c.start : c.end] == c.quantity
    assert [(c.quantity, c.type, by_id.get(c.part_of)) for c in claims] == expected
