"""Who was harmed: the people a count counts, read from the parse."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from . import lexicon as lx
from .attribution import ents_within
from .detect import (
    CLAUSE_DEPS,
    Harm,
    harm_type,
    is_person,
    names_people,
)


def _talk(words: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words of a list; a trailing "*" takes any ending ("fatal*": fatally, fatalities)."""
    parts = [lx.alternation(w for w in words if not w.endswith("*"))]
    if any(w.endswith("*") for w in words):
        parts.append(rf"(?:{lx.alternation(w[:-1] for w in words if w.endswith('*'))})\w*")
    return re.compile(rf"\b(?:{'|'.join(parts)})\b", re.IGNORECASE)


WOUND_WORDS = _talk(lx.WOUND_TALK)


DEATH_WORDS = _talk(lx.DEATH_TALK)


def refine_type(harm: Harm, counts: set[int], text: str = "", own: int = -1) -> str:
    """Sharpen the type: "shot dead" is killed, "killed and wounded" together is casualties.

    `text` is the surrounding article text: where it speaks of wounds and not
    of deaths, people "shot" were injured (claim-spec §1). `own` is the count's token.
    """
    tok = harm.token
    lemma = tok.lemma_.lower()
    if lemma == "victim" or (tok.pos_ == "NOUN" and lemma in ("casualty",)):
        for child in tok.children:
            kind = harm_type(child) if child.dep_ in ("amod", "compound") else None
            if kind in ("killed", "injured"):
                return kind
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in lx.FATAL_ADVERBS:
            return "killed"  # "two victims fatally shot", however the shooting is parsed
    if harm.type == "injured" and any(c.lower_ in lx.FATAL_ADVERBS for c in tok.children):
        return "killed"
    if lemma in lx.SHOOTING_VERBS or tok.lower_ == "shot":
        # Words of the harm's own phrase; a part with a count of its own ("-- 2 killed") is another claim.
        # Not a clause with a subject of its own: "13-year-old boy killed, 6 others shot" shot the 6 only.
        # Nor a word right after a count of its own: "5 People Shot, 1 Fatally".
        near = [t.lower_ for c in tok.children if not any(t.i in counts for t in c.subtree)
                and not (c.dep_ in CLAUSE_DEPS and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
                for t in c.subtree if t.i - 1 not in counts or t.i - 1 == own]
        if tok.dep_ == "conj":
            near.append(tok.head.lower_)
        if any(w in lx.FATAL_WORDS for w in near) or any(  # "shot and killed", not "4 shot and 1 killed"
            t.lemma_.lower() in ("kill", "die") and not _own_group(t, counts) for t in tok.conjuncts
        ):
            return "killed"
        if any(w in lx.WOUNDING_WORDS for w in near):
            return "injured"
        return injured_if_only_wounds(text)
    if lemma == "victim" and harm.type == "casualties":
        return injured_if_only_wounds(text)
    count = tok.doc[own] if own >= 0 else None
    # whether the count (or its noun) is this harm's own subject or object
    direct = count is not None and any(t.head.i == tok.i and t.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")
                                       for t in (count, count.head))
    for other in tok.conjuncts:
        other_type = harm_type(other)
        if other_type and other_type != harm.type and {harm.type, other_type} == {"killed", "injured"}:
            first, last = sorted((tok, other), key=lambda t: t.i)
            if first.i < own < last.i:
                # a count between the two harms is one harm's: its own subject's or object's, else, however the
                # parse hangs it, the first's before the "and" ("killed 10 people and wounded several others")
                # and the second's after it ("two people were killed and between seven and 13 people were
                # injured")
                if direct:
                    return harm.type
                return (other_type if last.i == other.i else harm.type) if _joined_before(first, own) else (
                    other_type if first.i == other.i else harm.type)
            # a count of its own between them is the other harm's group ("one man was killed and up to four
            # civilians ... were injured"); "killed and wounded 10 people" share their count
            between = any(first.i < k < last.i and k != own and _joined_before(first, k) for k in counts)
            mine = {t.i for t in tok.subtree} if any(t.i == tok.i for t in other.subtree) else set()
            if not between and not _own_group(other, counts - mine):
                return "casualties"
    return harm.type


def _joined_before(first: Token, k: int) -> bool:
    """Whether an "and" or "or" stands between a harm word and the token at k (not the "and" of a range:
    "killing between 55 and 63 civilians")."""
    doc = first.doc
    return any(t.lower_ in ("and", "or") and not any(d.lower_ == "between" for d in doc[max(0, t.i - 4):t.i])
               for t in doc[first.i + 1:k])


# How far before a passive harm word "others" still name its group (tokens).
OTHERS_REACH = 12


def _own_group(harm: Token, counts: set[int]) -> bool:
    """Whether a harm word has a group of its own: a subject, an object, a count under it, or a count right
    before its auxiliaries ("The war killed 5000 and 300 were wounded", however the parse hangs the 300)."""
    k = harm.i - 1
    while k >= 0 and harm.doc[k].pos_ == "AUX":
        k -= 1
    if 0 <= k < harm.i - 1 and k in counts:
        return True
    if k < harm.i - 1:  # "..., and several others, including an infant, were injured": back to the harm before
        for t in reversed(harm.doc[max(0, harm.i - OTHERS_REACH):k + 1]):
            if harm_type(t) is not None:
                break
            if t.lower_ in lx.OTHERS:
                return True
    # the subject of an active harm verb did the harm ("The attack killed and wounded 10 people")
    doer = harm.pos_ == "VERB" and harm.tag_ in ("VBD", "VBZ", "VBP") and harm.lemma_.lower() not in lx.SUBJECT_SUFFERS
    return any(c.dep_ in ("nsubjpass", "dobj", "obj") or c.dep_ == "nsubj" and not doer or c.lower_ in lx.OTHERS
               for c in harm.children) \
        or any(t.i in counts and not _in_prep(t, harm) for t in harm.subtree)


def _in_prep(token: Token, top: Token) -> bool:
    """Whether a token hangs on `top` through a preposition other than "of": "killed at the Four
    Points Sheraton" (but "the injury of 40 others" is the group of the injury, and "killing between 55 and
    63 civilians" a range the parse reads as a preposition)."""
    node = token
    while node.i != top.i:
        if node.dep_ in ("prep", "agent") and node.lower_ not in ("of", "between"):
            return True
        node = node.head
    return False


@lru_cache(maxsize=16)
def injured_if_only_wounds(text: str) -> str:
    """People shot, or victims, in a text that speaks of wounds and never of deaths were injured.

    Cached: every "shot" claim of an article asks about the same article text."""
    return "injured" if text and WOUND_WORDS.search(text) and not DEATH_WORDS.search(text) else "casualties"


def victims_of(noun: Token | None, num: Token | None = None) -> str | None:
    """The harmed group as written: "people", "children", "members" (family members).

    Without a counted noun from the parse, a person noun right after the count
    still names the group: "Dozens more people", "three injured children".
    """
    if noun is None and num is not None:
        noun = noun_after(num)
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    if lemma in lx.HARM_NOUNS:
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in lx.PERSON_NOUNS:
                text = child.text
                return text if text.endswith("s") else text + "s"
        return noun.text if noun.lower_ in lx.HARM_NOUNS_AS_VICTIMS else None
    if noun.lower_ in lx.HARM_GROUP_WORDS and (
            num is None or noun.i == num.i + 1):
        return None  # "40 dead": the harm, not a group
    if lemma == "family" and noun.i + 1 < len(noun.doc) and noun.nbor(1).lower_ == "members":
        return "members"
    return noun.text


def noun_after(num: Token) -> Token | None:
    """The person noun a few words after a count, when the parse hangs the count elsewhere ("25 YPG
    Fighters"); not the group of a harm word of its own ("One Killed Others Injured": the others are hurt)."""
    doc = num.doc
    for tok in doc[num.i + 1 : min(len(doc), num.i + 4)]:
        if _before_people(tok):
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            if not is_person(tok) or tok.lower_ in lx.HARM_ADJECTIVES or _next_group(num, tok):
                return None
            return tok
        if tok.pos_ not in ("ADJ", "VERB") and tok.lower_ not in ("more", "other"):
            return None
    return None


def _before_people(tok: Token) -> bool:
    """A name or a noun that modifies the people after it: "YPG Fighters", "aid volunteers", "SARC
    volunteers" (not "Ahmed Mustafa", nor people themselves: "police officers")."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.pos_ == "PROPN":
        return nxt is not None and nxt.tag_ in ("NNS", "NNPS") and names_people(nxt)
    if tok.pos_ != "NOUN" or is_person(tok) or (tok.tag_ == "NNS" and not tok.text.isupper()):
        return False  # not things counted before people: "Killed 10 cows villagers said"
    if tok.dep_ == "compound":
        return tok.i < tok.head.i <= tok.i + 2 and names_people(tok.head) and _person_word(tok.head)
    return tok.tag_ == "NN" and nxt is not None and nxt.tag_ == "NNS" and names_people(nxt) and _person_word(nxt)


def _person_word(token: Token) -> bool:
    """Whether the lexicon names the word as people (not only its ending: "rocket launchers")."""
    return token.lemma_.lower() in lx.PERSON_NOUNS or token.lower_ in lx.PERSON_NOUNS


def people_after(num: Token) -> Token | None:
    """The people a count counts, read from the words after it, for when the parse counts their modifier
    ("Fifteen aid volunteers", "Two hospital workers"): a person word of the lexicon that heads its phrase;
    not a harm noun ("five attempted murder charges") nor a modifier ("one rebel-held district")."""
    noun = noun_after(num)
    if noun is None or not _person_word(noun):
        return None
    doc = noun.doc
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return None if nxt is not None and (nxt.tag_ == "HYPH" or nxt.pos_ in ("NOUN", "PROPN")) else noun


def _next_group(num: Token, noun: Token) -> bool:
    """Whether a noun after a count's harm word has a harm word of its own: then it is the next group
    of a headline without commas ("One Killed Others Injured"), not the count's."""
    doc = noun.doc
    return noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in lx.ADJACENT_HARM \
        and any(t.lower_ in lx.ADJACENT_HARM for t in doc[num.i + 1 : noun.i])


def location_of(sent: Span, num: Token) -> str | None:
    """Where the harm happened, as written in the same sentence: the place entity nearest the count."""
    places = [e for e in ents_within(sent.doc, sent.start, sent.end) if e.label_ in ("GPE", "LOC", "FAC")]
    if not places:
        return None
    place = min(places, key=lambda e: (e.start < num.i, abs(e.start - num.i)))
    start = place.start
    doc = sent.doc
    if start > sent.start and doc[start - 1].lower_ in lx.DIRECTIONS:
        return doc[start - 1 : place.end].text
    text = place.text
    return text[4:] if text.lower().startswith("the ") else text


def own_participle(noun: Token | None, harms: list[tuple[Token, str]]) -> Harm | None:
    """The harm of a participle of the group's own ("the two firefighters shot", even where the parse hangs a
    selecting "one" on it), for a group whose selected members have another harm; None when it has none."""
    own = [h for h in harms if noun is not None and h[0].tag_ == "VBN"
           and (h[0].head.i == noun.i or h[0].i == noun.i + 1)]
    return Harm(own[0][0], own[0][1], 1) if own else None
