"""Which slices of an article to parse: a cheap scan, no model.

Most sentences of a news article hold no casualty figure. The scan keeps the
sentences that hold both a harm stem and a count (`numbers.find_counts`), with
their neighbours, so the parser sees a fraction of the text with the same
answers. The full path keeps everything, cut into windows that fit the parser.

The scan is linear in the text and never builds anything the size of the text
but the list of sentence offsets: a 50 MB article with a few claims costs a
regex pass, not a parse. Harm stems are found first (one C-level regex pass);
`find_counts` then runs only on the sentences that hold one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from . import lexicon as lx
from . import people as pp
from .factbox import fact_lines
from .numbers import find_counts
from .segments import MAX_SEGMENT, cut_at, segments


def _stems(words: set[str]) -> str:
    """A regex for `words` at a word start: a word of five letters or more also admits what
    extends it ("wound" -> "wounding", a verb's "execute" -> "executions"), a shorter one only
    itself ("hit", not "history")."""
    long = {w[:-1] if w.endswith("e") and w[:-1] + "ing" in words else w for w in words if len(w) >= 5}
    long = {w for w in long if not any(w != v and w.startswith(v) for v in long)}
    short = {w for w in words if len(w) < 5 and not any(w.startswith(v) for v in long)}
    return rf"\b(?:{lx.alternation(long)}|(?:{lx.alternation(short)})\b)"


# Cheap pre-filter: a sentence can hold a claim only if it holds a harm word of the lexicon.
_HARM_WORDS = lx.harm_word_forms()


_STEMS = _stems(_HARM_WORDS)


HARM_STEMS = re.compile(_STEMS, re.IGNORECASE)


# The same on lower-cased text, faster: the first letter is checked before the alternation.
_LOWER_STEMS = re.compile(rf"(?=[{''.join(sorted({w[0] for w in _HARM_WORDS}))}])" + _STEMS)


def reporting_forms(*, finite: bool = False) -> set[str]:
    """The reporting verbs of the lexicon in their inflections; `finite`: only "said", "says"..."""
    forms: set[str] = set()
    for verb in lx.REPORTING_VERBS:
        inflected = lx.inflections(verb)
        forms |= {f for f in inflected if f.endswith(("s", "d")) or f in lx.IRREGULAR_FORMS.get(verb, ())} \
            if finite else inflected
    return forms


# A claim attributed to "he", "it", "they" or "the official" names its speaker in an earlier
# sentence (`attribution.Speakers`): such candidates also keep the nearest earlier sentences
# that hold a reporting verb, where that speaker is named.
_SAID = lx.alternation(reporting_forms(finite=True))


BACK_REFERENCE = re.compile(
    rf"\b(?:{lx.alternation(lx.SUBJECT_PRONOUNS)}|the (?:{lx.alternation(lx.BACK_REFERENCE_HEADS)}))\b"
    rf"(?:\s+\w+){{0,3}}?\s+(?:{_SAID})\b"
    rf"|\b(?:{_SAID})\s+(?:{lx.alternation(lx.SUBJECT_PRONOUNS)})\b"
    rf"|\b(?:according to|citing) (?:{lx.alternation(lx.OBJECT_PRONOUNS)})\b",
    re.IGNORECASE,
)


SPEAKER_CUE = re.compile(rf"\b(?:{lx.alternation(reporting_forms())}|according to)\b", re.IGNORECASE)


# How many earlier reporting sentences such a candidate keeps.
SPEAKER_CONTEXT = 2


# Text is lower-cased this many characters at a time, so the scan's extra memory stays bounded.
SCAN_BLOCK = 1 << 20


# How close (in characters) a count must stand to a harm stem for its sentence to be parsed.
NEAR = 250


MAX_WINDOW = 50_000


# Sentences of context kept on each side of a candidate sentence (fast path)...
CONTEXT = 1


# ... more when they are shorter than this together ("... " is no context).
MIN_CONTEXT = 60


@dataclass(frozen=True, slots=True)
class Window:
    """A slice of an article that is parsed as one `Doc`: `text[start:end]`. A `people` window holds
    only sentences that may describe people one by one (no count near a harm): the people reader reads it,
    the claim rules do not, so it is parsed without NER unless a proper noun needs it (`extractor.py`)."""

    start: int
    end: int
    people: bool = False


def pack(text: str, pieces: list[tuple[int, int]], limit: int) -> list[Window]:
    """Merge touching pieces into windows no longer than `limit` characters.

    A piece longer than `limit` is cut, on whitespace when there is some within
    `CUT_SLACK` characters of the limit.
    """
    windows: list[Window] = []
    for s, e in pieces:
        while e - s > limit:
            cut = cut_at(text, s, e, limit)
            windows.append(Window(s, cut))
            s = cut
        if windows and windows[-1].end >= s and e - windows[-1].start <= limit:
            windows[-1] = Window(windows[-1].start, e)
        else:
            windows.append(Window(s, e))
    return windows


def _harm_positions(text: str, segs: list[tuple[int, int]]) -> Iterator[int]:
    """Where harm stems start, in order, scanning `SCAN_BLOCK` characters (whole segments) at a time."""
    i = 0
    while i < len(segs):
        j = i
        while j < len(segs) and segs[j][1] - segs[i][0] < SCAN_BLOCK:
            j += 1
        j = max(j, i + 1)
        start, end = segs[i][0], segs[j - 1][1]
        low = text[start:end].lower()
        if len(low) == end - start:
            yield from (start + m.start() for m in _LOWER_STEMS.finditer(low))
        else:  # lower() changed the length ("İ"): offsets would drift
            yield from (m.start() for m in HARM_STEMS.finditer(text, start, end))
        i = j


def candidates(text: str, segs: list[tuple[int, int]], *,
               people: bool = True) -> tuple[list[int], list[int]]:
    """Indexes of the segments that hold a count within `NEAR` characters of a harm stem (claims), and of
    the other segments that hold a harm of the people reader and a person noun (people described one by one;
    none looked for unless `people`).

    Every claim of the labelled articles has a harm stem within 140 characters;
    the margin keeps long list-like sentences ("three journalists – A, B and C,
    were all killed").
    """
    harms: dict[int, list[int]] = {}
    k = 0
    for pos in _harm_positions(text, segs):
        while k < len(segs) and segs[k][1] <= pos:
            k += 1
        if k == len(segs):
            break
        harms.setdefault(k, []).append(pos)
    out: list[int] = []
    alone: list[int] = []
    for k, positions in harms.items():
        s, e = segs[k]
        piece = text[s:e]
        counts = [c for c in find_counts(piece) if c.harm is not None or not _counts_things(piece, c.end)]
        if any(abs(s + c.start - p) <= NEAR or abs(p - s - c.end) <= NEAR for c in counts for p in positions):
            out.append(k)
        elif people and PEOPLE_HARM.search(piece) and PERSON_WORD.search(piece):
            alone.append(k)
    starts = [s for s, _ in segs]
    for line in fact_lines(text):  # "Deaths: 243" and the "196 in Germany" listed under it
        k = bisect_right(starts, line.start) - 1
        while 0 <= k < len(segs) and segs[k][0] < line.end:
            out.append(k)
            k += 1
    claims = sorted(set(out))
    return claims, sorted(set(alone) - set(claims))


# The harms the people reader reads (`people.read_people` counts nobody without one of them): its verbs of
# killing, dying, injuring, shooting, striking, suffering ("lost his life", "treated for wounds"), its nouns of
# killing and bodies, states ("in critical condition") and the words that make a violent verb or a noun fatal
# ("shot dead", "gunned down", "stabbed to death", "a fatal shooting").
# Whole words: "deaths", "injuries" and "fatalities" are none of them.
_PEOPLE_HARMS = ({form for verb in pp.HARM_KILLING_VERBS | pp.DYING_VERBS | pp.INJURING_VERBS | pp.SUFFERING_VERBS
                  for form in lx.inflections(verb)}
                 # the forms that take a person ("was shot", "struck by", "striking a boy"), not the nouns that fill
                 # crime news ("the shooting", "airstrikes"): a sentence kept costs a parse in `tolls`
                 | {"shot", "shoot", "shoots", "struck", "striking", "hit", "hitting", "lost", "treated", "gunned",
                    "condition"}
                 | {form for noun in pp.KILLING_NOUNS | pp.BODY_NOUNS for form in lx.inflections(noun, verb=False)}
                 | pp.RESULT_WORDS)
PEOPLE_HARM = re.compile(rf"\b(?:{lx.alternation(_PEOPLE_HARMS)})\b", re.IGNORECASE)


# A person noun: a sentence with a harm stem and one may describe people one by one ("gunmen shot dead a
# judge"), with no count; the parse reads them (`people.read_people`).
_PEOPLE = pp.PERSON_WORDS - lx.HARM_GROUP_WORDS - lx.OTHERS
_KILLED = {form for verb in pp.HARM_KILLING_VERBS | pp.INJURING_VERBS | {"shoot", "stab"}
           for form in lx.inflections(verb) if form.endswith(("d", "t", "n"))}
# A passive names its patient, a person named or not ("Pascal Nshimirimana was killed"); an age is a person
# ("the 15-year-old killed", "Dana Lyle, 25, died"); a name may follow a verb of killing ("shot and killed Regula").
PERSON_WORD = re.compile(rf"\b(?:{lx.alternation(_PEOPLE)}|was|were|been)(?:s|es)?\b"
                         r"|\b\d+[- ](?:year|month|week|day)s?[- ]old\b|(?-i:[A-Z])[\w'’-]+,\s*\d{1,3},"
                         rf"|\b(?:{lx.alternation(_KILLED)})\s+(?:dead\s+)?(?-i:[A-Z])", re.IGNORECASE)


NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


# "4 shot" is a headline's claim, not a count of shots.
THINGS = (lx.NON_PERSON_NOUNS - {"shot"}) | lx.TIME_NOUNS


def _counts_things(piece: str, end: int) -> bool:
    """ "two airstrikes", "three counts", "10 years": the word after the count names things, not people;
    but a thing that modifies people after it does not ("Two hospital workers were killed")."""
    m = NEXT_WORDS.match(piece, end)
    if m is None or not _forms(m.group(1)) & THINGS:
        return False
    second = m.group(2)
    return second is None or not _forms(second) & lx.PERSON_NOUNS


def _forms(word: str) -> set[str]:
    """A word in lower case with its plural ending taken off, for a look-up among lemmas."""
    word = word.lower()
    return {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}


QUOTES = re.compile(r"[\"“”]")


# A sentence that opens on a speaker named before it: "It said", "The ministry added".
STARTS_MID_THOUGHT = re.compile(
    rf"(?:{lx.alternation(p.title() for p in lx.SUBJECT_PRONOUNS)}|The (?:{lx.alternation(lx.BACK_REFERENCE_HEADS)}))"
    r"\b"
)


def _needs_neighbour(text: str, segs: list[tuple[int, int]], i: int, step: int) -> bool:
    """Whether a candidate sentence needs the sentence before (step -1) or after (+1) to be read right.

    After: a quote left open, or a "he said" that attributes a quote. Before: a
    sentence that opens inside a quote, or starts mid-thought (lower case, "It",
    "They"), or a one-line headline whose body follows.
    """
    s, e = segs[i]
    j = i + step
    if not 0 <= j < len(segs):
        return False
    quotes = len(QUOTES.findall(text, s, e))
    if step == 1:  # only a quote reads on: "“... 31 killed.” He said." (attribution.py reads no further)
        ns, ne = segs[j]
        attributes = QUOTES.match(text, ns) or SPEAKER_CUE.search(text, ns, min(ne, ns + 80))
        return bool(quotes % 2 or (quotes and attributes))
    first = text[s:e].lstrip()[:12]
    return bool(quotes % 2 or QUOTES.match(first) or first[:1].islower()
                or STARTS_MID_THOUGHT.match(first))


def plan_windows(text: str, *, fast: bool = True, limit: int = MAX_WINDOW, context: int = CONTEXT,
                 people: bool = True) -> list[Window]:
    """Which slices of `text` to parse.

    Full path: everything, in windows of at most `limit` characters. Fast path:
    only sentences holding a count and a harm stem, each with `context`
    neighbours on both sides (a quote's "he said" follows it; the speaker of
    "it added" precedes it), and, in `people` windows of their own (unless
    `people` is false: no one reads them), the other sentences the people reader may count in.
    """
    if not text.strip():
        return []
    segs = segments(text, longest=min(MAX_SEGMENT, limit))
    if not fast:
        return pack(text, segs, limit)
    keep: set[int] = set()
    claims, alone_people = candidates(text, segs, people=people)
    for i in claims:
        keep.add(i)
        for step in (-1, 1):
            if not _needs_neighbour(text, segs, i, step):
                continue
            j, taken, size = i, 0, 0
            while 0 <= j + step < len(segs) and (taken < context or (context and size < MIN_CONTEXT)):
                j += step
                keep.add(j)
                taken += 1
                size += segs[j][1] - segs[j][0]
        if BACK_REFERENCE.search(text, *segs[i]):
            found, j = 0, i - 1
            while j >= 0 and found < SPEAKER_CONTEXT:
                if SPEAKER_CUE.search(text, *segs[j]):
                    keep.add(j)
                    found += 1
                j -= 1
    windows = pack(text, [segs[i] for i in sorted(keep)], limit)
    alone = [Window(w.start, w.end, people=True)
             for w in pack(text, [segs[i] for i in alone_people if i not in keep], limit)]
    return sorted(windows + alone, key=lambda w: w.start)
