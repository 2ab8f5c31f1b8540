"""Templates and word lists of the behavioural matrix (issue 25): data only, written for this test.

A template is a clause with slots: `{n}` the count phrase, `{v}` the victims (a plural person
noun), `{a}` a human agent, `{e}` an event that harms ("the blast"), `{t}` a thing, `{x}` an
animal, `{p}` people who are arrested or abducted, `{s}` a clause without a count. A clause is
lower-case at its start; the generator adds the attribution and capitalises the sentence.

The harm inventory follows the checklist of issue 25 (FrameNet's Killing, Death, Cause_harm and
Experience_bodily_harm frames; WordNet's verbs of killing and injuring): the facts carry over,
the sentences are ours.
"""
from __future__ import annotations

from typing import NamedTuple


class Harm(NamedTuple):
    """One harm expression in one voice: `group` is the coarse family the matrix cell is named by."""

    name: str  # the expression as the report names it: "beaten to death"
    group: str  # kill, to-death, death, hurt, injury-phrase, missing, displaced
    type: str  # the claim type it must give (claim-spec section 1)
    voice: str  # active, passive, nominal, intransitive
    template: str


def _harms(group: str, type_: str, voice: str, rows: list[tuple[str, str]]) -> list[Harm]:
    return [Harm(name, group, type_, voice, template) for name, template in rows]


