"""Who said it: source, title, outlet (`via`) and cue for a claim (claim-spec §3).

Reads the dependency parse like the public quote extractors do (a lexicon of
reporting verbs, "according to", quotes with the attribution outside them,
pronouns resolved to the previous speaker) and also reports the outlet the
source spoke to or through ("told Reuters", "in a Facebook post").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import lexicon as lx

NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
REPORT_NOUNS = frozenset({"report", "statement", "figure", "data", "tally", "count", "estimate", "post",
                          "tweet", "account", "record", "bulletin", "update", "list", "reportage", "message",
                          "obituary", "tribute", "video", "page", "channel", "website", "footage", "article",
                          "broadcast", "announcement"})
# Anonymous heads that keep their place or affiliation: "a source at Aleppo Police Command".
ANON_HEADS = frozenset({"source", "activist", "official", "spokesman", "spokeswoman", "spokesperson",
                        "resident", "witness", "doctor", "medic", "correspondent", "journalist", "member",
                        "eyewitness", "employee", "worker", "rescuer", "paramedic"})
ANON_PREPS = frozenset({"at", "in", "from", "on", "with", "inside"})
DATE_WORDS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec""".split())
DROP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "prep", "parataxis", "ccomp"})
KEEP_PREPS = frozenset({"of", "for"})
SHORT_HEADS = frozenset({"source", "sources", "official", "observatory", "ministry", "group", "monitor",
                         "agency", "organization", "organisation", "spokesman", "spokeswoman", "spokesperson",
                         "department", "office", "army", "military", "report", "network", "committee"})
QUOTE_OPEN = "“\""
QUOTE_RE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
TITLE_WORDS = frozenset("""
sheriff chief police officer detective sergeant lieutenant captain commander colonel general major
mayor governor president minister spokesman spokeswoman spokesperson director head coroner
prosecutor attorney deputy superintendent commissioner inspector trooper dr doctor professor secretary
senator representative rep sen gov lt sgt capt col gen cpl officer agent
""".split())


@dataclass(frozen=True, slots=True)
class Attribution:
    """The four attribution fields of a claim."""

    source: str | None = None
    source_title: str | None = None
    via: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Speaker:
    """A source: its name as written, its role, and the channel it spoke through."""

    name: str
    title: str | None
    person: bool
    plural: bool
    via: str | None = None


@dataclass(slots=True)
class Speakers:
    """Speakers named so far in one article, most recent last: what "he said" resolves to."""

    seen: list[Speaker] = field(default_factory=list)

    def add(self, speaker: Speaker) -> None:
        self.seen.append(speaker)

    def resolve(self, word: Token) -> Speaker | None:
        lower = word.lower_
        for sp in reversed(self.seen):
            if lower in ("he", "she", "him", "her", "i"):
                if sp.person and not sp.plural:
                    return sp
            elif lower == "it":
                if not sp.person and not sp.plural:
                    return sp
            elif lower in ("they", "them", "we"):
                return sp
            elif lower in sp.name.lower() or word.lemma_.lower() in sp.name.lower():
                return sp
            elif lower in ("source", "sources", "official", "spokesman", "spokeswoman", "spokesperson"):
                return sp
        return None


def _trim(tokens: list[Token]) -> str | None:
    """Text of a token list without leading/trailing punctuation or possessive marks."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _entity(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in NAME_ENTS:
            return ent
    return None


def _phrase(tok: Token, keep: frozenset[str] = KEEP_PREPS) -> list[Token]:
    """The noun phrase of a speaker without its appositions, clauses and most prepositions.

    Starts at the last determiner before the head, so a run-on parse
    ("... bastion Raqqa a monitor said") keeps only "a monitor".
    """
    out: list[Token] = []

    def walk(t: Token) -> None:
        for left in t.lefts:
            if left.dep_ not in DROP_DEPS:
                walk(left)
        out.append(t)
        for right in t.rights:
            if right.dep_ in DROP_DEPS and not (right.dep_ == "prep" and right.lower_ in keep):
                continue
            walk(right)

    walk(tok)
    out.sort(key=lambda t: t.i)
    dets = [t for t in out if t.i < tok.i and t.pos_ == "DET" and t.dep_ == "det"]
    if dets:
        out = [t for t in out if t.i >= dets[-1].i]
    return out


def _platform(tok: Token) -> str | None:
    """The platform a report noun names: "a Facebook post", "a tweet", "Twitter/X post"."""
    if tok.lemma_.lower() == "tweet":
        return "Twitter"
    for t in tok.subtree:
        if t.i < tok.i and t.lower_.split("/")[0] in lx.PLATFORMS and (t.is_title or t.is_upper):
            end = t.i + 1
            while end + 1 < tok.i and tok.doc[end].text == "/":  # Twitter/X
                end += 2
            return tok.doc[t.i:end].text
    return None


def _strip_name(name: str) -> str:
    """Drop a possessive ending and a date word glued on by the tagger ("October Safa News")."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    first, _, rest = name.partition(" ")
    if rest and first.lower() in DATE_WORDS:
        name = rest
    return name


