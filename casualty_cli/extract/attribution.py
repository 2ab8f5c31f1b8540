"""Who said it: source, title, outlet (`via`) and cue for a claim (claim-spec §3).

Reads the dependency parse like the public quote extractors do (a lexicon of
reporting verbs, "according to", quotes with the attribution outside them,
pronouns resolved to the previous speaker) and also reports the outlet the
source spoke to or through ("told Reuters", "in a Facebook post").
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import lexicon as lx

NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
# A date word the tagger glued onto a name: "October Safa News".
DATE_WORDS = frozenset(w.lower() for w in lx.MONTHS + lx.MONTH_ABBREVIATIONS + lx.WEEKDAYS)
DROP_DEPS = frozenset({"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "prep", "parataxis", "ccomp"})


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
    """Speaker memory: the speakers named so far in one article, most recent last.

    What "he said" resolves to; written by `attribute` and `remember` only.
    """

    seen: list[Speaker] = field(default_factory=list)

    def add(self, speaker: Speaker) -> None:
        self.seen.append(speaker)

    def resolve(self, word: Token) -> Speaker | None:
        lower = word.lower_
        for sp in reversed(self.seen):
            if lower in lx.PERSON_PRONOUNS:
                if sp.person and not sp.plural:
                    return sp
            elif lower in lx.THING_PRONOUNS:
                if not sp.person and not sp.plural:
                    return sp
            elif lower in lx.PLURAL_PRONOUNS:
                return sp
            elif lower in sp.name.lower() or word.lemma_.lower() in sp.name.lower():
                return sp
            elif lower in lx.ANON_SPEAKERS:
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
    """The named entity (person, organisation, place...) a token is part of, read off its IOB tags."""
    if tok.ent_iob_ not in ("B", "I") or tok.ent_type_ not in NAME_ENTS:
        return None
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _phrase(tok: Token, keep: frozenset[str] = lx.KEEP_PREPS) -> list[Token]:
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
    doc = tok.doc
    for t in doc[tok.left_edge.i : tok.i]:
        if t.lower_.split("/")[0] in lx.PLATFORMS and (t.is_title or t.is_upper):
            end = t.i + 1
            while end + 1 < tok.i and doc[end].text == "/":  # Twitter/X
                end += 2
            return doc[t.i : end].text
    return None


def _strip_name(name: str) -> str:
    """Drop a possessive ending, stray quote marks and a date word glued on by the tagger
    ("October Safa News")."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    name = name.replace("‘", "").replace("’", "").replace("“", "").replace("”", "").strip(" '\"")
    first, _, rest = name.partition(" ")
    if rest and first.lower() in DATE_WORDS:
        name = rest
    return name


def _split_title(words: list[Token]) -> tuple[str, str] | None:
    """ "Police Chief Wade Ingram" -> ("Police Chief", "Wade Ingram"): a role word, then a name."""
    k = 0
    while k < len(words) and (words[k].lower_ in lx.TITLE_WORDS or (k == 0 and words[k].pos_ == "DET")):
        k += 1
    rest = words[k:]
    if 0 < k and len(rest) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in rest):
        title, name = _trim(words[:k]), _trim(rest)
        if title is not None and name is not None and title.lower() not in ("the", "a", "an"):
            return title, name
    return None


def _appositions(tok: Token) -> list[Token]:
    """Appositions that can be a role: not an acronym in brackets ("Press Agency (SAFA)")."""
    doc = tok.doc
    return [c for c in tok.children if c.dep_ == "appos"
            and not (c.is_upper and c.i > 0 and doc[c.i - 1].text == "(")]