HARMS: list[Harm] = [
    # ---- killed: verbs of killing -------------------------------------------------------------
    *_harms("kill", "killed", "active", [
        ("killed", "{a} killed {n} {v}"),
        ("killed", "{e} killed {n} {v}"),
        ("shot dead", "{a} shot dead {n} {v}"),
        ("shot dead", "{a} shot {n} {v} dead"),
        ("gunned down", "{a} gunned down {n} {v}"),
        ("mowed down", "{a} mowed down {n} {v}"),
        ("massacred", "{a} massacred {n} {v}"),
        ("murdered", "{a} murdered {n} {v}"),
        ("executed", "{a} executed {n} {v}"),
        ("slaughtered", "{a} slaughtered {n} {v}"),
    ]),
    *_harms("kill", "killed", "passive", [
        ("killed", "{n} {v} were killed"),
        ("killed", "{n} {v} have been killed"),
        ("shot dead", "{n} {v} were shot dead"),
        ("gunned down", "{n} {v} were gunned down"),
        ("mowed down", "{n} {v} were mowed down"),
        ("massacred", "{n} {v} were massacred"),
        ("murdered", "{n} {v} were murdered"),
        ("executed", "{n} {v} were executed"),
        ("slain", "{n} {v} were slain"),
        ("killed", "{n} {v} were killed by {a}"),
    ]),
    *_harms("kill", "killed", "nominal", [
        ("the killing of", "the killing of {n} {v} sparked protests"),
        ("the killing of", "protests followed the killing of {n} {v}"),
        ("the murder of", "the murder of {n} {v} shocked the region"),
        ("the massacre of", "the massacre of {n} {v} drew condemnation"),
        ("the execution of", "the execution of {n} {v} was condemned"),
        ("the slaughter of", "the slaughter of {n} {v} was condemned"),
    ]),
    # ---- killed: "X to death", "X alive" --------------------------------------------------------
    *_harms("to-death", "killed", "active", [
        ("beaten to death", "{a} beat {n} {v} to death"),
        ("beaten to death", "{a} beat to death {n} {v}"),
        ("stabbed to death", "{a} stabbed {n} {v} to death"),
        ("hacked to death", "{a} hacked {n} {v} to death"),
        ("hacked to death", "{a} hacked to death {n} {v}"),
        ("burned to death", "{a} burned {n} {v} to death"),
        ("stoned to death", "{a} stoned {n} {v} to death"),
        ("bludgeoned to death", "{a} bludgeoned {n} {v} to death"),
        ("clubbed to death", "{a} clubbed {n} {v} to death"),
        ("tortured to death", "{a} tortured {n} {v} to death"),
        ("trampled to death", "the stampede trampled {n} {v} to death"),
        ("crushed to death", "the collapse crushed {n} {v} to death"),
        ("burned alive", "{a} burned {n} {v} alive"),
        ("buried alive", "the landslide buried {n} {v} alive"),
    ]),
    *_harms("to-death", "killed", "passive", [
        ("beaten to death", "{n} {v} were beaten to death"),
        ("beaten to death", "{n} {v} were beaten to death by {a}"),
        ("stabbed to death", "{n} {v} were stabbed to death"),
        ("hacked to death", "{n} {v} were hacked to death"),
        ("burned to death", "{n} {v} were burned to death"),
        ("stoned to death", "{n} {v} were stoned to death"),
        ("bludgeoned to death", "{n} {v} were bludgeoned to death"),
        ("clubbed to death", "{n} {v} were clubbed to death"),
        ("trampled to death", "{n} {v} were trampled to death"),
        ("crushed to death", "{n} {v} were crushed to death"),
        ("tortured to death", "{n} {v} were tortured to death"),
        ("burned alive", "{n} {v} were burned alive"),
        ("buried alive", "{n} {v} were buried alive"),
    ]),
    *_harms("to-death", "killed", "intransitive", [
        ("burned to death", "{n} {v} burned to death"),
        ("starved to death", "{n} {v} starved to death"),
        ("froze to death", "{n} {v} froze to death"),
        ("bled to death", "{n} {v} bled to death"),
        ("choked to death", "{n} {v} choked to death"),
    ]),
    # ---- killed: dying, lives, deaths ---------------------------------------------------------------
    *_harms("death", "killed", "intransitive", [
        ("died", "{n} {v} died"),
        ("perished", "{n} {v} perished"),
        ("drowned", "{n} {v} drowned"),
        ("lost their lives", "{n} {v} lost their lives"),
        ("succumbed to their injuries", "{n} {v} succumbed to their injuries"),
        ("died of their wounds", "{n} {v} later died of their wounds"),
        ("are dead", "{n} {v} are dead"),
    ]),
    *_harms("death", "killed", "active", [
        ("claimed the lives of", "{e} claimed the lives of {n} {v}"),
        ("left N dead", "{e} left {n} {v} dead"),
        ("took the lives of", "{e} took the lives of {n} {v}"),
        ("cost N their lives", "{e} cost {n} {v} their lives"),
    ]),
    *_harms("death", "killed", "nominal", [
        ("the deaths of", "the deaths of {n} {v} were confirmed"),
        ("N deaths", "{n} deaths were reported"),
        ("caused N deaths", "{e} caused {n} deaths"),
        ("the bodies of", "the bodies of {n} {v} were recovered"),
        ("death toll rose to", "the death toll rose to {n}"),
        ("N fatalities", "{e} caused {n} fatalities"),
    ]),
    # ---- injured -----------------------------------------------------------------------------------
    *_harms("hurt", "injured", "active", [
        ("injured", "{e} injured {n} {v}"),
        ("wounded", "{a} wounded {n} {v}"),
        ("wounded", "{e} wounded {n} {v}"),
        ("hurt", "{e} hurt {n} {v}"),
        ("maimed", "{a} maimed {n} {v}"),
    ]),
    *_harms("hurt", "injured", "passive", [
        ("injured", "{n} {v} were injured"),
        ("injured", "{n} {v} were seriously injured"),
        ("wounded", "{n} {v} were wounded"),
        ("wounded", "{n} {v} have been wounded"),
        ("hurt", "{n} {v} were hurt"),
        ("hurt", "{n} {v} were slightly hurt"),
        ("maimed", "{n} {v} were maimed"),
    ]),
    *_harms("hurt", "injured", "nominal", [
        ("injuries to", "{e} caused injuries to {n} {v}"),
        ("N injuries", "{n} injuries were reported"),
        ("among the injured", "{n} {v} were among the injured"),
        ("among the wounded", "{n} {v} are among the wounded"),
    ]),
    *_harms("injury-phrase", "injured", "passive", [
        ("badly burned", "{n} {v} were badly burned"),
        ("taken to hospital", "{n} {v} were taken to hospital"),
        ("rushed to hospital", "{n} {v} were rushed to hospital"),
        ("hospitalised", "{n} {v} were hospitalised"),
        ("treated for injuries", "{n} {v} were treated for injuries"),
    ]),
    *_harms("injury-phrase", "injured", "intransitive", [
        ("suffered injuries", "{n} {v} suffered injuries"),
        ("sustained gunshot wounds", "{n} {v} sustained gunshot wounds"),
        ("sustained injuries", "{n} {v} sustained minor injuries"),
        ("suffered burns", "{n} {v} suffered serious burns"),
        ("in critical condition", "{n} {v} are in critical condition"),
    ]),
    *_harms("injury-phrase", "injured", "active", [
        ("left N injured", "{e} left {n} {v} injured"),
        ("left N badly burned", "{e} left {n} {v} badly burned"),
        ("sent N to hospital", "{e} sent {n} {v} to hospital"),
    ]),
    # ---- missing -----------------------------------------------------------------------------------
    *_harms("missing", "missing", "intransitive", [
        ("are missing", "{n} {v} are missing"),
        ("are still missing", "{n} {v} are still missing"),
        ("went missing", "{n} {v} went missing"),
        ("remain missing", "{n} {v} remain missing"),
        ("remain unaccounted for", "{n} {v} remain unaccounted for"),
        ("are unaccounted for", "{n} {v} are unaccounted for"),
    ]),
    *_harms("missing", "missing", "passive", [
        ("were reported missing", "{n} {v} were reported missing"),
        ("have been reported missing", "{n} {v} have been reported missing"),
        ("were listed as missing", "{n} {v} were listed as missing"),
        ("were declared missing", "{n} {v} were declared missing"),
    ]),
    *_harms("missing", "missing", "active", [
        ("left N missing", "{e} left {n} {v} missing"),
        ("left N unaccounted for", "{e} left {n} {v} unaccounted for"),
    ]),
    *_harms("missing", "missing", "nominal", [
        ("the search for N missing", "the search for {n} missing {v} continued"),
        ("N missing have not been found", "{n} missing {v} have not been found"),
        ("the fate of N missing", "the fate of {n} missing {v} is unknown"),
    ]),
    # ---- displaced ---------------------------------------------------------------------------------
    *_harms("displaced", "displaced", "active", [
        ("displaced", "{e} displaced {n} {v}"),
        ("forced from their homes", "{e} forced {n} {v} from their homes"),
        ("drove from their homes", "{e} drove {n} {v} from their homes"),
        ("left N homeless", "{e} left {n} {v} homeless"),
        ("uprooted", "{e} uprooted {n} {v}"),
    ]),
    *_harms("displaced", "displaced", "passive", [
        ("displaced", "{n} {v} were displaced"),
        ("displaced", "{n} {v} have been displaced"),
        ("forced from their homes", "{n} {v} were forced from their homes"),
        ("made homeless", "{n} {v} were made homeless"),
        ("evacuated", "{n} {v} were evacuated"),
        ("forced to flee", "{n} {v} were forced to flee"),
        ("uprooted", "{n} {v} were uprooted"),
    ]),
    *_harms("displaced", "displaced", "intransitive", [
        ("fled", "{n} {v} fled"),
        ("fled the violence", "{n} {v} fled the violence"),
        ("fled their homes", "{n} {v} fled their homes"),
        ("fled across the border", "{n} {v} fled across the border"),
        ("have fled to camps", "{n} {v} have fled to camps"),
    ]),
    *_harms("displaced", "displaced", "nominal", [
        ("the displacement of", "the displacement of {n} {v} alarmed aid groups"),
        ("caused the displacement of", "{e} caused the displacement of {n} {v}"),
        ("N displaced", "{n} displaced {v} are sheltering in schools"),
    ]),
]  # fmt: skip

