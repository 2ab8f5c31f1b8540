"""The inventory of harm (issue 25): how English says people were killed, injured, went missing or were
displaced, and who they may be. Data only; `lexicon.py` merges it into the lists the scan and the rules read.

The checklist for the harm groups was the lexical units of FrameNet's frames Killing, Death, Cause_harm and
Experience_bodily_harm and WordNet's verbs of killing (kill.v.01 and its hyponyms) and injuring (injure.v.01,
wound.v.01): the facts carry over, the lists are our own, kept to the words wire copy uses of people.
Keys are lower-cased lemmas.
"""
from __future__ import annotations

# FrameNet Killing, WordNet kill.v.01 hyponyms: verbs that kill whom they take ("six people were hanged").
KILLING_VERBS: dict[str, str] = {
    "hang": "killed", "lynch": "killed", "strangle": "killed", "throttle": "killed", "suffocate": "killed",
    "asphyxiate": "killed", "electrocute": "killed", "exterminate": "killed", "annihilate": "killed",
    "butcher": "killed", "liquidate": "killed", "incinerate": "killed", "immolate": "killed",
}  # fmt: skip

# FrameNet Cause_harm / WordNet injure.v.01, hurt.v: verbs whose harm is said by what follows them:
# "beaten to death", "burned alive" (killed), "badly burned" (injured). Alone they harm nobody we count.
MANNER_VERBS: frozenset[str] = frozenset("""
beat stab hack burn stone bludgeon club torture trample crush starve freeze batter kick whip flog
shoot strangle choke bleed bury hang cut chop axe hammer stomp maul gore shell bomb poison scald slash
butcher lynch
""".split())
# What makes a manner verb a killing: "to death" (prep + noun), "alive" (burned, buried alive).
DEATH_RESULTS: frozenset[str] = frozenset({"death"})
ALIVE: frozenset[str] = frozenset({"alive"})
# Adverbs that make a manner verb an injury: "badly burned", "severely beaten".
INJURY_ADVERBS: frozenset[str] = frozenset({"badly", "severely", "seriously", "critically", "gravely",
                                            "brutally", "savagely"})

# Verbs that kill with a word of their own after them (FrameNet Killing "mow down", "gun down", "wipe out";
# "set ablaze" from WAD descriptions): verb -> the words. A person must be counted (victims.py).
PHRASAL_KILLING: dict[str, frozenset[str]] = {
    "mow": frozenset({"down"}), "gun": frozenset({"down"}), "wipe": frozenset({"out"}),
    "set": frozenset({"ablaze", "alight", "afire"}),
}  # fmt: skip
# What the scan looks for to keep such a sentence: the rare word of each phrase ("set" and "down" are everywhere).
PHRASE_SCAN_WORDS: tuple[str, ...] = ("mow", "wipe", "ablaze", "alight", "afire", "alive", "burn", "home")

# FrameNet Killing nouns: "the slaughter of 20 civilians".
KILLING_NOUNS: dict[str, str] = {
    "slaughter": "killed", "lynching": "killed", "beheading": "killed", "bloodbath": "killed",
}  # fmt: skip
# FrameNet Experience_bodily_harm nouns: "suffered serious burns".
INJURY_NOUNS: dict[str, str] = {"burn": "injured", "fracture": "injured"}
# FrameNet Moving_in_place/Departing for displacement nouns: "the displacement of 20 villagers".
DISPLACEMENT_NOUNS: dict[str, str] = {"displacement": "displaced", "exodus": "displaced"}

# Verbs that carry people to hospital: "taken to hospital", "sent 7 to hospital" (injured).
HOSPITAL_VERBS: frozenset[str] = frozenset({"take", "rush", "send", "admit", "carry", "fly", "airlift",
                                            "transport", "transfer", "evacuate", "bring"})
HOSPITALS: frozenset[str] = frozenset({"hospital", "hospitals", "clinic", "infirmary"})
# Verbs that drive people from their homes: "drove 25 people from their homes" (displaced).
DRIVING_VERBS: frozenset[str] = frozenset({"force", "drive", "chase", "push", "expel", "evict", "uproot",
                                           "oust"})
# Verbs that put a harm on someone: "caused injuries to 25 villagers", "made 12 homeless".
CAUSING_VERBS: frozenset[str] = frozenset({"cause", "inflict", "make", "render"})

# Animals a count may take as the object of a harm: "Gunmen killed 130 pigs" is no casualty claim.
ANIMALS: frozenset[str] = frozenset("""
pig hog chicken hen duck goose donkey mule ox buffalo elephant poultry livestock cattle cow sheep goat camel
horse dog cat bird animal rabbit deer fish lion monkey
""".split())

# People named by role who are harmed as often as they speak: patients of a harm are victims, subjects of a
# reporting verb are sources (attribution reads them there).
ROLE_PEOPLE: frozenset[str] = frozenset("""
official bandit vigilante kidnapper miner trader herdsman herdsmen hunter smuggler poacher lawmaker
councillor councilor mayor chief elder cleric imam priest pastor monk nun chairman governor minister
delegate candidate senator judge headman headmen chairwoman chairperson
""".split())

# Plural demonyms of nationalities (hand-written after the demonym field of the PyPI package countryinfo 1.0.1,
# MIT licence; no dependency added) that the "-ians" ending does not already cover.
DEMONYMS: frozenset[str] = frozenset("""
pakistanis bangladeshis afghans afghanis iraqis israelis yemenis saudis kuwaitis qataris omanis emiratis
somalis sudanese south-sudanese congolese malians nigeriens chadians nigerians togolese beninese ghanaians
senegalese guineans liberians ivorians burkinabe cameroonians gabonese angolans mozambicans malawians
zambians zimbabweans kenyans ugandans rwandans burundians tanzanians ethiopians eritreans djiboutians
egyptians libyans tunisians algerians moroccans mauritanians lebanese syrians jordanians palestinians turks
iranians kurds azeris armenians georgians russians ukrainians belarusians poles czechs slovaks hungarians
romanians bulgarians serbs croats bosnians albanians greeks cypriots italians spaniards portuguese french
frenchmen germans dutch belgians swiss austrians britons irish scots danes swedes norwegians finns
americans canadians mexicans guatemalans hondurans salvadorans nicaraguans colombians venezuelans
ecuadorians peruvians bolivians brazilians chileans argentines argentinians paraguayans uruguayans
haitians cubans dominicans jamaicans chinese japanese koreans mongolians vietnamese thais cambodians
laotians burmese myanmarese malaysians singaporeans indonesians filipinos indians nepalis nepalese
lankans bhutanese maldivians uzbeks tajiks turkmens kyrgyz kazakhs australians zealanders
""".split())

# Ethnic and religious groups named in atrocity reports (hand list).
GROUPS: frozenset[str] = frozenset("""
hazaras fulani fulanis rohingya rohingyas yazidis yazidi kurds pashtuns uyghurs uighurs hutus tutsis
alawites alawite druze shias shiites sunnis christians muslims hindus sikhs jews copts ahmadis ahmadiyya
baluch balochs tamils sinhalese karens kachins shans masalit zaghawa nuer dinka hausa igbo yoruba tuaregs
berbers amharas oromos tigrayans somalis bedouins roma chaldeans assyrians
""".split())