def speaker_of(tok: Token, speakers: Speakers) -> Speaker | None:
    """The speaker named by a subject token, with its title and channel; pronouns resolved."""
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PRON" or lower in lx.PRONOUNS:
        return speakers.resolve(tok)
    if tok.like_num or lemma in lx.HARM_VERBS or lemma in lx.HARM_NOUNS or lower in lx.HARM_ADJECTIVES:
        return None
    if lemma in lx.REPORT_NOUNS:
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                 for g in c.children if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "poss"]
        platform = _platform(tok)
        if inner and inner[0].pos_ in ("PROPN", "NOUN", "PRON", "X"):
            found = speaker_of(inner[0], speakers)
            if found is not None:
                return Speaker(found.name, found.title, found.person, found.plural, found.via or platform)
    keep = lx.KEEP_PREPS | lx.ANON_PREPS if lemma in lx.ANON_HEADS else lx.KEEP_PREPS
    words = _phrase(tok, keep)
    around = words + [t for t in tok.doc[tok.i + 1 : tok.i + 3] if t.text.startswith("@")]
    if words and words[0].like_num and words[0].text[:1].isdigit():
        return None
    handles = [t for t in around if t.text.startswith("@") and len(t.text) > 1]
    propns = [t for t in words if t.pos_ == "PROPN" and not t.text.startswith("@")
              and t.lower_.split("/")[0] not in lx.PLATFORMS and t.text != "/"]
    if handles and (tok.text.startswith("@") or not propns):  # "Twitter/X user @qudsn", not "Al Jazeera (@aj)"
        platform = _platform(handles[0])
        return Speaker(handles[0].text, None, False, False, platform)
    appos = _appositions(tok)
    ent = _entity(tok)
    if appos and (ent is None or ent.label_ != "PERSON"):
        in_appos = _entity(appos[0])
        if in_appos is not None and in_appos.label_ == "PERSON":
            return Speaker(_strip_name(in_appos.text), _trim(words), True, False)
    people = [e for e in ents_within(tok.doc, words[0].i, words[-1].i + 1) if e.label_ == "PERSON"] if words else []
    if people:
        named = next((e for e in people if e.start <= tok.i < e.end), people[-1])
        doc = tok.doc
        start = named.start
        end = tok.i + 1 if tok.pos_ == "PROPN" and named.start <= tok.i and tok.i - named.end < 3 else named.end
        end = max(end, named.end)
        while start > words[0].i and doc[start - 1].pos_ == "PROPN" and doc[start - 1].lower_ not in lx.TITLE_WORDS:
            start -= 1  # "Governor Talal al-Barazi": NER found only "al-Barazi"
        while start < end - 1 and doc[start].lower_ in lx.TITLE_WORDS:
            start += 1  # "Police Chief Wade Ingram": the title is not the name
        if appos:
            title = _trim(list(appos[0].subtree))
        else:
            after = [t for t in words if t.i >= end]
            plain = after and after[0].pos_ != "ADP" and not any(t.text in "()" or "@" in t.text for t in after)
            title = _trim([t for t in words if t.i < start]) or (_trim(after) if plain else None)
        name = _strip_name(doc[start:end].text)
        if " " not in name:  # a surname alone: the full name said earlier ("Berhe" -> "Nat Berhe")
            earlier = next((sp for sp in reversed(speakers.seen) if sp.person and sp.name.endswith(" " + name)),
                           None)
            if earlier is not None:
                return earlier
        return Speaker(name, title, True, False)
    titled = _split_title(words)
    if titled is not None:
        return Speaker(titled[1], titled[0], True, False)
    if ent is not None:
        phrase = _trim(words)
        name = phrase if phrase is not None and len(words) <= len(ent) + 3 else ent.text
        if words and ent.start >= words[0].i and ent.end > words[-1].i + 1:
            name = ent.text  # the parse hung the end of the name elsewhere: "the Syrian Observatory | for Human Rights"
        title = _trim(list(appos[0].subtree)) if appos else None
        return Speaker(_strip_name(name), title, False, tok.tag_ in ("NNS", "NNPS"))
    if len(words) <= 2 and words[0].lower_ == "the" and lower in lx.SHORT_HEADS:
        earlier = speakers.resolve(tok)
        if earlier is not None:
            return earlier
    phrase = _trim(words)
    if phrase is None:
        return None
    title = _trim(list(appos[0].subtree)) if appos else None
    plural = tok.tag_ in ("NNS", "NNPS")
    is_person = lemma in lx.PERSON_NOUNS or lemma in lx.TITLE_WORDS or lemma in lx.ANON_HEADS
    return Speaker(_strip_name(phrase), title, is_person, plural)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """Who speaks through `verb`: its subject, the agent of a passive, or the subject of
    the clause it hangs from ("X was alone in stating that ...", "..., adding that ...")."""
    # Nearest subject first: a run-on parse may give the verb two ("Air strikes ... a monitor said").
    for c in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and c.lower_ == "it"):
            if c.dep_ == "nsubjpass":
                agent = _agent(verb)
                return agent
            return c
    agent = _agent(verb)
    if agent is not None:
        return agent
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep", "acomp", "relcl", "acl") \
            and verb.head.i != verb.i:
        return _subject(verb.head, depth + 1)
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _via(verb: Token, subj: Token | None = None) -> str | None:
    """The outlet or channel of a report: "told Reuters", "in a Facebook post", "on Twitter"
    (also when the channel hangs on the speaker: "@Henno01010 on Twitter/X claimed")."""
    children = list(verb.children) + ([c for c in subj.children if c.dep_ == "prep"] if subj is not None else [])
    for c in children:
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
                for w in obj.subtree:
                    if w.lower_ in lx.PLATFORMS and (w.is_title or w.is_upper):
                        end = w.i + 1
                        while end + 1 < len(w.doc) and w.doc[end].text == "/":  # Twitter/X
                            end += 2
                        return w.doc[w.i : end].text
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
        if obj.lemma_.lower() in lx.REPORT_NOUNS:
            inner = [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                     for g in c.children if g.dep_ == "pobj"]
            poss = [c for c in obj.children if c.dep_ == "poss"]
            if inner or poss:
                obj = (inner or poss)[0]
        sp = speaker_of(obj, speakers)
        if sp is None:
            return Attribution(cue="according to")
        speakers.add(sp)
        return Attribution(sp.name, sp.title, cue="according to")
    return None


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech. Curly quotes say which end they are; a straight quote
    opens after a space or an opening bracket and closes otherwise."""
    regions: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start is None and (i == 0 or text[i - 1] in " \n\t([—–-")):
            start = i
        elif ch in "”\"" and start is not None:
            regions.append((start, i + 1))
            start = None
        elif ch == "\n" and start is not None and text[i - 1 : i + 1] == "\n\n":
            start = None  # a quote never runs over a paragraph break without reopening
    return regions


def _report_verbs(sent: Span) -> list[Token]:
    return [t for t in sent if t.lemma_.lower() in lx.REPORTING_VERBS and t.pos_ in ("VERB", "AUX")
            and not (t.lemma_.lower() == "claim" and any(c.lower_ in ("life", "lives") for c in t.children))]


def _run_on(verb: Token) -> bool:
    """ "killed three civilians local media reported": a sentence-final report that the parse
    hung on the counted noun as a relative clause with a subject of its own (not "who", "that")."""
    return verb.dep_ == "relcl" and verb.i > verb.head.i and any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP", "WP$") and c.lower_ != "that" for c in verb.children)


def _named_before(verb: Token) -> Token | None:
    """A name right before the verb when the parse found no subject: "... hospital Hamza Khatib told Reuters",
    "... on Friday the Syrian Observatory for Human Rights (SOHR) said"."""
    end = verb.i
    if end >= 3 and verb.doc[end - 1].text == ")" and verb.doc[end - 3].text == "(":
        end -= 3  # an acronym in brackets after the name
    if end == 0:
        return None
    ent = _entity(verb.doc[end - 1])
    # the tagger may call a long name a place: "the Syrian Observatory for Human Rights" (GPE)
    if ent is not None and ent.end == end and (ent.label_ in ("PERSON", "ORG") or len(ent) >= 4 and ent.label_ in (
            "GPE", "NORP", "FAC")):
        return ent.root
    return None


def _run_on_subject(verb: Token) -> Token | None:
    """ "... leaving 12 civilians dead a source at Aleppo Police Command told SANA": with the comma lost the
    parse joins the report to the clause before and lends it that clause's subject ("Terrorist groups").
    The speaker is the phrase right before the verb: an anonymous source with its place, or a name."""
    if verb.dep_ != "conj" or verb.head.lemma_.lower() in lx.REPORTING_VERBS \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    for k in range(verb.i - 1, max(-1, verb.i - 8), -1):
        head = doc[k]
        if head.pos_ == "NOUN" and head.lemma_.lower() in lx.ANON_HEADS \
                and {t.i for t in head.subtree} >= set(range(k, verb.i)):
            return head
    return _named_before(verb)


def _named_after(verb: Token, speakers: Speakers) -> Speaker | None:
    """Inverted order without a usable subject: '..." said Rami Abdel Rahman director of ...'."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 4)]:
        ent = _entity(tok)
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return speaker_of(ent.root, speakers)
    return None


