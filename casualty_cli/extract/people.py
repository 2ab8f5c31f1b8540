"""People described one by one, read from the parse (issue 25, claim-spec §5).

"Gunmen have shot dead a retired judge" is one killed, "killed a district governor and his son" two,
"a chief, his wife and three sons were shot dead" five, "eight workers and three other people were found
dead" eleven, "a fifth victim was found" five. They are not claims: the extractor reads them from the
`Doc` it already parsed and hands them to the tolls beside its claims (`Claims.people`), each a dict with
`article`, `type`, `count`, `sentence`, `start` (the sentence's offset in the article). A count of 0 marks a
sentence whose harm did not happen or happened another time ("guns do not kill people", "whose mother died
several years ago"): the tolls count nobody there, whoever else reads the sentence.

A person is the patient of a harm: the subject of a passive harm verb ("was killed", "was found dead"),
the object of an active one ("killed a judge"), the subject of a verb of dying ("the mayor died"), or the
"of" of a harm noun ("the murder of the director", "the body of a priest"). Coordinated people are summed,
"N others" adds N, "a couple" is two; suspects, attackers and pronouns ("him": someone already counted)
are not counted.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from . import inventory as inv
from . import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose patient is killed or injured; "shoot", "stab", "beat"... kill only with "dead", "to death",
# "fatally" (checked by `_verb_kind`). The inventory adds FrameNet's and WordNet's verbs of killing ("were
# hanged", "electrocuted"); only the verbs listed here make a person of any noun they take (`_is_person`).
KILLING_VERBS: frozenset[str] = frozenset("""
kill murder slay assassinate execute behead decapitate massacre slaughter lynch strangle crucify martyr
""".split())
HARM_KILLING_VERBS: frozenset[str] = KILLING_VERBS | frozenset(inv.KILLING_VERBS)
DYING_VERBS: frozenset[str] = frozenset({"die", "perish", "succumb", "drown"})
# "was wounded", "was hospitalized", "grazed by a bullet": the patient is injured.
INJURING_VERBS: frozenset[str] = frozenset({"wound", "injure", "hurt", "maim", "hospitalize", "hospitalise", "graze"})
# Harm whose outcome is not told: "a man was shot" is a casualty (killed or injured, the tolls weigh it), as
# are "struck by a bullet", "hit by gunfire" (only with their "by", or an object that is a person).
CASUALTY_VERBS: frozenset[str] = frozenset({"shoot"})
STRIKING_VERBS: frozenset[str] = frozenset({"strike", "hit"})
# "shot in the leg" is a wound.
BODY_PARTS: frozenset[str] = frozenset("""
head face neck throat chest back stomach abdomen belly side torso shoulder arm elbow wrist hand finger hip
buttock buttocks groin thigh leg knee ankle foot feet toe jaw eye cheek ear mouth lung spine pelvis
""".split())
# States of the harmed: "a man is dead", "left a woman dead", "pronounced dead"; "in critical condition".
DEAD: frozenset[str] = frozenset({"dead"})
CONDITIONS: frozenset[str] = frozenset({"critical", "serious", "stable", "fair", "good", "grave", "guarded",
                                        "life-threatening"})
# "suffered a gunshot wound", "suffering from injuries", "treated for wounds": the subject is injured.
SUFFERING_VERBS: frozenset[str] = frozenset({"suffer", "sustain"})
WOUND_NOUNS: frozenset[str] = frozenset({"wound", "injury", "burn", "fracture", "laceration"})
# The order in which harms take a sentence's people: "was shot in the head and killed" is killed.
KIND_ORDER: tuple[str, ...] = ("killed", "injured", "casualties")
# Violent verbs that kill with "dead", "to death", "fatally": "shot dead", "hacked to death" (the inventory's
# manner verbs, and "gunned", "knifed").
VIOLENT_VERBS: frozenset[str] = inv.MANNER_VERBS | frozenset({"gun", "knife"})
# What makes a violent verb kill ("shot dead", "stabbed to death", "fatally wounded"), and a noun fatal ("a
# deadly attack"); the scan keeps a sentence for this reader only with one of them or a word of killing.
FATAL_RESULTS: frozenset[str] = frozenset({"dead", "death", "fatally", "mortally"})
FATAL_MODIFIERS: frozenset[str] = frozenset({"fatal", "deadly"})
RESULT_WORDS: frozenset[str] = FATAL_RESULTS | FATAL_MODIFIERS
# "The charred body of a priest": nouns whose "of" is one dead person.
BODY_NOUNS: frozenset[str] = frozenset({"body", "corpse", "remains"})
# "the killing of X", "the death of X", the inventory's "the slaughter of X".
KILLING_NOUNS: frozenset[str] = frozenset("""
killing murder death assassination slaying execution beheading lynching
""".split()) | frozenset(inv.KILLING_NOUNS)
FATAL_NOUNS: frozenset[str] = frozenset({"stabbing", "shooting", "beating", "attack"})
# People named by a role that the lexicon's person nouns (with the inventory's officials, demonyms and
# groups) lack.
ROLE_NOUNS: frozenset[str] = frozenset("""
ambassador director secretary politician councilman councilwoman legislator mp president head bishop preacher
scholar sheikh missionary lawyer engineer businessman businesswoman merchant contractor academic professor
lecturer headmaster principal writer poet blogger editor anchor presenter commentator broadcaster activist
campaigner spokesman spokeswoman coordinator manager owner couple constable inspector sheriff bodyguard
translator interpreter aid physician surgeon dentist pharmacist tribesman
""".split())
PERSON_WORDS: frozenset[str] = lx.PERSON_NOUNS | lx.SINGLE_PERSON_NOUNS | ROLE_NOUNS
# A suspect, shooter, gunman or robber shot or killed is one of the harmed (claim-spec §5 counts every death):
# only groups that attack ("militants", "bombers") are never victims.
NOT_VICTIMS: frozenset[str] = (lx.PERPETRATORS - lx.SINGLE_PERSON_NOUNS) | frozenset("""
bomber militant insurgent jihadist terrorist rebel fighter kidnapper abductor captor hijacker
""".split())
ORDINALS: dict[str, int] = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                            "eighth": 8, "ninth": 9, "tenth": 10}
REFLEXIVES: frozenset[str] = frozenset({"himself", "herself"})
NOBODY: frozenset[str] = frozenset({"nobody", "none", "noone", "no-one"})
# Coordinated plural nouns that are a number without a numeral.
PAIRS: frozenset[str] = frozenset({"couple", "pair", "twins"})
# Plurals whose lemma is the word itself: "guns kill people" names nobody one by one.
UNMARKED_PLURALS: frozenset[str] = frozenset({"people", "folks", "police", "personnel", "staff", "youth"})
# Dependencies that open a clause of its own: words below them say nothing of the verb above.
CLAUSES: frozenset[str] = frozenset({"ccomp", "conj", "advcl", "relcl", "acl", "parataxis", "xcomp", "csubj"})
# Harm that did not happen, or not as told: "should be dead", "would kill", "nearly killed", "talks about killing".
MODALS: frozenset[str] = frozenset({"should", "would", "could", "might", "may", "must", "can", "will", "shall",
                                    "'d", "ca", "wo"})
# Verbs whose complement is a bare infinitive with a subject: "don't let my baby die".
BARE_INFINITIVES: frozenset[str] = frozenset({"let", "make", "help", "see", "watch", "hear", "have", "feel"})
NEARLY: frozenset[str] = frozenset({"nearly", "almost", "narrowly"})
ATTEMPTS: frozenset[str] = frozenset({"attempted", "failed", "foiled", "planned", "plotted", "alleged"})
# Another time than the event's: "whose mother died several years ago", "a man killed last week".
LONG_AGO: frozenset[str] = frozenset({"ago", "earlier", "previously", "before"})
PAST_UNITS: frozenset[str] = frozenset({"week", "weeks", "month", "months", "year", "years", "decade", "decades"})
MONTHS: frozenset[str] = frozenset("""
january february march april may june july august september october november december
""".split())


def read_people(doc: Doc, article: str = "-", base: int = 0) -> list[dict[str, Any]]:
    """Each sentence of `doc` that describes harmed people one by one: article, type, count, sentence,
    start (offset of the sentence plus `base`). Raises `EntitiesNeeded` if `doc` has no entities and
    one is needed."""
    out: list[dict[str, Any]] = []
    for sent in doc.sents:
        counts: dict[str, int] = {}
        seen: set[int] = set()
        unreal: set[str] = set()
        harms = sorted(_patients(sent, unreal), key=lambda h: KIND_ORDER.index(h[0]) if h[0] in KIND_ORDER else 0)
        for kind, patients, verb in harms:
            patients = [p for p in patients if p.i not in seen]
            if not patients:
                continue
            n = _group(patients, seen, verb, kind)
            if n:  # the largest group: two harms of one sentence often tell of the same people
                counts[kind] = max(counts.get(kind, 0), n)
        counts.update({kind: 0 for kind in sorted(unreal - counts.keys())})  # one order in every process
        for kind, n in counts.items():
            text = sent.text
            out.append({"article": article, "type": kind, "count": n, "sentence": text.strip(),
                        "start": base + sent.start_char + len(text) - len(text.lstrip())})
    return out


def _patients(sent: Span, unreal: set[str]) -> Iterator[tuple[str, list[Token], bool]]:
    """(type, the head nouns of the people harmed, whether a verb of killing holds them) for each harm of
    the sentence; the types of harms that did not happen or happened another time go to `unreal`."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in DEAD and tok.dep_ in ("amod", "advmod") and tok.i == tok.head.i + 1 and tok.head.pos_ == "NOUN" \
                and tok.head.dep_ in ("ROOT", "nsubj", "appos", "npadvmod"):
            yield "killed", [tok.head], False  # a headline's "Man dead, brother questioned", "Teen dead after ..."
        elif lemma in DEAD and tok.dep_ in ("acomp", "oprd") or lemma == "condition" and _in_condition(tok):
            state = _state_of(tok)  # "a man is dead", "left a man dead", "a woman in critical condition"
            if state is not None:
                harm = "killed" if lemma in DEAD else "injured"
                if _unreal(state) or _another_time(state):
                    unreal.add(harm)
                    continue
                objects = [c for c in state.children if c.dep_ in ("nsubjpass", "dobj")]  # "left a man dead"
                yield harm, objects or [c for c in state.children if c.dep_ == "nsubj"] or (
                    [state.head] if state.dep_ in ("acl", "relcl") else []), False
        elif tok.pos_ in ("VERB", "AUX", "ADJ") or tok.tag_ in ("VBN", "VBD", "VBG"):
            kind = _verb_kind(tok, lemma)
            if kind is None:
                continue
            if _unreal(tok) or _another_time(tok):
                unreal.add(kind)
                continue
            patients = list(_verb_patients(tok, lemma))
            if kind == "casualties" and _attack(tok):
                continue  # "gunmen shot a teacher": an attack told, its outcome not
            strict = kind == "casualties" or lemma in CASUALTY_VERBS and kind == "injured"
            yield kind, patients or _headline_patients(tok), _takes_people(lemma) and not strict
        elif tok.pos_ in ("NOUN", "PROPN"):
            kind = "killed" if lemma in KILLING_NOUNS or lemma in BODY_NOUNS or (
                lemma in FATAL_NOUNS and any(c.lower_ in FATAL_MODIFIERS for c in tok.children)) else None
            if kind is None or any(c.lower_ in ATTEMPTS or c.lower_ in NEARLY for c in tok.children):
                continue  # "the attempted murder of a 20-year-old man", "the nearly lifeless body of a boy"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    # "the killing of a woman and a child": the parse may join the second person to the noun
                    yield kind, [p for p in child.children if p.dep_ == "pobj"] + [
                        c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN" and _is_person(c)], False


def _attack(verb: Token) -> bool:
    """Whether an active verb of shooting has attackers for its subject ("Gunmen shot a local teacher"): a report
    of an attack, where "shot" so often means killed that it counts nobody as a casualty."""
    return any(c.dep_ == "nsubj" and (c.lemma_.lower() in NOT_VICTIMS or c.lemma_.lower() in lx.PERPETRATORS)
               for c in verb.children)


def _in_condition(noun: Token) -> bool:
    """ "in critical condition", "in serious but stable condition": a state of the injured."""
    return noun.head.lower_ == "in" and any(c.lower_ in CONDITIONS for c in noun.subtree)


def _state_of(tok: Token) -> Token | None:
    """The verb that a state ("dead", "in critical condition") says of its subject or object: "is dead",
    "was left dead", "remains in critical condition"; None when it hangs on a noun."""
    head = tok.head.head if tok.lemma_.lower() == "condition" else tok.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _headline_patients(verb: Token) -> list[Token]:
    """The subject of a headline's harm verb without its "was": "Man shot outside bar", "Teen wounded near
    school"; not "a man shot his wife" (the man is the shooter) nor "a man shot at police"."""
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "Teenage boy shot and killed by family member"
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and (c.pos_ in ("PRON", "PROPN") or c.lemma_.lower() in inv.ANIMALS
                                                   or _one(c) is not None or c.dep_ != "dobj")
           for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]


