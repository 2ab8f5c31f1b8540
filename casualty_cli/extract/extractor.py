"""The core: articles in, `Claim`s out. `extract_claims` for one text, `Extractor` for many.

Per article: plan the windows to parse (`scan.py`), parse them in one `nlp.pipe`
pass per chunk of articles, then join the pieces of each window: numbers ->
harm (`detect.py`) -> attribution -> `Claim`s with ids, `part_of` and
`superseded_by`; offsets come out article-level. Everything here runs in one
process; `runner.run` decides whether chunks go to a process pool or to Dask.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from ..claims import Article, Claim
from ..errors import ArticleFailed
from ..read.inputs import printable
from . import attribution as attr
from . import detect, factbox
from . import lexicon as lx
from . import victims as who
from .count_context import names_part, part_outcome
from .links import (
    BREAKDOWN,
    COORDINATED,
    ELLIPTICAL_AFTER,
    LISTED_AFTER_CUE,
    OF_WHOM_AFTER,
    OWN_HARM_NOUN,
    OWN_PASSIVE,
    PART_OF_NEXT,
    REFERS_BACK,
    WHOLE_AFTER,
)
from .numbers import Count, find_counts, revisions
from .people import EntitiesNeeded, read_people
from .pipeline import recognizer
from .revisions import pairs as narrated_pairs
from .scan import HARM_STEMS, Window, plan_windows
from .sentences import evidence
from .work import batches, chunks, window_limit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token



class Claims(list[Claim]):
    """An article's claims, and in `people` the people it describes one by one (`people.read_people`):
    not claims, handed to the tolls as evidence."""

    people: list[dict[str, Any]]

    def __init__(self, claims: Iterable[Claim] = (), people: list[dict[str, Any]] | None = None) -> None:
        super().__init__(claims)
        self.people = people or []


# What the extraction of one article gives: its claims (a `Claims`), or why there are none.
Outcome = list[Claim] | ArticleFailed
# Told how many more articles have been extracted (a progress bar's `advance`).
Done = Callable[[int], None]


def extract_claims(text: str, *, nlp: Language | None = None, article: str = "-",
                   fast: bool = True) -> list[Claim]:
    """Every casualty claim of one article, in text order.

    `nlp` defaults to the pipeline chosen by `pipeline.shared_pipeline()`;
    `fast=False` parses the whole text instead of the candidate sentences only.
    """
    from .pipeline import shared_pipeline

    return Extractor(nlp or shared_pipeline(), fast=fast).extract(text, article)


class Extractor:
    """Runs a loaded pipeline over articles in this process; holds the settings, not the article state.

    `fast=True` parses only the candidate sentences and their neighbours (see
    `scan.py`); `fast=False` parses everything. `people=True` also reads the people each article
    describes one by one (`Claims.people`, for the tolls): a parse of more sentences, which
    `casualty extract` (claims only) does not pay for.
    """

    def __init__(self, nlp: Language, *, fast: bool = True, people: bool = False, batch_size: int = 256) -> None:
        self.nlp = nlp
        self.fast = fast
        self.people = people
        self.batch_size = batch_size
        self.limit = window_limit(nlp.max_length)
        self.recognizer = recognizer(nlp)

    def extract(self, text: str, article: str = "-") -> list[Claim]:
        """The claims of one article, in text order; raises what the extraction raises."""
        return self._extract_chunk([Article(article, printable(text))])[0]

    def extract_many(self, articles: Iterable[tuple[str, str]],
                     done: Done | None = None) -> Iterator[tuple[str, Outcome]]:
        """(id, text) pairs in, (id, claims) out, in input order, streamed a chunk at a time;
        `done(n)` is told as each article's extraction ends (a progress bar), inside the chunk.

        An article whose extraction raises comes out as (id, `ArticleFailed`) and the
        stream goes on: one bad article never costs the others.
        """
        for chunk in chunks(articles, fast=self.fast, limit=self.limit):
            yield from zip((a for a, _ in chunk), self.extract_chunk(chunk, done), strict=True)

    def extract_chunk(self, chunk: list[Article], done: Done | None = None) -> list[Outcome]:
        """The claims of each article of `chunk`, or why it failed; never raises for one article.
        `done(n)` is told of each article as it ends, once.

        Text with lone surrogates (scraped JSON: "\\ud800") is read with U+FFFD in their place,
        one character for one, so offsets hold. If the batch fails, each article is run alone
        so only the one at fault is lost.
        """
        chunk = [Article(article, printable(text)) for article, text in chunk]
        told = [0]  # articles told to `done` before a failure

        def tell(n: int) -> None:
            told[0] += n
            if done is not None:
                done(n)

        try:
            return list(self._extract_chunk(chunk, tell))
        except Exception:  # one article must never stop the run: find which one
            outcomes = [self._alone(article) for article in chunk]
            tell(len(chunk) - told[0])
            return outcomes

    def _alone(self, article: Article) -> Outcome:
        try:
            return self._extract_chunk([article])[0]
        except Exception as e:
            return ArticleFailed(f"extraction failed: {type(e).__name__}: {printable(str(e))}")

    def _extract_chunk(self, chunk: list[Article], done: Done | None = None) -> list[list[Claim]]:
        """The claims of each article of `chunk`, parsed in one `nlp.pipe` pass; `done(n)` told as the
        articles before the one being parsed are finished (windows come in article order)."""
        plans = [plan_windows(text, fast=self.fast, limit=self.limit, people=self.people) for _, text in chunk]
        people = self._people_alone(chunk, plans)
        claim_windows = [(n, w) for n, plan in enumerate(plans) for w in plan if not w.people]
        pieces = ((chunk[n][1][w.start : w.end], n) for n, w in claim_windows)
        speakers = [attr.Speakers() for _ in chunk]
        found: list[list[Found]] = [[] for _ in chunk]
        windows = iter([w for _, w in claim_windows])
        # Windows come back in order, so an article's windows are read first to last and its
        # speakers carry from one window to the next, as in one long Doc. Each batch holds at
        # most `BATCH_CHARS` characters, so a long article's Docs are parsed and released a
        # few at a time instead of all at once.
        finished = 0
        for batch in batches(pieces, self.batch_size):
            for doc, n in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                if done is not None and n > finished:
                    done(n - finished)
                    finished = n
                window: Window = next(windows)
                found[n].extend(claims_in_doc(doc, speakers[n], window.start, article_text=chunk[n][1]))
                if self.people:
                    people[n].extend(read_people(doc, chunk[n][0], window.start))
        if done is not None and len(chunk) > finished:
            done(len(chunk) - finished)
        return [Claims(to_claims(f, article, text), sorted(mine, key=lambda p: p["start"]))
                for f, mine, (article, text) in zip(found, people, chunk, strict=True)]

    def _people_alone(self, chunk: list[Article], plans: list[list[Window]]) -> list[list[dict[str, Any]]]:
        """The people read in each article's `people` windows (sentences with no claim to read): parsed
        without NER, the recognizer run afterwards on the few Docs whose reading asks for an entity type
        (`people.EntitiesNeeded`). NER is half the cost of a parse, and it marks tokens by itself alone,
        so the entities are those a whole pipeline gives."""
        people: list[list[dict[str, Any]]] = [[] for _ in chunk]
        pieces = ((chunk[n][1][w.start : w.end], (n, w.start))
                  for n, plan in enumerate(plans) for w in plan if w.people)
        skip = [self.recognizer] if self.recognizer else []
        for batch in batches(pieces, self.batch_size):
            asking: list[tuple[Doc, tuple[int, int]]] = []
            for doc, (n, start) in self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=skip):
                try:
                    people[n].extend(read_people(doc, chunk[n][0], start))
                except EntitiesNeeded:
                    asking.append((doc, (n, start)))
            if asking and self.recognizer:
                docs = cast(Any, self.nlp.get_pipe(self.recognizer)).pipe(doc for doc, _ in asking)
                for doc, (n, start) in zip(docs, (where for _, where in asking), strict=True):
                    people[n].extend(read_people(doc, chunk[n][0], start))
        return people


def claims_of(outcome: Outcome) -> list[Claim]:
    """The claims of an article's outcome; raises its `ArticleFailed` where the caller wants one exception."""
    if isinstance(outcome, ArticleFailed):
        raise outcome
    return outcome


