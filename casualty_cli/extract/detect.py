"""Link each number to the people it counts and the harm they suffer.

Pure functions over a parsed spaCy `Doc`: the grammar decides, not a word
window. A number is a claim when a harm word (lexicon.py) reaches it through
the dependency tree in one of the shapes news uses:

- the harm governs the count: "killed 40 people", "at least 240 bodies",
  "the death toll of 52", "claimed the lives of more than 200";
- the count governs the harm: "40 dead", "people killed", "deaths";
- both hang on a linking verb: "the death toll rose to 52",
  "the number of victims has risen to 531", "left five dead".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import inventory as inv
from . import lexicon as lx
from .attribution import doc_text
from .phrases import from_home, phrase_harm

AGENT_DEPS: frozenset[str] = frozenset({"nsubj", "csubj"})


MAX_UP = 5


MAX_DOWN = 3


MAX_PATH = 6


@dataclass(frozen=True, slots=True)
class Harm:
    """The harm word a count is linked to, with the claim type it gives."""

    token: Token
    type: str
    distance: int


def counted_noun(num: Token) -> Token | None:
    """The noun a number counts: "40 people", "dozens of civilians", "a family of four"."""
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
            if objs:
                return objs[0]
    head = num.head
    if num.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod") and head.i != num.i:
        if head.pos_ in ("NUM",) and head.head.i != head.i:
            return counted_noun(head)
        if any(c.dep_ == "det" and num.i < c.i < head.i for c in head.children):
            return None  # "wounded more than 100 a monitoring group said": an article starts another phrase
        if any(t.text in lx.WEEKDAYS for t in num.doc[num.i + 1:head.i + 1]):
            return None  # "Gunmen killed 4 Sunday night": the day starts a time, not the counted noun
        if head.dep_ == "amod" and num.i < head.i < head.head.i and head.head.pos_ in ("NOUN", "PROPN"):
            return head.head  # "Forty displaced people": the parse may hang the count on the adjective
        if head.pos_ in ("NOUN", "PROPN", "ADJ"):
            # "70 regime and rebel fighters": the parse makes the modifier the head
            people = [c for c in head.children if c.dep_ == "conj" and c.tag_ == "NNS" and is_person(c)]
            return people[0] if people and head.tag_ == "NN" and not is_person(head) else head
    if num.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "family":
        return head.head
    return None


def is_person(noun: Token) -> bool:
    """Whether a counted noun names people ("civilians", "Syrians", "shooters")."""
    lemma = noun.lemma_.lower()
    lower = noun.lower_
    if noun.pos_ == "PROPN" and lower.endswith("s") and lemma == lower:  # "Civilians" in a headline
        lemma = lower[:-1]
    if lemma in lx.NON_PERSON_NOUNS or lower in lx.NON_PERSON_NOUNS or lemma in lx.TIME_NOUNS:
        return False
    if lemma == "family" and noun.tag_ == "NNS":  # "three families" counts households, not people
        return False
    if lemma in lx.PERSON_NOUNS or lower in lx.PERSON_NOUNS:
        return True
    if lemma in lx.HARM_NOUNS or lower in lx.HARM_NOUNS:
        return True
    if noun.ent_type_ in ("NORP", "PERSON"):
        return True
    return lower.endswith(lx.PERSON_SUFFIXES)


# Every word `harm_type` can answer for: a set lookup settles the other tokens of a sentence.
_HARM_ANY: frozenset[str] = frozenset(
    {*lx.HARM_FORMS, *lx.HARM_VERBS, *lx.HARM_ADJECTIVES, *lx.HARM_NOUNS, *lx.LIFE_TAKERS, "condition", "rubble",
     "shooting", *inv.MANNER_VERBS, *inv.PHRASAL_KILLING, *inv.HOSPITAL_VERBS, *inv.DRIVING_VERBS})



def harm_type(token: Token) -> str | None:
    """The claim type a token states on its own, or None."""
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower not in _HARM_ANY and lemma not in _HARM_ANY:
        return None
    kind = _harm_type(token, lower, lemma)
    if kind == "killed" and (_attempted(token) or _names_other_thing(token)):
        return None
    if kind is not None and any(c.dep_ == "neg" for c in token.children):
        return None  # "Three other children were also in the home, but were not injured"
    return kind


def _escaped(flee: Token) -> bool:
    """ "fled the scene", "fled on foot", "fled in a silver SUV": an escape, not people displaced."""
    for child in flee.children:
        words = [child] if child.dep_ in ("dobj", "npadvmod", "advmod") else [
            g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        for word in words:
            if word.lemma_.lower() in lx.FLED_NOT_DISPLACED or word.lower_ in lx.FLED_NOT_DISPLACED:
                return True
            if child.dep_ == "prep" and child.lower_ == "in" and any(d.lower_ in ("a", "an") for d in word.children):
                return True  # "in a gray Dodge Charger"
    return False


def _attempted(token: Token) -> bool:
    """ "attempted murder", "trying to kill 2 officers": a harm tried or threatened, not done."""
    if any(c.lower_ in lx.ATTEMPT_MODIFIERS and c.dep_ in ("amod", "compound") for c in token.children):
        return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in lx.ATTEMPT_HEADS


def _names_other_thing(token: Token) -> bool:
    """ "two homicide suspects", "murder charges", "a body shop": a killing noun that modifies another
    noun names that thing; under a harm noun or a figure ("death toll", "murder victims") it is the harm."""
    if token.dep_ != "compound" or token.pos_ != "NOUN" or token.lower_ in lx.HARM_ADJECTIVES:
        return False  # not "20 Syrian Civilians Dead Reports", a headline's adjective
    head = token.head.lemma_.lower()
    return head not in lx.HARM_NOUNS and head not in lx.FIGURE_HEADS and token.head.lower_ not in lx.HARM_NOUNS


def _harm_type(token: Token, lower: str, lemma: str) -> str | None:
    if lower == "wound" and any(c.dep_ == "prt" for c in token.children):
        return None  # "Three people wound up dead": wind up, not wound
    if token.pos_ == "PROPN" and lower in lx.HARM_FORMS:  # Title Case headline
        form = lx.HARM_FORMS[lower]
        return lx.HARM_VERBS.get(form) or lx.HARM_ADJECTIVES.get(form)
    if lemma == lower and lower in lx.HARM_FORMS and lower not in lx.HARM_ADJECTIVES:
        lemma = lx.HARM_FORMS[lower]
    if token.pos_ in ("VERB", "AUX") or (token.tag_ in ("VBN", "VBD", "VBG") and token.pos_ != "NOUN"):
        if lemma == "lose" and from_home(token):
            return "displaced"  # "24,000 individuals losing their homes"
        if lemma == "flee" and _escaped(token):
            return None
        phrased = phrase_harm(token, lemma)
        if phrased is not None:
            return phrased
        if lemma in lx.HARM_VERBS:
            return lx.HARM_VERBS[lemma]
        if lower in lx.HARM_ADJECTIVES:
            return lx.HARM_ADJECTIVES[lower]
        return None
    if token.pos_ in ("NOUN", "PROPN"):
        if lemma == "condition":
            return "injured" if any(c.lower_ in lx.CONDITIONS for c in token.children) else None
        if lemma == "shooting" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            # "the shootings of nine people" (not "a shooting", the event): the people were shot
            return "killed" if any(c.lower_ in ("fatal", "deadly") for c in token.children) else "casualties"
        if lemma == "rubble":
            return "missing" if token.head.lower_ in lx.UNDER else None
        if lemma == "life" and token.head.lemma_.lower() not in lx.LIFE_TAKERS:
            return None
        if lemma in lx.HARM_NOUNS:
            return lx.HARM_NOUNS[lemma]
        if lower in lx.HARM_NOUNS:
            return lx.HARM_NOUNS[lower]
        if lower in lx.HARM_ADJECTIVES:
            return lx.HARM_ADJECTIVES[lower]
        return None
    if lower in lx.HARM_ADJECTIVES:
        if lower == "critical" and not any(t.lower_ == "condition" for t in token.sent):
            return None
        if lower == "unaccounted":
            return "missing"
        return lx.HARM_ADJECTIVES[lower]
    return None


def _path(a: Token, b: Token) -> tuple[int, int, Token] | None:
    """Steps up from `a` and down to `b` through their lowest common ancestor."""
    up_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate([b, *b.ancestors])}
    for up, t in enumerate(up_a):
        if t.i in index:
            return up, index[t.i], t
    return None


def _is_agent(anchor: Token, harm: Token) -> bool:
    """True when the anchor is who did the harm ("gunmen killed 3"), not who suffered it."""
    node = anchor
    while node.head.i != node.i and node.head.i != harm.i:
        node = node.head
    if node.head.i != harm.i or node.dep_ not in AGENT_DEPS or harm.lemma_.lower() in lx.SUBJECT_SUFFERS:
        return False
    return any(c.dep_ in ("dobj", "obj") for c in harm.children)


def _linked(anchor: Token, harm: Token) -> int | None:
    """Tree distance when the shape is one news uses for a claim, else None."""
    found = _path(anchor, harm)
    if found is None:
        return None
    up, down, pivot = found
    if up + down > MAX_PATH:
        return None
    node = anchor
    while node.i != pivot.i:  # not from inside a relative clause: "the victim, who had three children, was shot"
        if node.dep_ == "relcl" and node.lemma_.lower() not in lx.LINK_VERBS and harm_type(node) is None:
            return None
        node = node.head
    if down == 0:  # harm governs the count
        if up > MAX_UP:
            return None
        if harm.pos_ in ("VERB", "AUX") and _is_agent(anchor, harm):
            return None
        if _other_statement(anchor, harm):
            return None
        return up
    if up == 0:  # count governs the harm: "people killed", "40 dead"
        return down if down <= MAX_DOWN else None
    if _speaks(anchor, harm, pivot):
        return None  # "25 police officers said a villager was killed": who speaks is not harmed
    if pivot.lemma_.lower() == "be" and down > 2 and not (
            down == 3 and any(c.lower_ == "among" and c.i < harm.i for c in pivot.children)):
        return None  # but "76 children were among those killed"
    node = harm
    while node.i != pivot.i:  # a coordinated clause with a subject of its own is another statement
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return None  # "One man is in custody but ... six others injured"
        node = node.head
    if pivot.lemma_.lower() in lx.LINK_VERBS or pivot.pos_ == "AUX" or harm_type(pivot):
        return up + down
    if up == 1 and down == 1 and harm.dep_ == "xcomp" and pivot.lemma_.lower() in lx.CONTROL_VERBS \
            and anchor.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return up + down  # "forced 1.3 million to evacuate", "300 people had to flee": the count does the verb
    if pivot.lemma_.lower() == "have" and up == 1 and down <= 2 and anchor.dep_ == "nsubj" and harm.pos_ == "NOUN":
        return up + down  # "Two had gunshot wounds" (but not "the victim had two children")
    return None


def _below(token: Token, pivot: Token) -> Token:
    """The child of `pivot` that `token` hangs from (`pivot` must be an ancestor)."""
    while token.head.i != pivot.i and token.head.i != token.i:
        token = token.head
    return token


def _speaks(anchor: Token, harm: Token, pivot: Token) -> bool:
    """Whether the count is the subject of a reporting verb whose statement holds the harm: "25 police
    officers said a villager was killed" (not "four others reported missing", the harm of the subject)."""
    if pivot.lemma_.lower() not in lx.REPORTING_VERBS:
        return False
    return _below(anchor, pivot).dep_ in AGENT_DEPS and _below(harm, pivot).dep_ in ("ccomp", "parataxis")


