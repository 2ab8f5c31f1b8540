"""Extraction rules found on text that is not conflict news (issue 12): headlines that parse
badly, killings tried and not done, killing nouns that name something else, ages after a noun,
lists whose counts leave their harm to the first one, "of whom", "near" and "exceeded", "both",
"N of M" (a part of M), people taken and not harmed ("kidnapped 900 Executed 18"), a part that says
how it fared ("Four teenagers were shot, one fatally"), people behind modifier words ("Fifteen aid
volunteers"), a figure the tagger joins to "overnight", an aside between a count and its harm word.

Sentences are from ../shared/data (origin noted: gva, fakes, wiki = Wikimpacts); each case
lists (quantity, type, value, qualifier, quantity of the parent claim) of every claim, and the
negatives must stay quiet.
"""
from __future__ import annotations

import pytest

Row = tuple[str, str, int, str, str | None]

CLAIMS: list[tuple[str, list[Row]]] = [
    # "one of the seven people shot" holds a claim of 7 (claim-spec §1), with the group's own harm: the "has
    # died" the parse joins to "shot" is the one's
    ("One of the two firefighters shot while checking on a man's welfare in Maryland Friday night has died, "
     "officials confirmed.",  # gva:541379
     [("two", "casualties", 2, "exact", None)]),
    # the first number a "death toll" rises to is the toll, whatever harm word stands nearer
    ("The death toll from terrorist attacks on residential neighborhoods in Aleppo city has risen to 13 and 106 "
     "injured including women and children.",  # fakes
     [("13", "killed", 13, "exact", None), ("106", "injured", 106, "exact", None)]),
    ("The death toll from the terrorist groups rocket attacks on Salah Eddin neighborhood in Aleppo city rose to 8 "
     "civilians in addition to 12 injured.",  # fakes
     [("8", "killed", 8, "exact", None), ("12", "injured", 12, "exact", None)]),
    ("Death Toll from Terrorist Attacks in Aleppo City Rises to 11 44 Injured",  # fakes
     [("11", "killed", 11, "exact", None), ("44", "injured", 44, "exact", None)]),
    ("Death toll from terrorist rocket attacks in Aleppo rises to 8 more casualties reported in Idleb",  # fakes
     [("8", "killed", 8, "exact", None)]),
    ("The death toll rose to dozens of people.", [("dozens", "killed", 24, "vague", None)]),
    # a count between two harm verbs is the first one's; a shared count comes after both (or before, passive)
    ("On Tuesday in northern Syria an airstrike on the village of Maaret Harmeh killed 10 people and wounded several "
     "others activists said.",  # fakes
     [("10", "killed", 10, "exact", None)]),
    ("Syrian government air strikes on opposition-held towns across the country killed at least 44 people on Monday "
     "and wounded more than 100 a monitoring group said.",  # fakes
     [("at least 44", "killed", 44, "at_least", None), ("more than 100", "injured", 100, "more_than", None)]),
    ("At dawn on Wednesday, October 18th, 2023, at least two people were reportedly killed and between seven and 13 "
     "people were injured, with four of them likely to have ended up in a coma.",  # airwars ispt0331
     [("at least two", "killed", 2, "at_least", None), ("between seven and 13", "injured", 7, "range", None),
      ("four", "injured", 4, "exact", None)]),
    ("Shortly before 7:56 PM on Tuesday, one man was reportedly killed and up to four civilians, including a child, "
     "were injured in an alleged Israeli airstrike.",  # airwars ispt0570
     [("one", "killed", 1, "exact", None), ("up to four", "injured", 4, "at_most", None)]),
    ("The Al-Masry family home in Deir Al Balah was allegedly bombed by Israeli forces, resulting in at least seven "
     "deaths and at least eight injuries.",  # airwars ispt0447
     [("at least seven", "killed", 7, "at_least", None), ("at least eight", "injured", 8, "at_least", None)]),
    ("Six civilians were killed on Thursday and 34 others were injured in Aleppo city According to a source at Aleppo "
     "Police Command two people were killed and 15 others were injured in a rocket attack.",  # fakes
     [("Six", "killed", 6, "exact", None), ("34", "injured", 34, "exact", None), ("two", "killed", 2, "exact", None),
      ("15", "injured", 15, "exact", None)]),
    ("The attack killed and wounded 10 people.", [("10", "casualties", 10, "exact", None)]),
    ("Gunmen killed 4 Sunday night.", [("4", "killed", 4, "exact", None)]),  # the tagger reads a time
    ("Ten people were killed and wounded.", [("Ten", "casualties", 10, "exact", None)]),
    # "displaced millions" is a verb and its count; "killed more than 120 evacuees" is the verb's harm
    ("The conflict has killed more than 280000 people and displaced millions.",  # fakes
     [("more than 280000", "killed", 280000, "more_than", None), ("millions", "displaced", 2000000, "vague", None)]),
    ("Days after a bombing killed more than 120 evacuees and delayed the population transfer.",  # fakes
     [("more than 120", "killed", 120, "more_than", None)]),
    ("The floods displaced 5000 refugees.", [("5000", "displaced", 5000, "exact", None)]),
    # the harm verb right before a count is its harm however the comma-less parse hangs the count
    ("Military jets believed to be Russian killed at least 60 civilians trying to flee heavy fighting in the "
     "oil-rich Deir al-Zor province opposition activists and a war monitor said late on Wednesday.",  # fakes
     [("at least 60", "killed", 60, "at_least", None)]),
    # headlines and word order
    ("Phoenix shooting: Drive-by shooting kills 2, injures 4",  # gva:52a08f01
     [("2", "killed", 2, "exact", None), ("4", "injured", 4, "exact", None)]),
    ("MORE: 'Horrific scene' as 3 found dead, 1 survivor in Gentilly home attack",  # gva:df1a4f9d
     [("3", "killed", 3, "exact", None)]),
    ("2 shot dead in parking dispute; girl, 16, dies from asthma attack",  # gva:fb3b6706
     [("2", "killed", 2, "exact", None)]),
    ("Three people wound up dead early Thursday after gunfire erupted.",  # gva:fb3b6706
     [("Three", "killed", 3, "exact", None)]),
    ("At vigil, dozens mourn four slain in South Linden", [("four", "killed", 4, "exact", None)]),  # gva:13c8d6d8
    ("Real estate agent found woman and two slain victims in upstairs bedroom",  # gva:92547918
     [("two", "killed", 2, "exact", None)]),
    ("Kankakee County sheriff: Four homicides in less than 36 hours",  # gva:c1f68d98
     [("Four", "killed", 4, "exact", None)]),
    # the outcome of victims said after them
    ("SAN ANTONIO - The second of two victims fatally shot at an East Side car wash late Monday night has been "
     "identified by the Bexar County Medical Examiner's Office.", [("two", "killed", 2, "exact", None)]),  # gva:db3b70
    ("Sources told Eyewitness News that all three victims who died had gunshot wounds to their heads.",  # gva:df1a4f
     [("three", "killed", 3, "exact", None)]),
    ("– Two men who were shot and killed at the Four Points Sheraton have been identified.",  # gva:8dc77550
     [("Two", "killed", 2, "exact", None)]),
    ("Police: Family of four dies in Father’s Day murder-suicide at Roy home",  # gva:3096c3
     [("four", "killed", 4, "exact", None)]),
    ("All four family members appear to have died from gunshot wounds.",  # gva:3096c3
     [("four", "killed", 4, "exact", None)]),
    # displaced: forced from or losing their homes
    ("By 20 May, at least 62 people had died as a result of the flooding, and hundreds of thousands had been "
     "forced from their homes.",  # wiki
     [("at least 62", "killed", 62, "at_least", None),
      ("hundreds of thousands", "displaced", 200_000, "vague", None)]),
    ("There, 4,014 homes were demolished, resulting in more than 24,000 individuals losing their homes.",  # wiki
     [("more than 24,000", "displaced", 24_000, "more_than", None)]),
    # a clause with a subject and verb of its own is another statement; "as were" is not
    ("Two people died after getting washed away by floodwaters, and ten people were rescued from flooded "
     "homes.", [("Two", "killed", 2, "exact", None)]),  # wiki
    ("Their son and his wife were also killed, as were their two young children.",  # airwars:ispt0361
     [("two", "killed", 2, "exact", None)]),
    # a count the parse hangs on the place before it
    ("In Jassem in the southern province of Daraa 15 civilians were killed in four air strikes while 25 others "
     "were wounded.",  # fakes:1923848197
     [("15", "killed", 15, "exact", None), ("25", "injured", 25, "exact", None)]),
    ("The rocket bomb led to the killing of one person and the injury of 40 others.",  # fakes:1914946
     [("one", "killed", 1, "exact", None), ("40", "injured", 40, "exact", None)]),
    # a range or a figure the tagger reads as a date or time
    ("An alleged Israeli airstrike hit several houses in Jabalia in northern Gaza, killing between 55 and 63 "
     "civilians, including up to 24 children, and injuring at least six others.",  # airwars:ispt0135
     [("between 55 and 63", "killed", 55, "range", None), ("up to 24", "killed", 24, "at_most", "between 55 and 63"),
      ("at least six", "injured", 6, "at_least", None)]),
    ("Kurdish police put the death toll at 16 earlier.", [("16", "killed", 16, "exact", None)]),  # fakes:65
    # a count the tagger calls money, though no currency is named, with a passive verb of its own
    ("More than a quarter of a million people have been killed and more than 10 million have been displaced "
     "across the war-battered country.",  # fakes
     [("More than a quarter of a million", "killed", 250_000, "more_than", None),
      ("more than 10 million", "displaced", 10_000_000, "more_than", None)]),
    ("The blast killed 12 and 30 were wounded, police said.",  # the parse hangs 30 on 12
     [("12", "killed", 12, "exact", None), ("30", "injured", 30, "exact", None)]),
    ("On October 18 2023, one adult male – 19-year old Hamza Tawfiq Abu Daher – was killed and multiple "
     "civilians were injured following an alleged Israeli airstrike.",  # airwars:ispt0346
     [("one", "killed", 1, "exact", None)]),
    ("On Monday, October 16, 2023, seven civilians were killed, and several others, including an infant, were "
     "injured, in an alleged Israeli airstrike on the Bahar family house.",  # airwars:ispt0238, shortened
     [("seven", "killed", 7, "exact", None)]),
    ("On Monday, October 16, 2023, seven civilians were killed, including a journalist of al-Aqsa TV Issam "
     "Mohammad Sabhi Bahar, two women and four children, and several others, including an infant, were injured.",
     [("seven", "killed", 7, "exact", None), ("two", "killed", 2, "exact", "seven"),  # airwars:ispt0238
      ("four", "killed", 4, "exact", "seven")]),
    ("Five people were killed, including a boy, and 12 were injured.",
     [("Five", "killed", 5, "exact", None), ("12", "injured", 12, "exact", None)]),
    ("At Least Six Lebanese Pilgrims Killed Dozens Hurt in Damascus",  # fakes:1965495335
     [("At Least Six", "killed", 6, "at_least", None), ("Dozens", "injured", 24, "vague", None)]),
    # dates and leading zeros
    ("On 7 March 5 people died after heavy rain caused a river to overflow and flood a cave.",  # wiki:8Lbci8N
     [("5", "killed", 5, "exact", None)]),
    # hedges: "near" is about; "exceeded" bounds the figure, which stays the quantity
    ("The death toll exceeded 1,400 people.", [("1,400", "killed", 1400, "more_than", None)]),  # wiki:U8NCPRY
    ("A letter from New Bern recounted, \"The hurricane has done a vast deal of damage here, near 150 lives "
     "being lost at the Bar.\"",  # wiki:NKjNgKy
     [("near 150", "killed", 150, "about", None)]),
    # lists and breakdowns whose counts leave noun and harm to the claim before them
    ("Confirmed deaths in the United States include at least 116 in Oregon (of which 72 are in Multnomah "
     "County, which includes Portland),[14] at least 112 in Washington[15] and one death in Idaho.",  # wiki:U8NCPRY
     [("at least 116", "killed", 116, "at_least", None), ("72", "killed", 72, "exact", "at least 116"),
      ("at least 112", "killed", 112, "at_least", None), ("one", "killed", 1, "exact", None)]),
    ("Most of the deaths occurred in Canada – about 600 more deaths than usual were noted in British Columbia "
     "and 66 in Alberta.",  # wiki:U8NCPRY
     [("about 600", "killed", 600, "about", None), ("66", "killed", 66, "exact", None)]),
    ("There was about 3,200 heat-related deaths in the UK, 2,800 of whom were above the age of 65.[186]",  # wiki
     [("about 3,200", "killed", 3200, "about", None), ("2,800", "killed", 2800, "exact", "about 3,200")]),
    ("From 25 May to 14 June, up to 18 people have died, including 2.22 million people were affected in 17 "
     "cities in Guangdong.", [("up to 18", "killed", 18, "at_most", None)]),  # wiki:ZRieM39
    ("Xangsane was responsible for 187 casualties, including 83 possibly indirectly from the crash of "
     "Singapore Airlines Flight 006 on October 31, 2000.",  # wiki:C4J4mo6
     [("187", "casualties", 187, "exact", None), ("83", "casualties", 83, "exact", "187")]),
    # "N were among M": the count after "among" is the whole, the one before it (and its coordinated
    # counts) a part; but not other people's words before "among", nor across a harm word
    ("Two medics were among at least 31 people killed on Saturday in Syrian government shelling of an "
     "opposition-held town northeast of the capital the Syrian Observatory for Human Rights said.",  # fakes:1918398795
     [("Two", "killed", 2, "exact", "at least 31"), ("at least 31", "killed", 31, "at_least", None)]),
    ("2 medics among at least 31 dead in regime shelling of opposition-held Syrian town",  # fakes:1918398795
     [("2", "killed", 2, "exact", "at least 31"), ("at least 31", "killed", 31, "at_least", None)]),
    ("Three children were among at least 19 civilian killed in an air raid on a village held by the Islamic "
     "State group in northern Syria on Wednesday.",  # fakes:1923102909
     [("Three", "killed", 3, "exact", "at least 19"), ("at least 19", "killed", 19, "at_least", None)]),
    ("Ten children were among at least 48 people killed in a Syrian village last week when regime forces "
     "executed six families of rebel fighters a monitoring group said on Saturday",  # fakes:1918398778
     [("Ten", "killed", 10, "exact", "at least 48"), ("at least 48", "killed", 48, "at_least", None)]),
    ("6 children among 19 dead in Syria regime bombing Civil defence AFP",  # fakes:1923848272
     [("6", "killed", 6, "exact", "19"), ("19", "killed", 19, "exact", None)]),
    ("Six children were among 19 civilians killed Thursday in regime bombing of opposition-held neighbourhoods "
     "in Syrias second city of Aleppo the civil defence said.",  # fakes:1923848272
     [("Six", "killed", 6, "exact", "19"), ("19", "killed", 19, "exact", None)]),
    ("Meanwhile the Observatory said 10 children and 13 rebels were among 48 people executed by government "
     "forces in the northern village of Rityan earlier this week.",  # fakes:1923848200
     [("10", "killed", 10, "exact", "48"), ("13", "killed", 13, "exact", "48"), ("48", "killed", 48, "exact", None)]),
    ("At least 68 children were among the 126 people killed in the attack the Syrian Observatory for Human "
     "Rights said updating a previous toll of 112 dead.",  # fakes:1923848126
     [("At least 68", "killed", 68, "at_least", "126"), ("126", "killed", 126, "exact", None),
      ("112", "killed", 112, "exact", None)]),
    ("Shooting at dice game in Northwest Miami-Dade ends in two deaths among the nine shot.",  # gva:924bd920
     [("two", "killed", 2, "exact", "nine"), ("nine", "casualties", 9, "exact", None)]),
    ("US-led strikes kill 56 civilians in Syria Monitor AFP Children were among at least 56 civilians killed in "
     "strikes by a US-led coalition early on Tuesday near a Syrian village held by the Islamic State (IS) group "
     "a monitor said.",  # fakes:1923848168
     [("56", "killed", 56, "exact", None), ("at least 56", "killed", 56, "at_least", None)]),
    ('Opposition minister among 12 dead in Syria car bomb A "minister" in Syrias opposition government was among '
     "at least 12 people killed in a car bomb attack in the south of the country on Thursday.",  # fakes:1923848273
     [("12", "killed", 12, "exact", None), ("at least 12", "killed", 12, "at_least", None)]),
    ("Eastern Ghouta killed at least 82 people among them 18 children.",  # fakes:1923848193
     [("at least 82", "killed", 82, "at_least", None), ("18", "killed", 18, "exact", "at least 82")]),
    # headlines without commas: the harm participle right after a count and its noun is its harm, unless a
    # count follows that participle (then it is a verb with a group of its own)
    ("Two children killed 5 others injured in terrorist rocket attack in Aleppo.",  # fakes:1926478964
     [("Two", "killed", 2, "exact", None), ("5", "injured", 5, "exact", None)]),
    ("Seven killed 37 others injured due to terrorist attacks in Aleppo and Sweida.",  # fakes:1926479017
     [("Seven", "killed", 7, "exact", None), ("37", "injured", 37, "exact", None)]),
    ("10 civilians killed 15 injured in terrorist rocket attacks on Aleppo and Deir Ezzor",  # fakes:1926478916
     [("10", "killed", 10, "exact", None), ("15", "injured", 15, "exact", None)]),
    ("4 Turkish Troopers Killed 4 Wounded in Daesh Attack in N Syria",  # fakes:1962495730
     [("4", "killed", 4, "exact", None), ("4", "injured", 4, "exact", None)]),
    ("Terrorist Rocket Attacks Kill 10 Civilians Injured Dozens in Daraa.",  # fakes:1962495701
     [("10", "killed", 10, "exact", None), ("Dozens", "injured", 24, "vague", None)]),
    ("Kurds kill 83 Injured 100 ISIS Terrorists in 2 Days Near Efrin.",  # fakes:1962495686
     [("83", "killed", 83, "exact", None), ("100", "injured", 100, "exact", None)]),
    ("Islamists Launch Rocket Attack on Damascus At Least 3 Killed 30 Wounded\n05.02.2015 A Syrian rebel Islamist "
     "group has launched a rocket attack on residential areas of Damascus.",  # fakes:1965495334, a date is no count
     [("At Least 3", "killed", 3, "at_least", None), ("30", "injured", 30, "exact", None)]),
    # "N of M": N is a part of the whole M
    ("Monitor 10 of 48 people executed by forces loyal to regime were children",  # fakes:1918398778
     [("10", "killed", 10, "exact", "48"), ("48", "killed", 48, "exact", None)]),
    ("Ten of the 48 people killed were children",
     [("Ten", "killed", 10, "exact", "48"), ("48", "killed", 48, "exact", None)]),
    ("Two of the five injured were in critical condition",
     [("Two", "injured", 2, "exact", "five"), ("five", "injured", 5, "exact", None)]),
    # a count right after a verb that takes people is its object, not the victims of the next clause's harm
    ("Daesh kidnapped 900 Executed 18 People in Syrias Aleppo",  # fakes:1962495670
     [("18", "killed", 18, "exact", None)]),
    ("Daesh abducted at least 90 Killed 18 People in Aleppo", [("18", "killed", 18, "exact", None)]),
    ("Gunmen kidnapped 12 people and killed two", [("two", "killed", 2, "exact", None)]),
    ("Police arrested 3 suspects after 5 people were shot dead", [("5", "killed", 5, "exact", None)]),
    ("Civil defence teams rescued 5 injured people from the rubble in Aleppo", [("5", "injured", 5, "exact", None)]),
    ("Militants abducted 5 people who were later found dead", [("5", "killed", 5, "exact", None)]),
    # groups listed before one harm word share it; the harm word after the next count is that count's
    ("40 Civilians 25 YPG Fighters Killed 110 Injured by Turkey Near Jarablus",  # fakes:1962495727
     [("40", "killed", 40, "exact", None), ("25", "killed", 25, "exact", None),
      ("110", "injured", 110, "exact", None)]),
    ("Syria air strikes kill 10 children 5 women in Aleppo monitor",  # fakes:1923848215
     [("10", "killed", 10, "exact", None), ("5", "killed", 5, "exact", None)]),
    # "both" counts two people, as "all three" counts three
    ("Both men inside the Honda were killed, and three others were injured when about 50 rounds were fired.",  # gva
     [("Both", "killed", 2, "exact", None), ("three", "injured", 3, "exact", None)]),
    ("Musselshell County Sheriff Mike Thomas on Thursday said both died from a gunshot wound to the forehead.",  # gva
     [("both", "killed", 2, "exact", None)]),
    ("Both were pronounced dead at the scene at 6:35 p.m.", [("Both", "killed", 2, "exact", None)]),  # gva
    ("It's unclear how both men died.", [("both", "killed", 2, "exact", None)]),  # gva:992c8f1d
    # a part after a comma that says how it fared ("one fatally", "one of whom died") breaks the group down
    ("Four teenagers were shot, one fatally, while sitting in a parked van late Tuesday night, police said.",  # gva
     [("Four", "casualties", 4, "exact", None), ("one", "killed", 1, "exact", "Four")]),
    ("Five people were shot, one of whom died, Friday in a shooting at a shopping center.",  # gva:4880cdd9
     [("Five", "casualties", 5, "exact", None), ("one", "killed", 1, "exact", "Five")]),
    ("Three more B-CU students were shot, one of them fatally, during an off-campus party.",  # gva:85a4cb9d
     [("Three", "casualties", 3, "exact", None), ("one", "killed", 1, "exact", "Three")]),
    ("Five people were shot, three fatally, in a South Side shooting early Monday morning, police said.",  # gva
     [("Five", "casualties", 5, "exact", None), ("three", "killed", 3, "exact", "Five")]),
    ("Police discovered five people shot, one of whom was dead.",  # gva:d4f2e96c
     [("five", "casualties", 5, "exact", None), ("one", "killed", 1, "exact", "five")]),
    ("Four people were wounded, one critically, in a shooting Sunday night in Long Beach.",  # gva:d8d55ea5
     [("Four", "injured", 4, "exact", None), ("one", "injured", 1, "exact", "Four")]),
    ("Two other teens were wounded, one of them critically.",  # gva:c47b1d22
     [("Two", "injured", 2, "exact", None), ("one", "injured", 1, "exact", "Two")]),
    # ... but a count with a harm word of its own, or a bare "1 dead", may be a group of its own
    ("1 dead, 1 critically injured after call for shooting in south Bexar County, authorities say",  # gva:274e7f60
     [("1", "killed", 1, "exact", None), ("1", "injured", 1, "exact", None)]),
    ("4 shot, 1 dead in Pine Bluff shooting",
     [("4", "casualties", 4, "exact", None), ("1", "killed", 1, "exact", None)]),
    ("Four people were shot Tuesday, police said.", [("Four", "casualties", 4, "exact", None)]),
    ("Five people were shot, one of whom was a child.", [("Five", "casualties", 5, "exact", None)]),
    # a count, up to two modifier words, then the people, however the parse hangs the count
    ("Fifteen aid volunteers were killed in the strike.", [("Fifteen", "killed", 15, "exact", None)]),
    ("Fifteen SARC volunteers were killed in the double-tap strike said the statement.",  # fakes:1923102943
     [("Fifteen", "killed", 15, "exact", None)]),
    ("Two hospital workers were killed in the strike.", [("Two", "killed", 2, "exact", None)]),
    ("Dozens of Syrian regime strikes on Aleppo killed at least 16 civilians on Sunday a monitor said and caused "
     "huge damage to one rebel-held district targeted by a barrel bomb.",  # fakes:1923848269
     [("at least 16", "killed", 16, "at_least", None)]),
    ("Syrian army units killed 70 terrorists and destroyed a tank two rocket launchers and three cannons.",  # fakes
     [("70", "killed", 70, "exact", None)]),
    # a figure the tagger joins to a relative time; a percentage glued to a figure is not its noun
    ("The death toll reached 330 overnight, civil defence sources said.", [("330", "killed", 330, "exact", None)]),
    ("The death toll reached 330 yesterday.", [("330", "killed", 330, "exact", None)]),
    ("This outrageous escalation in Aleppo has killed more than 670 40% of them are children",  # fakes
     [("more than 670", "killed", 670, "more_than", None)]),
    # an aside in dashes between the counted people and their harm word
    ("The fighting left 23 civilians - including nine children - dead.",
     [("23", "killed", 23, "exact", None), ("nine", "killed", 9, "exact", "23")]),
    ("Clashes between the two sides have rocked the city leaving 23 civilians - including nine children - dead "
     "according to the Observatory",  # fakes:1923102855
     [("23", "killed", 23, "exact", None), ("nine", "killed", 9, "exact", "23")]),
    # crucifixion kills
    ("Islamic State has crushed a pocket of resistance crucifying two people and executing 23 others in the past "
     "five days.",  # fakes:1926479354
     [("two", "killed", 2, "exact", None), ("23", "killed", 23, "exact", None)]),
    # a headline verb in title case, or one right after the count the parse hangs it on
    ("US Missile Strike on Syria Kills Five Injures Seven - Homs Governor",  # fakes:704
     [("Five", "killed", 5, "exact", None), ("Seven", "injured", 7, "exact", None)]),
    ("US Missile Strike on Syria Kills Five", [("Five", "killed", 5, "exact", None)]),
    ("Terrorist attacks kill 10 injure scores in Aleppo and Idleb",  # fakes:485
     [("10", "killed", 10, "exact", None)]),
    ("Strike kills 5 injures 7", [("5", "killed", 5, "exact", None), ("7", "injured", 7, "exact", None)]),
    # "the shooting(s) of N people": the people were shot; a shooting itself is an event, not a count
    ("Baltimore police are investigating the shootings of nine people across the city Thursday.",  # gva:db60e0
     [("nine", "casualties", 9, "exact", None)]),
    ("A man was charged in the fatal shooting of two teens.", [("two", "killed", 2, "exact", None)]),
    # people made to leave: "forced 1.3 million to evacuate", "had to flee"
    ("A new round of floods began on 6 June and swept nine provinces in southern China killing 55 people with 7 "
     "missing and forcing 1.3 million to evacuate as of 14 June.",  # wiki:ZRieM39
     [("55", "killed", 55, "exact", None), ("7", "missing", 7, "exact", None),
      ("1.3 million", "displaced", 1_300_000, "exact", None)]),
    ("About 300 people had to evacuate.", [("About 300", "displaced", 300, "about", None)]),
    ("Over a million people fled the country.", [("Over a million", "displaced", 1_000_000, "more_than", None)]),
    # people named for what they did are harmed only as the patient of a harm verb
    ("Two suspects were killed in the exchange, a man and woman.", [("Two", "killed", 2, "exact", None)]),  # gva
    ("14 dead, 21 injured in San Bernardino mass shooting; 2 suspects killed",  # gva
     [("14", "killed", 14, "exact", None), ("21", "injured", 21, "exact", None), ("2", "killed", 2, "exact", None)]),
    ("Cullum said the three injured suspects will be arrested once they are released from medical care.",  # gva
     [("three", "injured", 3, "exact", None)]),
    ("Two of the suspects died in the home's kitchen while a third was found in the driveway.",  # gva
     [("Two", "killed", 2, "exact", None)]),
    # held to account for a killing is no harm; the killed are
    ("Three men were charged with killing two teens.", [("two", "killed", 2, "exact", None)]),
    # a clause with a subject of its own gives its harm to no other count
    ("13-year-old boy killed, 6 others shot on West Side", [("6", "casualties", 6, "exact", None)]),  # gva
    ("5 People Shot, 1 Fatally, Outside Feltonville Home",  # gva:165856, title case
     [("5", "casualties", 5, "exact", None), ("1", "killed", 1, "exact", "5")]),
    ("A man shot three police officers - one fatally - in southern Louisiana Saturday with a shotgun.",  # gva
     [("three", "casualties", 3, "exact", None), ("one", "killed", 1, "exact", None)]),
]