def _unreal(verb: Token) -> bool:
    """Whether a harm verb tells of harm that did not happen: a bare infinitive or imperative ("to kill",
    "don't let my baby die"), a modal or a negation ("he should be dead", "guns do not kill people"),
    "nearly killed", a topic ("talks about killing law enforcement")."""
    if verb.tag_ == "VB":  # but a headline's present, tagged as a base form: "IS militants kill a fortune-teller"
        return not any(c.dep_ == "nsubj" for c in verb.children) or verb.head.lemma_.lower() in BARE_INFINITIVES \
            or any(c.dep_ in ("aux", "neg") for c in verb.children)
    if any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS
           or c.dep_ == "advmod" and c.lower_ in NEARLY for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "about"


def _another_time(verb: Token) -> bool:
    """Whether the harm is dated to another time than the event's: "whose mother died several years ago",
    "a man killed in a shooting last week", "killed ... three days earlier"; the date may hang on the verb,
    on a word of its phrase or on the verb it is joined to ("was shot and killed just last week")."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for head in heads:
        for c in head.children:
            if c.dep_ in CLAUSES:
                continue
            words = [t.lower_ for t in c.subtree]
            if any(w in LONG_AGO for w in words) and any(_number_word(w) for w in words):
                return True  # "several years ago", "three days earlier"; not "earlier this month"
            if "last" in words and any(w in PAST_UNITS or w in MONTHS for w in words):
                return True  # "last week", "last year", "last November"
    return False


def _number_word(word: str) -> bool:
    return word.isdigit() or word in lx.NUMBER_WORDS or word in ("a", "several", "few", "many")


def _takes_people(lemma: str) -> bool:
    """Whether whatever noun the verb takes is a person: "killed a prominent ally". Not "executing a search
    warrant", nor the inventory's verbs of other senses ("a noose was found hanging")."""
    return (lemma in KILLING_VERBS or lemma in VIOLENT_VERBS and lemma not in inv.KILLING_VERBS
            or lemma == "find") and lemma != "execute"