# The plain harms the cells of the other axes use, so that a number, noun or source cell measures
# its own axis, not the rarer harm expressions (those have their own cells). All in the past tense,
# so every adjunct reads well ("are missing" is in the cell harm:missing/intransitive).
CORE_HARMS: list[Harm] = [
    Harm("killed", "kill", "killed", "passive", "{n} {v} were killed"),
    Harm("killed", "kill", "killed", "active", "{a} killed {n} {v}"),
    Harm("died", "death", "killed", "intransitive", "{n} {v} died"),
    Harm("wounded", "hurt", "injured", "passive", "{n} {v} were wounded"),
    Harm("injured", "hurt", "injured", "active", "{e} injured {n} {v}"),
    Harm("went missing", "missing", "missing", "intransitive", "{n} {v} went missing"),
    Harm("displaced", "displaced", "displaced", "passive", "{n} {v} were displaced"),
    Harm("fled their homes", "displaced", "displaced", "intransitive", "{n} {v} fled their homes"),
]

AGENTS: list[str] = ["gunmen", "militants", "attackers", "rebels", "bandits", "assailants", "a mob",
                     "an armed gang", "jihadists"]
# Events that harm, by the claim type of the harm (an event that kills also injures).
EVENTS: dict[str, list[str]] = {
    "killed": ["the attack", "the blast", "the airstrike", "the bombing", "the fire", "the explosion"],
    "injured": ["the blast", "the explosion", "the attack", "the fire", "the bombing"],
    "missing": ["the floods", "the landslide", "the storm", "the shipwreck"],
    "displaced": ["the fighting", "the floods", "the violence", "the clashes"],
}
# Adjuncts between the clause and its attribution: a time or a place, never a number. A clause in the
# present tense ("are missing") takes only the places.
ADJUNCTS: list[str] = ["", "", " on Sunday", " in northern Nigeria", " near the border", " last week",
                       " in the district"]