# Entity types of numbers that are not counts of people.
NOT_COUNT_ENTITIES: frozenset[str] = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# How a zero's harm may hang on the zero's verb: "none were reported hurt", "no one suffered injuries".
ZERO_HARM_DEPS: frozenset[str] = frozenset({"acomp", "oprd", "xcomp", "dobj", "attr"})


@dataclass(slots=True)
class Found:
    """A claim while its sentence is read: links to its parent and to the claim it follows."""

    count: Count
    type: str
    victims: str | None
    attribution: attr.Attribution
    location: str | None
    sentence: str
    harm_distance: int = 99
    parent: Found | None = None
    follows: Found | None = None  # the claim whose attribution a breakdown or coordinated count shares
    newer: Found | None = None  # the claim of the same sentence that revises this figure
    token: Token | None = None


def claims_in_doc(doc: Doc, speakers: attr.Speakers, base: int = 0, *, article_text: str = "") -> list[Found]:
    """Every claim of one parsed window, offsets shifted by `base`.

    `article_text` is the whole article when the window is a slice of it: some type rules
    read the article (`who.refine_type`); by default they read the window.
    """
    found: list[Found] = []
    text = attr.doc_text(doc)
    counts = find_counts(text)
    quotes = attr.quote_regions(text)
    heads = []
    for c in counts:
        span = doc.char_span(c.head_start, c.head_end, alignment_mode="expand")
        heads.append(span[-1] if span is not None and len(span) else None)
    count_tokens = {t.i for t in heads if t is not None}
    sents = list(doc.sents)
    starts = [sent.start for sent in sents]
    by_sent: dict[int, list[tuple[Count, Token]]] = {}
    for c, tok in zip(counts, heads, strict=True):
        if tok is not None:  # the sentence of a token, found once (Token.sent scans the doc each time)
            by_sent.setdefault(bisect_right(starts, tok.i) - 1, []).append((c, tok))
    article = article_text or text
    facts = factbox.fact_lines(article)
    for k, sent in enumerate(sents):
        items = by_sent.get(k)
        if not items:
            attr.remember(sent, speakers)
            continue
        local: list[Found] = []
        harms = detect.harm_words(sent)
        boxed = [(c, tok, line) for c, tok in items if (line := factbox.line_at(facts, base + c.start)) is not None]
        if boxed:
            found.extend(_fact_claims(boxed, sent, article, base))
            items = [(c, tok) for c, tok in items if factbox.line_at(facts, base + c.start) is None]
        pairs = revisions(text, [c for c, _ in items])
        revised = {id(items[k][0]) for pair in pairs for k in pair}
        for c, tok in items:
            claim = _claim_for(c, tok, sent, harms, count_tokens, article, revised=id(c) in revised)
            if claim is not None:
                local.append(claim)
        for f in local:
            if f.count.value:  # nothing breaks down a zero
                _adopt(f, local, text)
        _revise(items, pairs, local)
        if not any(f.type for f in local):
            attr.remember(sent, speakers)
        for f in local:
            if f.type and f.token is not None:  # attribution only for real claims: it is the costly part
                f.attribution = attr.attribute(f.token, speakers, quotes, sent)
                if f.attribution == attr.Attribution() and f.follows is not None:
                    f.attribution = f.follows.attribution
            f.token = None
        for f in local:
            f.count = _shift(f.count, base)
        found.extend(f for f in local if f.type)
    attr.forget(doc)
    return found


