"""Harm words, victim nouns and reporting cues: data only, no logic.

Keys are lower-cased lemmas (spaCy's `token.lemma_.lower()`) unless named
otherwise. Kept as plain data so users and tests can read and extend them.
"""
from __future__ import annotations

# Verbs whose object or passive subject is harmed -> claim type.
HARM_VERBS: dict[str, str] = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed", "massacre": "killed",
    "execute": "killed", "behead": "killed", "assassinate": "killed", "perish": "killed",
    "slaughter": "killed", "drown": "killed", "succumb": "killed", "claim": "killed",
    "martyr": "killed", "martyre": "killed", "gun": "killed", "decapitate": "killed", "lose": "killed",
    "wound": "injured", "injure": "injured", "hurt": "injured", "maim": "injured",
    "hospitalize": "injured", "hospitalise": "injured", "treat": "injured",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "uproot": "displaced",
    "shoot": "casualties", "hit": "casualties", "strike": "casualties", "target": "casualties",
}

# "claim" and "take" harm only with "lives"; "treat" only "for injuries" or at a hospital;
# "hit", "strike", "target" only when the counted noun is a person.
NEEDS_PERSON_OBJECT: frozenset[str] = frozenset({"hit", "strike", "target", "treat", "evacuate", "lose"})
NEEDS_LIVES: frozenset[str] = frozenset({"claim"})

# Nouns that name the harm itself: "40 deaths", "the death toll", "240 bodies".
HARM_NOUNS: dict[str, str] = {
    "death": "killed", "toll": "killed", "body": "killed", "corpse": "killed", "life": "killed",
    "martyr": "killed", "fatality": "killed", "dead": "killed", "killing": "killed", "murder": "killed",
    "execution": "killed", "massacre": "killed", "assassination": "killed", "slaying": "killed",
    "injury": "injured", "wounded": "injured", "injured": "injured", "wound": "injured",
    "casualty": "casualties", "victim": "casualties",
    "refugee": "displaced", "evacuee": "displaced", "displaced": "displaced",
    "missing": "missing",
}

# Adjectives (or participles used as adjectives) that state the harm: "40 dead".
HARM_ADJECTIVES: dict[str, str] = {
    "dead": "killed", "killed": "killed", "lifeless": "killed",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "critical": "injured",
    "missing": "missing", "unaccounted": "missing",
    "displaced": "displaced", "homeless": "displaced",
}

# Words that turn a bare "shot" into a death or an injury.
FATAL_WORDS: frozenset[str] = frozenset({"dead", "death", "fatally", "killed", "kill", "die", "died", "deadly"})

# Harm nouns that count people by themselves: the victims field stays null for them
# except "bodies" and "victims", which the spec keeps as the harmed group.
HARM_NOUNS_AS_VICTIMS: frozenset[str] = frozenset({"bodies", "victims", "martyrs", "refugees", "evacuees",
                                                   "corpses", "body", "victim", "martyr", "refugee", "corpse"})

# Nouns that name people. Plurals and singulars as lemmas.
PERSON_NOUNS: frozenset[str] = frozenset("""
people person civilian child kid boy girl woman man men women baby infant toddler teen teenager
adult youth youngster student pupil resident villager citizen local inhabitant family member relative
brother sister son daughter father mother parent husband wife sibling cousin grandchild grandmother
grandfather uncle aunt nephew niece soldier troop fighter militant rebel insurgent jihadist terrorist
gunman gunmen force combatant militiaman militiamen recruit officer policeman policemen policewoman cop
guard trooper deputy agent personnel staff staffer employee worker journalist reporter photographer
doctor nurse medic paramedic patient volunteer rescuer firefighter pilot crew sailor marine
passenger pedestrian bystander worshipper worshiper protester protestor demonstrator mourner
spectator shopper customer driver motorist cyclist rider occupant tenant neighbor neighbour friend
victim body corpse martyr casualty fatality refugee migrant evacuee prisoner inmate detainee hostage
suspect attacker assailant shooter robber intruder teacher pupil athlete player fan attendee guest
individual adult elder elderly senior pensioner farmer fisherman fishermen shepherd herder
official commander leader general colonel captain lieutenant sergeant private cadet
other others dead wounded injured missing displaced
palestinian syrian iraqi israeli afghan kurd kurdish yazidi rohingya yemeni lebanese turk russian
american briton african asian european arab muslim christian jew shia shiite sunni alawite druze
""".split())

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
report statement post tweet video photo image source official spokesman spokesperson
dog cat horse animal cow sheep goat camel bird
""".split())

# Reporting verbs (lemmas) that bind a claim to a speaker (claim-spec §3).
REPORTING_VERBS: frozenset[str] = frozenset("""
say tell report confirm add state announce estimate post write tweet note claim declare
document record count put quote cite share identify indicate mention explain
describe reveal update warn tally list show suggest allege told highlight clarify specify stress
assert acknowledge disclose relay detail
""".split())

# Platforms and outlets named as the channel of a claim: go to `via`.
PLATFORMS: frozenset[str] = frozenset({"facebook", "twitter", "x", "telegram", "instagram", "youtube",
                                       "tiktok", "whatsapp", "website", "blog"})

# Pronouns and short names that must be resolved to an earlier speaker.
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