PLACE_ADJUNCTS: list[str] = ["", "", " in northern Nigeria", " near the border", " in the district"]

# ---- counts --------------------------------------------------------------------------------------


class Number(NamedTuple):
    """A count phrase: the `quantity` a claim must report, the words after it, and its reading."""

    form: str  # the cell: digits, digits-comma, words, at-least, more-than, about, a-dozen, vague
    variant: str  # the finer tag the report groups by: "12", "more than", "over", "dozens of"
    quantity: str  # the words the claim's `quantity` (and `start`/`end`) must cover
    after: str  # words after the quantity that belong to the phrase, not to it: " of"
    value: int
    low: int | None
    high: int | None
    qualifier: str


def _exact(form: str, rows: list[tuple[str, int]]) -> list[Number]:
    return [Number(form, text, text, "", value, value, value, "exact") for text, value in rows]


_DIGITS = [("3", 3), ("7", 7), ("12", 12), ("25", 25), ("48", 48), ("130", 130)]
_WORDS = [("three", 3), ("seven", 7), ("twelve", 12), ("twenty", 20), ("twenty-five", 25), ("forty", 40)]

NUMBERS: list[Number] = [
    *_exact("digits", _DIGITS),
    *_exact("digits-comma", [("1,200", 1200), ("2,500", 2500), ("14,000", 14000), ("3,450", 3450)]),
    *_exact("words", _WORDS),
    *[Number("at-least", "at least", f"at least {t}", "", v, v, None, "at_least") for t, v in _DIGITS[1:5]],
    *[Number("at-least", "at least", f"at least {t}", "", v, v, None, "at_least") for t, v in _WORDS[1:3]],
    *[Number("more-than", "more than", f"more than {t}", "", v, v + 1, None, "more_than") for t, v in _DIGITS[2:]],
    *[Number("more-than", "over", f"over {t}", "", v, v + 1, None, "more_than") for t, v in _DIGITS[2:5]],
    *[Number("about", word, f"{word} {t}", "", v, None, None, "about")
      for word in ("about", "around", "nearly", "some") for t, v in _DIGITS[2:5]],
    Number("a-dozen", "a dozen", "a dozen", "", 12, 12, 12, "exact"),
    Number("vague", "dozens of", "dozens", " of", 24, 24, None, "vague"),
    Number("vague", "hundreds of", "hundreds", " of", 200, 200, None, "vague"),
    Number("vague", "scores of", "scores", " of", 40, 40, None, "vague"),
]  # fmt: skip
NUMBER_FORMS: list[str] = list(dict.fromkeys(n.form for n in NUMBERS))
# The counts the cells of the other axes use.
CORE_FORMS: frozenset[str] = frozenset({"digits", "words", "at-least", "more-than"})

