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
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx

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


@dataclass(frozen=True, slots=True)
class _Num:
    """A bare number before hedges and ranges are considered."""

    start: int
    end: int
    value: int
    head_start: int
    head_end: int
    kind: str  # "digits", "words" or "vague"
    raw: str  # the digits as written, for year and leading-zero checks ("" for words)
    scale: int  # the multiplier of a trailing scale word ("million" -> 1_000_000), else 1


# ---- lexicon -------------------------------------------------------------------------------

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_SP = "[\\s\u200b-\u200f\u2066-\u2069\ufeff]"  # whitespace, or zero-width marks we step over

_SMALL = lx.NUMBER_WORDS
_SCALES = lx.SCALES
_VAGUE = lx.VAGUE_COUNTS
_HEDGE_OF = {h: q for q, hs in lx.HEDGES.items() for h in hs}


def _words(words: Iterable[str]) -> str:
    return lx.alternation(words, space=f"{_SP}+")


_MONTHS = _words(lx.MONTHS + lx.MONTH_ABBREVIATIONS)
_UNITS = _words(lx.UNITS) + f"|[ap]\\.?{_SP}?m\\b\\.?"
_DESIGNATORS = _words(lx.DESIGNATORS)
_STREETS = _words(lx.STREETS)
_STRONG_YEAR_WORDS = _words(lx.YEAR_WORDS)
_PLURALISH = lx.PLURAL_FOLLOWERS

_NUM_WORD = "|".join(sorted(_SMALL, key=len, reverse=True))
_VAGUE_ALT = _words(_VAGUE)

# ---- compiled patterns ---------------------------------------------------------------------

_CORE = re.compile(
    rf"(?<![\w.])(?P<d>{_D}{{1,3}}(?:,{_D}{{3}})+(?!{_D})(?:\.{_D}+)?"
    rf"|{_D}{{1,3}}(?:[ \u00a0\u202f]{_D}{{3}})+(?!{_D}|[.,]{_D})"
    rf"|{_D}+(?:\.{_D}+)?)(?:{_SP}+(?P<scale>(?i:hundred|thousand|million|billion))\b)?"
    rf"|\b(?P<f>(?i:(?:(?P<fn>{_words(lx.FRACTION_NUMERATORS)})(?:{_SP}+|[-‐]))?(?P<fd>{_words(lx.FRACTIONS)})"
    rf"(?:{_SP}+of)?(?:{_SP}+an?)?(?:{_SP}+|[-‐])(?P<fs>dozen|thousand|million|billion)))\b"
    rf"|\b(?P<w>(?i:an?{_SP}+(?:dozen|hundred|thousand|million|billion)|{_NUM_WORD}))\b"
    rf"|\b(?P<v>(?i:{_VAGUE_ALT}))\b"
)
_WORD_NEXT = re.compile(
    rf"(?P<sep>{_SP}*[-‐]{_SP}*|{_SP}*,{_SP}*|{_SP}+and{_SP}+|{_SP}+)"
    rf"(?P<w>{_NUM_WORD}|hundred|thousand|million|billion|dozen)\b",
    re.I,
)
_AND_A_FRACTION = re.compile(rf"{_SP}+and{_SP}+a{_SP}+(?:half|quarter){_SP}+(?P<s>thousand|million|billion)\b", re.I)
_HEDGE = re.compile(
    r"(?<![\w.])(?P<h>"
    + _words(_HEDGE_OF)
    + rf"|between|from){_SP}*$",
    re.I,
)
# A verb that bounds the figure after it: "the death toll exceeded 1,400" (the quantity stays "1,400").
_VERB_HEDGE = re.compile(
    rf"\b(?P<h>{_words(h for hs in lx.HEDGE_VERBS.values() for h in hs)}){_SP}+$", re.I
)
_VERB_HEDGE_OF = {h: q for q, hs in lx.HEDGE_VERBS.items() for h in hs}
_RANGE_SEP = re.compile(rf"(?P<sp1>{_SP}*)(?P<sep>to|and|[-–—])(?P<sp2>{_SP}*)", re.I)
_DASH_CHAIN = re.compile(rf"[-‐]{_D}+")

