"""Is a number phrase a count of people at all?

Years, ages, dates, addresses, phone numbers, ids, reference marks and gallery captions are
numbers but no counts; a part ("Four teenagers were shot, one fatally") tells what befell some of
the group before it. The number reader (`numbers`) asks these questions of each number it finds.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon as lx


@dataclass(frozen=True, slots=True)
class Num:
    """A bare number before hedges and ranges are considered."""

    start: int
    end: int
    value: int
    head_start: int
    head_end: int
    kind: str  # "digits", "words" or "vague"
    raw: str  # the digits as written, for year and leading-zero checks ("" for words)
    scale: int  # the multiplier of a trailing scale word ("million" -> 1_000_000), else 1


# A digit (Western, Arabic-Indic, Eastern Arabic-Indic) and a space (or a zero-width mark we step over).
D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
SP = "[\\s\u200b-\u200f\u2066-\u2069\ufeff]"  # whitespace, or zero-width marks we step over


def words(words: Iterable[str]) -> str:
    return lx.alternation(words, space=f"{SP}+")


_MONTHS = words(lx.MONTHS + lx.MONTH_ABBREVIATIONS)


_UNITS = words(lx.UNITS) + f"|[ap]\\.?{SP}?m\\b\\.?"


_DESIGNATORS = words(lx.DESIGNATORS)


_STREETS = words(lx.STREETS)


_STRONG_YEAR_WORDS = words(lx.YEAR_WORDS)


_PLURALISH = lx.PLURAL_FOLLOWERS


DASH_CHAIN = re.compile(rf"[-‐]{D}+")


_BEFORE_GLUED = re.compile(rf"(?:[^\W_][-‐]|{D}[:/.,]|[$£€¥₪#])$")


_BEFORE_SPACED = re.compile(
    rf"(?:[$£€¥₪]|\b(?:US\$|USD|EUR|GBP)|\b(?i:per)|(?<![\w.])(?:{_DESIGNATORS})){SP}*$"
)


# Wikipedia reference and footnote marks: "[12]", "[note 3]", "[a]".
_REF_BEFORE = re.compile(rf"\[(?:(?i:note|nb|n|ref|fn|lower-alpha){SP}*)?$")


_REF_AFTER = re.compile(r"\]")


# Page, figure, table and telephone numbers: "p. 12", "pp. 3-5", "Fig. 2", "call 555".
_BEFORE_REFERENCE = re.compile(
    rf"\b(?i:pages?|pp?\.|fig(?:ure)?s?\.?|tables?|tel\.?|phone|call|ext\.?|ISBN|doi){SP}*:?{SP}*$"
)


# A picture's place in a gallery, "Image 6 of 12" (digits only: "Buy Photo Two adults were wounded" counts).
_GALLERY_BEFORE = re.compile(rf"\b(?i:images?|photos?|pictures?|slides?)(?:{SP}+{D}+{SP}+of)?{SP}*(?:/{SP}*)?$")


# A step on a scale raised or set: "increased the Heatwave Alert Level to 4", "raised to a stage of 3".
_SCALE_BEFORE = re.compile(rf"\b(?i:level|category|phase|stage|grade){SP}+(?i:to|of|at){SP}*$")


_BEFORE_AGE = re.compile(rf"\b(?i:aged?|ages)(?:{SP}+(?i:of|between|from|about|around))?{SP}*$")


AFTER = re.compile(
    rf"(?:[^\W\d_]|{SP}*%|[-‐][^\W\d_]|[-‐]{SP}+(?:and|or|to){SP}|[:/.,]{D}|{SP}+{D}+/{D}|['’]s\b|{SP}+and{SP}+an?{SP}+half\b"
    rf"|{SP}+(?:of{SP}+)?(?i:{_UNITS})(?![\w-]))"
)


_AFTER_STREET = re.compile(rf"{SP}+(?:[A-Z][\w'’.-]*{SP}+){{1,3}}(?:{_STREETS})\b")


_MONTH = rf"\b(?:{_MONTHS}|{_MONTHS.upper()})"


_MONTH_BEFORE_DAY = re.compile(rf"{_MONTH}\.?{SP}+(?:the{SP}+)?$")


# "On 7 March 5 people died": a month with its day before it takes no second day after it.
_DAY_MONTH_BEFORE = re.compile(rf"(?<![\d,.]){D}{{1,2}}{SP}+{_MONTH}{SP}+$")


_MONTH_BEFORE_YEAR = re.compile(
    rf"{_MONTH}\.?,?{SP}+(?:(?:the{SP}+)?{D}{{1,2}}(?:st|nd|rd|th)?,?{SP}+)?$"
)


_MONTH_AFTER = re.compile(rf"{SP}*(?:of{SP}+)?{_MONTH}")


_STRONG_YEAR_BEFORE = re.compile(rf"\b(?i:{_STRONG_YEAR_WORDS}){SP}+$")


_ZIP_BEFORE = re.compile(rf"\b[A-Z]{{2}}{SP}+$")


# A wire dateline's time after its date: "Wed 01 Oct 2014 at 1459 Regional NNA - ...".
_YEAR_AT_BEFORE = re.compile(rf"\b(?:19|20){D}{{2}},?{SP}+at{SP}+$")


_NEXT_WORD = re.compile(rf"{SP}+([^\W\d_]+)")


# "Jaden Rahm, 16,", "(...), 16,", and one person named by a noun: "a girl, 9,", "his wife, 34,".
NAME_AGE_BEFORE = re.compile(
    rf"(?:[A-Z][\w'’.-]*|\)|\b(?i:{words(lx.SINGLE_PERSON_NOUNS)}))\s*,{SP}*$"
)


_NAME_AGE_AFTER = re.compile(
    rf"{SP}*(?:,|;|\.(?:\s|$)|[—–]|--|{SP}-{SP}|{SP}*years?{SP}+old\b|{SP}*(?:\r?\n|$)"
    rf"|{SP}+and{SP}+[A-Z])"
)


# A full name, then the age without its comma: "Robert Atkins 21, was found", "Steven Roberts 40 of Prairie".
_FULL_NAME_BEFORE = re.compile(
    rf"\b[A-Z][a-z'’-]+{SP}+(?P<last>[A-Z][\w'’-]+)(?:{SP}+(?:Jr|Sr)\.?|{SP}+I{{2,3}})?{SP}+$")


# Title-case headline words before a count, which no surname is: "Teen Gunman Kills 3, Allegedly ...".
_HEADLINE_WORDS = frozenset({*lx.harm_word_forms(), *lx.HEADLINE_VERBS, *lx.BEFORE_DEAD, "leaves", "claims"})


_BARE_AGE_AFTER = re.compile(rf"(?:,|{SP}*[—–]|{SP}+of{SP}+[A-Z]|{SP}+and{SP}+[A-Z])")


# A street number: "at 4268 Boyce", "On 11700 Robertson," (no thousands comma; "1,200 Taliban" counts).
_ADDRESS_BEFORE = re.compile(rf"\b(?i:at|on|of|the|near|in){SP}+$")


_STREET_NAME_AFTER = re.compile(rf"{SP}+[A-Z][a-z]+(?<!s)\b(?!{SP}+(?:people|men|women|were|was|have|had|died)\b)")


# Not people: a TV station's call sign ("KHOU 11", "WOWK 13"), a parent's children ("mother of two"),
# the emergency line ("911 callers").
_CALL_SIGN_BEFORE = re.compile(r"\b[KW][A-Z]{2,3}(?:-TV)?[^\S\n]+$")


_HARM_AFTER = re.compile(rf"{SP}+(?i:{words(lx.ADJACENT_HARM)})\b")


_PARENT_OF_BEFORE = re.compile(rf"\b(?i:mother|father|mom|dad|parent|grandmother|grandfather){SP}+of{SP}+$")


_EMERGENCY_AFTER = re.compile(rf"{SP}+(?i:calls?|callers?|dispatchers?|operators?|center)\b")


# A name with a byname in brackets, then the age without a comma: "Sameera Afana (Geelan) 66."
_NAME_PAREN_BEFORE = re.compile(rf"[A-Z][\w'’.-]*{SP}*\([A-Z][^()]{{0,30}}\){SP}+$")


# People named by a plural noun, then their ages in a list: "Two men, 25 and 30,", "his sons, 10 and 12".
_GROUP_AGE_BEFORE = re.compile(rf"\b(?i:{words(lx.AGED_GROUPS)}),{SP}*$")


_AGE_LIST_AFTER = re.compile(rf"{SP}*(?:,{SP}*|{SP}*and{SP}+){D}{{1,2}}\b")


_PAREN_OPEN = re.compile(rf"\({SP}*$")


_PAREN_CLOSE = re.compile(rf"{SP}*\)")


_ONE_AFTER = re.compile(rf"{SP}+(?:of|another|by{SP}+one)\b", re.I)


# What befell part of the group counted before a comma, right after the part's count: "one fatally",
# "one of them critically", "one of whom has since died".
_PART_OUTCOME = re.compile(
    rf"{SP}+(?P<of>of{SP}+(?:them|whom){SP}+)?(?:(?:was|is|has|had|later|since|also){SP}+){{0,2}}"
    rf"(?P<outcome>{words([*lx.PART_ADVERBS, *lx.PART_VERBS])})\b(?P<harm>{SP}+{words(lx.ADJACENT_HARM)}\b)?",
    re.I)


_AFTER_COMMA = re.compile(rf",{SP}*$")


# "both" counts two people ("Both were pronounced dead") but not: two groups or places ("both civilians
# and soldiers", "both inside and outside Syria"), things ("both sides", "both legs"), "in both cars",
# or nothing ("displaced both").
_BOTH_NOT_PEOPLE = re.compile(
    rf"(?:{SP}+[\w'’-]+){{0,3}}?{SP}+and\b|{SP}*(?:[^\w\s]|$)"
    rf"|{SP}+(?i:{words(lx.BOTH_THINGS)})\b"
)


_BOTH_AFTER_PREPOSITION = re.compile(rf"\b(?i:{words(lx.BOTH_PREPOSITIONS)}){SP}+$")


_ONE_BEFORE = re.compile(rf"\b(?i:no|each|every|any|this|that|the only|the other|the|another){SP}+$")


def is_year(text: str, num: Num, floor: int) -> bool:
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


def is_age(text: str, start: int, end: int, num: Num, floor: int) -> bool:
    """ "aged 41", "under the age of 15", "ages 5 to 12", and "Jaden Rahm, 16, was killed"."""
    lo = max(floor, start - 30)
    if _BEFORE_AGE.search(text, lo, start):
        return True
    if num.kind != "digits" or num.value > 120 or start != num.start:
        return False
    return (
        (NAME_AGE_BEFORE.search(text, lo, start) is not None or _NAME_PAREN_BEFORE.search(text, lo, start) is not None)
        and _NAME_AGE_AFTER.match(text, end) is not None
    ) or (_GROUP_AGE_BEFORE.search(text, lo, start) is not None and _AGE_LIST_AFTER.match(text, end) is not None) or (
        (name := _FULL_NAME_BEFORE.search(text, lo, start)) is not None and _BARE_AGE_AFTER.match(text, end) is not None
        and name.group("last").lower() not in _HEADLINE_WORDS
        and _MONTH_BEFORE_DAY.search(text, lo, start) is None)  # not "On October 16, 2023"


def not_a_count(text: str, start: int, end: int, num: Num, floor: int, years: bool) -> bool:
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
    if AFTER.match(text, end) or _AFTER_STREET.match(text, end):
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
        if years and is_year(text, num, floor):
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


def is_id(text: str, left: Num, right: Num) -> bool:
    """ "252-972-1411", "555-1234": digit strings glued by dashes are phone numbers or IDs."""
    if DASH_CHAIN.match(text, right.end):
        return True
    return len(left.raw) == 3 and len(right.raw) == 4 and not (left.raw[-1] == "0" and right.raw[-2:] == "00")