def _verb_kind(tok: Token, lemma: str) -> str | None:
    if lemma not in KILLING_VERBS and lemma in inv.KILLING_VERBS and any(c.dep_ == "prt" for c in tok.children):
        return None  # "hung up the phone", "hanging his coat up": a phrasal verb of another sense
    if lemma in HARM_KILLING_VERBS or lemma in DYING_VERBS:
        return "killed"
    # "shot dead", "stabbed to death", "fatally shot"; not "shot her husband ... and that he should be dead"
    words = {c.lower_ for c in tok.children} | {g.lower_ for c in tok.children if c.dep_ not in CLAUSES
                                                for g in c.children}
    if lemma == "find" and words & {"dead", "killed", "murdered", "slain"}:
        return "killed"
    if lemma in VIOLENT_VERBS and (words & FATAL_RESULTS or lemma == "gun" and "down" in words):
        return "killed"  # "shot dead", "gunned down"
    if lemma in INJURING_VERBS:  # "fatally wounded" is killed
        return "killed" if words & {"fatally", "mortally"} else "injured"
    if lemma == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in tok.children):
        return "killed"  # "lost his life"
    if lemma in SUFFERING_VERBS and _wounds(tok) or lemma == "treat" and "for" in words:
        return "injured"  # "suffered a gunshot wound", "was treated for injuries"
    if lemma in CASUALTY_VERBS:
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in BODY_PARTS for g in c.children)
               for c in tok.children):
            return "injured"  # "shot in the leg"
        if not any(_verb_kind(c, c.lemma_.lower()) for c in tok.conjuncts
                   if c.pos_ == "VERB" and c.lemma_.lower() not in CASUALTY_VERBS):
            return "casualties"  # not "shot and killed", "shot and wounded": the other verb tells
    if lemma in STRIKING_VERBS and any(c.dep_ == "agent" or c.dep_ == "dobj" and _one(c) for c in tok.children):
        return "casualties"  # "struck by a bullet", "the gun went off, striking his brother"
    return None