_BEFORE_GLUED = re.compile(rf"(?:[^\W_][-‐]|{_D}[:/.,]|[$£€¥₪#])$")
_BEFORE_SPACED = re.compile(
    rf"(?:[$£€¥₪]|\b(?:US\$|USD|EUR|GBP)|\b(?i:per)|(?<![\w.])(?:{_DESIGNATORS})){_SP}*$"
)
# Wikipedia reference and footnote marks: "[12]", "[note 3]", "[a]".
_REF_BEFORE = re.compile(rf"\[(?:(?i:note|nb|n|ref|fn|lower-alpha){_SP}*)?$")
_REF_AFTER = re.compile(r"\]")
# Page, figure, table and telephone numbers: "p. 12", "pp. 3-5", "Fig. 2", "call 555".
_BEFORE_REFERENCE = re.compile(
    rf"\b(?i:pages?|pp?\.|fig(?:ure)?s?\.?|tables?|tel\.?|phone|call|ext\.?|ISBN|doi){_SP}*:?{_SP}*$"
)
# A picture's place in a gallery, "Image 6 of 12" (digits only: "Buy Photo Two adults were wounded" counts).
_GALLERY_BEFORE = re.compile(rf"\b(?i:images?|photos?|pictures?|slides?)(?:{_SP}+{_D}+{_SP}+of)?{_SP}*(?:/{_SP}*)?$")
# A step on a scale raised or set: "increased the Heatwave Alert Level to 4", "raised to a stage of 3".
_SCALE_BEFORE = re.compile(rf"\b(?i:level|category|phase|stage|grade){_SP}+(?i:to|of|at){_SP}*$")
_BEFORE_AGE = re.compile(rf"\b(?i:aged?|ages)(?:{_SP}+(?i:of|between|from|about|around))?{_SP}*$")
_AFTER = re.compile(
    rf"(?:[^\W\d_]|{_SP}*%|[-‐][^\W\d_]|[-‐]{_SP}+(?:and|or|to){_SP}|[:/.,]{_D}|{_SP}+{_D}+/{_D}|['’]s\b|{_SP}+and{_SP}+an?{_SP}+half\b"
    rf"|{_SP}+(?:of{_SP}+)?(?i:{_UNITS})(?![\w-]))"
)
_AFTER_STREET = re.compile(rf"{_SP}+(?:[A-Z][\w'’.-]*{_SP}+){{1,3}}(?:{_STREETS})\b")
_MONTH = rf"\b(?:{_MONTHS}|{_MONTHS.upper()})"
_MONTH_BEFORE_DAY = re.compile(rf"{_MONTH}\.?{_SP}+(?:the{_SP}+)?$")
# "On 7 March 5 people died": a month with its day before it takes no second day after it.
_DAY_MONTH_BEFORE = re.compile(rf"(?<![\d,.]){_D}{{1,2}}{_SP}+{_MONTH}{_SP}+$")
_MONTH_BEFORE_YEAR = re.compile(
    rf"{_MONTH}\.?,?{_SP}+(?:(?:the{_SP}+)?{_D}{{1,2}}(?:st|nd|rd|th)?,?{_SP}+)?$"
)
_MONTH_AFTER = re.compile(rf"{_SP}*(?:of{_SP}+)?{_MONTH}")
_STRONG_YEAR_BEFORE = re.compile(rf"\b(?i:{_STRONG_YEAR_WORDS}){_SP}+$")
_ZIP_BEFORE = re.compile(rf"\b[A-Z]{{2}}{_SP}+$")
# A wire dateline's time after its date: "Wed 01 Oct 2014 at 1459 Regional NNA - ...".
_YEAR_AT_BEFORE = re.compile(rf"\b(?:19|20){_D}{{2}},?{_SP}+at{_SP}+$")
_NEXT_WORD = re.compile(rf"{_SP}+([^\W\d_]+)")
# "Jaden Rahm, 16,", "(...), 16,", and one person named by a noun: "a girl, 9,", "his wife, 34,".
_NAME_AGE_BEFORE = re.compile(
    rf"(?:[A-Z][\w'’.-]*|\)|\b(?i:{_words(lx.SINGLE_PERSON_NOUNS)}))\s*,{_SP}*$"
)
_NAME_AGE_AFTER = re.compile(
    rf"{_SP}*(?:,|;|\.(?:\s|$)|[—–]|--|{_SP}-{_SP}|{_SP}*years?{_SP}+old\b|{_SP}*(?:\r?\n|$)"
    rf"|{_SP}+and{_SP}+[A-Z])"
)
# A full name, then the age without its comma: "Robert Atkins 21, was found", "Steven Roberts 40 of Prairie".
_FULL_NAME_BEFORE = re.compile(
    rf"\b[A-Z][a-z'’-]+{_SP}+(?P<last>[A-Z][\w'’-]+)(?:{_SP}+(?:Jr|Sr)\.?|{_SP}+I{{2,3}})?{_SP}+$")
