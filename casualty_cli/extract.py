"""Join the pieces: numbers -> harm -> attribution -> `Claim`s with ids, `part_of` and `superseded_by`.

Works on parsed windows of an article (see `scan.py` for which slices are
parsed and `runner.py` for the batching); offsets come out article-level.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import attribution as attr
from . import detect
from . import lexicon as lx
from .claims import Claim
from .numbers import Count, find_counts
from .scan import HARM_STEMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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


def claims_in_doc(doc: Doc, speakers: attr.Speakers, base: int = 0) -> list[Found]:
    """Every claim of one parsed window, offsets shifted by `base`."""
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
            claim = _claim_for(c, tok, sent, harms, count_tokens, speakers.article_text or text)
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
