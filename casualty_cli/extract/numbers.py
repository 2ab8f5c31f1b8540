"""Number phrases that could count people: "more than 500" -> value, bounds and qualifier.

Pure and model-free, so the extractor can run it on whole articles and the tests need no
pipeline. `find_counts` scans text with precompiled regexes; `read_count` reads one phrase.

Where quantulum3 is used, and why so little:
- Our own rules read digits (separators, Arabic-Indic digits, decimals with a scale word), all
  integer number words ("two hundred and fifty", "one thousand, two hundred"), "a dozen",
  fractions of a scale ("half a dozen", "a quarter of a million", not read as "a million"),
  vague counts, ranges and hedges. quantulum3 cannot do these for us: it drops
  hedges ("more than 500" -> 500), finds nothing in "dozens" or "tens of thousands", reads
  "between 20 and 30" as 25 +/- 5, "a dozen" as 1 dozen and "half a million" as 1,500,000
  (tests/test_numbers.py keeps these cases). It is also slow (seconds to load, thousands of
  words per second), too slow for the common path.
- quantulum3 reads the phrases our rules leave to it: a number, "and a half" or "and a
  quarter", and a scale ("one and a half million", "2 and a half thousand", "two and a quarter
  million"), which it gets right (not "and three quarters", which it misreads). It is
  imported lazily on the first such phrase; its unit classifier is switched off for our call
  only and restored after (`_quantulum_value`), so its global state is as we found it, and its
  import and scikit-learn warnings are silenced there only.

Numbers that are not counts are dropped here, from the text around them: ordinals, ages, dates
and years, times ("10 a.m.", "0800 GMT", a dateline's "2014 at 1459"), money, percentages,
measures and durations, fractions, decimals without a scale, IDs, phone numbers, designators
("Route 9", "No. 5"), street addresses, and "one" in "one of the victims", reference and
footnote marks ("[12]", "[note 3]"), page and figure numbers.
Whether the counted noun is a person is left to the extractor.

Phrases that count without a number (claim-spec §1): zeros ("No one", "nobody", "none", the
"no" of "no injuries", which also names its harm), multiplying words ("a double homicide" is
2 killed), "a couple of (dozen)". `revisions` finds a figure that replaces another in the same
sentence ("rose from nine to 35", "52, up from 40"); "from X to Y" after such a verb is not a range.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from .count_context import (
    AFTER,
    DASH_CHAIN,
    NAME_AGE_BEFORE,
    SP,
    D,
    Num,
    is_age,
    is_id,
    is_year,
    not_a_count,
    words,
)

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "about",
    "range",
    "vague",
)


@dataclass(frozen=True, slots=True)
class Count:
    """One number phrase: offsets of the whole phrase and of its last number token (the head)."""

    start: int
    end: int
    value: int
    low: int | None
    high: int | None
    qualifier: str
    head_start: int
    head_end: int
    harm: str | None = None  # the type the phrase states itself: "no injuries", "a double homicide"


_SMALL = lx.NUMBER_WORDS


_SCALES = lx.SCALES


_VAGUE = lx.VAGUE_COUNTS


_HEDGE_OF = {h: q for q, hs in lx.HEDGES.items() for h in hs}


_NUM_WORD = "|".join(sorted(_SMALL, key=len, reverse=True))


_VAGUE_ALT = words(_VAGUE)


_CORE = re.compile(
    rf"(?<![\w.])(?P<d>{D}{{1,3}}(?:[,\u066c]{D}{{3}})+(?!{D})(?:[.\u066b]{D}+)?"
    rf"|{D}{{1,3}}(?:[ \u00a0\u202f]{D}{{3}})+(?!{D}|[.,]{D})"
    rf"|{D}+(?:[.\u066b]{D}+)?)(?:{SP}+(?P<scale>(?i:hundred|thousand|million|billion))\b)?"
    rf"|\b(?P<f>(?i:(?:(?P<fn>{words(lx.FRACTION_NUMERATORS)})(?:{SP}+|[-‐]))?(?P<fd>{words(lx.FRACTIONS)})"
    rf"(?:{SP}+of)?(?:{SP}+an?)?(?:{SP}+|[-‐])(?P<fs>dozen|thousand|million|billion)))\b"
    rf"|\b(?P<w>(?i:an?{SP}+(?:dozen|hundred|thousand|million|billion)|{_NUM_WORD}))\b"
    rf"|\b(?P<v>(?i:{_VAGUE_ALT}))\b"
)


_WORD_NEXT = re.compile(
    rf"(?P<sep>{SP}*[-‐]{SP}*|{SP}*,{SP}*|{SP}+and{SP}+|{SP}+)"
    rf"(?P<w>{_NUM_WORD}|hundred|thousand|million|billion|dozen)\b",
    re.I,
)


_AND_A_FRACTION = re.compile(rf"{SP}+and{SP}+a{SP}+(?:half|quarter){SP}+(?P<s>thousand|million|billion)\b", re.I)


_HEDGE = re.compile(
    r"(?<![\w.])(?P<h>"
    + words(_HEDGE_OF)
    + rf"|between|from){SP}*$",
    re.I,
)


# A verb that bounds the figure after it: "the death toll exceeded 1,400" (the quantity stays "1,400").
_VERB_HEDGE = re.compile(
    rf"\b(?P<h>{words(h for hs in lx.HEDGE_VERBS.values() for h in hs)}){SP}+$", re.I
)


_VERB_HEDGE_OF = {h: q for q, hs in lx.HEDGE_VERBS.items() for h in hs}


_RANGE_SEP = re.compile(rf"(?P<sp1>{SP}*)(?P<sep>to|and|[-–—])(?P<sp2>{SP}*)", re.I)


_LIST_CONT = re.compile(rf"{SP}*(?:,|,?{SP}*(?:and|or|&)){SP}*", re.I)


_SCORES_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|[\"“‘(]\s*)$")


_OF = re.compile(rf"{SP}+of\b", re.I)


_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")


# Arabic-Indic digits, and the Arabic decimal and thousands separators ("٣٬٤٥٦" is 3456, "٣٫٥" 3.5).
_ARABIC_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)} \
    | {0x066B: ".", 0x066C: ""}


# No count of people has 16 digits: a longer number is an identifier or noise, never a claim
# (and beyond 2**53 a JSON reader would round it).
MAX_COUNT = 10**15


def _read_digits(m: re.Match[str]) -> Num | None:
    """Digits, perhaps with a scale word; None when the value is not a whole number."""
    raw = m.group("d")
    scale_word = m.group("scale")
    number = Decimal(_SEPARATORS.sub("", raw).translate(_ARABIC_DIGITS))
    scale = 1
    if scale_word:
        scale = 100 if scale_word.lower() == "hundred" else _SCALES[scale_word.lower()]
        number *= scale
        head_start, end = m.start("scale"), m.end("scale")
    elif "." in raw or "\u066b" in raw:
        return None  # "3.5": a measure, not a head count
    else:
        # spaCy splits "1 200" into two tokens: the head is the last group
        head_start, end = m.start("d") + max(raw.rfind(c) for c in " \u00a0\u202f") + 1, m.end("d")
    if number != number.to_integral_value() or number >= MAX_COUNT:
        return None
    return Num(m.start(), end, int(number), head_start, end, "digits", raw, scale)


def _read_fraction(m: re.Match[str]) -> Num | None:
    """ "half a million", "a quarter of a million", "three quarters of a million", "a half-dozen";
    None when the fraction of the scale is not whole."""
    numerator = lx.FRACTION_NUMERATORS[m.group("fn").lower()] if m.group("fn") else 1
    denominator = lx.FRACTIONS[m.group("fd").lower()]
    word = m.group("fs").lower()
    whole = 12 if word == "dozen" else _SCALES[word]
    if numerator >= denominator or whole * numerator % denominator:
        return None
    start, end = m.span("f")
    return Num(start, end, whole * numerator // denominator, m.start("fs"), end, "words", "",
                1 if word == "dozen" else whole)


def _read_words(text: str, m: re.Match[str]) -> Num:
    """The longest valid English cardinal from here ("two hundred and fifty", "twenty-five")."""
    words = m.group("w").split()
    start, end = m.span("w")
    last = words[-1].lower()
    tokens = [("", "a", start, start + len(words[0]))] if len(words) > 1 else []
    tokens.append(("", last, end - len(last), end))
    state, total, group, last_scale = "start", 0, 0, _NO_SCALE
    head_start = head_end = start
    i, pos = 0, end
    while True:
        if i == len(tokens):
            nxt = _WORD_NEXT.match(text, pos)
            if nxt is None:
                break
            tokens.append((nxt.group("sep").strip().lower(), nxt.group("w").lower(), *nxt.span("w")))
            pos = nxt.end()
        sep, word, w_start, w_end = tokens[i]
        i += 1
        step = _step(state, sep, word, group, last_scale)
        if step is None:
            break
        state, added, group, last_scale = step
        total += added
        head_start, head_end = w_start, w_end
        if state in ("dozen", "zero"):
            break
    scale = last_scale if state == "scale" else 100 if state == "hundred" else 12 if state == "dozen" else 1
    return Num(start, head_end, total + group, head_start, head_end, "words", "", scale)


_NO_SCALE = 10**12


def _step(state: str, sep: str, word: str, group: int, last_scale: int) -> tuple[str, int, int, int] | None:
    """One transition of the cardinal reader: (state, added to total, group, last scale) or None."""
    if word == "a":
        return "unit", 0, 1, last_scale
    if word in _SMALL:
        value = _SMALL[word]
        if state == "start":
            return ("zero" if value == 0 else _kind(value)), 0, value, last_scale
        if value == 0:
            return None
        if state == "tens" and value < 10 and sep in ("", "-", "‐"):
            return "tens_unit", 0, group + value, last_scale
        if state in ("hundred", "scale") and sep in ("", "and", ","):
            return _kind(value), 0, group + value, last_scale
        return None
    if sep:
        return None
    if word == "hundred":
        ok = state in ("unit", "teen", "tens_unit") and group < 100
        return ("hundred", 0, group * 100, last_scale) if ok else None
    if word == "dozen":
        return ("dozen", 0, group * 12, last_scale) if state == "unit" and last_scale == _NO_SCALE else None
    scale = _SCALES[word]
    if state in ("unit", "teen", "tens", "tens_unit", "hundred") and scale < last_scale:
        return "scale", group * scale, 0, scale
    return None


def _kind(value: int) -> str:
    return "unit" if value < 10 else "teen" if value < 20 else "tens"


def _read_vague(text: str, m: re.Match[str], floor: int) -> Num | None:
    """ "dozens", "tens of thousands"; "scores" only as "scores of" or a sentence-initial "Scores"."""
    written = m.group("v")
    key = " ".join(written.lower().split())
    if key == "scores" and not (
        _OF.match(text, m.end()) or (written[0] == "S" and _SCORES_START.search(text, floor, m.start()))
    ):
        return None
    end = m.end("v")
    if key == "tens of":
        end = m.start("v") + 4  # the phrase is "tens"; "of" belongs with the noun
    head = written[:4] if key == "tens of" else written.split()[-1]
    return Num(m.start(), end, _VAGUE[key], end - len(head), end, "vague", "", 1)


def _read_core(text: str, m: re.Match[str], floor: int) -> Num | None:
    if m.group("v") is not None:
        return _read_vague(text, m, floor)
    if m.group("f") is not None:
        return _read_fraction(m)
    num = _read_digits(m) if m.group("d") is not None else _read_words(text, m)
    if num is not None and num.scale == 1:
        half = _AND_A_FRACTION.match(text, num.end)
        value = _quantulum_value(text[num.start : half.end()]) if half is not None else None
        if half is not None and value is not None:
            scale = _SCALES[half.group("s").lower()]
            # the parser hangs "thousand" on "One" as a conjunct: the first number heads the phrase
            return Num(num.start, half.end(), value, num.head_start, num.head_end, num.kind, "", scale)
    return num


def _quantulum_value(phrase: str) -> int | None:
    """quantulum3 reads "one and a half million"; imported on first use.

    Its unit classifier is switched off for our call only and switched back after, so other
    users of quantulum3 in the process keep theirs; its warnings (scikit-learn missing or
    versions) are silenced around the import and the call only.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser

            before = classifier.USE_CLF
            classifier.USE_CLF = False
            try:
                quantities = parser.parse(phrase)
            finally:
                classifier.USE_CLF = before
    except ImportError:
        return None
    if len(quantities) != 1 or tuple(quantities[0].span) != (0, len(phrase)):
        return None
    value = float(quantities[0].value)
    return int(value) if value.is_integer() else None