def _outer_speaker(verb: Token, speakers: Speakers) -> str | None:
    """ "Wattan News stated that medical sources confirmed ...": the outer speaker is the outlet.

    Only through reported speech ("stated that ...", "quoted X as saying ..."), not
    "X stated ..., while Y reported ...".
    """
    node = verb
    while node.dep_ in ("ccomp", "xcomp", "pcomp", "prep") and node.head.i != node.i:
        anc = node = node.head
        if anc.lemma_.lower() in lx.REPORTING_VERBS and anc.pos_ == "VERB":
            subj = _subject(anc)
            ent = _entity(subj) if subj is not None else None
            if subj is not None and ent is not None and ent.label_ == "ORG":
                outer = speaker_of(subj, speakers)
                return outer.name if outer is not None else None
            return None
    return None


def _from_verb(verb: Token, speakers: Speakers) -> Attribution | None:
    subj = _run_on_subject(verb) or _subject(verb) or _named_before(verb)
    if subj is None:
        if verb.lemma_.lower() == "report" and verb.tag_ == "VBN":
            return Attribution(cue="reportedly")
        return None
    sp = speaker_of(subj, speakers)
    if sp is None and subj.pos_ != "PRON":
        sp = _named_after(verb, speakers)
    via = _via(verb, subj) or (sp.via if sp is not None else None)
    # "Y reported citing officials", "Y quoted officials as saying": officials speak, Y is the outlet.
    cited = [g for c in verb.subtree if c.lemma_.lower() == "cite" and c.pos_ == "VERB"
             for g in c.children if g.dep_ == "dobj"]
    if verb.lemma_.lower() in ("quote", "cite"):
        cited += [c for c in verb.children if c.dep_ == "dobj"]
    if sp is not None and cited:
        inner = speaker_of(cited[0], speakers)
        if inner is not None:
            via, sp = sp.name, inner
    if sp is not None and via is None:
        via = _outer_speaker(verb, speakers)
    if via is None and verb.lemma_.lower() == "tweet":
        via = "Twitter"
    if sp is None:
        return Attribution(via=via, cue=verb.text)
    if subj.pos_ != "PRON":
        speakers.add(sp)
    return Attribution(sp.name, sp.title, via, verb.text)


