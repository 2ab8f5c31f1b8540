"""Tests for casualty_cli.extract.numbers: real news snippets, edge cases, quantulum3's misses, properties."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from casualty_cli.extract.numbers import QUALIFIERS, Count, find_counts, read_count

Expected = list[tuple[str, int, int | None, int | None, str]]

# Snippets as they occur in the public data under /work/shared/data (FA-KES, GVA, Airwars, NewsQuant),
# with the counts find_counts must give: (quantity, value, low, high, qualifier); [] means no count.
REAL_SNIPPETS: list[tuple[str, Expected]] = [
    (
        "Jabalia refugee camp killed at least 126 civilians, including 68",
        [("at least 126", 126, 126, None, "at_least"), ("68", 68, 68, 68, "exact")],
    ),  # AIR
    (
        "at Eastern Ghouta killed at least 82 people among them 18",
        [("at least 82", 82, 82, None, "at_least"), ("18", 18, 18, 18, "exact")],
    ),  # FAKES
    (
        "including two children, and at least 13 others, including ten",
        [("two", 2, 2, 2, "exact"), ("at least 13", 13, 13, None, "at_least"), ("ten", 10, 10, 10, "exact")],
    ),  # AIR
    ("At least 52 identified civilians,", [("At least 52", 52, 52, None, "at_least")]),  # AIR
    (
        "There were more than 100 children playing organized",
        [("more than 100", 100, 101, None, "more_than")],
    ),  # GVA
    (
        "Hama the Syrian army killed more than 70 Nusra Front terrorists and",
        [("more than 70", 70, 71, None, "more_than")],
    ),  # FAKES
    ("had delivered the paper for more than 30 years.Shaffer said Muller", []),  # GVA
    ("over ten pounds of heroin, over 14 pounds of methamphetamine,", []),  # GVA
    (
        "shelling six people died and over 10 citizens have been",
        [("six", 6, 6, 6, "exact"), ("over 10", 10, 11, None, "more_than")],
    ),  # FAKES
    (
        "Office has distributed over 8,500 gun locks so far this",
        [("over 8,500", 8500, 8501, None, "more_than")],
    ),  # GVA
    (
        "injured at the party where as many as 400 people attended in a",
        [("as many as 400", 400, None, 400, "at_most")],
    ),  # GVA
    (
        "a terrorist command post and up to 80 militants including 9",
        [("up to 80", 80, None, 80, "at_most"), ("9", 9, 9, 9, "exact")],
    ),  # FAKES
    ("on Chicago's South Side. Up to 80 percent of Chicago's", []),  # GVA
    (
        "dead in a burning house fewer than 20 blocks away from the campus",
        [("fewer than 20", 20, None, 19, "less_than")],
    ),  # GVA
    ("than eight-years-old, or is less than 4 feet 9 inches tall must be", []),  # GVA
    ("units were able to kill about 40 militants of", [("about 40", 40, None, None, "about")]),  # FAKES
    ("active shooter situation at about 11:50 a.m. Friday.", []),  # GVA
    ("block of West Devon Avenue about 3:20 p.m. when someone", []),  # GVA
    ("happened last Sunday around 5 p.m. at Macedonia Garden", []),  # GVA
    ("Rock, Wisconsin, which is about 18 miles from his home, when", []),  # GVA
    ("of the Ozark Inn and Suites around 12:30 a.m. on Sunday.", []),  # GVA
    (
        "people have been killed and millions more displaced since the",
        [("millions", 2000000, 2000000, None, "vague")],
    ),  # FAKES
    (
        "vehicles were destroyed and dozens of terrorists were killed in",
        [("dozens", 24, 24, None, "vague")],
    ),  # FAKES
    (
        "and its powerful allies. Millions have been displaced both",
        [("Millions", 2000000, 2000000, None, "vague")],
    ),  # FAKES
    (
        "the al-Rashideen area where thousands of regime loyalists",
        [("thousands", 2000, 2000, None, "vague")],
    ),  # FAKES
    (
        "tragedy not seen since thousands of Iraqi Kurds were gassed",
        [("thousands", 2000, 2000, None, "vague")],
    ),  # FAKES
    ("in dust. There were also dozens of white body bags.", [("dozens", 24, 24, None, "vague")]),  # AIR
    ("children – were killed and dozens of others, including", [("dozens", 24, 24, None, "vague")]),  # AIR
    ("Housing in Aleppo with tens of rocket shells killing", [("tens", 20, 20, None, "vague")]),  # FAKES
    (
        "regional forces and driving tens of thousands of Muslims",
        [("tens of thousands", 20000, 20000, None, "vague")],
    ),  # FAKES
    ("that “bodies were scattered tens of meters away from the", []),  # AIR
    (
        "teenagers dead and more than a dozen people wounded.",
        [("more than a dozen", 12, 13, None, "more_than")],
    ),  # GVA
    (
        "that injured more than a dozen others in March.",
        [("more than a dozen", 12, 13, None, "more_than")],
    ),  # GVA
    (
        "is a good chance nearly a dozen shootings in DeKalb County",
        [("nearly a dozen", 12, None, None, "about")],
    ),  # GVA
    (
        "Health Services data, about a dozen minors in Texas die annually",
        [("about a dozen", 12, None, None, "about")],
    ),  # GVA
    (
        "including four children and two women, and at least 15 others were",
        [("four", 4, 4, 4, "exact"), ("two", 2, 2, 2, "exact"), ("at least 15", 15, 15, None, "at_least")],
    ),  # AIR
    (
        "and his family (his wife and three children). While strikes can be heard",
        [("three", 3, 3, 3, "exact")],
    ),  # AIR
    (
        "at least 21 people including three children in a village of the north",
        [("at least 21", 21, 21, None, "at_least"), ("three", 3, 3, 3, "exact")],
    ),  # FAKES
    (
        "fight, striking and killing three people. It is believed the offender",
        [("three", 3, 3, 3, "exact")],
    ),  # GVA
    (
        "to the shooting and took four people to the hospital. Two of the",
        [("four", 4, 4, 4, "exact"), ("Two", 2, 2, 2, "exact")],
    ),  # GVA
    (
        "over the weekend which left two women dead and two others in the",
        [("two", 2, 2, 2, "exact"), ("two", 2, 2, 2, "exact")],
    ),  # GVA
    (
        "as police searched for three men and two women who fled the",
        [("three", 3, 3, 3, "exact"), ("two", 2, 2, 2, "exact")],
    ),  # GVA
    ("said. The woman and her three children were taken to an area", [("three", 3, 3, 3, "exact")]),  # GVA
    (
        "groups has lost over one hundred militants in the battle",
        [("over one hundred", 100, 101, None, "more_than")],
    ),  # FAKES
    (
        "terrorist groups lost over one hundred militants in the battle",
        [("over one hundred", 100, 101, None, "more_than")],
    ),  # FAKES
    ("\"It's one of those things that you hope", []),  # GVA
    ("Stafford is one of two deputy city marshals", [("two", 2, 2, 2, "exact")]),  # GVA
    ("store escalated to gunfire. One of the bullets struck the boy,", []),  # GVA
    (
        "Conn., Oct. 27 (UPI) -- One person was killed and five others",
        [("One", 1, 1, 1, "exact"), ("five", 5, 5, 5, "exact")],
    ),  # GVA
    ("tower activity on Nov. 25 between 1 and 1:45 a.m. “Your affiant", []),  # GVA
    (
        "agencies, arrived to find between 200 and 300 people at a party in the",
        [("between 200 and 300", 200, 200, 300, "range")],
    ),  # GVA
    (
        "and Safa News stated that between 12 and 18 members of the Haboush",
        [("between 12 and 18", 12, 12, 18, "range")],
    ),  # AIR
    ("Police Department at 605-698-7667.", []),  # GVA
    ("29-07-2015 Israeli Drone Strike", []),  # FAKES
    ("to contact Crime Stoppers at 615-742-7463.", []),  # GVA
    ("call Metro Crime Stoppers at 866-7LOCKUP.", []),  # GVA
    (
        "said she heard roughly 10-20 gunshots in the span of less",
        [("roughly 10-20", 10, 10, 20, "range")],
    ),  # GVA
    ("Exploited Children at 1-800-843-5678, or the Tennessee Bureau Of", []),  # GVA
    ("described as a male Black, 45 to 50 years of age, approximately", []),  # GVA
    ("temperatures dropped by 1 to 1.5 degrees Celsius (1.8 to", []),  # NQ
    ("the birds and was about 70 to 80 yards from Green when he", []),  # GVA
    (
        "2 a.m. Saturday, about 600 to 700 people were in the parking",
        [("about 600 to 700", 600, 600, 700, "range")],
    ),  # GVA
    ("County Jail under a $250,000 bond and has his first", []),  # GVA
    ("Burglary: Approximately $1,500 worth of copper pipes were", []),  # GVA
    (
        "year in Chicago, 4,368 people were shot. Nearly 700",
        [("4,368", 4368, 4368, 4368, "exact"), ("Nearly 700", 700, None, None, "about")],
    ),  # GVA
    ("per 100,000 residents: 3,569", [("3,569", 3569, 3569, 3569, "exact")]),  # GVA
    ("of 70 days; $1 million to $1.25 million, 99 days; $1.25 million to", []),  # NQ
    ("an initiative, funded by a $1.5 million federal grant, involving", []),  # GVA
    ("much as $31.5 million, with $12.5 million guaranteed. He's being", []),  # GVA
    ("occurred on July 15 when 8-year-old Christopher Scurry was", []),  # GVA
    ("younger sister and brother, 14-year-old Rawan Saeed Yousef", []),  # AIR
    ("A 20-year-old was grazed in the foot and", []),  # GVA
    ("Police said the victims included 17- and 18-year-old males and a", []),  # GVA: a suspended hyphen
    ("Image 6 of 12 A woman died and three men were wounded", [("three", 3, 3, 3, "exact")]),  # GVA captions
    ("Caption Close Image 1 of / 44 A girl was shot", []),  # GVA
    # GVA: ages after a full name without their comma, or before "and" the next name
    ("the victim, Steven Roberts 40 of Prairie du Chien, was beaten", []),
    ("Eric Wright, 26, and Larry Watkins Jr. 26, were also injured.", []),
    ("The other two victims — Juan Gaitan, 27 and Jose Rodriguez, 29 — were", [("two", 2, 2, 2, "exact")]),
    ("Heaven Mayo, 24, Justin King, 24, Donald Jocelin, 25 and Tobiasz Cudnik, 32 were all transported", []),
    # GVA: street numbers, call signs, a parent's children, the emergency line
    ("On 11700 Robertson, one person has been killed", [("one", 1, 1, 1, "exact")]),
    ("(Photo: Drew Karedes / KHOU 11)", []),
    ("A mother of two, 21-year-old Shanice Amerson, died at the scene.", []),
    ("911 callers reported hearing eight gunshots", [("eight", 8, 8, 8, "exact")]),
    ("US forces killed 1200 Taliban in Helmand", [("1200", 1200, 1200, 1200, "exact")]),
    ("Teen Gunman Kills 3, Allegedly Targeting Ex-Girlfriend", [("3", 3, 3, 3, "exact")]),  # not an age
    ("Englewood Shootings Wound 6, Police Say", [("6", 6, 6, 6, "exact")]),
    ("WACO 9 dead, dozens injured", [("9", 9, 9, 9, "exact"), ("dozens", 24, 24, None, "vague")]),
    ("KPHO\n\nFive people are dead after a shooting", [("Five", 5, 5, 5, "exact")]),
    ("Buy Photo Two adults in a car were also wounded", [("Two", 2, 2, 2, "exact")]),  # GVA
    ("the UKHSA increased the Heatwave Alert Level to 4, illness and death occurring", []),  # wiki:dCBLBht
    ("doesn't name suspect in fatal shooting of Justin Burns, 14\nThe boy", []),  # GVA: an age ends the line
    ("was their daughter-in-law, 23-year-old Lubna Shukri al-Najjar. A", []),  # AIR
    ("the shooting, police said. A 14-year-old girl was shot in the", []),  # GVA
    ("(@UTChattanooga) February 25, 2017", []),  # GVA
    ("a hookah bar, Saturday, July 4. Photo: Screen Grab Courtesy", []),  # GVA
    (
        "the night of Monday, On October 16, 2023, at least one",
        [("at least one", 1, 1, None, "at_least")],
    ),  # AIR
    ("Jay Inslee (@GovInslee) July 30, 2016", []),  # GVA
    ("several months later on January 25th, Mustafa mourned that", []),  # AIR
    ("months atop an old motel in 2013 to raise money to buy it,", []),  # GVA
    ("Office. Spirit was convicted in 1998 for felony possession of", []),  # GVA
    ("and Skibowl have partnered since 1988 helping local people in", []),  # GVA
    ("on his cellphone at 1:44 p.m. The grandmother said he was", []),  # GVA
    ("west of Charlotte, at 9:18 p.m. in regard to a shooting.", []),  # GVA
    ("At 3:37 a.m., police received another 911", []),  # GVA
    ("Yards neighborhood around 12:20 a.m. Thursday to celebrate the", []),  # GVA
    ("and was being held on $1 million bail.", []),  # GVA
    ("A judge set bond at $100,000 today for a Toledo woman", []),  # GVA
    ("that rents for an average of $617 a night.", []),  # GVA
    ("the condos, which range from $800,000 to $1.3 million, have", []),  # NQ
    ("and Foot Locker was down 1.9% before the bell.", []),  # NQ
    ("small country that is about 90 miles wide and 175 miles long.", []),  # NQ
    ("as Native American, standing 5 feet 11 inches tall and weighing", []),  # GVA
    (
        "of 700000. It lies about 210 km (131 miles) north of",
        [("700000", 700000, 700000, 700000, "exact")],
    ),  # FAKES
    ("fleeing the scene roughly 35 miles northeast of Oklahoma City", []),  # GVA
    ("had had the weapon for just 10 days, later told police he", []),  # GVA
    ("Ernest Ulmschneider taken 13 years ago at his recruit", []),  # GVA
    ("Mahmoud Al-Balbisi (25 years old). He had many dreams..", []),  # AIR
    ("the child who was shot was 4 years old and may have been hit in", []),  # GVA
    ("32-year-old Sean Arlt in the 200 block of Chace Street after he", []),  # GVA
    ("reports of a shooting in the 5700 block of College Ave. shortly", []),  # GVA
    ("happened on Thursday in the 1900 block of 16th Street, Southeast.", []),  # GVA
    ("B-2 (Roxbury) at (617) 343-6689.", []),  # GVA
    ("at 757-787-1131 or 757-824-5666.", []),  # GVA
    ("the Homicide Bureau at 901-636-3300. Information leading to", []),  # GVA
    ("Haley Boren, 5, and Marie King, 55, and officer Joshua Boren,", []),  # GVA
    ("Dayterrius White, 17, was charged with murder in", []),  # GVA
    ("were wounded in the attack. Hernandez, 39, was the first TSA employee", []),  # GVA
    ("Khattab Abdul Karim Shehab (26), Aisha Omar Mustafa Shehab", []),  # AIR
    ("Siham Khamees al-Bahloul\xa0(30), and their sons Omar Khattab", []),  # AIR
    ("sister” Fadwa Shadi Baroud (10), their mother Umm Anas", []),  # AIR
    ('tragic" shooting in the 7th Ward to contact authorities,', []),  # GVA
    ("He was in an alley near 50th and Wood streets when he", []),  # GVA
    ("car at 26th Street E. and 11th Avenue S. in Minneapolis", []),  # GVA
    ("stopped Ruelas in the car at Highway 26 and Jackson School Road.", []),  # GVA
    ("and four cars on Interstate 40 westbound near Jackson", [("four", 4, 4, 4, "exact")]),  # GVA
    ("all clear for the Powerhouse No. 2 area too.", []),  # GVA
    ("took cover with her three-year-old great grandchild by her", []),  # GVA
    ("Hoda Ayman Baalousha, and five-year-old Kinda Ayman Baalousha, and", []),  # AIR
    ("family members. In another twenty-two-second video posted by", []),  # AIR
    (
        'circumstances" adding that "sixty nine workers have been killed',
        [("sixty nine", 69, 69, 69, "exact")],
    ),  # FAKES
    (
        "post, reported a total of twenty-two civilian deaths. In the same",
        [("twenty-two", 22, 22, 22, "exact")],
    ),  # AIR
    (
        'done, She gave her father forty-one."</em> So goes the lurid',
        [("forty-one", 41, 41, 41, "exact")],
    ),  # GVA
    (
        "the shootout/standoff. One hundred and fifty were inside King Soopers.",
        [("One hundred and fifty", 150, 150, 150, "exact")],
    ),  # GVA
    (
        "One hundred and fifteen Colorado Springs officers,",
        [("One hundred and fifteen", 115, 115, 115, "exact")],
    ),  # GVA
    (
        "in Eastern Ghouta Douma. Half a dozen wounded children were seen",
        [("Half a dozen", 6, 6, 6, "exact")],
    ),  # FAKES
    (
        "photographer in Douma saw half a dozen wounded children sitting on",
        [("half a dozen", 6, 6, 6, "exact")],
    ),  # FAKES
    (
        "leaving a trail of nearly two dozen shell casings. Inside the",
        [("nearly two dozen", 24, None, None, "about")],
    ),  # GVA
    (
        "More than two dozen shots were fired on March",
        [("More than two dozen", 24, 25, None, "more_than")],
    ),  # GVA
    (
        "military personnel dead and a hundred wounded. Russias Defense",
        [("a hundred", 100, 100, 100, "exact")],
    ),  # FAKES
    (
        "teacher, to your pure soul, a thousand peace to you and your",
        [("a thousand", 1000, 1000, 1000, "exact")],
    ),  # AIR
    (
        "Salamiyah and killed about a hundred of militants SANA news",
        [("about a hundred", 100, None, None, "about")],
    ),  # FAKES
    ("attacks kill 10 injure scores in Aleppo and Idleb.", [("10", 10, 10, 10, "exact")]),  # FAKES
    # a floor and a ceiling together are a range (airwars:ispt0144)
    ("at least 15 and up to 25 civilians were killed and at least 25 others were wounded",
     [("at least 15 and up to 25", 15, 15, 25, "range"), ("at least 25", 25, 25, None, "at_least")]),
    ("at least 10 and as many as 30 people died", [("at least 10 and as many as 30", 10, 10, 30, "range")]),
    ("at least 12 people and up to 20 more", [("at least 12", 12, 12, None, "at_least"),
                                             ("up to 20", 20, None, 20, "at_most")]),
    ("allied militia and injured scores a monitor said. The UK based", []),  # FAKES
    (
        "road killing and injuring scores of people. Two persons",
        [("scores", 40, 40, None, "vague"), ("Two", 2, 2, 2, "exact")],
    ),  # FAKES
    ("for Human Rights said scores were also injured in the", []),  # FAKES
    (
        "blind eye to the killing of hundreds of thousands Syrians at the hands of the",
        [("hundreds of thousands", 200000, 200000, None, "vague")],
    ),  # FAKES
    (
        "war which has killed hundreds of thousands and created the worlds worst",
        [("hundreds of thousands", 200000, 200000, None, "vague")],
    ),  # FAKES
    # A zero is a count; the extractor keeps it only where its own clause states a harm.
    ("say at this time, it appears no one will be charged in this", [("no one", 0, 0, 0, "exact")]),  # GVA
    ("No one was in custody.", [("No one", 0, 0, 0, "exact")]),  # GVA
    (
        "Road, where between 15 and 18 people were gathered for the",
        [("between 15 and 18", 15, 15, 18, "range")],
    ),  # GVA
    (
        "21 May have killed between 229 and 425 civilians overall. After examining",
        [("between 229 and 425", 229, 229, 425, "range")],
    ),  # FAKES
    (
        "There were between 100 and 200 people in the club when the gunfire",
        [("between 100 and 200", 100, 100, 200, "range")],
    ),  # GVA
    ("Long served in the Marines from 2005 to 2010, including a seven-month", []),  # GVA
    ("on Saturday, March 25 from 9 to 10:30 a.m. at Union Elementary.", []),  # GVA
    (
        "is hiring more people, going from 1000 to 2000 hires this year.",
        [("from 1000 to 2000", 1000, 1000, 2000, "range")],
    ),  # NQ
    ("rate 19.3 deaths per 100,000 people.", []),  # GVA
    (
        "in the city of about 87,000 people around 85 miles east of",
        [("about 87,000", 87000, None, None, "about")],
    ),  # GVA
    (
        "supplied bread to more than 80,000 people, and its destruction “puts",
        [("more than 80,000", 80000, 80001, None, "more_than")],
    ),  # AIR
    (
        "period in 2015. More than 4,230 people have been shot in Chicago",
        [("More than 4,230", 4230, 4231, None, "more_than")],
    ),  # GVA
    ("There are 1 to 2 thousand people.", [("1 to 2 thousand", 1000, 1000, 2000, "range")]),  # NQ
    (
        "city of Aleppo where it said 2 million people lacked access to clean",
        [("2 million", 2000000, 2000000, 2000000, "exact")],
    ),  # FAKES
    (
        "Luescher said. More than 7 million people in Syria are classified as",
        [("More than 7 million", 7000000, 7000001, None, "more_than")],
    ),  # FAKES
    ('news. He called both men "100 percent police officers carrying on', [("both", 2, 2, 2, "exact")]),  # GVA
    ("occurred (as of Dec. 21), an 11 percent increase over last year at", []),  # GVA
    ("UPDATE 2:50 p.m.: Penrose Main confirms five", [("five", 5, 5, 5, "exact")]),  # GVA
    ("one woman were shot around 2:20 a.m. Saturday. The victims were", [("one", 1, 1, 1, "exact")]),  # GVA
    ("people remained inside for nearly five hours after a shots fired", []),  # GVA
    ("where he was sentenced to nearly four years in state prison in", []),  # GVA
    ("Hickory Woods Lane in Hixson around three o'clock Wednesday morning", []),  # GVA
    ("the deadliest bombardment in almost two months of war.” The article", []),  # AIR
    (
        "About 45 buses carrying 3000 people left the opposition-besieged",
        [("About 45", 45, None, None, "about"), ("3000", 3000, 3000, 3000, "exact")],
    ),  # FAKES
    (
        "forces and killed more than 1400 people. It would also contain a",
        [("more than 1400", 1400, 1401, None, "more_than")],
    ),  # FAKES
    ("Thursday morning, June 11, 2015, in the Third Ward, just", []),  # GVA
    ("January 26, 2015 Robbery of Business On", []),  # GVA
    ("Copyright 2017 WAFB. All rights reserved.", []),  # GVA
    ("Copyright 2016 FOX Carolina (Meredith", []),  # GVA
    ("family; all residents of the three-storey building. Hearing of the", []),  # AIR
    ("runs May 16-29.During the two-week period, the department will", []),  # GVA
    ("Israeli warplanes bombed a two-storey house belonging to the Abu", []),  # AIR
    (
        "The suspects shot more than 20 rounds at the Jeep Wrangler of the",
        [("more than 20", 20, 21, None, "more_than")],
    ),  # GVA
    (
        "they heard between 20 and 30 shots fired during the incident.",
        [("between 20 and 30", 20, 20, 30, "range")],
    ),  # GVA
    (
        "reported hearing as many as 15 shots. The gunfire was also",
        [("as many as 15", 15, None, 15, "at_most")],
    ),  # GVA
    ("Gaza Strip on October 15th, 2023.", []),  # AIR
    ("in Gaza released on October 26th, 2023.", []),  # AIR
    ("on Thursday (Photo) - 03/17/17", []),  # GVA
    ("Afternoon in Sellwood - 04/04/17", []),  # GVA
    ("that he was carrying an AK-47 out for target practice when", []),  # GVA
    ("The Ford F-150 pickup that was carjacked", []),  # GVA
    ("own plea that he fired an AK-47 23 times, hitting the", [("23", 23, 23, 23, "exact")]),  # GVA
    ("front of the McDonald’s at 2401 University Avenue, according to Menlo Park", []),  # GVA
    ("injured in a shooting at 1215 Ivy Street in Durham, according to", []),  # GVA
    ("into the store located at 4400 Dorchester Road a little after 3:15 p.m.", []),  # GVA
    # a fraction of a scale word is one number, not "a million" (FA-KES gave 1,000,000 here)
    ("Since then more than a quarter of a million people have been killed and",  # FAKES
     [("more than a quarter of a million", 250000, 250001, None, "more_than")]),
    ("after a half-dozen people were shot overnight inside", [("a half-dozen", 6, 6, 6, "exact")]),  # GVA
    ("and nearly half a million cancelled their trips",  # WIKI
     [("nearly half a million", 500000, None, None, "about")]),
]

# Cases named in the issue that the public data has few or no examples of.
EDGE_CASES: list[tuple[str, Expected]] = [
    ("1 200 people", [("1 200", 1200, 1200, 1200, "exact")]),
    ("1\u00a0200 people", [("1\u00a0200", 1200, 1200, 1200, "exact")]),
    ("1\u202f200 people", [("1\u202f200", 1200, 1200, 1200, "exact")]),
    ("230000 dead", [("230000", 230000, 230000, 230000, "exact")]),
    ("2.5 thousand displaced", [("2.5 thousand", 2500, 2500, 2500, "exact")]),
    ("\u0663\u0665 \u0642\u062a\u064a\u0644\u0627", [("\u0663\u0665", 35, 35, 35, "exact")]),
    ("\u06f1\u06f2 killed", [("\u06f1\u06f2", 12, 12, 12, "exact")]),
    ("at least\u200b 500\u200b killed", [("at least\u200b 500", 500, 500, None, "at_least")]),
    ("\ufeff\u2066500\u2069 dead", [("500", 500, 500, 500, "exact")]),
    ("TWO men and Three women", [("TWO", 2, 2, 2, "exact"), ("Three", 3, 3, 3, "exact")]),
    ("twenty five people", [("twenty five", 25, 25, 25, "exact")]),
    ("one thousand two hundred people", [("one thousand two hundred", 1200, 1200, 1200, "exact")]),
    ("two dozen people", [("two dozen", 24, 24, 24, "exact")]),
    ("a thousand people", [("a thousand", 1000, 1000, 1000, "exact")]),
    ("half a million people", [("half a million", 500000, 500000, 500000, "exact")]),
    ("a quarter million people", [("a quarter million", 250000, 250000, 250000, "exact")]),
    ("a quarter-million people", [("a quarter-million", 250000, 250000, 250000, "exact")]),
    ("three quarters of a million people", [("three quarters of a million", 750000, 750000, 750000, "exact")]),
    ("three-quarters of a million people", [("three-quarters of a million", 750000, 750000, 750000, "exact")]),
    ("half of a million people", [("half of a million", 500000, 500000, 500000, "exact")]),
    ("a million people", [("a million", 1000000, 1000000, 1000000, "exact")]),
    ("two-thirds of a million people", []),  # no whole number, and not "a million"
    ("a quarter of the victims", []),
    ("at least dozens", [("at least dozens", 24, 24, None, "at_least")]),
    ("scores of people", [("scores", 40, 40, None, "vague")]),
    ("Scores were hurt.", [("Scores", 40, 40, None, "vague")]),
    ("test scores rose", []),
    ("millions fled", [("millions", 2000000, 2000000, None, "vague")]),
    ("20-30 killed", [("20-30", 20, 20, 30, "range")]),
    ("20\u201330 killed", [("20\u201330", 20, 20, 30, "range")]),
    ("20 \u2014 30 killed", [("20 \u2014 30", 20, 20, 30, "range")]),
    ("1 \u2013 2 million people", [("1 \u2013 2 million", 1000000, 1000000, 2000000, "range")]),
    ("two to three people", [("two to three", 2, 2, 3, "range")]),
    ("20 or 30 people", [("20", 20, 20, 20, "exact"), ("30", 30, 30, 30, "exact")]),
    ("not less than 5", [("not less than 5", 5, 5, None, "at_least")]),
    ("a minimum of 5", [("a minimum of 5", 5, 5, None, "at_least")]),
    ("in excess of 5", [("in excess of 5", 5, 6, None, "more_than")]),
    ("upwards of 5", [("upwards of 5", 5, 6, None, "more_than")]),
    ("above 5", [("above 5", 5, 6, None, "more_than")]),
    ("at most 5", [("at most 5", 5, None, 5, "at_most")]),
    ("no more than 5", [("no more than 5", 5, None, 5, "at_most")]),
    ("a maximum of 5", [("a maximum of 5", 5, None, 5, "at_most")]),
    ("under 5", [("under 5", 5, None, 4, "less_than")]),
    ("below 5", [("below 5", 5, None, 4, "less_than")]),
    ("approx. 30", [("approx. 30", 30, None, None, "about")]),
    ("more or less 30", [("more or less 30", 30, None, None, "about")]),
    ("~30", [("~30", 30, None, None, "about")]),
    ("close to 30", [("close to 30", 30, None, None, "about")]),
    ("an estimated 30", [("an estimated 30", 30, None, None, "about")]),
    ("all three were killed", [("three", 3, 3, 3, "exact")]),
    ("two more children", [("two", 2, 2, 2, "exact")]),
    ("one of the seven people shot", [("seven", 7, 7, 7, "exact")]),
    ("one of them", []),
    # a "one" after a comma that says how part of the group before it fared counts
    ("Four teenagers were shot, one fatally", [("Four", 4, 4, 4, "exact"), ("one", 1, 1, 1, "exact")]),
    ("Five were shot, one of whom died", [("Five", 5, 5, 5, "exact"), ("one", 1, 1, 1, "exact")]),
    ("Three were shot, one of them fatally", [("Three", 3, 3, 3, "exact"), ("one", 1, 1, 1, "exact")]),
    ("Five were shot, one of whom was a child", [("Five", 5, 5, 5, "exact")]),
    ("the 5th victim", []),
    ("a fifth victim", []),
    ("aged 41", []),
    ("alongside his wife Sameera Mahmoud Youssef Afana (Geelan) 66.", []),  # Airwars: an age after a byname
    ("The Health Ministry (MoH) 66 people were killed", [("66", 66, 66, 66, "exact")]),
    ("41 years old", []),
    ("ages 5 to 12", []),
    ("17 March", []),
    ("Oct. 20", []),
    ("5pm", []),
    ("10 a.m.", []),
    ("0800 GMT", []),
    ("Wed 01 Oct 2014 at 1459 Regional NNA - Twin car bomb explosions", []),  # FA-KES, a dateline's time
    ("Sat 04 Oct 2014 at 1514 Regional NNA", []),
    ("the toll rose to 1459 at 2014", [("1459", 1459, 1459, 1459, "exact")]),
    ("Moreover 6.36 million people have been displaced internally",  # FA-KES: four characters, not a time
     [("6.36 million", 6360000, 6360000, 6360000, "exact")]),
    ("\u00a35 and \u20ac3", []),
    ("US$5", []),
    ("5 million euros", []),
    ("5 per cent", []),
    ("5 km", []),
    ("5-mile", []),
    ("20 kilometres", []),
    ("10 kg", []),
    ("5 tons", []),
    ("2-story", []),
    ("1 1/2-story", []),
    ("1/2", []),
    ("555-1234", []),
    ("3.5", []),
    ("F-16", []),
    ("M16", []),
    ("COVID-19", []),
    ("A320", []),
    ("Route 66", []),
    ("Resolution 2254", []),
    ("No. 5", []),
    ("#5", []),
    ("100 Main Street", []),
    ("24/7", []),
    ("3-1", []),
    ("two weeks", []),
    ("2 years ago", []),
    ("a man, both sides, several, many, numerous", []),
    ("in 2015", []),
    ("1000 civilians", [("1000", 1000, 1000, 1000, "exact")]),
    ("2000 civilians", [("2000", 2000, 2000, 2000, "exact")]),
    # issue 12, Wikimpacts and GVA text
    ("near 150 lives being lost at the Bar", [("near 150", 150, None, None, "about")]),  # wiki:NKjNgKy
    ("The death toll exceeded 1,400 people", [("1,400", 1400, 1401, None, "more_than")]),  # wiki:U8NCPRY
    ("On 7 March 5 people died", [("5", 5, 5, 5, "exact")]),  # wiki:8Lbci8N
    ("On March 5 people gathered", []),
    ("and retrieved 05 dead bodies", [("05", 5, 5, 5, "exact")]),  # wiki:faKeQiA
    ("at 0800 GMT", []),
    ("Police say a girl, 9, was killed and her brother, 12, was wounded.", []),
    ("the shooting deaths of his wife, 34, and", []),  # gva:1d3d7feb
    ("The man — William R. Williams, 51 — appeared to have died", []),  # gva
    ("Two men, 25 and 30, were shot in their heads", [("Two", 2, 2, 2, "exact")]),  # gva
    ("Police: Perry Hall father kills sons, 10 and 12, before turning the gun on himself", []),  # gva
    ("those killed were three women, 35, 46 and 54 years old", [("three", 3, 3, 3, "exact")]),  # gva
    ("killed 10 men, 5 women and 3 children", [("10", 10, 10, 10, "exact"), ("5", 5, 5, 5, "exact"),
                                               ("3", 3, 3, 3, "exact")]),
    ("In Aleppo, 12 and 14 died", [("12", 12, 12, 12, "exact"), ("14", 14, 14, 14, "exact")]),
]


def _as_rows(text: str) -> Expected:
    rows = []
    for count in find_counts(text):
        assert text[count.start : count.end] == text[count.start : count.end].strip()
        assert count.start <= count.head_start < count.head_end <= count.end
        assert count.qualifier in QUALIFIERS
        rows.append((text[count.start : count.end], count.value, count.low, count.high, count.qualifier))
    return rows


@pytest.mark.parametrize(("snippet", "expected"), REAL_SNIPPETS)
def test_real_snippets(snippet: str, expected: Expected) -> None:
    assert _as_rows(snippet) == expected


@pytest.mark.parametrize(("snippet", "expected"), EDGE_CASES)
def test_edge_cases(snippet: str, expected: Expected) -> None:
    assert _as_rows(snippet) == expected


def test_real_table_size() -> None:
    assert len(REAL_SNIPPETS) >= 150
    assert sum(1 for _, expected in REAL_SNIPPETS if not expected) >= 30


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("more than 500", ["500"]),
        ("20 to 30", ["30"]),
        ("dozens", ["dozens"]),
        ("two hundred", ["hundred"]),
        ("1.2 million", ["million"]),
        ("twenty-five", ["five"]),
        ("1 200", ["200"]),
        ("tens of thousands", ["thousands"]),
        ("more than a quarter of a million", ["million"]),
    ],
)
def test_head_is_the_last_number_token(text: str, heads: list[str]) -> None:
    assert [text[c.head_start : c.head_end] for c in find_counts(text)] == heads


def test_read_count_whole_phrase_only() -> None:
    assert read_count("more than 500") == Count(0, 13, 500, 501, None, "more_than", 10, 13)
    assert read_count(" 2015 ") == Count(1, 5, 2015, 2015, 2015, "exact", 1, 5)
    assert read_count("500 people") is None
    assert read_count("five or six") is None
    assert read_count("") is None


QUANTULUM_MISSES = [
    ("more than 500", 500, 501),  # the hedge is dropped
    ("dozens", 24, 24),  # no quantity at all
    ("between 20 and 30", 20, 20),  # read as 25 +/- 5
    ("half a million", 500000, 500000),  # read as 1,500,000
    ("a dozen", 12, 12),  # read as 1 dozen
]


@pytest.mark.skipif(importlib.util.find_spec("quantulum3") is None, reason="quantulum3 not installed")
@pytest.mark.parametrize(("phrase", "value", "low"), QUANTULUM_MISSES)
def test_quantulum3_alone_fails_on_these(phrase: str, value: int, low: int) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        raw = [(q.value, q.surface) for q in parser.parse(phrase)]
    count = read_count(phrase)
    assert count is not None and (count.value, count.low) == (value, low)
    assert raw != [(float(value), phrase)]


@pytest.mark.skipif(importlib.util.find_spec("quantulum3") is None, reason="quantulum3 not installed")
def test_quantulum3_reads_fractional_word_numbers() -> None:
    text = "one and a half million people fled"
    assert _as_rows(text) == [("one and a half million", 1500000, 1500000, 1500000, "exact")]


# ---- properties -------------------------------------------------------------------------------

NUMBERS = st.integers(min_value=0, max_value=10_000_000)


def _exact(count: Count | None, n: int) -> bool:
    return count is not None and (count.value, count.low, count.high, count.qualifier) == (n, n, n, "exact")


@settings(max_examples=200, deadline=None)
@given(NUMBERS)
def test_digits_read_back(n: int) -> None:
    assert _exact(read_count(str(n)), n)
    assert _exact(read_count(f"{n:,}"), n)


@settings(max_examples=200, deadline=None)
@given(NUMBERS)
def test_words_read_back(n: int) -> None:
    assert _exact(read_count(num2words(n)), n)


@settings(max_examples=200, deadline=None)
@given(NUMBERS, st.sampled_from([str, "{:,}".format, num2words]))
def test_hedges_give_spec_bounds(n: int, write: object) -> None:
    assert callable(write)
    written = write(n)
    cases = {
        f"at least {written}": ("at_least", n, None),
        f"more than {written}": ("more_than", n + 1, None),
        f"up to {written}": ("at_most", None, n),
    }
    for phrase, (qualifier, low, high) in cases.items():
        count = read_count(phrase)
        assert count is not None and (count.value, count.low, count.high, count.qualifier) == (
            n,
            low,
            high,
            qualifier,
        )


@settings(max_examples=200, deadline=None)
@given(NUMBERS, st.integers(min_value=1, max_value=1_000_000))
def test_between_gives_a_range(n: int, gap: int) -> None:
    count = read_count(f"between {n} and {n + gap}")
    assert count is not None and (count.value, count.low, count.high, count.qualifier) == (
        n,
        n,
        n + gap,
        "range",
    )


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_counts_never_raises_and_spans_are_sane(text: str) -> None:
    last_end = 0
    for count in find_counts(text):
        assert last_end <= count.start < count.end <= len(text)
        assert count.start <= count.head_start < count.head_end <= count.end
        assert count.qualifier in QUALIFIERS
        last_end = count.end


@pytest.mark.skipif(importlib.util.find_spec("quantulum3") is None, reason="quantulum3 not installed")
@pytest.mark.parametrize(("text", "value"), [
    ("two and a quarter million people were displaced", 2_250_000),
    ("2 and a half thousand people fled", 2_500),
])
def test_quantulum3_reads_other_fractions_with_a_scale(text: str, value: int) -> None:
    [row] = _as_rows(text)
    assert row[1:] == (value, value, value, "exact") and text.startswith(row[0])


def test_quantulum3_global_state_and_warnings_are_left_alone() -> None:
    """Our use of quantulum3 leaves its classifier switch as it was and prints no warning."""
    pytest.importorskip("quantulum3")
    code = ("from casualty_cli.extract.numbers import read_count\n"
            "assert read_count('one and a half million').value == 1500000  # imports quantulum3\n"
            "from quantulum3 import classifier\n"
            "for state in (True, False):\n"
            "    classifier.USE_CLF = state\n"
            "    assert read_count('two and a quarter million').value == 2250000\n"
            "    assert classifier.USE_CLF is state, state\n")
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