def _wounds(verb: Token) -> bool:
    """Whether a verb of suffering takes a wound: "suffered a gunshot wound", "suffering from injuries"."""
    return any(t.lemma_.lower() in WOUND_NOUNS for c in verb.children if c.dep_ in ("dobj", "prep")
               for t in c.subtree)


def _verb_patients(verb: Token, lemma: str) -> Iterator[Token]:
    deps = {"nsubj"} if lemma in DYING_VERBS | SUFFERING_VERBS | {"lose"} else {"nsubjpass", "dobj"}
    if lemma in CASUALTY_VERBS and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
        deps = {"nsubj"}  # "a boy shot himself in the foot"
    found = [c for c in verb.children if c.dep_ in deps]
    # "a man Haji Nayef al-Hilah was killed" (two subjects, one person); not "a priest and four officers"
    # ... but "a man, a woman and a child were killed" (a list whose last "and" the parse hangs on the second)
    found = [c for n, c in enumerate(found) if not n or _joined(found[n - 1], c)
             or any(t.dep_ == "cc" and t.lower_ == "and" for t in c.children)]
    if not found and verb.dep_ in ("conj", "xcomp") and lemma not in DYING_VERBS:
        # "was shot and killed", "were beaten and killed": the first verb holds the people
        found = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
    elif not found and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        found = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "Man found in car died"
    passive = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if not found and passive is not None and passive.i > 0 and passive.i < verb.i \
            and verb.doc[passive.i - 1].pos_ in ("NOUN", "PROPN"):
        found = [verb.doc[passive.i - 1]]  # "In Bamenda a priest was killed", the priest parsed as Bamenda's
    participle = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") or verb.dep_ == "relcl" and verb.tag_ == "VBN"
    if not found and participle and not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        found = [verb.head]  # "a judge killed in the attack"; not "a man shot at officers"
    if not found and verb.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" for c in verb.children):
        governor = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "is recovering after being shot"
        found = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ == "amod" and lemma in KILLING_VERBS:
        found = [verb.head]  # "the slain journalist"
    yield from found
    for c in verb.children:  # "killed with four others", "killed alongside his nephew"
        if c.dep_ == "prep" and c.lower_ in ("with", "alongside"):
            yield from (p for p in c.children if p.dep_ == "pobj" and _one(p))
    for c in verb.children:  # "killed along with his wife", "together with"
        if c.dep_ in ("prep", "advmod", "prt") and c.lower_ in ("along", "together"):
            withs = [w for w in c.children if w.lower_ == "with"]
            withs += [w for w in verb.children if w.lower_ == "with" and w.i == c.i + 1]
            for w in withs:
                yield from (p for p in w.children if p.dep_ == "pobj")