def _shift(c: Count, base: int) -> Count:
    if not base:
        return c
    return Count(c.start + base, c.end + base, c.value, c.low, c.high, c.qualifier,
                 c.head_start + base, c.head_end + base, c.harm)


def _claim_for(count: Count, tok: Token, sent: Span, harms: list[tuple[Token, str]], count_tokens: set[int],
               article_text: str, *, revised: bool = False) -> Found | None:
    """The claim a count makes, a typeless candidate (a person count that a breakdown
    or coordination may adopt), or None. ("one of the victims" never gets here: the
    number reader drops a "one" that selects.)"""
    if count.harm is not None:  # "no injuries", "a double homicide": the phrase names the harm
        return _found(count, tok, sent, _stated_type(count.harm, article_text), None)
    harm = detect.adjacent_harm(tok)
    noun = detect.counted_noun(tok) if harm is None or harm.token.i > tok.i + 1 else None  # "5 others injured"
    if noun is not None and harm is not None and (noun.i < tok.i or noun.lower_ in lx.BEFORE_DEAD):
        noun = None  # "On 7 March 5 people died": the parse hangs the count on the date; "2 shot dead"
    elif noun is not None and noun.i < tok.i and tok.dep_ != "pobj":  # not "a family of four"
        noun = who.noun_after(tok) or noun  # "province of Daraa 15 civilians were killed": not the place
    elif noun is not None and noun.i > tok.i and not detect.is_person(noun):
        noun = who.people_after(tok) or noun  # "Fifteen aid volunteers": the parse counts the modifier
    if noun is None and harm is None and count.qualifier == "range":
        noun = who.noun_after(tok)  # "killed between 55 and 63 people": the parse may read the range as a date
    if noun is not None and (noun.i in count_tokens or _on_other_number(tok, count)):
        noun = None
    if noun is not None and not detect.is_person(noun):
        if noun.pos_ != "PROPN" or not _elliptical(count, attr.doc_text(tok.doc)):
            return None
        noun = None  # "at least 112 in Washington": the parse counts the place
    if harm is None and noun is None and not revised and _in_entity(tok) and detect.verb_before(tok) is None:
        return None  # "two weeks", "the 1990s" (but the tagger also reads "from nine to 35", "was 45" as dates,
        # and "killed 4 Sunday night" as one)
    if harm is None and noun is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "AUX":
        own = detect.passive_after(tok)  # "and more than 10 million have been displaced": the count's own verb
        harm = detect.Harm(own.token, own.type, 1) if own is not None else None
    if harm is None:
        harm = detect.find_harm(tok, noun, sent, [h for h in harms if not _counted_by_other(h[0], tok, count_tokens)])
    if harm is None and noun is not None:
        harm = detect.passive_after(noun) or detect.harm_after_aside(noun)
    if harm is None and noun is None:
        if not _elliptical(count, attr.doc_text(tok.doc)):
            return None
        f = _found(count, tok, sent, "", None)
        f.harm_distance = 99
        return f
    if harm is not None and detect.taken(count.start, tok, harm.token):
        return None  # "Daesh kidnapped 900 Executed 18 People": the 900 were taken, the 18 executed
    if harm is not None and noun is not None and detect.harms_doer(noun, harm.token, tok):
        return None  # "Two suspects in the shooting death of a girl", "Two suspects fled the scene"
    selected = harm is not None and detect.selected_by_one(tok, harm.token, noun)
    if selected:  # "One of the two firefighters shot ... has died": the one died, the two were shot
        harm = who.own_participle(noun, harms)
        if harm is None:
            return None
    if harm is not None and detect.accused_of(harm.token, [tok] if noun is None else [noun, tok]):
        return None  # "Two indicted for killing baby": the two are held for the killing
    if count.value == 0 and (harm is None or not _own_clause(tok, harm.token)):
        return None  # "No one knows how many died": a zero states its harm in its own clause
    kind = who.refine_type(harm, count_tokens, article_text, tok.i) if harm is not None else ""
    if selected and harm is not None:
        kind = harm.type  # the participle alone: the "died" the parse joins to it is the selected ones'
    if kind:  # "Four teenagers were shot, one fatally": the part's own outcome
        kind = part_outcome(attr.doc_text(tok.doc), count.start, count.end) or kind
    return Found(
        count=count,
        type=kind,
        harm_distance=harm.distance if harm is not None else 99,
        victims=who.victims_of(harm.token, tok) if noun is None and harm is not None
        and harm.token.lemma_.lower() in lx.HARM_NOUNS else who.victims_of(noun, tok),
        attribution=attr.Attribution(),
        token=tok,
        location=who.location_of(sent, tok),
        sentence=evidence(sent),
    )