# Title-case headline words before a count, which no surname is: "Teen Gunman Kills 3, Allegedly ...".
_HEADLINE_WORDS = frozenset({*lx.harm_word_forms(), *lx.HEADLINE_VERBS, *lx.BEFORE_DEAD, "leaves", "claims"})
_BARE_AGE_AFTER = re.compile(rf"(?:,|{_SP}*[—–]|{_SP}+of{_SP}+[A-Z]|{_SP}+and{_SP}+[A-Z])")
# A street number: "at 4268 Boyce", "On 11700 Robertson," (no thousands comma; "1,200 Taliban" counts).
_ADDRESS_BEFORE = re.compile(rf"\b(?i:at|on|of|the|near|in){_SP}+$")
_STREET_NAME_AFTER = re.compile(rf"{_SP}+[A-Z][a-z]+(?<!s)\b(?!{_SP}+(?:people|men|women|were|was|have|had|died)\b)")
# Not people: a TV station's call sign ("KHOU 11", "WOWK 13"), a parent's children ("mother of two"),
# the emergency line ("911 callers").
_CALL_SIGN_BEFORE = re.compile(r"\b[KW][A-Z]{2,3}(?:-TV)?[^\S\n]+$")
_HARM_AFTER = re.compile(rf"{_SP}+(?i:{_words(lx.ADJACENT_HARM)})\b")
_PARENT_OF_BEFORE = re.compile(rf"\b(?i:mother|father|mom|dad|parent|grandmother|grandfather){_SP}+of{_SP}+$")
_EMERGENCY_AFTER = re.compile(rf"{_SP}+(?i:calls?|callers?|dispatchers?|operators?|center)\b")
# A name with a byname in brackets, then the age without a comma: "Sameera Afana (Geelan) 66."
_NAME_PAREN_BEFORE = re.compile(rf"[A-Z][\w'’.-]*{_SP}*\([A-Z][^()]{{0,30}}\){_SP}+$")
# People named by a plural noun, then their ages in a list: "Two men, 25 and 30,", "his sons, 10 and 12".
_GROUP_AGE_BEFORE = re.compile(rf"\b(?i:{_words(lx.AGED_GROUPS)}),{_SP}*$")
_AGE_LIST_AFTER = re.compile(rf"{_SP}*(?:,{_SP}*|{_SP}*and{_SP}+){_D}{{1,2}}\b")
_PAREN_OPEN = re.compile(rf"\({_SP}*$")
_PAREN_CLOSE = re.compile(rf"{_SP}*\)")
_LIST_CONT = re.compile(rf"{_SP}*(?:,|,?{_SP}*(?:and|or|&)){_SP}*", re.I)
_ONE_AFTER = re.compile(rf"{_SP}+(?:of|another|by{_SP}+one)\b", re.I)
# What befell part of the group counted before a comma, right after the part's count: "one fatally",
# "one of them critically", "one of whom has since died".
_PART_OUTCOME = re.compile(
    rf"{_SP}+(?P<of>of{_SP}+(?:them|whom){_SP}+)?(?:(?:was|is|has|had|later|since|also){_SP}+){{0,2}}"
    rf"(?P<outcome>{_words([*lx.PART_ADVERBS, *lx.PART_VERBS])})\b(?P<harm>{_SP}+{_words(lx.ADJACENT_HARM)}\b)?",
    re.I)