# Clauses joined to a harm that may hold a statement of their own.
CLAUSE_DEPS: frozenset[str] = frozenset({"conj", "ccomp", "advcl", "parataxis"})


def _other_statement(anchor: Token, harm: Token) -> bool:
    """Whether the count sits in a clause with a subject and verb of its own, below the harm:
    "Two people died ..., and ten people were rescued from flooded homes" (but "were also killed,
    as were their two young children" leaves its verb to the harm)."""
    node = anchor.head if anchor.dep_ not in ("nsubj", "nsubjpass") else anchor
    while node.i != harm.i and node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS and node.pos_ in ("VERB", "AUX") and harm_type(node) is None \
                and node.lemma_.lower() != "be" \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return True
        node = node.head
    return False


def harm_words(sent: Span) -> list[tuple[Token, str]]:
    """The harm words of a sentence with their types: computed once, shared by its counts."""
    return [(token, kind) for token in sent if (kind := harm_type(token)) is not None]


def death_toll_of(num: Token) -> Token | None:
    """The "death toll" whose verb takes this count as its figure, whatever harm word stands nearer: "the death
    toll has risen to 13 and 106 injured", "rose to 8 civilians in addition to 12 injured", "Death Toll ...
    Rises to 11 44 Injured". Only the first number after the verb is the toll's."""
    top = num.head if num.dep_ in ("nummod", "compound") and num.head.pos_ in ("NOUN", "PROPN", "NUM") else num
    if top.dep_ == "pobj" and top.head.lower_ in ("to", "at") and top.head.dep_ == "prep":
        verb = top.head.head
    elif top.dep_ in ("dobj", "attr"):
        verb = top.head
    else:
        return None
    if verb.lemma_.lower() not in lx.LINK_VERBS or min(t.i for t in top.subtree if t.like_num or t.i == num.i) != num.i:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.lemma_.lower() == "toll" and any(
                c.dep_ == "compound" and c.lemma_.lower() in ("death", "fatality") for c in child.children):
            return child
    return None