def _number(tok: Token) -> int | None:
    """The value of a numeral token: digits or a number word."""
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return lx.NUMBER_WORDS.get(text)


def _nummod(noun: Token) -> int | None:
    """The number counting `noun` ("seven members"), or None."""
    for c in noun.children:
        if c.dep_ == "nummod" and c.i < noun.i:  # not "Larry Watkins Jr. 26": an age after a name
            return _number(c)
    return None


def _is_person(noun: Token, verb: bool = False) -> bool:
    """Whether `noun` names a person; `verb`: it is the patient of a verb of killing, which harms
    people ("killed a prominent ally"), so any noun that names no thing, place or group will do."""
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if lemma in NOT_VICTIMS or lower in NOT_VICTIMS or lemma in inv.ANIMALS or lemma in KILLING_NOUNS | FATAL_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in inv.ANIMALS for g in c.children)
           for c in noun.children):
        return False  # "85,000 head of cattle"
    if lower == "old" and any(_age_unit(c) for c in noun.subtree):
        return True  # "a 16-year-old", "an 18-month old"
    if noun.pos_ == "PROPN":
        if lower in lx.SINGLE_PERSON_NOUNS and noun.text[:1].isupper() and noun.dep_ != "compound":
            return True  # a headline's capital: "Man shot outside bar"
        # "Kenyatha Walker, a security worker", "Dana Lyle, 25,", "19-year-old Dana Lyle": the apposition or the
        # age says it, whatever the recognizer guessed
        return any(c.dep_ == "appos" and (c.lemma_.lower() in PERSON_WORDS or c.like_num and c.text.isdigit()
                                          and 0 < int(c.text) < 120)
                   or c.dep_ == "amod" and c.lower_ == "old" and any(_age_unit(g) for g in c.subtree)
                   for c in noun.children) \
            or _entity(noun) == "PERSON"
    if noun.pos_ != "NOUN":
        return False
    if lemma in PERSON_WORDS or lower in PERSON_WORDS or verb and (lemma + "s").endswith(lx.PERSON_SUFFIXES):
        return True  # "miners"
    return verb and lemma not in lx.NON_PERSON_NOUNS and not (lemma.endswith("ing") and len(lemma) > 5) \
        and lemma not in KILLING_NOUNS | FATAL_NOUNS and any(c.dep_ in ("det", "poss") for c in noun.children) \
        and _entity(noun) == ""