def speaker_of(tok: Token, speakers: Speakers) -> Speaker | None:
    """The speaker named by a subject token, with its title and channel; pronouns resolved."""
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PRON" or lower in lx.PRONOUNS:
        return speakers.resolve(tok)
    if tok.like_num or lemma in lx.HARM_VERBS or lemma in lx.HARM_NOUNS or lower in lx.HARM_ADJECTIVES:
        return None
    if lemma in REPORT_NOUNS:
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                 for g in c.children if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "poss"]
        platform = _platform(tok)
        if inner and inner[0].pos_ in ("PROPN", "NOUN", "PRON", "X"):
            found = speaker_of(inner[0], speakers)
            if found is not None:
                return Speaker(found.name, found.title, found.person, found.plural, found.via or platform)
    keep = KEEP_PREPS | ANON_PREPS if lemma in ANON_HEADS else KEEP_PREPS
    words = _phrase(tok, keep)
    appos = [c for c in tok.children if c.dep_ == "appos"]
    ent = _entity(tok)
    if appos and (ent is None or ent.label_ != "PERSON"):
        named = _entity(appos[0])
        if named is not None and named.label_ == "PERSON":
            return Speaker(_strip_name(named.text), _trim(words), True, False)
    people = [e for e in tok.doc.ents if e.label_ == "PERSON" and words and words[0].i <= e.start
              and e.end - 1 <= words[-1].i]
    if people:
        named = people[0]
        if appos:
            title = _trim(list(appos[0].subtree))
        else:
            title = _trim([t for t in words if t.i < named.start]) or _trim([t for t in words if t.i >= named.end])
        end = tok.i + 1 if tok.pos_ == "PROPN" and named.start <= tok.i and tok.i - named.end < 3 else named.end
        return Speaker(_strip_name(tok.doc[named.start : max(end, named.end)].text), title, True, False)
    if ent is not None:
        phrase = _trim(words)
        name = phrase if phrase is not None and len(words) <= len(ent) + 3 else ent.text
        title = _trim(list(appos[0].subtree)) if appos else None
        return Speaker(_strip_name(name), title, False, tok.tag_ in ("NNS", "NNPS"))
    if len(words) <= 2 and words[0].lower_ == "the" and lower in SHORT_HEADS:
        return speakers.resolve(tok)
    phrase = _trim(words)
    if phrase is None:
        return None
    title = _trim(list(appos[0].subtree)) if appos else None
    plural = tok.tag_ in ("NNS", "NNPS")
    is_person = lemma in lx.PERSON_NOUNS or lemma in TITLE_WORDS or lemma in ANON_HEADS
    return Speaker(_strip_name(phrase), title, is_person, plural)


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and c.lower_ == "it"):
            if c.dep_ == "nsubjpass":
                agent = _agent(verb)
                return agent
            return c
    agent = _agent(verb)
    if agent is not None:
        return agent
    if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and verb.head.i != verb.i:
        if verb.dep_ == "pcomp":
            return _subject(verb.head.head) if verb.head.head.i != verb.head.i else None
        return _subject(verb.head)
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _via(verb: Token) -> str | None:
    """The outlet or channel of a report: "told Reuters", "in a Facebook post", "on Twitter"."""
    for c in verb.children:
        if verb.lemma_.lower() == "tell" and c.dep_ in ("dobj", "dative", "obj"):
            ent = _entity(c)
            if ent is not None and ent.label_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART"):
                return ent.text
            if c.pos_ == "PROPN":
                return _trim(_phrase(c))
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "to", "via", "through"):
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                words = [t for t in obj.subtree]
                for w in words:
                    if w.lower_ in lx.PLATFORMS and (w.is_title or w.is_upper):
                        return w.text
                if c.lower_ in ("to", "via") and (_entity(obj) is not None or obj.pos_ == "PROPN"):
                    ent = _entity(obj)
                    return ent.text if ent is not None else _trim(_phrase(obj))
    return None