def _on_other_number(tok: Token, count: Count) -> bool:
    """Whether the parse hangs a count on a number outside its phrase, whose noun is not the count's:
    "has killed more than 670 40% of them are children" (commas lost: 670 is not part of 40%)."""
    head = tok.head
    return head.i == tok.i + 1 and head.pos_ == "NUM" and head.idx >= count.end


def _elliptical(count: Count, text: str) -> bool:
    """Whether a bare count reads as part of a list or breakdown of the claim before it (which
    `_adopt` decides): a place or "of whom" after it, or a breakdown cue before it."""
    return bool(ELLIPTICAL_AFTER.match(text, count.end)
                or BREAKDOWN.search(text, max(0, count.start - 40), count.start)
                or REFERS_BACK.search(text, max(0, count.start - 80), count.start))


def _in_entity(tok: Token) -> bool:
    """Whether the count is part of a date, time, money or measure entity with words of its own: a
    bare number the tagger calls a date ("the toll was 45") is no evidence (numbers.py reads dates),
    nor is a time without a unit ("put the death toll at 16 earlier")."""
    if tok.ent_type_ not in NOT_COUNT_ENTITIES:
        return False
    doc = tok.doc
    rest = []
    for after in doc[tok.i + 1:]:
        if after.ent_iob_ != "I":
            break
        rest.append(after.lower_)
    if tok.ent_iob_ == "B" and rest and all(w in lx.RELATIVE_TIME for w in rest):
        return False
    if tok.ent_type_ == "MONEY" and not _currency(tok):
        return False  # "more than 10 million have been displaced": the tagger's money names no currency
    if tok.ent_type_ == "PERCENT":
        return False  # "killed more than 670 40% of them": the number reader drops the percentage itself
    return tok.ent_iob_ == "I" or bool(rest)