AGE_UNITS: frozenset[str] = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def _age_unit(tok: Token) -> bool:
    """ "year" of "16-year-old", "month" of "an 18-month old"."""
    return tok.lower_ in AGE_UNITS or tok.lower_.rsplit("-", 1)[-1] in AGE_UNITS


class EntitiesNeeded(Exception):
    """Raised by `read_people` on a `Doc` parsed without NER when an entity type decides who is a person:
    the caller runs the recognizer on that Doc and reads it again. Most sentences the reader is given
    never ask, so the extractor parses them without NER, half the cost of a parse (`extractor.py`)."""


def _entity(tok: Token) -> str:
    """The entity type of `tok`; raises `EntitiesNeeded` when the recognizer has not run on its Doc (it marks
    every token, "O" outside entities)."""
    if tok.ent_iob == 0:
        raise EntitiesNeeded
    return tok.ent_type_


def _one(noun: Token, verb: bool = False) -> int | None:
    """How many people one conjunct names: 1 for "a judge", N for "seven members", "N others"; None when
    it names no person or an unknown number ("civilians", "him")."""
    if noun.pos_ == "NUM" and any(c.lower_ == "of" for c in noun.children):
        return _number(noun)  # "and two of their bodyguards"
    if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in noun.children) or noun.lower_ in NOBODY:
        return None  # "no one was killed"
    if noun.lower_ in REFLEXIVES and noun.conjuncts:
        return 1  # "shot and wounded himself and his 10-year-old son": the shooter is one of the harmed
    n = _nummod(noun)
    lemma = noun.lemma_.lower()
    if noun.lower_ in ("others",) or lemma == "other":
        return n
    if not _is_person(noun, verb):
        return None
    if n is not None:
        return n
    if lemma in PAIRS or noun.lower_ in PAIRS:
        return 2
    plural = noun.tag_ in ("NNS", "NNPS") and (noun.lower_ != lemma or lemma in UNMARKED_PLURALS)
    if plural and noun.pos_ != "PROPN":
        return None
    return 1