_AFTER_COMMA = re.compile(rf",{_SP}*$")
# "both" counts two people ("Both were pronounced dead") but not: two groups or places ("both civilians
# and soldiers", "both inside and outside Syria"), things ("both sides", "both legs"), "in both cars",
# or nothing ("displaced both").
_BOTH_NOT_PEOPLE = re.compile(
    rf"(?:{_SP}+[\w'’-]+){{0,3}}?{_SP}+and\b|{_SP}*(?:[^\w\s]|$)"
    rf"|{_SP}+(?i:{_words(lx.BOTH_THINGS)})\b"
)
_BOTH_AFTER_PREPOSITION = re.compile(rf"\b(?i:{_words(lx.BOTH_PREPOSITIONS)}){_SP}+$")
_ONE_BEFORE = re.compile(rf"\b(?i:no|each|every|any|this|that|the only|the other|another){_SP}+$")
_SCORES_START = re.compile(r"(?:^|[.!?]['\"’”]?\s+|[\"“‘(]\s*)$")
_OF = re.compile(rf"{_SP}+of\b", re.I)
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_ARABIC_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}


# ---- reading one number ---------------------------------------------------------------------


# No count of people has 16 digits: a longer number is an identifier or noise, never a claim
# (and beyond 2**53 a JSON reader would round it).
MAX_COUNT = 10**15


def _read_digits(m: re.Match[str]) -> _Num | None:
    """Digits, perhaps with a scale word; None when the value is not a whole number."""
    raw = m.group("d")
    scale_word = m.group("scale")
    number = Decimal(_SEPARATORS.sub("", raw).translate(_ARABIC_DIGITS))
    scale = 1
    if scale_word:
        scale = 100 if scale_word.lower() == "hundred" else _SCALES[scale_word.lower()]
        number *= scale
        head_start, end = m.start("scale"), m.end("scale")
    elif "." in raw:
        return None  # "3.5": a measure, not a head count
    else:
        # spaCy splits "1 200" into two tokens: the head is the last group
        head_start, end = m.start("d") + max(raw.rfind(c) for c in " \u00a0\u202f") + 1, m.end("d")
    if number != number.to_integral_value() or number >= MAX_COUNT:
        return None
    return _Num(m.start(), end, int(number), head_start, end, "digits", raw, scale)


def _read_fraction(m: re.Match[str]) -> _Num | None:
    """ "half a million", "a quarter of a million", "three quarters of a million", "a half-dozen";
    None when the fraction of the scale is not whole."""
    numerator = lx.FRACTION_NUMERATORS[m.group("fn").lower()] if m.group("fn") else 1
    denominator = lx.FRACTIONS[m.group("fd").lower()]
    word = m.group("fs").lower()
    whole = 12 if word == "dozen" else _SCALES[word]
    if numerator >= denominator or whole * numerator % denominator:
        return None
    start, end = m.span("f")
    return _Num(start, end, whole * numerator // denominator, m.start("fs"), end, "words", "",
                1 if word == "dozen" else whole)


def _read_words(text: str, m: re.Match[str]) -> _Num:
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
    return _Num(start, head_end, total + group, head_start, head_end, "words", "", scale)


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


def _read_vague(text: str, m: re.Match[str], floor: int) -> _Num | None:
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
    return _Num(m.start(), end, _VAGUE[key], end - len(head), end, "vague", "", 1)


def _read_core(text: str, m: re.Match[str], floor: int) -> _Num | None:
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
            return _Num(num.start, half.end(), value, num.head_start, num.head_end, num.kind, "", scale)
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


# ---- context: is this number a count at all? -------------------------------------------------