def _ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc (the property makes new spans at every call); `forget` drops it."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(doc.ents)
        doc.user_data[STARTS_KEY] = [e.start for e in ents]
    return ents


ENTS_KEY = "casualty_ents"
STARTS_KEY = "casualty_ent_starts"


def forget(doc: Doc) -> None:
    """Drop the cache of `_ents`: Spans in `user_data` would make the Doc unserialisable."""
    doc.user_data.pop(ENTS_KEY, None)
    doc.user_data.pop(STARTS_KEY, None)


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: `Doc.text` joins every token on each call, which made rules that read
    the text around each count quadratic in the length of the article."""
    text = doc.user_data.get("casualty_text")
    if text is None:
        text = doc.user_data["casualty_text"] = doc.text
    return str(text)


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities inside tokens `start:end`, found by bisection: `Span.ents` walks the whole
    doc's entities at every call, which made an article of many claims quadratic."""
    ents = _ents(doc)
    starts = doc.user_data[STARTS_KEY]
    out = []
    for ent in ents[bisect_left(starts, start):]:
        if ent.start >= end:
            break
        if ent.end <= end:
            out.append(ent)
    return out


def attribute(num: Token, speakers: Speakers, quotes: list[tuple[int, int]] | None = None,
              sent: Span | None = None) -> Attribution:
    """Attribution of the claim whose number is `num`; empty when the text speaks in its own voice.

    Writes to `speakers`: a named source found here ("according to X", "X said") is added
    to it, so a later "he said" or "the ministry added" resolves to X; a pronoun source is
    only read from it. Order therefore matters: call this, and `remember` for sentences
    without a claim, on the sentences of an article first to last, with one `Speakers` per
    article. `quotes` are the article's `quote_regions`, computed once per text.
    """
    sent = num.sent if sent is None else sent
    chain = [num.i] + [t.i for t in num.ancestors]
    ancestors = set(chain)
    candidates: list[tuple[int, int, Token]] = []
    for verb in _report_verbs(sent):
        if verb.i in ancestors:
            dist = chain.index(verb.i)
        elif verb.head.i in ancestors and (verb.dep_ in ("parataxis", "ccomp", "advcl", "conj") or _run_on(verb)):
            dist = 50
        else:
            continue
        if num.i in {t.i for t in (_subject(verb) or verb).subtree} and _subject(verb) is not None:
            continue
        candidates.append((dist, verb.i, verb))
    according = _according_to(sent, speakers)
    if according is not None:
        return according
    # The nearest verb that names a speaker: "The Chief Coroner reported that 619 deaths were recorded"
    # (no one speaks through "were recorded").
    nameless: Attribution | None = None
    for _, _, verb in sorted(candidates, key=lambda c: c[:2]):
        found = _from_verb(verb, speakers)
        if found is not None and (found.source is not None or found.via is not None):
            return found
        nameless = nameless or found  # "12 deaths were reported, police said": the police speak
    if nameless is not None:
        return nameless
    if any(t.lower_ == "reportedly" for t in sent) or any(
        t.lemma_.lower() == "report" and t.tag_ == "VBN" and t.i in ancestors for t in sent
    ):
        return Attribution(cue="reportedly")
    quoted = _quoted(num, speakers, quote_regions(doc_text(num.doc)) if quotes is None else quotes)
    return quoted or _headline_source(sent) or Attribution()


