"""What a verb's own dependents make of it (issue 25): "beaten to death", "burned alive", "mowed down",
"cost N their lives" (killed); "badly burned", "taken to hospital" (injured); "forced from their homes"
(displaced). The words come from `inventory.py`; `detect.harm_type` asks here before the single-word lists.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import inventory as inv
from . import lexicon as lx


def from_home(verb: Token) -> bool:
    """ "forced from their homes", "forced out of their homes", "losing their homes"."""
    return any(t.lemma_.lower() in lx.HOMES and t.head.lower_ in ("from", "of", "out") for t in verb.subtree
               if t.dep_ == "pobj") or any(c.dep_ == "dobj" and c.lemma_.lower() in lx.HOMES for c in verb.children)


def phrase_harm(token: Token, lemma: str) -> str | None:
    """What a verb's own dependents make of it (`inventory.py`): "beaten to death", "burned alive", "mowed
    down", "cost N their lives" (killed); "badly burned", "taken to hospital" (injured); "drove N from their
    homes" (displaced)."""
    for child in token.children:
        low = child.lower_
        if low == "to" and child.dep_ in ("prep", "dative") and any(
                g.lemma_.lower() in inv.DEATH_RESULTS for g in child.children):
            return "killed"
        if lemma in inv.MANNER_VERBS and (low in inv.ALIVE or child.dep_ in ("dobj", "nsubjpass") and any(
                g.lower_ in inv.ALIVE for g in child.children)):
            return "killed"  # "burned alive", "burned 12 civilians alive"
        if low in inv.PHRASAL_KILLING.get(lemma, ()) and child.i > token.i:
            return "killed"  # "mowed down", "set ablaze"
        if lemma in lx.LIFE_TAKERS and child.dep_ in ("dobj", "dative") and any(
                t.lemma_.lower() == "life" for t in (child, *child.children)):
            return "killed"  # "lost their lives", "cost 12 villagers their lives"
        if low in inv.INJURY_ADVERBS and child.dep_ == "advmod" and lemma in inv.MANNER_VERBS:
            return "injured"
        if lemma in inv.HOSPITAL_VERBS and (
                child.dep_ in ("prep", "dative") and low in ("to", "into", "in")
                and any(g.lower_ in inv.HOSPITALS for g in child.children)
                or low in inv.HOSPITALS and any(g.lower_ == "to" for g in child.children)):
            return "injured"  # "taken to hospital" (the tagger may read "to hospital" as a verb)
    if lemma in inv.MANNER_VERBS and any(
            c.dep_ == "conj" and c.lemma_.lower() in inv.MANNER_VERBS and phrase_harm(c, c.lemma_.lower()) == "killed"
            and not any(g.dep_ == "dobj" for g in c.children) for c in token.children):
        return "killed"  # "stabbing and slashing to death 11 people": the pair shares its object and its end
    if lemma in inv.DRIVING_VERBS and from_home(token):
        return "displaced"
    return None