def _is_year(text: str, num: _Num, floor: int) -> bool:
    """A bare 4-digit 1900-2099 is a year unless a plural-ish word follows it ("2000 civilians")."""
    if num.kind != "digits" or num.scale != 1 or len(num.raw) != 4 or not 1900 <= num.value <= 2099:
        return False
    if _MONTH_BEFORE_YEAR.search(text, max(floor, num.start - 30), num.start) or _MONTH_AFTER.match(
        text, num.end
    ):
        return True
    if _STRONG_YEAR_BEFORE.search(text, max(floor, num.start - 12), num.start):
        return True
    return not _plural_after(text, num.end)


def _plural_after(text: str, end: int) -> bool:
    """Whether a word that could be a counted plural noun follows: "2000 civilians", "911 callers"."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt.group(1)
    return word in _PLURALISH or (word.islower() and word.endswith("s") and not word.endswith("ss"))


def _is_age(text: str, start: int, end: int, num: _Num, floor: int) -> bool:
    """ "aged 41", "under the age of 15", "ages 5 to 12", and "Jaden Rahm, 16, was killed"."""
    lo = max(floor, start - 30)
    if _BEFORE_AGE.search(text, lo, start):
        return True
    if num.kind != "digits" or num.value > 120 or start != num.start:
        return False
    return (
        (_NAME_AGE_BEFORE.search(text, lo, start) is not None or _NAME_PAREN_BEFORE.search(text, lo, start) is not None)
        and _NAME_AGE_AFTER.match(text, end) is not None
    ) or (_GROUP_AGE_BEFORE.search(text, lo, start) is not None and _AGE_LIST_AFTER.match(text, end) is not None) or (
        (name := _FULL_NAME_BEFORE.search(text, lo, start)) is not None and _BARE_AGE_AFTER.match(text, end) is not None
        and name.group("last").lower() not in _HEADLINE_WORDS
        and _MONTH_BEFORE_DAY.search(text, lo, start) is None)  # not "On October 16, 2023"


def _not_a_count(text: str, start: int, end: int, num: _Num, floor: int, years: bool) -> bool:
    """Context that makes a number phrase something other than a count of people."""
    lo = max(floor, start - 20)
    if _BEFORE_GLUED.search(text, lo, start) or _BEFORE_SPACED.search(text, lo, start):
        return True
    if _REF_BEFORE.search(text, lo, start) and _REF_AFTER.match(text, end):
        return True  # "reported.[2]"
    if _BEFORE_REFERENCE.search(text, lo, start) or _SCALE_BEFORE.search(text, lo, start) \
            or _PARENT_OF_BEFORE.search(text, lo, start):
        return True
    if num.kind == "digits" and _CALL_SIGN_BEFORE.search(text, lo, start) and not _plural_after(text, end) \
            and not _HARM_AFTER.match(text, end):
        return True  # "KHOU 11", not "WACO 9 dead"
    if num.kind == "digits" and _GALLERY_BEFORE.search(text, lo, start):
        return True  # "Image 6 of 12", "Image 1 of / 44"
    if _AFTER.match(text, end) or _AFTER_STREET.match(text, end):
        return True
    if num.kind == "digits":
        if len(num.raw) > 1 and num.raw[0] in "0\u0660\u06f0" and not (
                len(num.raw) == 2 and _plural_after(text, end)):
            return True  # "0800 GMT", IDs; but "retrieved 05 dead bodies"
        if num.value <= 31 and (
            (_MONTH_BEFORE_DAY.search(text, lo, num.start) and not _DAY_MONTH_BEFORE.search(text, lo, num.start))
            or _MONTH_AFTER.match(text, end)
        ):
            return True
        if _PAREN_OPEN.search(text, lo, start) and _PAREN_CLOSE.match(text, end):
            return True  # "(45)" after a name, "(76765)"
        if years and _is_year(text, num, floor):
            return True
        if len(num.raw) == 5 and _ZIP_BEFORE.search(text, lo, start):
            return True  # "WI 53150"
        if len(num.raw) == 4 and num.raw.isdigit() and int(num.raw[:2]) < 24 and int(num.raw[2:]) < 60 \
                and _YEAR_AT_BEFORE.search(text, lo, start):
            return True  # "2014 at 1459": a time
        if 3 <= len(num.raw) <= 5 and num.raw.isdigit() and _ADDRESS_BEFORE.search(text, lo, start) \
                and _STREET_NAME_AFTER.match(text, end):
            return True  # "at 4268 Boyce"
        if num.raw == "911" and _EMERGENCY_AFTER.match(text, end):
            return True  # "911 callers reported hearing eight gunshots"
        if years and num.raw == "911" and not _plural_after(text, end):
            return True  # the emergency number (like a year, only where the text around says so)
    if num.kind == "words" and text[num.start : num.end].lower() == "both":
        return bool(_BOTH_NOT_PEOPLE.match(text, end) or _BOTH_AFTER_PREPOSITION.search(text, lo, start))
    if num.kind == "words" and text[num.start : num.end].lower() == "one":
        selects = _ONE_AFTER.match(text, end) is not None and part_outcome(text, start, end) is None
        return selects or _ONE_BEFORE.search(text, lo, start) is not None
    return False


def part_outcome(text: str, start: int, end: int) -> str | None:
    """The claim type of a count that tells what befell part of the group counted before it, after a
    comma: "Four teenagers were shot, one fatally" (killed), "five wounded, one of them critically"
    (injured). Such a "one of them" counts (claim-spec §1: a breakdown), unlike "one of the victims"."""
    m = _part_outcome(text, start, end)
    if m is None:
        return None
    outcome = m.group("outcome").lower()
    return lx.PART_ADVERBS.get(outcome) or lx.PART_VERBS[outcome]


def names_part(text: str, start: int, end: int) -> bool:
    """Whether such a count is a part of the group before it: "one fatally", "one of them critically
    injured"; not a group of its own with its own harm word ("1 dead, 1 critically injured")."""
    m = _part_outcome(text, start, end)
    return m is not None and (m.group("of") is not None or m.group("harm") is None)