def _currency(tok: Token) -> bool:
    """Whether the money entity a count stands in names a currency ("$", "dollars", "euros")."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.tag_ == "$" or t.lemma_.lower() in lx.CURRENCIES for t in doc[max(0, start - 1):end])


def _stated_type(harm: str, article_text: str) -> str:
    """The type a phrase states; people in a "triple shooting" follow the shooting rule."""
    return who.injured_if_only_wounds(article_text) if harm == "shot" else harm


def _found(count: Count, tok: Token, sent: Span, kind: str, victims: str | None) -> Found:
    return Found(count=count, type=kind, victims=victims, attribution=attr.Attribution(), token=tok,
                 location=who.location_of(sent, tok), sentence=evidence(sent), harm_distance=0)


def _fact_claims(boxed: list[tuple[Count, Token, factbox.FactLine]], sent: Span, article: str,
                 base: int) -> list[Found]:
    """The claims of fact-box lines: typed by the key unless a harm word follows the figure
    ("Fatalities: 2 fatalities, 15 injuries"); a figure in brackets breaks down the one before
    it ("Injuries: 30 (15 critical)"). The line is the sentence; no attribution."""
    out: list[Found] = []
    mains: dict[int, Found] = {}  # the last figure outside brackets, per line
    for c, tok, line in boxed:
        at = base + c.start
        noun = detect.counted_noun(tok)
        if at < line.value_start or (noun is not None and noun.lemma_.lower() in lx.NON_PERSON_NOUNS):
            continue
        before = article[line.value_start : at]
        parent = mains.get(line.start) if before.rfind("(") > before.rfind(")") else None
        kind = next((k for t in tok.doc[tok.i + 1 : tok.i + 3] if (k := detect.harm_type(t)) is not None), line.type)
        people = noun if noun is not None and detect.is_person(noun) else None  # not "731 total"
        f = _found(c, tok, sent, parent.type if parent is not None else kind, who.victims_of(people, tok))
        f.sentence, f.parent, f.token, f.count = article[line.start : line.end].strip(), parent, None, _shift(c, base)
        if parent is None:
            mains[line.start] = f
        out.append(f)
    return out


def _counted_by_other(harm: Token, tok: Token, count_tokens: set[int]) -> bool:
    """A harm noun with a count of its own ("no other injuries", "3 deaths") is that count's."""
    return harm.pos_ == "NOUN" and any(
        c.i in count_tokens and c.i != tok.i and c.dep_ in ("nummod", "det") for c in harm.children)


