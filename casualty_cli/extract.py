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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from . import attribution as attr
from . import detect
from . import lexicon as lx
from .claims import Article, Claim
from .numbers import Count, find_counts
from .scan import HARM_STEMS, MAX_WINDOW, Window, plan_windows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# A chunk is closed when it holds this many windows to parse...
CHUNK_WINDOWS = 64
# ... or this many articles (articles without a candidate sentence add no window).
CHUNK_ARTICLES = 256


def extract_claims(text: str, *, nlp: Language | None = None, article: str = "-",
                   fast: bool = True) -> list[Claim]:
    """Every casualty claim of one article, in text order.

    `nlp` defaults to the pipeline chosen by `pipeline.load_pipeline()`;
    `fast=False` parses the whole text instead of the candidate sentences only.
    """
    from .pipeline import load_pipeline

    return Extractor(nlp or load_pipeline(), fast=fast).extract(text, article)


class Extractor:
    """Runs a loaded pipeline over articles in this process; holds the settings, not the article state.

    `fast=True` parses only the candidate sentences and their neighbours (see
    `scan.py`); `fast=False` parses everything.
    """

    def __init__(self, nlp: Language, *, fast: bool = True, batch_size: int = 256) -> None:
        self.nlp = nlp
        self.fast = fast
        self.batch_size = batch_size
        self.limit = window_limit(nlp.max_length)

    def extract(self, text: str, article: str = "-") -> list[Claim]:
        """The claims of one article, in text order."""
        return self.extract_chunk([Article(article, text)])[0]

    def extract_many(self, articles: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[Claim]]]:
        """(id, text) pairs in, (id, claims) out, in input order, streamed a chunk at a time."""
        for chunk in chunks(articles, fast=self.fast, limit=self.limit):
            yield from zip((a for a, _ in chunk), self.extract_chunk(chunk), strict=True)

    def extract_chunk(self, chunk: list[Article]) -> list[list[Claim]]:
        """The claims of each article of `chunk`, parsed in one `nlp.pipe` pass."""
        plans = [plan_windows(text, fast=self.fast, limit=self.limit) for _, text in chunk]
        pieces = ((text[w.start : w.end], n)
                  for n, ((_, text), plan) in enumerate(zip(chunk, plans, strict=True)) for w in plan)
        speakers = [attr.Speakers() for _ in chunk]
        found: list[list[Found]] = [[] for _ in chunk]
        windows = iter([w for plan in plans for w in plan])
        # Windows come back in order, so an article's windows are read first to last and its
        # speakers carry from one window to the next, as in one long Doc.
        for doc, n in self.nlp.pipe(pieces, as_tuples=True, batch_size=self.batch_size):
            window: Window = next(windows)
            found[n].extend(claims_in_doc(doc, speakers[n], window.start, article_text=chunk[n][1]))
        return [to_claims(f, article, text) for f, (article, text) in zip(found, chunk, strict=True)]


def window_limit(max_length: int) -> int:
    """The longest window to parse: half the parser's limit, at most `MAX_WINDOW`."""
    return min(MAX_WINDOW, max_length // 2)


def chunks(articles: Iterable[tuple[str, str]], *, fast: bool = True,
           limit: int = MAX_WINDOW) -> Iterator[list[Article]]:
    """Cut the article stream into chunks of about `CHUNK_WINDOWS` windows, lazily.

    A chunk is the unit of work everywhere: one `nlp.pipe` pass here, one task on a
    process pool or a Dask worker; memory does not grow with the number of articles.
    """
    it = iter(articles)
    while True:
        chunk: list[Article] = []
        windows = 0
        for article in islice(it, CHUNK_ARTICLES):
            chunk.append(Article(*article))
            windows += _weight(article[1], fast=fast, limit=limit)
            if windows >= CHUNK_WINDOWS:
                break
        if not chunk:
            return
        yield chunk


def _weight(text: str, *, fast: bool, limit: int) -> int:
    """About how many windows an article brings, without scanning it twice: its size in windows."""
    if not fast:
        return 1 + len(text) // limit
    return 1 + len(text) // (limit // 4) if text else 0


# What stands between a claim and the count that breaks it down, right before that count.
_HEDGES = lx.alternation(h for hedges in lx.HEDGES.values() for h in hedges)
BREAKDOWN = re.compile(
    rf"(?:\b(?:{lx.alternation(lx.BREAKDOWN_CUES)})\s*(?:{_HEDGES})?|:)\s*$"
    r"|^\s+of\s+$",
    re.IGNORECASE,
)
# "two men from Hezballah and three men": counts joined by a conjunction.
COORDINATED = re.compile(r"(?:\band|\bor|\bas well as|,)(?:\s+(?:their|his|her|its|the))?\s*$", re.IGNORECASE)


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
    read the article (`detect.refine_type`); by default they read the window.
    """
    found: list[Found] = []
    text = doc.text
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
    for k, sent in enumerate(sents):
        items = by_sent.get(k)
        if not items:
            attr.remember(sent, speakers)
            continue
        local: list[Found] = []
        harms = detect.harm_words(sent)
        for c, tok in items:
            claim = _claim_for(c, tok, sent, harms, count_tokens, article_text or text)
            if claim is not None:
                local.append(claim)
        for f in local:
            _adopt(f, local, text)
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
                 c.head_start + base, c.head_end + base)


def _claim_for(count: Count, tok: Token, sent: Span, harms: list[tuple[Token, str]], count_tokens: set[int],
               article_text: str) -> Found | None:
    """The claim a count makes, a typeless candidate (a person count that a breakdown
    or coordination may adopt), or None. ("one of the victims" never gets here: the
    number reader drops a "one" that selects.)"""
    harm = detect.adjacent_harm(tok)
    noun = detect.counted_noun(tok) if harm is None or harm.token.i == tok.i + 2 else None
    if noun is not None and noun.i in count_tokens:
        noun = None
    if noun is not None and not detect.is_person(noun):
        return None
    if harm is None and noun is None and tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return None
    if harm is None:
        harm = detect.find_harm(tok, noun, sent, harms)
    if harm is None and noun is None:
        return None
    kind = detect.refine_type(harm, count_tokens, article_text) if harm is not None else ""
    return Found(
        count=count,
        type=kind,
        harm_distance=harm.distance if harm is not None else 99,
        victims=detect.victims_of(harm.token, tok) if noun is None and harm is not None
        and harm.token.lemma_.lower() in lx.HARM_NOUNS else detect.victims_of(noun, tok),
        attribution=attr.Attribution(),
        token=tok,
        location=detect.location_of(sent, tok),
        sentence=sent.text.strip(),
    )


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
    if len(between) <= 120 and BREAKDOWN.search(between):
        child.parent = parent.parent or parent
        child.type = parent.type
        child.follows = parent
    elif len(between) <= 80 and COORDINATED.search(between) and not HARM_STEMS.search(between) \
            and (child.harm_distance >= 3 or parent.parent):  # not across a verb: "..., were killed and 20 others"
        # "including five children and two women": the second part breaks down the same whole.
        child.parent = parent.parent
        if child.harm_distance >= 3:
            child.type = parent.type
        child.follows = parent


def to_claims(found: list[Found], article: str, text: str) -> list[Claim]:
    """Number the claims in text order and resolve `part_of` and `superseded_by` to ids."""
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
    return claims