def _part_outcome(text: str, start: int, end: int) -> re.Match[str] | None:
    m = _PART_OUTCOME.match(text, end)
    if m is None or _AFTER_COMMA.search(text, max(0, start - 5), start) is None:
        return None
    return m if m.group("of") is not None or m.group("outcome").lower() in lx.PART_ADVERBS else None


def _is_id(text: str, left: _Num, right: _Num) -> bool:
    """ "252-972-1411", "555-1234": digit strings glued by dashes are phone numbers or IDs."""
    if _DASH_CHAIN.match(text, right.end):
        return True
    return len(left.raw) == 3 and len(right.raw) == 4 and not (left.raw[-1] == "0" and right.raw[-2:] == "00")


# ---- the scanner ------------------------------------------------------------------------------


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


_REVISION_VERB = rf"\b(?i:{lx.alternation(lx.REVISION_VERBS)})(?:{_SP}+(?i:up|down|upwards?|downwards?|sharply|again))?"
_FROM_BEFORE = re.compile(rf"{_REVISION_VERB}{_SP}+(?i:from){_SP}*$")
_TO_BEFORE = re.compile(rf"{_REVISION_VERB}{_SP}+(?i:to){_SP}*$")
_BETWEEN_TO = re.compile(rf"{_SP}+(?i:to){_SP}+")
_BETWEEN_FROM = re.compile(rf"{_SP}+(?i:from){_SP}+")
# "the deaths of two others,[56] which was raised to four": a relative clause that revises.
_BETWEEN_WHICH = re.compile(
    rf"[^.;!?]{{0,60}}?,?(?:\[[^\[\]\n]{{1,25}}\])*,?{_SP}*(?i:which|that){_SP}+(?i:was|were|has{_SP}+been|had{_SP}+been|is|"
    rf"was{_SP}+later|later){_SP}+{_REVISION_VERB}{_SP}+(?i:to){_SP}+"
)
_BETWEEN_UP_FROM = re.compile(rf",?{_SP}*\(?{_SP}*(?i:up|down){_SP}+(?i:from){_SP}+")


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