def _bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value + 1, None),
        "at_most": (None, value),
        "less_than": (None, value - 1),
        "about": (None, None),
        "vague": (value, None),
    }[qualifier]


_REVISION_VERB = rf"\b(?i:{lx.alternation(lx.REVISION_VERBS)})(?:{SP}+(?i:up|down|upwards?|downwards?|sharply|again))?"


_FROM_BEFORE = re.compile(rf"{_REVISION_VERB}{SP}+(?i:from){SP}*$")


_TO_BEFORE = re.compile(rf"{_REVISION_VERB}{SP}+(?i:to){SP}*$")


_BETWEEN_TO = re.compile(rf"{SP}+(?i:to){SP}+")


_BETWEEN_FROM = re.compile(rf"{SP}+(?i:from){SP}+")


# "the deaths of two others,[56] which was raised to four": a relative clause that revises.
_BETWEEN_WHICH = re.compile(
    rf"[^.;!?]{{0,60}}?,?(?:\[[^\[\]\n]{{1,25}}\])*,?{SP}*(?i:which|that){SP}+(?i:was|were|has{SP}+been|had{SP}+been|is|"
    rf"was{SP}+later|later){SP}+{_REVISION_VERB}{SP}+(?i:to){SP}+"
)


_BETWEEN_UP_FROM = re.compile(rf",?{SP}*\(?{SP}*(?i:up|down){SP}+(?i:from){SP}+")


