"""Sentence starts the parser cannot see: line breaks and datelines.

A headline ends at its line break, but the parser often runs it into the
first sentence. Archived news also glues "headline AFP Sunday 18 Sep 2016 Body
text..." with no punctuation, so the body's "the army said" gets bound to the
headline's figure. This component, placed before the parser, starts a sentence
after each line break and at and after each dateline; spaCy's parser keeps
sentence starts that are already set. It also makes a sentence the same
whether its article is parsed whole or in windows. Reference marks ("killed.[3]")
get tokens of their own and end a sentence like a full stop.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import lexicon as lx

# A month or weekday, whole or cut ("Sept.", "Tues").
MONTH = rf"(?:{'|'.join(m[:3] for m in lx.MONTHS)})[a-z]*\.?"
WEEKDAY = rf"(?:{'|'.join(d[:3] for d in lx.WEEKDAYS)})[a-z]*\.?,?"
DATELINE = re.compile(
    rf"\b(?:(?:Published|Updated|Last updated)(?: at| on)?:? )?(?:{WEEKDAY} )?"
    rf"(?:\d{{1,2}} {MONTH},? \d{{4}}|{MONTH} \d{{1,2}},? \d{{4}})"
    rf"(?: \d{{1,2}}[:.]\d{{2}}(?: ?[AaPp]\.?[Mm]\.?)?(?: GMT| UTC)?)?(?= [A-Z\"“])"
)


LINE_BREAK = re.compile(r"\n\s*")
# Wikipedia reference marks glued to a word ("killed.[3]", "people.[2][3]"): split off as one token
# each, or the tokenizer makes "killed.[3" a word and the harm is lost.
REFERENCE_MARK = r"\[[^\[\]\s]{1,25}\]"
# A sentence ends after its marks: "were killed.[3] Three teams were deployed".
AFTER_MARKS = re.compile(rf"[.!?](?:{REFERENCE_MARK})+\s+(?=[A-Z\"“])")


def dateline_starts(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of datelines followed by a capitalised word."""
    return [(m.start(), m.end()) for m in DATELINE.finditer(text)]


@Language.component("casualty_sentences")
def mark_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence after each line break and reference-marked full stop, and at each dateline
    and the word after it."""
    text = doc.text
    starts = [m.end() for m in LINE_BREAK.finditer(text)]
    starts += [m.end() for m in AFTER_MARKS.finditer(text)]
    for start, end in dateline_starts(text):
        starts += [start, end + 1]
    for offset in starts:
        if offset < len(text):
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
    return doc


def split_reference_marks(nlp: Language) -> None:
    """Make the tokenizer split a reference mark off the word it is glued to: "killed.[3]"."""
    old = nlp.tokenizer.suffix_search  # type: ignore[union-attr]
    if old is not None and old.__self__.pattern.startswith(REFERENCE_MARK):  # type: ignore[union-attr]
        return  # already split (a saved pipeline loaded back)
    pattern = re.compile(rf"{REFERENCE_MARK}$|{old.__self__.pattern}")  # type: ignore[union-attr]
    nlp.tokenizer.suffix_search = pattern.search  # type: ignore[union-attr]


# A dash or bullet before a sentence: the rest of a dateline ("GRAND RAPIDS, Mich. – Four people ..."), which the
# fast path's windows and the full path's sentences do not cut alike.
LEAD_DASH = re.compile(r"^[-–—•·]+\s+")


def evidence(sent: Span) -> str:
    """The sentence as evidence: trimmed, without a leading dash or bullet."""
    return LEAD_DASH.sub("", sent.text.strip())