NEGATIVES = [
    "Police arrested 4 Sunday night.",
    "Other witnesses told police that two unknown males in the SUV were shooting at a business nearby.",  # gva
    "The storm caused more than 10 million dollars of damage to homes that were destroyed.",
    "The first attack on the town came 3 days earlier, residents said.",
    # killings tried or threatened, not done
    "—Six alleged members of the violent Gangster Disciples Gang have been indicted by a federal grand jury for "
    "their roles in the attempted murders of five teenagers in South Memphis, Tennessee.",  # gva:856905
    "(KOIN) – Jeffrey Giddings, the man accused of trying to kill 2 law enforcement officers and taking a woman "
    "hostage at a Gladstone Subway, was officially charged with 6 major crimes on Wednesday.",  # gva:c5aa13
    "2 Phenix City men charged with attempted murder in drive-by shooting",  # gva:2d25ed
    # a killing noun that names another thing
    "No bond for two homicide suspects; third refuses to appear",  # gva:d7372b
    "Caption Two men facing murder charges after Sunrise home break-in",  # gva:0ac1dc
    "One man, who owns a body shop just across the street, said his workers were some of the first to be "
    "alerted about what happened.",  # gva:85386f
    # an adjective harms its own noun only
    "Very brave,' Tribal councilman Toby Darden said, adding the slain officer is married and has two grown "
    "children.",  # gva:f5898f
    # a count with a passive verb of its own is no breakdown
    "From 25 May to 14 June, including 2.22 million people were affected in 17 cities in Guangdong.",  # wiki:ZRieM39
    # a negated harm
    "Three other children were also in the home, but were not injured, Bass said.",  # gva:8fc70a
    # ages after a noun
    "Police say a girl, 9, was killed and her brother, 12, was wounded.",
    # "both" of two groups, of things, of people not harmed
    "Both civilians and soldiers were killed in the attack.",
    "The man was shot in both legs and taken to hospital.",
    "Both are charged with two counts of murder; third-degree arson; criminal conspiracy.",  # gva
    "Both suspects were arrested after the killing.",
    # a place after a count with no claim before it
    "The company opened 12 in Texas last year.",
    # clock times and trains are no figures; a harm noun after a count is no people
    "The shooting happened at 330 pm, police said.",
    "The 330 overnight train was hit by a rocket.",
    "The man could face murder and five attempted murder charges, police said.",  # gva:01aedbfc
    "Storm kills 10 cows in Texas",
    "He was arrested for the shooting of 3 dogs.",
    "Police responded to two shootings overnight.",
    "3 arrested in fatal shootings of 3-year-old Shelby boy, S.C. woman",  # gva:686469
    "The evacuees were taken to 950 various evacuation shelters in each region.",  # wiki:8BwkFwh
    "Pictures showed the burning of at least five tents in which the displaced were sheltering.",  # airwars
    "Two suspects fled the scene in a unknown vehicle.",  # gva: fleeing suspects are not displaced
    "Deputies believe there were four armed suspects who fled the scene.",  # gva
    "3 suspects in shooting death of girl, 10, take plea deals",  # gva
    "Prosecutors claim the four suspects killed Vergen and Sanchez in relation to gang activity.",  # gva
    "Two indicted for killing baby in DeKalb home invasion",  # gva:134044
    "One of the six, a 24-year-old man, died from a head wound at Stroger Hospital, police said.",  # gva:122136
    # the one selected died; the two are a group with no harm of their own
    "Placer County Sheriff’s Department confirms one of the two deputies has died, a second deputy was injured.",
    "Two gang members accused of killing a 9-month-old boy in May have now been indicted.",  # gva:134044
    "Los Angeles officer injured in overnight shooting - WPSD Local 6: Your news, weather, and sports authority",
    # an escape is no displacement
    "Both men fled the scene before police arrived.",  # gva
    "Police are looking for three men who fled the scene in a gray minivan.",  # gva
    "Two black men were seen fleeing in a blue Chevrolet Impala, investigators said.",  # gva
    "An officer near the club heard gunfire and reported seeing around 300 people flee the area.",  # gva
]

