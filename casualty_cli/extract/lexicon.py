"""Every word list of the extractor, in one place: data, plus two helpers that read it.

Keys are lower-cased lemmas (spaCy's `token.lemma_.lower()`) unless named
otherwise. A word is added here once: the model-free scan (`scan.py`), the
number reader (`numbers.py`), the harm rules (`detect.py`) and the attribution
rules (`attribution.py`) build their regexes and sets from these lists, so a
new harm word or reporting verb works on the fast and the full path alike
(tests/test_lexicon.py checks that the scan admits every one, inflected).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import inventory as inv

# ---- harm ----------------------------------------------------------------------------------

# Verbs whose object or passive subject is harmed -> claim type.
HARM_VERBS: dict[str, str] = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed", "massacre": "killed",
    "execute": "killed", "behead": "killed", "assassinate": "killed", "perish": "killed",
    "slaughter": "killed", "drown": "killed", "succumb": "killed", "claim": "killed",
    "martyr": "killed", "martyre": "killed", "gun": "killed", "decapitate": "killed", "lose": "killed",
    "crucify": "killed", **inv.KILLING_VERBS,
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "hospitalize": "injured", "hospitalise": "injured", "treat": "injured",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "uproot": "displaced",
    "relocate": "displaced",
    "shoot": "casualties", "hit": "casualties", "strike": "casualties", "target": "casualties",
}  # fmt: skip

# "claim" and "take" harm only with "lives"; "treat" only "for injuries" or at a hospital;
# "hit", "strike", "target" only when the counted noun is a person.
NEEDS_PERSON_OBJECT: frozenset[str] = frozenset({"hit", "strike", "target", "treat", "evacuate", "lose",
                                                  "relocate"})
NEEDS_LIVES: frozenset[str] = frozenset({"claim"})
# Verbs whose object or subject does the verb after "to": "forced 1.3 million to evacuate", "had to flee".
CONTROL_VERBS: frozenset[str] = frozenset({"force", "compel", "oblige", "order", "have", "need"})
# What people are forced from, or lose, when they are displaced: "forced from their homes".
HOMES: frozenset[str] = frozenset({"home", "house", "village", "town"})
# Verbs whose "shot" is sharpened by the words around it ("shot dead", "shot and wounded").
SHOOTING_VERBS: frozenset[str] = frozenset({"shoot", "hit", "strike", "target"})
# Heads under which "lives" is the harm: "claimed the lives of", "cost 30 lives".
LIFE_TAKERS: frozenset[str] = frozenset({"claim", "take", "lose", "cost", "end"})
# Verbs before "shot" that count shots, not people: "fired one shot".
SHOT_COUNTERS: frozenset[str] = frozenset({"fire", "hear", "take"})
# Prepositions that make "rubble" a harm: people "under the rubble" are missing.
UNDER: frozenset[str] = frozenset({"under", "beneath", "below"})

# Nouns that name the harm itself: "40 deaths", "the death toll", "240 bodies".
HARM_NOUNS: dict[str, str] = {
    "death": "killed", "toll": "killed", "body": "killed", "corpse": "killed", "life": "killed",
    "martyr": "killed", "fatality": "killed", "dead": "killed", "killing": "killed", "murder": "killed",
    "execution": "killed", "massacre": "killed", "assassination": "killed", "slaying": "killed",
    "homicide": "killed",
    "injury": "injured", "wounded": "injured", "injured": "injured", "wound": "injured",
    "casualty": "casualties", "victim": "casualties",
    "refugee": "displaced", "evacuee": "displaced", "displaced": "displaced", "evacuation": "displaced",
    "missing": "missing", **inv.KILLING_NOUNS, **inv.INJURY_NOUNS, **inv.DISPLACEMENT_NOUNS,
}  # fmt: skip

# Adjectives (or participles used as adjectives) that state the harm: "40 dead".
HARM_ADJECTIVES: dict[str, str] = {
    "dead": "killed", "killed": "killed", "lifeless": "killed", "slain": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "critical": "injured",
    "missing": "missing", "unaccounted": "missing",
    "displaced": "displaced", "homeless": "displaced",
}  # fmt: skip

# Inflected forms the lemmatizer misses, mostly in Title Case headlines ("35 Dead", "Four People Shot").
HARM_FORMS: dict[str, str] = {
    "shot": "shoot", "shoots": "shoot", "killed": "kill", "kills": "kill", "kill": "kill", "slew": "slay",
    "slain": "slay", "wounded": "wound", "wounds": "wound", "injured": "injure", "injures": "injure",
    "dies": "die", "died": "die", "dead": "dead", "hurt": "hurt", "missing": "missing",
}  # fmt: skip
# Harm words that, right after a count, make the claim whatever the parse says: "18 dead", "7 shot".
ADJACENT_HARM: frozenset[str] = frozenset({"dead", "killed", "wounded", "injured", "hurt", "shot", "missing",
                                           "died", "die", "dies", "slain"})
# A word between a count and "dead" that keeps the count's death: "3 found dead", "Five Shot Dead".
BEFORE_DEAD: frozenset[str] = frozenset({"found", "shot", "confirmed", "feared", "reported", "pronounced", "left",
                                         "now", "lay", "lying"})
# Verb forms a headline's parse takes for a noun before the count: "Drive-by shooting kills 2, injures 4".
HEADLINE_VERBS: dict[str, str] = {"kills": "killed", "kill": "killed", "killed": "killed", "slays": "killed",
                                  "injures": "injured", "injure": "injured", "wounds": "injured",
                                  "wounded": "injured"}
# Heads under which a killing noun names the harm: "death toll", "casualty figures"; under others it
# names something else ("two homicide suspects", "murder charges", "a body shop").
FIGURE_HEADS: frozenset[str] = frozenset({"toll", "figure", "count", "number", "tally", "total", "estimate",
                                          "list", "rate"})
# Heads that make a harm what someone tried or threatened to do: "trying to kill 2 officers".
ATTEMPT_HEADS: frozenset[str] = frozenset({"try", "attempt", "threaten", "plot", "plan", "conspire", "intend",
                                           "want", "vow", "seek"})
ATTEMPT_MODIFIERS: frozenset[str] = frozenset({"attempted", "attempt", "failed", "foiled", "thwarted"})
# Group words that stand for the harm and not for a group: "40 dead" names no victims.
HARM_GROUP_WORDS: frozenset[str] = frozenset({"dead", "wounded", "injured", "missing", "displaced", "slain"})
# Adjectives that describe who the victims are rather than what befell them here:
# "killed 26 displaced people" is a killing.
DESCRIPTIVE_HARM: frozenset[str] = frozenset({"displaced", "homeless", "missing"})
# "in critical condition", "in stable condition": people being treated were injured.
CONDITIONS: frozenset[str] = frozenset({"critical", "serious", "stable", "grave", "fair", "guarded",
                                        "life-threatening", "non-life-threatening"})
# Words that turn a bare "shot" into a death or an injury.
FATAL_WORDS: frozenset[str] = frozenset({"dead", "death", "fatally", "killed", "kill", "die", "died", "deadly"})
WOUNDING_WORDS: frozenset[str] = frozenset({"wounded", "injured", "critical", "hospitalized", "hospitalised"})
# Adverbs that make a wound a death: "fatally wounded".
FATAL_ADVERBS: frozenset[str] = frozenset({"fatally", "mortally"})
# How part of a group fared, said right after the part's count: "Four teenagers were shot, one fatally",
# "five wounded, one of them critically" (claim-spec §1: critical is injured)...
PART_ADVERBS: dict[str, str] = {"fatally": "killed", "mortally": "killed", "critically": "injured",
                                "seriously": "injured", "gravely": "injured"}
# ... or after "of whom", "of them" ("Five people were shot, one of whom died"; without them, "4 shot, 1 dead"
# may count two groups).
PART_VERBS: dict[str, str] = {"died": "killed", "dead": "killed", "killed": "killed"}
# An article that speaks of wounds and never of deaths: its people "shot" were injured
# (claim-spec §1). A trailing "*" stands for any ending.
WOUND_TALK: tuple[str, ...] = ("wounded", "injured", "injuries", "critical condition", "non-life-threatening",
                               "hospitalized", "hospitalised")
DEATH_TALK: tuple[str, ...] = ("killed", "dead", "died", "dies", "death", "fatal*", "homicide", "murder*")
# People named for what they did: counted, they are harmed only as the patient of a harm verb ("two
# suspects were killed", "three injured suspects"), not by the harm they are held for ("two suspects in the
# shooting death of", "five defendants accused of killing") nor when they flee ("Two suspects fled").
PERPETRATORS: frozenset[str] = frozenset("""
suspect shooter gunman gunmen defendant assailant attacker robber offender perpetrator culprit killer
""".split())
# Words that hold people to account for a harm: "Two indicted for killing baby", "members accused of killing".
ACCUSING: frozenset[str] = frozenset("""
accuse charge indict convict arrest sentence suspect want hold jail try acquit blame
""".split())
# What people flee from or by that makes it an escape, not displacement: "fled the scene", "fled on foot",
# "fled in a silver SUV", "fleeing the bullets" (but "fled their homes", "fled west Mosul" displace).
FLED_NOT_DISPLACED: frozenset[str] = frozenset("""
scene area site spot location vehicle car truck van minivan suv sedan foot bike bicycle motorcycle scooter
capture police officer deputy custody arrest bullet gunfire shot shooting fire complex club nightclub theater
theatre party bar store restaurant lot street avenue road highway alley station mall
""".split())
# Verbs whose subject is the one harmed: "3 died", "200,000 fled west Mosul".
SUBJECT_SUFFERS: frozenset[str] = frozenset({"die", "flee", "perish", "succumb", "drown", "escape", "starve"})
# Verbs that take people without harming them, as written: a count right after one is its object
# ("Daesh kidnapped 900 Executed 18 People"), not the victims of the harm word after it. Not "evacuated":
# evacuees are displaced (claim-spec §1).
TAKING_VERBS: frozenset[str] = frozenset("""
kidnap kidnaps kidnapped abduct abducts abducted arrest arrests arrested detain detains detained
capture captures captured rescue rescues rescued seize seizes seized
""".split())
# Words that give a coordinated harm its own group: "killed and many more injured".
OTHERS: frozenset[str] = frozenset({"more", "others", "other", "many", "several", "dozens", "hundreds", "scores"})
# Verbs that link a harm noun to its figure: "toll rose to 52", "left 5 dead".
LINK_VERBS: frozenset[str] = frozenset("""
be rise reach climb stand increase jump top exceed include number total hit surpass pass soar
leave find mount grow double put bring raise become remain count tally
report say confirm fear believe know declare pronounce list see feel
go locate take transport rush fly airlift admit carry send hospitalize hospitalise arrive suffer sustain
receive estimate think expect presume assume force place set
revise update correct lower adjust finalize finalise wind wound end appear seem
""".split()) | inv.CAUSING_VERBS
# Not harm words themselves, but a sentence holding one may hold a claim the rules read
# ("missing under the rubble", "treated at hospital", "a fatal shooting"): the scan keeps it.
HARM_CONTEXT_WORDS: tuple[str, ...] = ("rubble", "hospital", "fatal", "starve", "homicide", *inv.PHRASE_SCAN_WORDS)
# Past forms that are not stem + "ed", for the scan ("shot", "fled", "struck").
IRREGULAR_FORMS: dict[str, tuple[str, ...]] = {
    "slay": ("slew", "slain"), "shoot": ("shot",), "flee": ("fled",), "strike": ("struck",), "lose": ("lost",),
    "die": ("dying",), "hit": ("hit",), "hurt": ("hurt",), "say": ("said",), "tell": ("told",),
    "write": ("wrote", "written"), "put": ("put",), "show": ("shown",),
}  # fmt: skip

# ---- breakdowns ----------------------------------------------------------------------------

# What stands between a claim and a count that breaks it down ("531 people, including 200 children"),
# perhaps with a hedge (HEDGES) after it: "including at least 20 children".
BREAKDOWN_CUES: tuple[str, ...] = (
    "including", "include", "includes", "included", "among them", "among whom", "among those",
    "among the dead", "among the victims", "among the killed", "of whom", "of them", "of those", "of which",
    "mostly", "most of them", "a family of", "one family of",
    "who were", "who are", "who include", "who included", "which were", "which are", "which include",
    "which included", "that were", "that are", "that include", "that included",
)

# Before a count that is the whole of the count before it: "Two medics were among at least 31 people
# killed", "6 children among 19 dead", "68 children were among the 126 people killed".
WHOLE_CUES: tuple[str, ...] = ("among", "amongst", "among the", "amongst the")

# ---- people and things ---------------------------------------------------------------------

# Nouns that name people. Plurals and singulars as lemmas.
# Officials, demonyms and groups come from `inventory.py`: the harm role decides, a counted patient of a harm
# is the victims ("killed three officials"), a counted subject of a reporting verb a speaker (`detect._linked`).
PERSON_NOUNS: frozenset[str] = frozenset("""
people person civilian child children kid boy girl woman man men women baby infant toddler teen teenager
adult youth youngster student pupil resident villager citizen local inhabitant family member relative
brother sister son daughter father mother parent husband wife sibling cousin grandchild grandmother
grandfather uncle aunt nephew niece soldier troop fighter militant rebel insurgent jihadist terrorist
gunman gunmen force combatant militiaman militiamen recruit officer policeman policemen policewoman cop
guard trooper deputy agent personnel staff staffer employee worker journalist reporter photographer
doctor nurse medic paramedic patient volunteer rescuer firefighter pilot crew sailor marine
passenger pedestrian bystander worshipper worshiper protester protestor demonstrator mourner
spectator shopper driver motorist cyclist rider occupant tenant neighbor neighbour friend
victim body corpse martyr casualty fatality refugee migrant evacuee prisoner inmate detainee hostage
suspect attacker assailant shooter robber intruder teacher pupil athlete player fan attendee guest
pilgrim visitor tourist customer commuter male female
individual adult elder elderly senior pensioner farmer fisherman fishermen shepherd herder
commander leader general colonel captain lieutenant sergeant private cadet
other others dead wounded injured missing displaced
palestinian syrian iraqi israeli afghan kurd kurdish yazidi rohingya yemeni lebanese turk russian
american briton african asian european arab muslim christian jew shia shiite sunni alawite druze
""".split()) | inv.ROLE_PEOPLE | inv.DEMONYMS | inv.GROUPS

# Plural endings that usually name people ("shooters", "activists", "Syrians").
PERSON_SUFFIXES: tuple[str, ...] = ("ers", "ists", "ians", "ees", "ants", "ents", "ites", "ors")

# Nouns that a number may count but that are never harmed people.
NON_PERSON_NOUNS: frozenset[str] = frozenset("""
airstrike strike raid attack bomb rocket missile shell mortar round bullet shot gunshot barrel
building house home apartment school hospital mosque church car vehicle truck bus plane aircraft
drone helicopter tank boat ship village town city neighborhood neighbourhood district area
week day month year hour minute second decade century time occasion count charge case incident
event block mile kilometre kilometer meter metre foot feet yard inch percent dollar pound euro
share point goal game match score vote seat gun weapon rifle pistol round casing shell magazine
story floor room door window street road mile acre ton kilogram kg gram
report statement post tweet video photo image source spokesman spokesperson
dog cat horse animal cow sheep goat camel bird
customer household plant tree crop livestock cattle hectare structure property outage pole line
shelter center centre container trailer computer letter chapter tower border order number corner river water
tanker paper poster barrier chamber layer headquarters marker banner cluster filter
beer caliber calibre finger cruiser drawer feather locker trigger holster cylinder factor warrant crater tent
""".split()) | inv.ANIMALS

# Words the tagger joins to a bare number to make a time or quantity of it, though they give no unit:
# "put the death toll at 16 earlier", "The death toll reached 330 overnight".
RELATIVE_TIME: frozenset[str] = frozenset({"earlier", "later", "overnight", "yesterday", "today", "tonight"})
# Nouns of time: a count of them is a duration, never a group of people.
TIME_NOUNS: frozenset[str] = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade",
                                        "century", "time", "night", "morning", "evening", "weekend"})
# Harm nouns that count people by themselves: the victims field stays null for them
# except "bodies" and "victims", which the spec keeps as the harmed group.
HARM_NOUNS_AS_VICTIMS: frozenset[str] = frozenset({"bodies", "victims", "martyrs", "refugees", "evacuees",
                                                   "corpses", "body", "victim", "martyr", "refugee", "corpse"})
# Compass words kept before a place: "west Mosul".
DIRECTIONS: frozenset[str] = frozenset({"west", "east", "north", "south", "western", "eastern", "northern",
                                        "southern", "central"})

# ---- speakers ------------------------------------------------------------------------------

# Reporting verbs (lemmas) that bind a claim to a speaker (claim-spec §3).
REPORTING_VERBS: frozenset[str] = frozenset("""
say tell report confirm add state announce estimate post write tweet note claim declare
document record count put quote cite share identify indicate mention explain
describe reveal update warn tally list show suggest allege told highlight clarify specify stress
assert acknowledge disclose relay detail place revise
""".split())

# Platforms and outlets named as the channel of a claim: go to `via`.
PLATFORMS: frozenset[str] = frozenset({"facebook", "twitter", "x", "telegram", "instagram", "youtube",
                                       "tiktok", "whatsapp", "website", "blog"})

# Pronouns and short names that must be resolved to an earlier speaker.
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
# Which earlier speaker a pronoun stands for: one person, one organisation, or anyone.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "his", "i", "my"})
THING_PRONOUNS: frozenset[str] = frozenset({"it", "its"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "we", "their", "our"})
# Pronouns that speak ("he said") and that are spoken of ("according to him").
SUBJECT_PRONOUNS: tuple[str, ...] = ("he", "she", "it", "they", "we", "i")
OBJECT_PRONOUNS: tuple[str, ...] = ("him", "her", "it", "them", "its", "his", "their")
# "the official said": a nameless speaker named earlier in the article.
BACK_REFERENCE_HEADS: tuple[str, ...] = ("official", "source", "spokesman", "spokeswoman", "spokesperson",
                                         "agency", "ministry", "group", "monitor")
# Nameless speakers a later "the source" or "the official" resolves to.
ANON_SPEAKERS: frozenset[str] = frozenset({"source", "sources", "official", "spokesman", "spokeswoman",
                                           "spokesperson"})
# Nouns whose "by"/"of" names the speaker: "a report by the ministry".
REPORT_NOUNS: frozenset[str] = frozenset({
    "report", "statement", "figure", "data", "tally", "count", "estimate", "post", "tweet", "account", "record",
    "bulletin", "update", "list", "reportage", "message", "obituary", "tribute", "video", "page", "channel",
    "website", "footage", "article", "broadcast", "announcement", "analysis", "study", "survey", "assessment",
    "review"})
# Anonymous heads that keep their place or affiliation: "a source at Aleppo Police Command".
ANON_HEADS: frozenset[str] = frozenset({
    "source", "activist", "official", "spokesman", "spokeswoman", "spokesperson", "resident", "witness", "doctor",
    "medic", "correspondent", "journalist", "member", "eyewitness", "employee", "worker", "rescuer", "paramedic"})
ANON_PREPS: frozenset[str] = frozenset({"at", "in", "from", "on", "with", "inside"})
# Prepositions kept inside a speaker's name: "Ministry of Health", "Center for ...".
KEEP_PREPS: frozenset[str] = frozenset({"of", "for"})
# News agencies that sign a headline: "... Aleppo Monitor AFP".
HEADLINE_OUTLETS: frozenset[str] = frozenset({"AFP", "Reuters", "AP", "Sputnik", "Anadolu", "SANA", "Xinhua",
                                              "AA", "TASS"})
# Speakers a headline names last: "Air raids kill 12 civilians in Aleppo: monitor".
HEADLINE_SPEAKERS: frozenset[str] = frozenset({
    "monitor", "police", "officials", "official", "sources", "activists", "medics", "witnesses", "ministry",
    "army", "military", "un", "sohr", "observatory", "rescuers", "residents", "governor", "report", "reports",
    "media"})
# Heads that "the ..." refers back with: "the ministry said" is the ministry named before.
SHORT_HEADS: frozenset[str] = frozenset({
    "source", "sources", "official", "observatory", "ministry", "group", "monitor", "agency", "organization",
    "organisation", "spokesman", "spokeswoman", "spokesperson", "department", "office", "army", "military",
    "network", "committee"})
# Role words before or after a name: "Police Chief Wade Ingram".
TITLE_WORDS: frozenset[str] = frozenset("""
sheriff chief police officer detective sergeant lieutenant captain commander colonel general major
mayor governor president minister spokesman spokeswoman spokesperson director head coroner
prosecutor attorney deputy superintendent commissioner inspector trooper dr doctor professor secretary
senator representative rep sen gov lt sgt capt col gen cpl officer agent
""".split())
# Abbreviations whose full stop does not end a sentence ("Dr. Nidal Hijazi", "Jan. 5", "U.S.").
ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl",
    "Pvt", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Ofc", "Jr", "Sr",
    "No", "Nos", "Vol", "Fig", "vs", "approx", "est", "Ave", "Blvd", "Rd", "Co", "Corp", "Inc", "Ltd",
    "U.S", "U.N", "U.K", "a.m", "p.m", "i.e", "e.g",
)

# ---- dates ---------------------------------------------------------------------------------

MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December")
MONTH_ABBREVIATIONS: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                                        "Nov", "Dec")
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Words before a number that make it a year: "in 2016", "since 2011".
YEAR_WORDS: tuple[str, ...] = ("in", "since", "until", "till", "during", "year", "early", "late", "mid", "before",
                               "after", "fiscal", "spring", "summer", "autumn", "winter")

# ---- numbers -------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "both": 2,  # "Both were pronounced dead", like "all three" (claim-spec §1); not "both X and Y" groups
}  # fmt: skip
# What "both" counts when it counts no people: "both sides", "shot in both legs".
BOTH_THINGS: tuple[str, ...] = (
    "side", "sides", "end", "ends", "ways", "parties", "countries", "nations", "legs", "arms", "hands", "feet",
    "eyes", "times", "directions", "cars", "vehicles", "homes", "houses", "buildings", "teams", "cases", "incidents",
    "shootings", "attacks",
)
# Before "both", these make it count things: "in both cars", "from both sides".
BOTH_PREPOSITIONS: tuple[str, ...] = (
    "in", "on", "at", "from", "of", "to", "into", "through", "with", "by", "between", "for",
)
SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# A fraction of a scale word: "half a million", "a quarter of a million", "three quarters of a
# million", "a half-dozen". The fraction word gives the denominator, the word before it the numerator.
# A fraction that leaves no whole number ("a third of a thousand") is no count.
FRACTIONS: dict[str, int] = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
FRACTION_NUMERATORS: dict[str, int] = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
# Counts without a number, with the value the spec gives them (claim-spec §2).
VAGUE_COUNTS: dict[str, int] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "billions": 2_000_000_000, "tens of": 20, "tens of thousands": 20_000, "tens of millions": 20_000_000,
    "hundreds of thousands": 200_000, "hundreds of millions": 200_000_000,
}  # fmt: skip
# A hedge before the number -> qualifier. ("between"/"from" make a range, see numbers.py.)
HEDGES: dict[str, tuple[str, ...]] = {
    "at_least": ("at least", "no fewer than", "not fewer than", "no less than", "not less than",
                 "a minimum of", ">=", "≥"),
    "more_than": ("more than", "over", "upwards of", "in excess of", "above", "well over", "just over", ">"),
    "at_most": ("up to", "as many as", "as high as", "at most", "no more than", "not more than", "a maximum of",
                "<=", "≤"),
    "less_than": ("fewer than", "less than", "under", "below", "just under", "<"),
    "about": ("about", "around", "some", "nearly", "almost", "roughly", "approximately", "an estimated",
              "estimated", "close to", "approx.", "more or less", "~", "circa", "approaching", "near"),
}  # fmt: skip
# Verbs right before a figure that bound it, the figure alone being the quantity: "the toll exceeded 1,400".
HEDGE_VERBS: dict[str, tuple[str, ...]] = {
    "more_than": ("exceeded", "exceeds", "exceeding", "surpassed", "surpasses", "surpassing"),
}
# Currencies by lemma: a money entity without one (or a "$") is the tagger's guess, not money.
CURRENCIES: frozenset[str] = frozenset("""
dollar euro pound cent yuan rupee riyal dinar lira shekel franc yen ruble rouble buck usd eur gbp
""".split())
# Words after a number that make it a measure, money, a time or a fraction, not a count of people
# (matched whole, any case; a space matches any spacing). a.m. and p.m. are a pattern in numbers.py.
UNITS: tuple[str, ...] = tuple("""
mile miles mi km kms kilometre kilometres kilometer kilometers metre metres meter meters m cm mm feet foot ft
inch inches in. yard yards kg kgs kilo kilos kilogram kilograms gram grams lb lbs pound pounds ton tons
tonne tonnes mph kph rpm acre acres hectare hectares square sq degree degrees litre litres liter liters
gallon gallons calibre caliber storey story stories storeys percent pct
dollar dollars euro euros cent cents yuan rupee rupees riyal riyals dinar dinars lira liras shekel shekels
franc francs yen ruble rubles rouble roubles bucks USD EUR GBP ppm ppb
second seconds minute minutes mins hour hours hr hrs day days week weeks month months year years yrs
decade decades century centuries night nights weekend weekends
o'clock o’clock GMT UTC EST EDT CST CDT PST PDT MST MDT ET CT PT BST CET noon midnight
halves half third thirds quarter quarters fifth fifths block
""".split()) + ("per cent",)
# Words before a number that make it a name: "Route 9", "No. 5" (case as written; "Apt."/"Vol."/"Prop."
# with or without the full stop).
DESIGNATORS: tuple[str, ...] = tuple("""
Highway Route Interstate Resolution Flight Section Row Apartment Apt. Apt Room Unit Building Gate
Channel Fox Article Chapter Level Phase Sector Zone Station Precinct District Ward Division Brigade
Battalion Regiment Terminal Platform Exit Pier Grade Class Category Bus Line Model Version Week Day
Game Season Episode Part Vol. Vol Volume Page Paragraph Item Rule Bill Proposition Prop. Prop Amendment
Number Suite Floor Box Lot Plot Tower Bed Cell Bay Track Block Area Squad Engine Ladder Loop Round
US SR CR FM HWY Hwy No. Nos. no. Nr. # Local NewsChannel
""".split())
# Street words after a number and a name: "1420 Portsmouth Boulevard".
STREETS: tuple[str, ...] = tuple("""
Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Way Place Pl Court Ct Highway Hwy
Parkway Pkwy Terrace Circle Cir Trail Square Alley Pike Expressway
""".split())
# Words after a year-like number that say it counts people: "2016 people".
PLURAL_FOLLOWERS: frozenset[str] = frozenset({
    "people", "children", "men", "women", "police", "personnel", "dead", "killed", "wounded", "injured",
    "more", "others", "other", "died", "fled", "missing", "displaced", "civilian", "were", "are", "have"})


def inflections(word: str, *, verb: bool = True) -> set[str]:
    """A word with its regular and irregular inflections: "strike" -> strikes, striking, struck...

    A noun gets its plural; a verb also "-ed" and "-ing". Overgenerating ("fleed") is harmless:
    the forms only widen the scan.
    """
    forms = {word, *IRREGULAR_FORMS.get(word, ())}
    if word.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(word + "es")
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"} if verb else {word[:-1] + "ies"}
    elif word.endswith("fe"):
        forms.add(word[:-2] + "ves")
    else:
        forms.add(word + "s")
    if not verb:
        return forms
    double = len(word) <= 4 and word[-1:] in "bdgmnprt" and word[-2:-1] in "aeiou" and word[-3:-2] not in "aeiou"
    stem = word + word[-1] if double else word
    if word.endswith("ie"):
        forms |= {word + "d", word[:-2] + "ying"}
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms.add(word + "ing")
    elif word.endswith("e"):
        forms |= {word + "d", word + "ing" if word.endswith("ee") else word[:-1] + "ing"}
    else:
        forms |= {stem + "ed", stem + "ing"}
    return forms


def harm_word_forms() -> set[str]:
    """Every harm word of the lexicon in its inflections, lower case."""
    words: set[str] = set()
    for verb in (*HARM_VERBS, *HARM_CONTEXT_WORDS):
        words |= inflections(verb)
    for word in (*HARM_NOUNS, *HARM_ADJECTIVES, *FATAL_WORDS, *HARM_FORMS):
        words |= inflections(word, verb=False) if word in HARM_NOUNS else {word}
    return words


def alternation(words: Iterable[str], *, space: str = " ") -> str:
    """A word list as one regex, longest match first; a space in a phrase matches `space`.

    Written as a trie ("kill|killed|killing" -> "kill(?:ed|ing)?"): Python's `re` tries the
    alternatives of a flat list one by one at every position, which is ten times slower on
    a list of a few hundred inflected verbs.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie, space)