def revisions(text: str, counts: list[Count]) -> list[tuple[int, int]]:
    """(earlier, later) indexes of counts where the later figure replaces the earlier one.

    "rose from nine to 35", "52, up from 40", "revised down to 32 from 40" (claim-spec §1);
    two figures that merely differ are not a revision.
    """
    pairs = []
    for i in range(len(counts) - 1):
        a, b = counts[i], counts[i + 1]
        lo = max(0, a.start - 60)
        if (_BETWEEN_TO.fullmatch(text, a.end, b.start) and _FROM_BEFORE.search(text, lo, a.start)) \
                or _BETWEEN_WHICH.fullmatch(text, a.end, b.start):
            pairs.append((i, i + 1))
        elif _BETWEEN_UP_FROM.fullmatch(text, a.end, b.start) or (
                _BETWEEN_FROM.fullmatch(text, a.end, b.start) and _TO_BEFORE.search(text, lo, a.start)):
            pairs.append((i + 1, i))
    return pairs


def _revised(text: str, hedge: re.Match[str] | None, floor: int) -> bool:
    """ "has risen from nine to 35": a change of figure, not a range (claim-spec §1, revisions)."""
    if hedge is None or hedge.group("h").lower() != "from":
        return False
    return _FROM_BEFORE.search(text, max(floor, hedge.start() - 60), hedge.end()) is not None