def verb_before(num: Token) -> Token | None:
    """An active harm verb right before a count's words that takes no object of its own: in text without
    commas the parse may hang the count on a later noun ("and wounded more than 100 a monitoring group
    said"), or the tagger read a time around it ("killed 4 Sunday night"), but the word order still says
    whom the verb harmed."""
    first = min(t.i for t in num.subtree if t.i <= num.i)
    if first == 0:
        return None
    verb = num.doc[first - 1]
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBG", "VBN") or any(
            c.dep_ in ("dobj", "obj", "auxpass") for c in verb.children):
        return None
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return None  # "Among those killed 5 children were found": a participle describing someone
    return verb if harm_type(verb) is not None else None


def find_harm(num: Token, noun: Token | None, sent: Span,
              harms: list[tuple[Token, str]] | None = None) -> Harm | None:
    """The nearest harm word linked to a count, or None when nothing harms it."""
    toll = death_toll_of(num)
    if toll is not None:
        return Harm(toll, "killed", 0)
    anchors = [num] if noun is None else [noun, num]
    verb = verb_before(num)
    counted = noun.i if noun is not None else -1
    best: Harm | None = None
    for token, kind in harm_words(sent) if harms is None else harms:
        made_to = noun is None and _made_to(token, num)
        if token.lemma_.lower() in lx.NEEDS_PERSON_OBJECT and (noun is None or not is_person(noun)) and not made_to:
            continue
        if token.lemma_.lower() in lx.NEEDS_LIVES and not any(
            c.lemma_.lower() == "life" for c in token.subtree
        ):
            continue
        if token.dep_ == "amod" and token.head.i not in (a.i for a in anchors):
            continue  # "the slain officer ... has two grown children": an adjective harms its own noun
        if _doer(token, anchors):
            continue  # "two unknown men in the SUV were shooting at a business": they did the harm
        if token.lemma_.lower() == "shooting" and token.pos_ in ("NOUN", "PROPN") and not _shot_of(token, anchors):
            continue  # "3 arrested in fatal shootings of 3-year-old boy": the shooting harms whom it is "of"
        for anchor in anchors:
            dist = 0 if verb is not None and token.i == verb.i else _linked(anchor, token)
            if dist is None:
                continue
            if token.lower_ in lx.DESCRIPTIVE_HARM and token.dep_ == "amod" and not (
                    token.head.i == num.i == token.i + 1 and token.tag_ in ("VBD", "VBN")):
                dist += 2  # "displaced people" describes; "and displaced millions" is a verb and its count
            if token.lemma_.lower() in lx.NEEDS_PERSON_OBJECT and not made_to:
                dist += 2  # "a plane hit a car ... killing two men": hit is the weakest cue
            if kind in ("casualties", "displaced") and token.pos_ == "NOUN" and (dist == 0 or token.i == counted):
                dist += 3  # "killed three victims", "killed more than 120 evacuees": the verb says more than the noun
            key = (dist, abs(token.i - num.i))
            if best is None or key < (best.distance, abs(best.token.i - num.i)):
                best = Harm(token, kind, dist)
    return best


