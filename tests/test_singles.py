"""People described one by one, without a number: real sentences from local news."""
from __future__ import annotations

import pytest

from casualty_cli.tolls.singles import read_singles


@pytest.mark.parametrize(("text", "expected"), [
    ("A 25-year-old man was shot and killed Friday night.", [("killed", 1)]),
    # Airwars ispt0515, ispt0767: prose full of names is no headline; a title's full stop ends no sentence
    ("A 30-year-old pharmacist Dr. Ahmed Amer Muhammad Al-Jarjawi (Al-Jurjawi) was killed shortly before 4:34 PM "
     "on Monday by an alleged Israeli airstrike.", [("killed", 1)]),
    ("On the evening of October 30th 2023, a 59 year-old engineer Ramadan Abu al-Rous (also known as “Abu "
     "Mahmoud”), was killed in an alleged Israeli airstrike on the Abu al-Rous family home.", [("killed", 1)]),
    ("A man and a woman were wounded.", [("injured", 2)]),
    ("A man and his son were killed.", [("killed", 2)]),
    # Airwars ispt240724b: two named people joined by "and"
    ("On July 24th, 2024, 45-year-old Osama Marzi Abu Lahia and 54-year-old Adel Omar Tafesh were killed in an "
     "alleged Israeli sniper attack.", [("killed", 2)]),
    ("Jermaine Sims, 25, and Tyrone Bell, 31, were shot and killed.", [("killed", 2)]),
    # GVA headlines: three words of a place before a noun ("the fatal shooting of X": tests/test_people.py)
    ("Otter Tail County Boy Dies After Being Accidentally Shot", [("killed", 1)]),
    # Airwars ispt0074, ispt0174: a full name right before its death; an age after ", aged"
    ("On October 9th, 2023, at approximately 11:30 PM, Abdullah Ahmed Abu Saif was killed in an alleged Israeli "
     "strike on his house.", [("killed", 1)]),
    ("On the evening of Friday, October 13th 2023, the comedian Ali Nisman, aged 35, was killed in an alleged "
     "Israeli airstrike on Gaza City.", [("killed", 1)]),
    ("Seventeen-year-old Elijah Jones was killed and a woman was wounded in a shooting Tuesday afternoon.",
     [("killed", 1), ("injured", 1)]),
    ("Gaza City was hit by airstrikes overnight.", []),
    ("West Allis police are investigating a shooting which left a 19-year-old man dead and a 17-year-old boy "
     "injured.", [("killed", 1), ("injured", 1)]),
    ("A 15-year-old girl was shot to death and another woman was wounded Saturday.", [("killed", 1), ("injured", 1)]),
    ("Police said a man, 25, died at the scene.", [("killed", 1)]),
    ("A man is dead after a shooting.", [("killed", 1)]),
    ("Teen fatally shot in the head in East New York", [("killed", 1)]),
    ("Roanoke Police say a 10-year-old shot and killed an 11-year-old inside a Roanoke home.", [("killed", 1)]),
    ("The 16-year-old boy who was shot was pronounced dead at the scene.", [("killed", 1)]),
    ("One of the victims, an elderly woman, was shot by a stray bullet.", [("casualties", 1)]),
    ("Police say a man was shot in the leg.", [("injured", 1)]),
    ("A 27 year old man accidentally shot himself in the leg overnight.", [("casualties", 1)]),
    ("Police: Teen shot by uncle across the street", [("casualties", 1)]),
    ("Someone fired one shot into the car, striking a 4-year-old girl in the arm.", [("casualties", 1)]),
    ("A teenager accidentally shot and killed her brother Friday night.", [("killed", 1)]),
    ("Officials say a weekend shooting that left a Huntingdon man dead was accidental.", [("killed", 1)]),
    ("His wife said he was a good man.", []),
    ("A man shot his wife on Sunday.", []),
    ("A man fatally shot his wife.", [("killed", 1)]),
    ("Husband describes fatally shooting his wife", [("killed", 1)]),
    ("A man died the next day.", [("killed", 1)]),
    ("A man was arrested.", []),
    ("A man who shot his wife was arrested.", []),
    ("Two people were killed.", []),
    ("On October 11, 2023, a paramedic Hatem Awad (48 years old) was killed by an alleged Israeli bombing.",
     [("killed", 1)]),
    ("On October 12, 2023, Safaa Jamil Mahmoud Musa (aged 28), from the North Gaza Governorate, was reportedly "
     "killed in an alleged Israeli airstrike.", [("killed", 1)]),
    ("At dawn on Monday, 18-year-old Adnan Jihad Muhammed Abu Baraka was reportedly killed by an alleged Israeli "
     "shelling.", [("killed", 1)]),
    ("A 25-day-old girl was reportedly killed by an alleged Israeli military bombing in Gaza on Thursday.",
     [("killed", 1)]),
    ("Jermaine Sims, 25, was shot and killed Saturday.", [("killed", 1)]),
    ("John Smith, 25, was arrested.", []),
    ("In Aleppo, 21 were killed.", []),
    ("Police said a 7-year-old fatally shot Ty-Ryne Hoskins, 3, of Toledo on Oct.", [("killed", 1)]),
    ("A father and his four sons were killed in an alleged Israeli airstrike on their home.", [("killed", 5)]),
    ("At least one man, 43-year-old Hisham Abu Khattab, was killed when Al-Taqwa mosque was bombed.",
     [("killed", 1)]),
    ("During the night, at least one civilian, a woman, was killed.", [("killed", 1)]),
    ("A man, a woman and a child were killed.", [("killed", 3)]),
    # FA-KES (SANA) and Airwars ispt0187: a title before a name is the person's noun, not part of the name
    ("A terrorist explosive device planted inside the Grand Mosque in Damascus went off on Friday killing the Imam "
     "Sheikh Salman al-Afandi.", [("killed", 1)]),
    ("On October 13th 2023, a male paramedic was injured by alleged Israeli airstrikes.", [("injured", 1)]),
    ("A man, a woman, and a child were killed.", [("killed", 3)]),
    ("Around 7:40 on Sunday, a 68-year old Palestinian civilian Hajj Abdul Mohsen Abu al-Rous and his 6-year old "
     "grandson Majd Muhammad Abdul Mohsen Abu al-Rous were reportedly killed by an alleged Israeli airstrike.",
     [("killed", 2)]),
    ("On November 2nd 2023, 48-year-old Iyad Tayeh Jamil Matar, a journalist for Al-Aqsa TV and his mother, were "
     "reportedly killed in an alleged Israeli bombing.", [("killed", 2)]),
    ("During the evening, a 66-year old man Haji Nayef Abdelmajid Abdelqader al-Hilah (Abu Ramez) was killed when "
     "the camp was bombed.", [("killed", 1)]),
    ("Juvenile Dies After Morgantown Man Allegedly Mishandles Handgun - WBOY", [("killed", 1)]),
    # FA-KES: a lead pasted twice without a full stop tells of one woman; two places are two women
    ("A woman was killed when terrorists fired two mortar shells on Ain al-Dananeer village in the countryside of "
     "Homs province A woman was killed when terrorists fired two mortar shells on Ain al-Dananeer village in the "
     "countryside of Homs province.", [("killed", 1)]),
    ("A woman was killed in Homs and a woman was killed in Hama.", [("killed", 2)]),
    # GVA: a headline that ends with the death of the person it shot
    ("Boy shot while hunting west of Phoenix dies", [("killed", 1)]),
    ("A man was shot in the leg and later died.", [("killed", 1)]),
    ("A man was shot. His dog died.", [("casualties", 1)]),
    # GVA headlines name two people without articles; a place before the noun stays a prefix
    ("Woman and boyfriend killed in brazen daytime East Oakland shooting", [("killed", 2)]),
    ("Man and woman shot in Southside", [("casualties", 2)]),
    ("A man and woman were shot Sunday.", [("casualties", 2)]),
    ("Dalton area boy, 8, dies from accidental gunshot wound", [("killed", 1)]),
    # title-case headlines: a capitalised preposition after the harm is no victim's name
    ("Teen Shot To Death In Pacoima", [("killed", 1)]),
    ("Man Shot Outside Bar", [("casualties", 1)]),
    ("A man shot his wife", []),
])
def test_read_singles(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(s["type"], s["count"]) for s in read_singles(text)] == expected


def test_sentence_and_offsets_are_kept() -> None:
    text = "Police were called at 2 a.m. A man was shot and killed."
    (single,) = read_singles(text, "a.txt")
    assert single["article"] == "a.txt"
    assert text[single["start"]:].startswith(single["sentence"])