def _range_end(text: str, num: _Num, prefix: str | None, floor: int) -> tuple[_Num | None, bool, int] | None:
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
    if second is None or _AFTER.match(text, nxt.end()):
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
            if glued and num.kind == second.kind == "digits" and _is_id(text, num, second):
                floor = pos = _skip_dash_chain(text, second.end)
                continue
            if low < second.value:
                end, high, head, qualifier = (
                    second.end,
                    second.value,
                    (second.head_start, second.head_end),
                    "range",
                )
                if years and _is_year(text, num, floor) and _is_year(text, second, floor):
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
            start - age_end < 40 and _NAME_AGE_BEFORE.search(text, max(age_end, start - 30), start) is not None
            and num.kind == "digits" and num.value <= 120))  # "Jocelin, 25 and Tobiasz Cudnik, 32 were"
        if in_age_list or _is_age(text, start, end, num, max(0, start - 30)):
            age_end = end
            continue
        if _not_a_count(text, start, end, num, max(0, start - 30), years):
            continue
        if qualifier == "range":
            bounds: tuple[int | None, int | None] = (low, high)
        else:
            bounds = _bounds(qualifier, low)
        counts.append(Count(start, end, low, bounds[0], bounds[1], qualifier, head[0], head[1]))
    return counts


# A floor and a ceiling given together: "at least 15 and up to 25 civilians" is the range 15-25.
_CEILING_AFTER = re.compile(rf"{_SP}*(?:,{_SP}*)?(?:and|but|or){_SP}+(?:possibly{_SP}+)?(?i:up{_SP}+to|as{_SP}+many"
                            rf"{_SP}+as|at{_SP}+most){_SP}+")


def _ceiling(text: str, num: _Num, floor: int) -> _Num | None:
    """The number after "and up to", "and as many as", "and at most" that closes an "at least" figure."""
    after = _CEILING_AFTER.match(text, num.end)
    nxt = _CORE.match(text, after.end()) if after is not None else None
    if nxt is None or nxt.group("v") is not None:
        return None
    second = _read_core(text, nxt, floor)
    return None if second is None or _AFTER.match(text, second.end) else second


def _skip_dash_chain(text: str, pos: int) -> int:
    while (m := _DASH_CHAIN.match(text, pos)) is not None:
        pos = m.end()
    return pos


_SPACES = f"{_SP}+"
_ZERO_NOUN = re.compile(rf"(?i:{lx.alternation(lx.ZERO_NOUNS, space=_SPACES)})\b")
_ZERO_PRONOUN = lx.alternation(lx.ZERO_PRONOUNS, space=_SPACES)
_ZERO_BETWEEN = lx.alternation(lx.ZERO_BETWEEN, space=_SPACES)
_ZERO = re.compile(
    rf"\b(?P<pron>(?i:{_ZERO_PRONOUN}))\b(?!{_SP}+(?i:of|else|other|but|the{_SP}+less)\b)"
    rf"|\b(?P<no>(?i:no))(?={_SP}+(?:(?i:{_ZERO_BETWEEN}){_SP}+)*(?P<noun>{_ZERO_NOUN.pattern}))"
)
_ZERO_AND = re.compile(rf"{_SP}+(?i:or|and|nor){_SP}+(?P<noun>{_ZERO_NOUN.pattern})")
_EVENT = lx.alternation(lx.MULTIPLIED_EVENTS, space=_SPACES)
_MULTIPLIER = lx.alternation(lx.MULTIPLIERS)
_MULTIPLIED = re.compile(rf"\b(?P<m>(?i:{_MULTIPLIER}))(?:[-‐]|{_SP}+)(?P<event>(?i:{_EVENT}))\b(?!s)")
_COUPLE = re.compile(rf"\b(?i:a){_SP}+(?P<c>(?i:couple)){_SP}+(?i:of)(?:{_SP}+(?P<dozen>(?i:dozen)))?\b")


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