def _range_end(text: str, num: Num, prefix: str | None, floor: int) -> tuple[Num | None, bool, int] | None:
    """The upper number of "20 to 30", "20-30", "between 20 and 30", whether its dash is glued, its end.

    The upper number is None when it is a measure, time or decimal ("1 to 1.5 degrees", "1 and 1:45 a.m."):
    then neither number is a count.
    """
    if num.kind == "vague":
        return None
    sep = _RANGE_SEP.match(text, num.end)
    if sep is None:
        return None
    word = sep.group("sep").lower()
    if (word == "and") != (prefix == "between"):
        return None
    nxt = _CORE.match(text, sep.end())
    if nxt is None or nxt.group("v") is not None:
        return None
    second = _read_core(text, nxt, floor)
    if second is None or AFTER.match(text, nxt.end()):
        return None, False, nxt.end()
    return second, word in "-–—" and not sep.group("sp1") and not sep.group("sp2"), second.end


def _scan(text: str, *, years: bool) -> list[Count]:
    counts: list[Count] = []
    pos = floor = 0
    age_end = -1  # end of the last number dropped as an age, for lists: "ages 13, 17 and 19"
    while (m := _CORE.search(text, pos)) is not None:
        num = _read_core(text, m, floor)
        if num is None:
            pos = m.end()
            continue
        hedge = _HEDGE.search(text, max(floor, num.start - 30), num.start)
        prefix = " ".join(hedge.group("h").lower().split()) if hedge else None
        start = hedge.start() if hedge else num.start
        end, low, high, head = num.end, num.value, num.value, (num.head_start, num.head_end)
        qualifier = _HEDGE_OF.get(prefix or "", "vague" if num.kind == "vague" else "exact")
        if hedge is None and num.kind != "vague" and (
                verb := _VERB_HEDGE.search(text, max(floor, num.start - 20), num.start)) is not None:
            qualifier = _VERB_HEDGE_OF[verb.group("h").lower()]
        upper = _range_end(text, num, prefix, floor)
        if upper is not None and upper[0] is not None and _revised(text, hedge, floor):
            upper = None  # "rose from nine to 35": two figures, each read on its own
        if upper is not None:
            second, glued, upper_end = upper
            if second is None:
                floor = pos = upper_end
                continue
            if second.scale > 1 and num.scale == 1 and low * second.scale <= second.value:
                low *= second.scale  # "1 to 2 million"
            if glued and num.kind == second.kind == "digits" and is_id(text, num, second):
                floor = pos = _skip_dash_chain(text, second.end)
                continue
            if low < second.value:
                end, high, head, qualifier = (
                    second.end,
                    second.value,
                    (second.head_start, second.head_end),
                    "range",
                )
                if years and is_year(text, num, floor) and is_year(text, second, floor):
                    floor = pos = end
                    continue
            elif glued or text[num.end : second.start].strip() in "-–—":
                floor = pos = second.end  # "3-1", "2014-15": a score or a season
                continue
        if qualifier == "at_least" and upper is None and (ceiling := _ceiling(text, num, floor)) is not None \
                and ceiling.value > low:
            end, high, head, qualifier = ceiling.end, ceiling.value, (ceiling.head_start, ceiling.head_end), "range"
        if qualifier != "range" and prefix in ("between", "from"):
            prefix, start, qualifier = None, num.start, "vague" if num.kind == "vague" else "exact"
        floor = pos = end
        in_age_list = age_end >= 0 and (_LIST_CONT.fullmatch(text, age_end, start) is not None or (
            start - age_end < 40 and NAME_AGE_BEFORE.search(text, max(age_end, start - 30), start) is not None
            and num.kind == "digits" and num.value <= 120))  # "Jocelin, 25 and Tobiasz Cudnik, 32 were"
        if in_age_list or is_age(text, start, end, num, max(0, start - 30)):
            age_end = end
            continue
        if not_a_count(text, start, end, num, max(0, start - 30), years):
            continue
        if qualifier == "range":
            bounds: tuple[int | None, int | None] = (low, high)
        else:
            bounds = _bounds(qualifier, low)
        counts.append(Count(start, end, low, bounds[0], bounds[1], qualifier, head[0], head[1]))
    return counts