def _pattern(node: dict[str, dict], space: str) -> str:
    ends = "" in node
    branches = [(space if ch == " " else re.escape(ch)) + _pattern(child, space)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    if ends:
        body += "?"
    return body

# People one sentence may describe one by one, without a number: "a 25-year-old man was shot and killed"
# (singular nouns: `people.py` takes them for people, `count_context.py` and `tolls/wholes.py` for one person).
SINGLE_PERSON_NOUNS: frozenset[str] = frozenset("""
man woman boy girl teen teenager person child toddler infant baby youth juvenile student adult
officer deputy trooper policeman policewoman cop agent guard driver passenger motorist pedestrian cyclist
bystander resident clerk employee worker customer neighbor neighbour victim mother father son daughter
husband wife brother sister grandmother grandfather grandson granddaughter uncle aunt nephew niece cousin
boyfriend girlfriend relative friend suspect gunman shooter robber homeowner tenant security soldier
civilian journalist doctor nurse patient security-guard store-clerk shopkeeper owner manager male female
imam cleric priest pastor sheikh reporter photographer cameraman activist paramedic medic firefighter teacher
farmer shepherd fisherman
""".split())
# Plural person nouns that ages follow in a list: "Two men, 25 and 30,", "three women, 35, 46 and 54".
AGED_GROUPS: tuple[str, ...] = ("men", "women", "boys", "girls", "sons", "daughters", "brothers", "sisters",
                                "children", "kids", "teens", "teenagers", "siblings", "victims")

# ---- zeros, multipliers, revisions and fact boxes (claim-spec §1, the rules at its end) ----------

# Words that state a count of nobody: "No one was killed", "nobody was hurt", "None were injured".
ZERO_PRONOUNS: tuple[str, ...] = ("no one", "no-one", "nobody", "none")
# Harm nouns that "no" turns into a zero figure ("no injuries", "no deaths were reported"), as written.
ZERO_NOUNS: dict[str, str] = {
    "deaths": "killed", "death": "killed", "fatalities": "killed", "fatality": "killed", "dead": "killed",
    "lives": "killed", "loss of life": "killed", "loss of lives": "killed",
    "injuries": "injured", "injury": "injured", "injured": "injured",
    "casualties": "casualties", "casualty": "casualties", "victims": "casualties",
}  # fmt: skip
# Words allowed between "no" and its harm noun. "further", "more", "new", "serious" are not here:
# "no further deaths" and "no serious injuries" do not say that nobody was harmed.
ZERO_BETWEEN: tuple[str, ...] = ("other", "immediate", "reported", "known", "confirmed", "immediately reported",
                                 "reports of", "report of", "immediate reports of", "word of", "sign of")
# Number words that multiply the event they name: "a double homicide" is 2 killed.
MULTIPLIERS: dict[str, int] = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# The events they name -> claim type ("shot" follows the shooting rule of victims.refine_type).
MULTIPLIED_EVENTS: dict[str, str] = {
    "homicide": "killed", "murder": "killed", "killing": "killed", "slaying": "killed", "fatality": "killed",
    "fatal shooting": "killed", "murder-suicide": "killed",
    "shooting": "shot", "stabbing": "casualties",
}  # fmt: skip
# Words before "from X to Y" or "to Y from X" that make the pair a revision, not a range.
REVISION_VERBS: tuple[str, ...] = (
    "rise", "rises", "rose", "risen", "rising", "climb", "climbs", "climbed", "climbing", "increase", "increases",
    "increased", "increasing", "jump", "jumps", "jumped", "grow", "grows", "grew", "grown", "soar", "soared",
    "revise", "revised", "revising", "raise", "raised", "lower", "lowered", "fall", "fell", "fallen", "drop",
    "dropped", "decrease", "decreased", "reduce", "reduced", "correct", "corrected", "update", "updated",
    "change", "changed", "up", "down", "upward", "upwards", "downward", "downwards",
)
# Keys of fact-box lines ("Deaths: 243", "Non-fatal injuries: 435") -> claim type, lower case.
FACT_KEYS: dict[str, str] = {
    "deaths": "killed", "death": "killed", "fatalities": "killed", "dead": "killed", "killed": "killed",
    "death toll": "killed", "casualties": "casualties", "victims": "casualties",
    "injuries": "injured", "injured": "injured", "non-fatal injuries": "injured", "wounded": "injured",
    "missing": "missing", "displaced": "displaced", "evacuated": "displaced", "evacuees": "displaced",
    "homeless": "displaced", "refugees": "displaced",
}  # fmt: skip