# People shot with no outcome for the one after the comma: no killed claim.
NOT_KILLED = [
    "Two people were shot, one in the leg.",
    "Four people were shot Tuesday, police said.",
]


# (quantity, victims) of every claim: the group a headline without commas gives each count.
VICTIMS: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("40 Civilians 25 YPG Fighters Killed 110 Injured by Turkey Near Jarablus",  # fakes:1962495727
     [("40", "Civilians"), ("25", "Fighters"), ("110", None)]),
    ("One Killed Others Injured in Terrorist Attacks in Damascus Homs & Aleppo",  # fakes:1965511189
     [("One", None)]),
    ("Two children killed 5 others injured in terrorist rocket attack in Aleppo.",  # fakes:1926478964
     [("Two", "children"), ("5", "others")]),
    ("4 Turkish Troopers Killed 4 Wounded in Daesh Attack in N Syria", [("4", "Troopers"), ("4", None)]),
    ("Syria air strikes kill 10 children 5 women in Aleppo monitor", [("10", "children"), ("5", "women")]),
    ("The strike killed fifteen aid volunteers.", [("fifteen", "volunteers")]),
    ("Gunman Kills Five, Injures Seven", [("Five", None), ("Seven", None)]),
    ("Fifteen SARC volunteers were killed in the double-tap strike said the statement.",  # fakes:1923102943
     [("Fifteen", "volunteers")]),
    ("The fighting left 23 civilians - including nine children - dead.", [("23", "civilians"), ("nine", "children")]),
]