def _own_clause(count: Token, harm: Token) -> bool:
    """Whether a zero ("No one", "nobody") and its harm word share a clause: the harm governs the
    zero ("No one was killed"), or both hang on one verb ("none were reported hurt")."""
    if count.head.i == harm.i or harm.head.i == count.i:
        return True
    return harm.head.i == count.head.i and harm.dep_ in ZERO_HARM_DEPS


def _revise(items: list[tuple[Count, Token]], pairs: list[tuple[int, int]], local: list[Found]) -> None:
    """Link a figure to the one that replaces it in the same sentence ("rose from nine to 35").

    An earlier figure with no harm word of its own takes the later one's type ("52, up from 40")."""
    by_count = {id(f.count): f for f in local}
    for old, new in pairs:
        pair = [by_count.get(id(items[k][0])) for k in (old, new)]
        known = next((f for f in pair if f is not None and f.type), None)
        if known is None:
            continue
        for k, f in zip((old, new), pair, strict=True):
            if f is None:  # "raised to four": the figure takes the harm of the one it revises
                c, tok = items[k]
                f = by_count[id(c)] = Found(count=c, type=known.type, victims=None, attribution=attr.Attribution(),
                                            token=tok, location=known.location, sentence=known.sentence,
                                            follows=known)
                local.append(f)
            elif not f.type:
                f.type = known.type
        by_count[id(items[old][0])].newer = by_count[id(items[new][0])]
    local.sort(key=lambda f: f.count.start)


def _adopt(child: Found, local: list[Found], text: str) -> None:
    """Link a count to the claim before it in the same sentence.

    A breakdown ("531 people, including 200 children") gets `part_of` and the
    parent's type; a coordinated count ("killing two men ... and three men")
    with no harm word of its own takes the type of the first.
    """
    index = local.index(child)
    parent = next((f for f in reversed(local[:index]) if f.type), None)
    if parent is None:
        return
    between = text[parent.count.end : child.count.start]
    if not child.type and REFERS_BACK.search(between):  # "34 injuries, then raised the number to 51"
        child.type, child.victims, child.follows = parent.type, parent.victims, parent
        return
    if _part_with_outcome(child, parent, text):
        child.parent, child.follows = parent.parent or parent, parent  # it keeps its own type
        return
    if PART_OF_NEXT.match(between) or (WHOLE_AFTER.match(between) and not _crosses_harm(between)):
        _whole_after(child, parent)
        return
    if parent.parent is not None and ")" in between and "(" not in between:
        parent = parent.parent  # "116 in Oregon (of which 72 ...), 112 in Washington": the bracket closed
        between = text[parent.count.end : child.count.start]
    if len(between) <= 120 and (BREAKDOWN.search(between) or _listed_after_cue(between) or (
            OF_WHOM_AFTER.match(text, child.count.end) and re.search(r"[,;:—–]\s*$", between))):
        if _says_other_thing(text, child.count.end):
            child.type = ""  # not a claim: its own verb harms nobody
            return
        child.parent = parent.parent or parent
        child.type = parent.type
        child.follows = parent
    elif len(between) <= 100 and COORDINATED.search(between) and not _crosses_harm(between) \
            and (child.harm_distance >= 3 or parent.parent):  # not across a verb: "..., were killed and 20 others"
        # "including five children and two women": the second part breaks down the same whole.
        child.parent = parent.parent
        if child.harm_distance >= 3:
            child.type = parent.type
        child.follows = parent