# A floor and a ceiling given together: "at least 15 and up to 25 civilians" is the range 15-25.
_CEILING_AFTER = re.compile(rf"{SP}*(?:,{SP}*)?(?:and|but|or){SP}+(?:possibly{SP}+)?(?i:up{SP}+to|as{SP}+many"
                            rf"{SP}+as|at{SP}+most){SP}+")


def _ceiling(text: str, num: Num, floor: int) -> Num | None:
    """The number after "and up to", "and as many as", "and at most" that closes an "at least" figure."""
    after = _CEILING_AFTER.match(text, num.end)
    nxt = _CORE.match(text, after.end()) if after is not None else None
    if nxt is None or nxt.group("v") is not None:
        return None
    second = _read_core(text, nxt, floor)
    return None if second is None or AFTER.match(text, second.end) else second


def _skip_dash_chain(text: str, pos: int) -> int:
    while (m := DASH_CHAIN.match(text, pos)) is not None:
        pos = m.end()
    return pos


_SPACES = f"{SP}+"


_ZERO_NOUN = re.compile(rf"(?i:{lx.alternation(lx.ZERO_NOUNS, space=_SPACES)})\b")


_ZERO_PRONOUN = lx.alternation(lx.ZERO_PRONOUNS, space=_SPACES)


_ZERO_BETWEEN = lx.alternation(lx.ZERO_BETWEEN, space=_SPACES)