def _according_to(sent: Span, speakers: Speakers) -> Attribution | None:
    for tok in sent:
        if tok.lower_ != "according":
            continue
        to = [c for c in tok.children if c.lower_ == "to"]
        objs = [c for t in to for c in t.children if c.dep_ == "pobj"]
        if not objs and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            objs = [tok.nbor(2)]
            while objs[0].head.i > objs[0].i and objs[0].head.i < tok.i + 6:
                objs = [objs[0].head]
        if not objs:
            continue
        obj = objs[0]
        via: str | None = None
        if obj.lemma_.lower() in REPORT_NOUNS:
            inner = [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                     for g in c.children if g.dep_ == "pobj"]
            poss = [c for c in obj.children if c.dep_ == "poss"]
            if inner or poss:
                obj = (inner or poss)[0]
        sp = speaker_of(obj, speakers)
        if sp is None:
            return Attribution(cue="according to")
        speakers.add(sp)
        return Attribution(sp.name, sp.title, via, "according to")
    return None


def _quote_regions(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc.text)]


def _report_verbs(sent: Span) -> list[Token]:
    return [t for t in sent if t.lemma_.lower() in lx.REPORTING_VERBS and t.pos_ in ("VERB", "AUX")
            and not (t.lemma_.lower() == "claim" and any(c.lemma_.lower() == "life" for c in t.children))]


def _named_after(verb: Token, speakers: Speakers) -> Speaker | None:
    """Inverted order without a usable subject: '..." said Rami Abdel Rahman director of ...'."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 4)]:
        ent = _entity(tok)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return speaker_of(ent.root, speakers)
    return None


def _from_verb(verb: Token, speakers: Speakers) -> Attribution | None:
    subj = _subject(verb)
    if subj is None:
        if verb.lemma_.lower() == "report" and verb.tag_ == "VBN":
            return Attribution(cue="reportedly")
        return None
    sp = speaker_of(subj, speakers)
    if sp is None and subj.pos_ != "PRON":
        sp = _named_after(verb, speakers)
    via = _via(verb) or (sp.via if sp is not None else None)
    citing = [g for c in verb.children if c.lemma_.lower() == "cite" for g in c.children if g.dep_ == "dobj"]
    if sp is not None and citing:
        inner = speaker_of(citing[0], speakers)
        if inner is not None:
            via, sp = sp.name, inner
    if sp is None:
        return Attribution(via=via, cue=verb.text)
    if subj.pos_ != "PRON":
        speakers.add(sp)
    return Attribution(sp.name, sp.title, via, verb.text)


def attribute(num: Token, speakers: Speakers) -> Attribution:
    """Attribution of the claim whose number is `num`; empty when the text speaks in its own voice."""
    sent = num.sent
    ancestors = {t.i for t in num.ancestors} | {num.i}
    best: tuple[int, Token] | None = None
    for verb in _report_verbs(sent):
        if verb.i in ancestors:
            dist = sum(1 for _ in num.ancestors if _.i != verb.i)
        elif verb.head.i in ancestors and verb.dep_ in ("parataxis", "ccomp", "advcl", "conj"):
            dist = 50
        else:
            continue
        if num.i in {t.i for t in (_subject(verb) or verb).subtree} and _subject(verb) is not None:
            continue
        if best is None or dist < best[0]:
            best = (dist, verb)
    according = _according_to(sent, speakers)
    if according is not None:
        return according
    if best is not None:
        found = _from_verb(best[1], speakers)
        if found is not None:
            return found
    if any(t.lower_ == "reportedly" for t in sent) or any(
        t.lemma_.lower() == "report" and t.tag_ == "VBN" and t.i in ancestors for t in sent
    ):
        return Attribution(cue="reportedly")
    quoted = _quoted(num, speakers)
    return quoted or Attribution()


def _quoted(num: Token, speakers: Speakers) -> Attribution | None:
    """A claim inside a quote: the reporting verb just after (or before) the quote names its speaker."""
    doc = num.doc
    for start, end in _quote_regions(doc):
        if not start <= num.idx < end:
            continue
        after = doc.char_span(end, min(len(doc.text), end + 120), alignment_mode="expand")
        if after is not None:
            for tok in list(after)[:12]:
                if tok.lemma_.lower() in lx.REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
                    found = _from_verb(tok, speakers)
                    if found is not None and found.source is not None:
                        return found
        before = doc.char_span(max(0, start - 80), start, alignment_mode="expand")
        if before is not None:
            for tok in reversed(list(before)):
                if tok.lemma_.lower() in lx.REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
                    found = _from_verb(tok, speakers)
                    if found is not None and found.source is not None:
                        return found
        return None
    return None


def remember(sent: Span, speakers: Speakers) -> None:
    """Record who speaks in a sentence with no claim, so later pronouns resolve."""
    for verb in _report_verbs(sent):
        subj = _subject(verb)
        if subj is not None and subj.pos_ != "PRON":
            sp = speaker_of(subj, speakers)
            if sp is not None:
                speakers.add(sp)
    for ent in sent.ents:
        if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass"):
            speakers.add(Speaker(ent.text, None, True, False))