def _part_with_outcome(part: Found, whole: Found, text: str) -> bool:
    """ "Four teenagers were shot, one fatally", "Five people were shot, one of whom died": a count after a
    comma that says what befell some of the group just counted breaks that group down."""
    return part.type != "" and part.count.value <= whole.count.value \
        and part.count.start - whole.count.end <= 120 and names_part(text, part.count.start, part.count.end)


def _listed_after_cue(between: str) -> bool:
    """ "seven civilians were killed, including a journalist of al-Aqsa TV Issam Bahar, two women and four
    children": a count in a list after a breakdown cue, behind people named without a number."""
    m = LISTED_AFTER_CUE.search(between)
    return m is not None and not _crosses_harm(between[m.start():])


def _whole_after(whole: Found, part: Found) -> None:
    """ "Two medics were among at least 31 people killed", "10 of 48 people executed": the count after
    "among" or "of" is the whole, so the one before it (with the counts coordinated with it: "10 children
    and 13 rebels were among 48") breaks it down; it keeps a type of its own ("two deaths among the nine
    shot"). A part that already breaks down a whole of its own ("Six civilians including 2 children were
    among 22") speaks for it."""
    part = part.parent or part
    while True:
        part.parent, part.type = whole, part.type or whole.type
        if part.follows is None:
            part.follows = whole
            return
        part = part.follows


def _says_other_thing(text: str, end: int) -> bool:
    """ "up to 18 people have died, including 2.22 million people were affected": the count after
    the cue has a passive verb of its own that harms nobody, so it is no breakdown and no claim.
    Read from the words (the parse hangs such a verb on the harm before)."""
    m = OWN_PASSIVE.match(text, end)
    return m is not None and HARM_STEMS.search(m.group("verb")) is None


def _crosses_harm(between: str) -> bool:
    """Whether a harm word stands between two counts, other than the first count's own noun
    ("116 deaths in Oregon, 112 in Washington"): then the second count is not elliptical."""
    own = OWN_HARM_NOUN.match(between)
    return HARM_STEMS.search(between, own.end() if own else 0) is not None


# What `revisions.pairs` reads of a claim: an article of 20,000 claims does not hold them all as whole dicts.
NARRATED_FIELDS = ("id", "type", "value", "quantity", "sentence", "start", "part_of", "superseded_by")


def to_claims(found: list[Found], article: str, text: str) -> list[Claim]:
    """Number the claims in text order and resolve `part_of` and `superseded_by` to ids, also of the figures
    the article narrates as replaced (`revisions.pairs`, claim-spec §1)."""
    ordered = sorted(found, key=lambda f: f.count.start)
    ids = {id(f): f"{article}#{n}" for n, f in enumerate(ordered, 1)}
    claims = []
    for f in ordered:
        a = f.attribution
        claims.append(Claim(
            id=ids[id(f)], article=article, type=f.type, value=f.count.value, low=f.count.low,
            high=f.count.high, qualifier=f.count.qualifier, quantity=text[f.count.start : f.count.end],
            victims=f.victims,
            source=a.source, source_title=a.source_title, via=a.via, cue=a.cue, location=f.location,
            part_of=ids.get(id(f.parent)) if f.parent is not None else None,
            superseded_by=ids.get(id(f.newer)) if f.newer is not None else None,
            sentence=f.sentence, start=f.count.start, end=f.count.end,
        ))
    # Narrated updates across the article: "initially reported 34 injuries, then raised the number to 51"
    narrated = dict(narrated_pairs([{k: getattr(c, k) for k in NARRATED_FIELDS} for c in claims]))
    return [replace(c, superseded_by=narrated[c.id]) if c.id in narrated and c.superseded_by is None else c
            for c in claims]