def _made_to(verb: Token, num: Token) -> bool:
    """ "forced 1.3 million to evacuate": a bare count made to do the verb stands for people."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lx.CONTROL_VERBS and num.head.i == verb.head.i \
        and num.dep_ == "dobj"


def harms_doer(noun: Token, harm: Token, num: Token) -> bool:
    """Whether a harm word reaches people named for what they did only as the harm they are held for, the
    harm they did, or their flight: "2 suspects in the shooting death of", "suspects accused of killing",
    "four suspects killed Vergen", "Two suspects fled". It must take them as its patient: "two suspects
    were killed", "three injured suspects", "2 suspects killed", "shot two of the suspects", "Two of the
    suspects died"."""
    if noun.lemma_.lower() not in lx.PERPETRATORS and noun.lower_ not in lx.PERPETRATORS:
        return False
    lemma = harm.lemma_.lower()
    if lemma == "flee" or harm.pos_ == "NOUN":
        return True
    if harm.head.i == noun.i and harm.dep_ in ("amod", "acl"):
        return False
    them = num if noun.dep_ == "pobj" and noun.head.head.i == num.i else noun  # "two of the suspects"
    if them.head.i != harm.i:
        return True
    if them.dep_ == "nsubj":  # an agent when the verb has an object of its own: "suspects killed Vergen"
        return lemma not in lx.SUBJECT_SUFFERS and any(c.dep_ in ("dobj", "obj") for c in harm.children)
    return them.dep_ not in ("nsubjpass", "dobj")