_ZERO = re.compile(
    rf"\b(?P<pron>(?i:{_ZERO_PRONOUN}))\b(?!{SP}+(?i:of|else|other|but|the{SP}+less)\b)"
    rf"|\b(?P<no>(?i:no))(?={SP}+(?:(?i:{_ZERO_BETWEEN}){SP}+)*(?P<noun>{_ZERO_NOUN.pattern}))"
)


_ZERO_AND = re.compile(rf"{SP}+(?i:or|and|nor){SP}+(?P<noun>{_ZERO_NOUN.pattern})")


_EVENT = lx.alternation(lx.MULTIPLIED_EVENTS, space=_SPACES)


_MULTIPLIER = lx.alternation(lx.MULTIPLIERS)


_MULTIPLIED = re.compile(rf"\b(?P<m>(?i:{_MULTIPLIER}))(?:[-‐]|{SP}+)(?P<event>(?i:{_EVENT}))\b(?!s)")


_COUPLE = re.compile(rf"\b(?i:a){SP}+(?P<c>(?i:couple)){SP}+(?i:of)(?:{SP}+(?P<dozen>(?i:dozen)))?\b")


def _zero_type(text: str, m: re.Match[str]) -> str:
    """The harm "no" states: "no injuries" injured; "no deaths or injuries" together casualties."""
    kind = lx.ZERO_NOUNS[" ".join(m.group("noun").lower().split())]
    other = _ZERO_AND.match(text, m.end("noun"))
    if other is not None and {kind, lx.ZERO_NOUNS[" ".join(other.group("noun").lower().split())]} == {
        "killed", "injured"}:
        return "casualties"
    return kind


def _phrase_counts(text: str) -> list[Count]:
    """Counts our digit and word reader cannot see: zeros, "a double homicide", "a couple of"."""
    found: list[Count] = []
    for m in _ZERO.finditer(text):
        if m.group("pron") is not None:
            word_start = m.end("pron") - len(m.group("pron").split()[-1].split("-")[-1])
            found.append(Count(m.start("pron"), m.end("pron"), 0, 0, 0, "exact", word_start, m.end("pron")))
        else:
            found.append(Count(m.start("no"), m.end("no"), 0, 0, 0, "exact", m.start("no"), m.end("no"),
                               _zero_type(text, m)))
    for m in _MULTIPLIED.finditer(text):
        value = lx.MULTIPLIERS[m.group("m").lower()]
        kind = lx.MULTIPLIED_EVENTS[" ".join(m.group("event").lower().split())]
        found.append(Count(m.start("m"), m.end("m"), value, value, value, "exact", m.start("m"), m.end("m"), kind))
    for m in _COUPLE.finditer(text):
        head = "dozen" if m.group("dozen") else "c"
        found.append(Count(m.start(), m.end(), 24 if m.group("dozen") else 2, None, None, "about",
                           m.start(head), m.end(head)))
    return found


def find_counts(text: str) -> list[Count]:
    """Every number phrase in `text` that could count people, in text order, non-overlapping."""
    counts = _scan(text, years=True)
    phrases = _phrase_counts(text)
    if not phrases:
        return counts
    kept = [c for c in counts if not any(c.start < p.end and p.start < c.end for p in phrases)]
    return sorted(kept + phrases, key=lambda c: c.start)


def read_count(phrase: str) -> Count | None:
    """The count that the whole of `phrase` states (offsets relative to phrase), or None.

    A bare "2015" is a count here: with no context around it, nothing says it is a year.
    """
    counts = _scan(phrase, years=False)
    stripped = phrase.strip()
    if len(counts) != 1 or not stripped:
        return None
    lead = len(phrase) - len(phrase.lstrip())
    count = counts[0]
    return count if (count.start, count.end) == (lead, lead + len(stripped)) else None