# What sets a headline's source apart after its words: "... in Aleppo: monitor", "... in Daraa - SOHR".
HEADLINE_SEPARATORS: frozenset[str] = frozenset({":", "-", "–", "—", "|"})


def _headline_source(sent: Span) -> Attribution | None:
    """A headline that names its source last: "Air raids kill 12 civilians in Aleppo: monitor"
    (the colon is often lost, and the outlet's name may follow: "... Aleppo Monitor AFP"); set off by a colon
    or a dash, the parse may take it for an object ("in Daraa - SOHR")."""
    tokens = [t for t in sent if not (t.is_punct or t.is_space)]
    while tokens and tokens[-1].text in lx.HEADLINE_OUTLETS:
        tokens.pop()
    if len(tokens) < 4 or tokens[-1].lower_ not in lx.HEADLINE_SPEAKERS:
        return None
    last = tokens[-1]
    set_off = last.i > sent.start and sent.doc[last.i - 1].text in HEADLINE_SEPARATORS  # "... in Daraa - SOHR"
    if not set_off and (tokens[-2].pos_ in ("ADP", "DET") or last.dep_ in ("nsubj", "dobj", "pobj")):
        return None
    return Attribution(source=last.text)


def _quoted(num: Token, speakers: Speakers, quotes: list[tuple[int, int]]) -> Attribution | None:
    """A claim inside a quote: the reporting verb just after (or before) the quote names its speaker."""
    doc = num.doc
    for start, end in quotes:
        if not start <= num.idx < end:
            continue
        after = doc.char_span(end, min(len(doc_text(doc)), end + 120), alignment_mode="expand")
        if after is not None:
            for tok in list(after)[:8]:
                if tok.lemma_.lower() in lx.REPORTING_VERBS and tok.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children
                ):
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
        subj = _subject(verb) or _named_before(verb)
        if subj is not None and subj.pos_ != "PRON":
            sp = speaker_of(subj, speakers)
            if sp is not None:
                speakers.add(sp)
    for ent in ents_within(sent.doc, sent.start, sent.end):
        if ent.label_ in ("PERSON", "ORG") and ent.root.dep_ in ("nsubj", "nsubjpass"):
            speakers.add(Speaker(_strip_name(ent.text), None, ent.label_ == "PERSON", False))