def selected_by_one(num: Token, harm: Token) -> bool:
    """ "One of the six, a 24-year-old man, died": the harm is the one's, not the six's (the number reader
    drops a "one" that selects)."""
    of = num.head
    if num.dep_ != "pobj" or of.lower_ != "of" or of.head.i >= num.i or of.head.lower_ != "one":
        return False
    return of.head.head.i == harm.i and of.head.dep_ in ("nsubj", "nsubjpass")


def accused_of(harm: Token, anchors: list[Token]) -> bool:
    """Whether the counted are held to account for the harm, not harmed: "Two indicted for killing baby",
    "Two gang members accused of killing a 9-month-old boy" (but "charged with killing two teens" harms the
    two)."""
    node = harm
    while node.dep_ in ("pcomp", "pobj", "prep") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in lx.ACCUSING:
            held = {c.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass")}
            if node.dep_ in ("acl", "relcl"):
                held.add(node.head.i)
            return any(a.i in held for a in anchors)
    return False


def _shot_of(shooting: Token, anchors: list[Token]) -> bool:
    """Whether the counted people are those the noun "shooting" is of: "the shootings of nine people"."""
    within = {t.i for c in shooting.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return any(a.i in within for a in anchors)


def _doer(verb: Token, anchors: list[Token]) -> bool:
    """Whether the counted people are the subject of a harm verb in the progressive active ("were
    shooting at"): they do the harm, they do not suffer it ("were killing 5 people" still harms the 5)."""
    if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return False
    if verb.lower_ in lx.HARM_ADJECTIVES or verb.lemma_.lower() in lx.SUBJECT_SUFFERS:
        return False  # "are missing", "are fleeing": the subject suffers the state
    doers = {t.i for s in verb.children if s.dep_ == "nsubj" for t in s.subtree}
    return any(a.i in doers for a in anchors)


def passive_after(noun: Token) -> Harm | None:
    """ "Raqqa 20 civilians have been killed": a harm participle right after the counted noun and its
    auxiliaries, for when the parse attaches the noun elsewhere (a fallback, as weak as a far link)."""
    doc = noun.doc
    k = noun.i + 1
    while k < len(doc) and k - noun.i <= 3 and doc[k].pos_ == "AUX":
        k += 1
    if k == noun.i + 1 or k >= len(doc) or doc[k].tag_ != "VBN":
        return None
    kind = harm_type(doc[k])
    return Harm(doc[k], kind, MAX_PATH) if kind is not None else None


# An aside in dashes or brackets, then a harm word: "23 civilians - including nine children - dead".
_DASH = r"(?:[^\S\n]*[–—][^\S\n]*|[^\S\n]+--?[^\S\n]+)"


ASIDE_THEN_HARM = re.compile(
    rf"(?:{_DASH}[^–—()\n.;:]{{1,80}}?{_DASH}|[^\S\n]*\([^()\n]{{1,80}}\)[^\S\n]*)"
    rf"(?P<harm>{lx.alternation(lx.ADJACENT_HARM)})\b", re.IGNORECASE)


def harm_after_aside(noun: Token) -> Harm | None:
    """ "The fighting left 23 civilians - including nine children - dead": a harm word right after an aside
    that follows the counted noun, which the parse hangs on the aside (a fallback, as weak as a far link).
    Not a verb with a count of its own ("- wounded 10 others")."""
    doc, text = noun.doc, doc_text(noun.doc)
    m = ASIDE_THEN_HARM.match(text, noun.idx + len(noun))
    if m is None or COUNT_NEXT.match(text, m.end()):
        return None
    harm = next((t for t in doc[noun.i + 1 :] if t.idx >= m.start("harm")), None)
    if harm is None or harm.idx != m.start("harm"):
        return None
    kind = harm_type(harm) or lx.HARM_ADJECTIVES.get(harm.lower_)
    return Harm(harm, kind, MAX_PATH) if kind is not None else None


# A count right after a word, on the same line: "wounded 10", "injured dozens", "hurt at least 5" (not a
# dateline's "Wounded\n05.02.2015").
_COUNT_WORDS = lx.alternation([*lx.NUMBER_WORDS, *lx.VAGUE_COUNTS, "a dozen", "a hundred"])


COUNT_NEXT = re.compile(
    rf"[^\S\n]+(?:(?:{lx.alternation(h for hs in lx.HEDGES.values() for h in hs)})[^\S\n]+)?"
    rf"(?:\d+(?:,\d{{3}})*(?![\d.:/]|,\d)|(?:{_COUNT_WORDS})\b)",
    re.IGNORECASE)


def adjacent_harm(num: Token) -> Harm | None:
    """ "18 dead", "35 Dead Dozens Wounded", "7 shot": a harm word right after the count.

    Headlines and captions parse badly; the word order alone is reliable here.
    """
    doc = num.doc
    before = doc[num.i - 1] if num.i > 0 else None
    if num.i + 1 >= len(doc):  # "Strike kills 5 injures 7"
        if before is not None and before.lower_ in lx.HEADLINE_VERBS:
            return Harm(before, lx.HEADLINE_VERBS[before.lower_], 0)
        return None
    nxt = doc[num.i + 1]
    if nxt.lower_ in lx.BEFORE_DEAD and num.i + 2 < len(doc) and doc[num.i + 2].lower_ in ("dead", "killed"):
        return Harm(doc[num.i + 2], "killed", 0)  # "3 found dead", "Five Shot Dead"
    # The harm participle right after the count and its noun is the count's harm, even after a harm
    # word ("Two children killed 5 others injured": that "killed" is the harm of the count before it);
    # but one with a count after it is a verb with a group of its own, and then a harm word before the
    # count is the count's: "Rocket attacks kill 10 civilians injured dozens", "Kurds kill 83 injured 100".
    after = _participle_after(num)
    if after is not None and before is not None and COUNT_NEXT.match(doc_text(doc), after.idx + len(after)):
        kind = harm_type(before) or lx.HEADLINE_VERBS.get(before.lower_)
        if kind is not None:
            return Harm(before, kind, 0)
    if after is None and before is not None and before.lower_ in lx.HEADLINE_VERBS \
            and _headline_object(num, before):
        return Harm(before, lx.HEADLINE_VERBS[before.lower_], 0)  # "shooting kills 2, injures 4"
    if after is not None:
        nxt = after
    if nxt.lower_ in ("shot", "shots") and num.i > 0 and doc[num.i - 1].lemma_.lower() in lx.SHOT_COUNTERS:
        return None  # "fired one shot" counts shots
    if nxt.lower_ in lx.ADJACENT_HARM:
        kind = harm_type(nxt) or lx.HARM_ADJECTIVES.get(nxt.lower_)
        if kind is None and nxt.lower_ == "shot":
            kind = "casualties"
        if kind is None and nxt.lower_ in ("died", "die", "dies"):
            kind = "killed"
        if kind is not None:
            return Harm(nxt, kind, 0)
    return None


# A verb that takes people right before a count's quantity: "kidnapped 900", "abducted at least 50".
TAKEN_BEFORE = re.compile(rf"\b(?:{lx.alternation(lx.TAKING_VERBS)})\s+$", re.IGNORECASE)


def taken(start: int, num: Token, harm: Token) -> bool:
    """ "Daesh kidnapped 900 Executed 18 People": a count right after a verb that takes people without
    harming them is that verb's object; a harm word after it with a count of its own ("Executed 18")
    starts the next clause and harms that count. `start` is where the count's quantity begins."""
    text = doc_text(num.doc)
    return harm.i > num.i and TAKEN_BEFORE.search(text[max(0, start - 40):start]) is not None \
        and COUNT_NEXT.match(text, harm.idx + len(harm)) is not None


def _participle_after(num: Token) -> Token | None:
    """ "Two children killed 5 others injured", "6 citizens killed 22 injured", "4 Turkish Troopers Killed":
    in a headline without commas, a harm participle right after the count and its people noun. Groups
    listed before one harm word share it: "40 Civilians 25 YPG Fighters Killed 110 Injured"."""
    doc = num.doc
    k = _past_group(num.i + 1, doc)
    while k < len(doc) and doc[k].pos_ == "NUM" and (end := _past_group(k + 1, doc)) > k + 1:
        k = end
    if k >= len(doc) or doc[k].lower_ not in lx.ADJACENT_HARM or doc[k].tag_ not in ("VBN", "VBD", "JJ", "NNP"):
        return None
    return doc[k]


def _past_group(k: int, doc: Doc) -> int:
    """Where the people a headline's count counts end ("5 others", "Turkish Troopers"): `k` when none."""
    if k + 1 < len(doc) and doc[k].pos_ in ("ADJ", "PROPN") and names_people(doc[k + 1]):
        k += 1
    if k < len(doc) and names_people(doc[k]):
        k += 1
    return k


def names_people(token: Token) -> bool:
    """A noun naming the people a headline's count counts ("5 others", "Turkish Troopers"), not their harm."""
    return token.pos_ in ("NOUN", "PROPN") and is_person(token) and token.lemma_.lower() not in lx.HARM_NOUNS


def _headline_object(num: Token, verb: Token) -> bool:
    """Whether a count right after "kills" is its object however the headline parses: the parse
    hangs it on the verb taken for a noun ("kills 2", "Strike Kills Five"), on the next verb ("Kills
    Five Injures Seven"), or on a word that counts nothing ("kill 10 injure scores"), not on things
    ("kills 10 cows")."""
    doc = num.doc
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is None or nxt.is_punct or nxt.lower_ in lx.HEADLINE_VERBS:
        return True  # nothing for the count to count but the verb's victims
    head = num.head
    if head.i == verb.i:
        return verb.pos_ in ("NOUN", "PROPN")
    return head.i > num.i and head.pos_ == "NOUN" and not is_person(head) \
        and head.lemma_.lower() not in lx.NON_PERSON_NOUNS and head.lemma_.lower() not in lx.TIME_NOUNS