# ---- victims -------------------------------------------------------------------------------------

# Each noun is its own cell; the demonyms and the other person nouns are one cell each.
VICTIM_NOUNS: list[str] = ["people", "civilians", "villagers", "police officers", "soldiers", "officials",
                           "refugees", "migrants", "miners", "journalists"]
DEMONYMS: list[str] = ["Pakistanis", "Bangladeshis", "Hazaras", "Afghans", "Syrians", "Nigerians", "Somalis",
                       "Rohingya", "Palestinians", "Yazidis", "Iraqis", "Kenyans"]
OTHER_PERSONS: list[str] = ["children", "women", "students", "farmers", "worshippers", "workers", "pilgrims",
                            "protesters", "aid workers", "fishermen", "troops", "policemen"]
# The victims the cells of the other axes use.
CORE_VICTIMS: list[str] = ["people", "civilians", "villagers"]
# Nouns that may sensibly be displaced (a cell of soldiers "fleeing their homes" would be odd text).
DISPLACEABLE: frozenset[str] = frozenset({"people", "civilians", "villagers", "refugees", "migrants",
                                          "children", "women", "farmers", "fishermen", *DEMONYMS})

# ---- attribution ---------------------------------------------------------------------------------


class Attribution(NamedTuple):
    """How a clause is attributed: `{c}` is the clause; `source` a regex the claim's source must match
    (None: the source must be null), `via` the outlet the claim's `via` must name."""

    cell: str
    variant: str
    template: str
    source: str | None
    via: str | None = None


ATTRIBUTIONS: list[Attribution] = [
    Attribution("none", "none", "{c}.", None),
    Attribution("police-said", "after", "{c}, police said.", r"(?i)\bpolice\b"),
    Attribution("police-said", "before", "police said {c}.", r"(?i)\bpolice\b"),
    Attribution("police-said", "local police", "{c}, local police said on Monday.", r"(?i)\bpolice\b"),
    Attribution("according-to", "after", "{c}, according to the UN.", r"\bUN\b"),
    Attribution("according-to", "before", "according to the UN, {c}.", r"\bUN\b"),
    Attribution("according-to", "officials", "{c}, according to local officials.", r"(?i)\bofficials\b"),
    # "told Reuters": Reuters is the `via`, the speaker the source (claim-spec section 3).
    Attribution("told-reuters", "after", "{c}, a local official told Reuters.", r"(?i)\bofficial\b", "Reuters"),
    Attribution("told-reuters", "before", "a local official told Reuters that {c}.", r"(?i)\bofficial\b",
                "Reuters"),
    Attribution("told-reuters", "witness", "{c}, a witness told Reuters.", r"(?i)\bwitness\b", "Reuters"),
    Attribution("said-other", "ministry", "{c}, the health ministry said.", r"(?i)\bministry\b"),
    Attribution("said-other", "army", "the army said {c}.", r"(?i)\barmy\b"),
    Attribution("said-other", "hospital official", "{c}, a hospital official said.", r"(?i)\bofficial\b"),
    Attribution("said-other", "Red Cross", "{c}, the Red Cross said in a statement.", r"Red Cross"),
]  # fmt: skip
ATTRIBUTION_CELLS: list[str] = list(dict.fromkeys(a.cell for a in ATTRIBUTIONS))
# The attributions the cells of the other axes use.
CORE_ATTRIBUTIONS: frozenset[tuple[str, str]] = frozenset({("none", "none"), ("police-said", "after")})