def _rows(extractor, text: str) -> list[Row]:
    claims = extractor.extract(text, "t")
    by_id = {c.id: c.quantity for c in claims}
    for c in claims:
        assert text[c.start : c.end] == c.quantity
    return [(c.quantity, c.type, c.value, c.qualifier, by_id.get(c.part_of or "")) for c in claims]


@pytest.mark.parametrize(("text", "expected"), CLAIMS)
def test_claims(extractor, text, expected):
    assert _rows(extractor, text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_claim(extractor, text):
    assert _rows(extractor, text) == []


@pytest.mark.parametrize("text", NOT_KILLED)
def test_not_killed(extractor, text):
    assert [c.type for c in extractor.extract(text, "t")].count("killed") == 0


@pytest.mark.parametrize(("text", "expected"), VICTIMS)
def test_victims(extractor, text, expected):
    claims = extractor.extract(text, "t")
    assert [(text[c.start : c.end], c.victims) for c in claims] == expected


@pytest.mark.parametrize("text", [
    "× Four People Shot at Grand Rapids Bar\n\nGRAND RAPIDS, Mich. – Four people have been shot at the New Roosevelt "
    "Bar.",  # gva:9e2f94b2 (dev)
    "Police said:\n- Five people were wounded in a shooting at a lounge early Tuesday morning.",
])
def test_fast_and_full_path_give_the_same_evidence(extractor, full_extractor, text):
    """The fast path parses windows, the full path the whole text: a dateline's dash or a bullet left before a
    sentence by either is not part of the evidence."""
    fast, full = extractor.extract(text, "t"), full_extractor.extract(text, "t")
    assert [c.to_dict() for c in fast] == [c.to_dict() for c in full]
    assert fast and not any(c.sentence.startswith(("-", "–")) for c in fast)
