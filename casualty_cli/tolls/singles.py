"""People described one by one, without a number: "a 25-year-old man was shot and killed" is one killed,
"a man and a woman were wounded" two injured.

A cheap regex reader over the article text (no model), run beside the extractor; its
findings go to `tolls.build_tolls` as `singles`, with their sentences as evidence. It reads
only indefinite mentions ("a man", "another woman"): "the man" is someone already counted.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..extract import lexicon as lx
from ..extract.segments import segments

_NOUN = r"(?:" + "|".join(sorted((re.escape(n) for n in lx.SINGLE_PERSON_NOUNS), key=len, reverse=True)) + r")"
_ADJ = (r"(?:(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)[- ]old|"
        + "|".join(sorted(lx.SINGLE_PERSON_ADJECTIVES, key=len, reverse=True)) + r")")
# "a 25-year-old man", "another woman", "a second victim"; "his son" only after "and".
_AGE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ](?:year|month|week|day)[- ]old"
# A named victim with an age: "36-year-old Omar Fares Abu Shawish", "Hatem Awad (48 years old)",
# "Safaa Musa (aged 28)", "Jermaine Sims, 25,". The age marks a person; a name alone may be a place.
_NAME_WORD = r"(?:[A-Z][\w'’-]*|\([^()]{1,40}\)|(?:al|el|bin|ibn)-?[\w'’-]*)"
_NAME = r"(?-i:[A-Z][\w'’-]*(?:\s+" + _NAME_WORD + r"){0,7})"
_AGE_AFTER = r"(?:\s*\((?:aged\s+)?\d{1,3}(?:\s+years?[- ]old)?\)|,\s*(?:aged\s+)?\d{1,3},)"
# A full name of two words or more right before its death: "Abdullah Ahmed Abu Saif was killed" (places and
# groups are not killed; a name alone elsewhere may be a place).
_DIES = r"(?=\s+(?:was|had been|has been)\s+(?:(?:reportedly|allegedly|also|later)\s+)?(?:killed|shot dead|murdered)\b)"
NAMED = (r"\b\d{1,3}[- ](?:year|month|week|day)s?[- ]old\s+(?-i:[a-z]+\s+){0,3}" + _NAME + _AGE_AFTER + "?"
         r"|" + _NAME + _AGE_AFTER
         + r"|(?<!old )(?-i:[A-Z][\w'’-]*(?:\s+" + _NAME_WORD + r"){1,7})" + _DIES)
# ("the fatal shooting of X", "the murder of X" are read from the parse: `extract.people`.)
PERSON = re.compile(
    r"(?:(?:\b(?:an?|one|another|the|his|her|their|a second|a third|a fourth|a fifth)\s+)"
    r"(?-i:[A-Z][\w.'-]*\s+){0,3}"
    r"|^\s*(?:(?!(?:and|or)\s)[A-Z][\w.'-]*:?\s+){0,3})(?:" + _ADJ + r",?\s+){0,3}(?:" + _NOUN + r")\b(?!-)"
    r"|(?:\b(?:an?|another|the)\s+|^\s*)" + _AGE + r"\b(?!-)"
    r"|(?P<named>" + NAMED + ")",
    re.IGNORECASE,
)
# "and his four sons": relatives counted by a small number after one person.
_SMALL = {w: n for w, n in lx.NUMBER_WORDS.items() if 2 <= n <= 10 and w != "both"}
_PLURAL = r"(?:" + "|".join(sorted({n + "s" for n in lx.SINGLE_PERSON_NOUNS if not n.endswith(("s", "y"))}
                                   | {"children", "grandchildren"}, key=len, reverse=True)) + r")"
# "and his son", "and her four children", after an aside that ends in a name ("X, a journalist for Name and ...").
_AND_PERSON = re.compile(
    r"(?:(?:,?\s+[\w-]+){0,4}?\s+(?-i:Name)\b)?\s*(?:,\s*)?(?:and|as well as)\s+"
    r"(?:(?:his|her|their)\s+(?:(?P<n>" + "|".join(_SMALL) + r"|\d)\s+"
    r"(?:" + _ADJ + r",?\s+){0,2}" + _PLURAL + r"|(?:" + _ADJ + r",?\s+){0,2}" + _NOUN
    + r")\b|(?=an?\s|another\s))",
    re.IGNORECASE,
)
# A bare noun right after one person, as headlines write them: "Man and woman shot", "Mother and daughter killed".
_AND_BARE = re.compile(r"\s+and\s+(?:" + _ADJ + r",?\s+){0,2}" + _NOUN + r"\b(?!\s+(?:of|who|whose)\b)",
                       re.IGNORECASE)
# Between one named person and the next: "45-year-old Name and 54-year-old Name".
AND_NAMED = re.compile(r"^\s*,?\s*(?:and|as well as)\s+$")
# Between one mention and the next that names the same person: "one man, 43-year-old Hisham Abu Khattab,".
APPOSITION = re.compile(r"^\s*(?:,|[–—-])\s*$")
APPOSITION_END = re.compile(r"^\s*(?:,(?!\s*(?:and|or)\b)|[–—-])", re.IGNORECASE)
_HARM = {kind: "|".join(re.escape(w) for w in words) for kind, words in lx.SINGLE_HARM.items()}
_ANY_HARM = "|".join(f"(?P<{kind}>{words})" for kind, words in _HARM.items())
# After the person(s): a short aside ("a man, 25,", "a man in his 20s"), then the harm, passive or intransitive.
AFTER = re.compile(
    r"^(?:,[^,.;]{1,40},|,)?(?:\s+(?:who|that)\s+(?:was|were|had been|is)\s+(?:shot|hit|struck|wounded|found)"
    r"(?:\s+(?!and\b)\w+){0,3}?(?=\s+(?:was|were|is|died|later|has)\b))?(?:\s+(?!who\b|that\b|which\b|and\b|but\b|police\b|he\b|she\b|they\b)"
    r"[\w'-]+){0,4}?,?\s+(?:(?:was|were|is|are|has been|have been|had been|got|being|later)\s+)*"
    r"(?:(?!fatally)\w+ly\s+)?(?:" + _ANY_HARM + r")\b",
    re.IGNORECASE,
)
# Before the person(s): "left a man dead", "killing a woman", "fatally shot a man".
BEFORE = re.compile(r"(?:\b(?:shot and killed|killed|killing|fatally shot|fatally wounded|wounded|wounding|"
                    r"injured|injuring|striking|hitting|left|leaving|fatally shooting|"
                    r"accidentally (?:shot|killed)))"
                    r"\s+$", re.IGNORECASE)
LEFT_STATE = re.compile(r"\s+(?P<killed>dead)|\s+(?P<injured>injured|wounded|hurt|in \w+ condition)", re.IGNORECASE)
# A headline or clause that ends with its person's death: "Boy shot while hunting west of Phoenix dies".
DIES_LAST = re.compile(r"\b(?:dies|died|has died|later died|is dead|was dead)\W*$", re.IGNORECASE)
# A bare active verb followed by its object: "a man shot his wife" makes the man the shooter.
# Harm words that take no object: "a man died the next day" is not "a man shot the next man".
# "shot to death" ends its phrase: "Teen Shot To Death In Pacoima" shot no one called In.
INTRANSITIVE = frozenset({"died", "dies", "dead", "life", "condition", "hurt", "hospitalized", "hospitalised",
                          "death"})
ACTIVE_OBJECT = re.compile(r"^(?:\s+(?:\w+ing|shot|killed|wounded|injured))?\s+"
                           r"(?:(?:his|her|their|a|an|the|two|three|four|several|at least|him)\b"
                           # a headline's capitals: "Teen Killed In Crash", "Man Shot Outside Bar" name no object
                           r"|(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|At|On|Near|"
                           r"Outside|Inside|After|During|While|Following|Over|Along|Behind|Across|Off|By|From|For"
                           r"|With|Into)\b)[A-Z][a-z]))",
                           re.IGNORECASE)
_VERB_TYPE = {
    "shot and killed": "killed", "killed": "killed",
    "killing": "killed", "fatally shot": "killed", "fatally wounded": "killed", "wounded": "injured",
    "wounding": "injured", "injured": "injured", "injuring": "injured", "striking": "casualties",
    "hitting": "casualties", "fatally shooting": "killed", "accidentally shot": "casualties",
    "accidentally killed": "killed",
}


def read_singles(text: str, article: str = "-") -> list[dict[str, Any]]:
    """Every sentence that describes harmed people one by one: article, type, count, sentence, start."""
    return list(_singles(text, article))


# A full name after a word ("a 66-year old man Haji Nayef Abdelmajid al-Hilah (Abu Ramez) was killed"):
# read as one word, so the harm and the relatives after it stay within reach. An age in brackets stays.
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn)-[\w'’-]+|\((?!\s*(?:aged\s+)?\d)[^()]{1,40}\))"
# A title that is a person noun starts no name: "killing the Imam Sheikh Salman al-Afandi" keeps its imam.
_TITLE = r"(?!(?:" + "|".join(sorted((n.capitalize() for n in lx.SINGLE_PERSON_NOUNS), key=len, reverse=True)) + r")\b)"
NAME_RUN = re.compile(r"(?P<before>(?<![\w'’-])(?-i:[a-z\d])[\w'’-]*,? )" + _TITLE + _NAME_TOKEN
                      + r"(?:\s+" + _NAME_TOKEN + r"){1,8}")


PROSE_VERB = re.compile(r"\b(?:was|were|had been|has been|have been)\b")


def _compact(sentence: str) -> str:
    """The sentence with each full name after a lowercase word read as "Name"; a headline in title case
    ("Juvenile Dies After Morgantown Man ...") is left as it is, but not prose full of names ("A 30-year-old
    pharmacist Ahmed Amer Muhammad Al-Jarjawi was killed": headlines drop their "was")."""
    words = sentence.split()
    if sum(w[:1].isupper() for w in words) * 2 > len(words) and not PROSE_VERB.search(sentence):
        return sentence
    return NAME_RUN.sub(lambda m: m.group("before") + "Name", sentence)


# How much of the words after a run must repeat for the run to be the same people told twice.
REPEAT_CHARS = 60


def _singles(text: str, article: str) -> Iterator[dict[str, Any]]:
    for first, last in segments(text, glued=True):
        sentence = text[first:last]
        if not PERSON.search(sentence):
            continue
        counts: dict[str, int] = {}
        seen: set[str] = set()
        compact = _compact(sentence)
        for kind, n, start, end in _runs(compact):
            said = (compact[start:end].strip() + compact[end:end + REPEAT_CHARS]).lower()
            if said not in seen:  # text pasted twice without a full stop tells of the same people once
                seen.add(said)
                counts[kind] = counts.get(kind, 0) + n
        for kind, n in counts.items():
            yield {"article": article, "type": kind, "count": n, "sentence": sentence.strip(),
                   "start": first + len(sentence) - len(sentence.lstrip())}


def _runs(sentence: str) -> Iterator[tuple[str, int, int, int]]:
    """(type, people, start, end) for each run of indefinite people joined by 'and' that a harm word binds."""
    mentions = list(PERSON.finditer(sentence))
    i = 0
    while i < len(mentions):
        first = mentions[i]
        end, n = first.end(), 1
        while True:
            if i + 1 < len(mentions) and APPOSITION.match(sentence[end:mentions[i + 1].start()]):
                i += 1  # "one civilian, a woman, was killed" names one person; "a man, a woman and a child" three
                named = mentions[i - 1].group("named") or mentions[i].group("named")
                n += 0 if n == 1 and (named or APPOSITION_END.match(sentence[mentions[i].end():])) else 1
                end = mentions[i].end()
                continue
            if i + 1 < len(mentions) and mentions[i + 1].group("named") \
                    and AND_NAMED.match(sentence[end:mentions[i + 1].start()]):
                i += 1  # "45-year-old Name and 54-year-old Name were killed" are two
                end, n = mentions[i].end(), n + 1
                continue
            joined = _AND_PERSON.match(sentence, end) or _AND_BARE.match(sentence, end)
            if not joined:
                break
            if i + 1 < len(mentions) and mentions[i + 1].start() == joined.end():
                i += 1
                end, n = mentions[i].end(), n + 1
            elif joined.end() > end and not sentence[joined.end():joined.end() + 3].lower().startswith(("a ", "an")):
                number = (joined.groupdict().get("n") or "").lower()
                end, n = joined.end(), n + (_SMALL.get(number) or int(number or 1))
            else:
                break
        kind = _kind(sentence, first.start(), end)
        if kind:
            yield kind, n, first.start(), end
        i += 1
        while i < len(mentions) and mentions[i].start() < end:  # "his son", already in the run
            i += 1


def _kind(sentence: str, start: int, end: int) -> str | None:
    """The harm that binds the people at sentence[start:end], from the words before or after them."""
    before = BEFORE.search(sentence[max(0, start - 40):start])
    if before:
        verb = before.group(0).strip().lower()
        if verb in _VERB_TYPE:
            return _VERB_TYPE[verb]
        state = LEFT_STATE.match(sentence, end)
        return next((k for k, v in state.groupdict().items() if v), None) if state else None
    after = AFTER.match(sentence[end:end + 90])
    if not after:
        return None
    kind = next(k for k, v in after.groupdict().items() if v)
    if after.group(0).split()[-1].lower() not in INTRANSITIVE:
        rest = sentence[end + after.end():]
        if ACTIVE_OBJECT.match(rest) and not re.search(r"\b(?:was|were|is|are|been|being)\b", after.group(0)):
            return None  # "a man fatally shot his wife": the man is the shooter
    if kind != "killed" and DIES_LAST.search(sentence, end + after.end()):
        return "killed"  # "Boy shot while hunting west of Phoenix dies": the headline ends with the outcome
    return kind