# ---- negatives: numbers that must give no claim ------------------------------------------------

THINGS: list[str] = ["houses", "homes", "shops", "vehicles", "cars", "tents", "buildings", "huts", "schools",
                     "trucks"]
ANIMALS: list[str] = ["cows", "goats", "sheep", "cattle", "camels", "horses", "donkeys", "chickens", "dogs",
                      "pigs"]
HELD: list[str] = ["people", "men", "suspects", "protesters", "youths", "villagers"]
# Clauses a counted speaker says: no count, so nothing in them is a claim.
SAID: list[str] = ["gunmen attacked the village", "the attack began at dawn", "a villager was killed",
                   "a soldier was wounded in the blast", "the town was shelled overnight",
                   "the army had withdrawn from the area"]

NEGATIVES: dict[str, list[str]] = {
    "things": [
        "{n} {t} were destroyed", "{n} {t} were burned", "{n} {t} burned", "{e} destroyed {n} {t}",
        "{a} set fire to {n} {t}", "{a} burned {n} {t}", "{n} {t} were damaged", "{n} {t} were torched",
        "{n} {t} were burned to the ground", "{e} damaged {n} {t}", "{n} {t} were hit",
        "the floods swept away {n} {t}",
    ],
    "arrested": [
        "police arrested {n} {p}", "{n} {p} were arrested", "{n} suspects were arrested",
        "security forces detained {n} {p}", "{n} {p} were detained", "{n} {p} were taken into custody",
        "troops captured {n} militants", "{n} suspects were charged", "police rounded up {n} {p}",
    ],
    "abducted": [
        "{a} abducted {n} {p}", "{a} kidnapped {n} {p}", "{n} {p} were abducted", "{n} {p} were kidnapped",
        "{n} {p} were taken hostage", "{a} seized {n} {p}",
    ],
    "speakers": [
        "{n} officials said {s}", "{n} police officers said {s}", "{n} witnesses told Reuters that {s}",
        "{n} US defense officials said {s}", "{n} security sources said {s}", "{n} residents said {s}",
        "according to {n} officials, {s}",
    ],
    "animals": [
        "{n} {x} were killed", "{a} killed {n} {x}", "{n} {x} died", "{e} killed {n} {x}", "{n} {x} drowned",
        "{n} {x} were burned to death", "{n} {x} are missing", "{n} {x} were injured", "{n} {x} were shot dead",
        "{n} {x} were stolen", "the floods swept away {n} {x}", "{n} head of cattle were killed",
    ],
}  # fmt: skip

# Numbers that are not counts of people, beside a harm without a count: each template with the
# numbers it reads well with (`{d}`).
NOT_COUNTS: list[tuple[str, tuple[str, ...]]] = [
    ("a {d}-year-old man was killed", ("12", "17", "25", "40", "63")),
    ("the {d}-year-old victim died in hospital", ("9", "16", "34", "71")),
    ("on March {d}, gunmen killed a villager", ("3", "12", "17", "28")),
    ("a man was shot dead at {d} p.m.", ("4", "9", "11")),
    ("a woman died {d} days after the attack", ("two", "three", "10")),
    ("a man was killed after {d} hours of fighting", ("six", "12", "48")),
    ("{d} airstrikes hit the town, killing a civilian", ("two", "five", "12")),
    ("a man was charged with {d} counts of murder", ("three", "five", "12")),
    ("a villager was killed {d} kilometres from the border", ("five", "20", "35")),
    ("the attack caused {d} million dollars in damage", ("two", "12", "40")),
    ("a soldier was wounded on Route {d}", ("1", "7", "66")),
    ("a man was killed in the {d}th attack this year", ("12", "15", "20")),
    ("the blast wounded a man in Ward {d}", ("4", "12")),
]