def _ordinal(noun: Token) -> int | None:
    """The rank of "a fifth victim" (an update of the count); None for "the fourth victim" (one person, told
    by rank) and for a noun with no ordinal."""
    ranks = [ORDINALS[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in ORDINALS]
    if not ranks or any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                        for c in noun.children):
        return None
    return ranks[0]


def _group(patients: list[Token], seen: set[int], verb: bool = False, kind: str = "killed") -> int:
    """People in the patients of one harm and the people coordinated with them; 0 for a lone numbered
    group (a claim reads it). A lone person with an indefinite rank is an
    update of the dead ("a fifth victim has died" is 5); a rank among other people, or of the injured (who are
    ranked among all victims: "killed two and injured a third man"), is one person."""
    members = sorted({m.i: m for p in patients for m in (p, *p.conjuncts) if m.i >= p.i}.values(), key=lambda t: t.i)
    # "his cousin, Darwish Siam", "High Chief in Osun State, Pa Moses Elutilo": a name after a person noun or a
    # title with no "and" between is that person
    members = [m for n, m in enumerate(members) if not n or _joined(members[n - 1], m)
               or not (m.pos_ == "PROPN" and (members[n - 1].pos_ != "PROPN" or members[n - 1].lower_ in PERSON_WORDS))]
    if any(t.dep_ == "cc" and t.lower_ in ("or", "nor") for m in members for t in m.children):
        return 0  # "killed that gang member or that gang member": one or the other, maybe none
    total, known, numbered = 0, 0, 0
    for m in members:
        seen.add(m.i)
        if len(members) > 1 and m.lemma_.lower() in lx.PERPETRATORS:
            continue  # "killing the mayor and a suspect": a suspect killed alone counts, not among the victims
        if kind == "killed" and any(c.dep_ == "amod" and c.lower_ in ("wounded", "injured") for c in m.children):
            continue  # "found dead ... along with the wounded family member"
        n = _one(m, verb)
        if n is None:
            continue
        if numbered and _nummod(m) is None and m.pos_ != "NUM":
            return 0  # "two civilians, a writer and a child": the people a number counts, named one by one
        if _nummod(m) is not None and _hedged(m):
            return 0  # "at least 11 members ... and up to 30 civilians": figures to weigh, not parts to add
        total += n
        known += 1
        numbered += _nummod(m) is not None or m.pos_ == "NUM"
    if known == len(members) == 1 and _nummod(members[0]) == 1 and members[0].tag_ == "NN":
        return 1  # "one civilian died", "at least one civilian was killed": one person, whatever the hedge
    if not known or numbered == len(members) == 1:
        return 0  # nobody counted, or "ten people were killed": the claims read it
    if known == len(members) == 1 and kind == "killed":
        return _ordinal(members[0]) or total
    return total


def _joined(first: Token, second: Token) -> bool:
    """Whether "and" (or "as well as", "&") stands between two nouns: two people, not one told twice."""
    doc = first.doc
    lo, hi = sorted((first.i, second.i))
    return any(t.lower_ in ("and", "&", "well") for t in doc[lo + 1:hi])


def _hedged(noun: Token) -> bool:
    """Whether the number counting `noun` is hedged: "at least 11", "up to 30", "more than 10"."""
    return any(c.dep_ == "nummod" and any(g.dep_ in ("advmod", "quantmod") for g in c.children)
               for c in noun.children)
