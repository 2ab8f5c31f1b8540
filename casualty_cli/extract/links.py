"""The words between two counts of one sentence that link their claims: a breakdown ("531 people, including
200 children"), a part and its whole ("Two medics were among at least 31"), coordination ("two men ... and three
men"), an ellipsis ("at least 112 in Washington") and an update ("then raised the number to 51"). Regexes only,
read by `extractor._adopt` and its helpers on the text around the counts.
"""
from __future__ import annotations

import re

from . import lexicon as lx

# What stands between a claim and the count that breaks it down, right before that count.
_HEDGES = lx.alternation(h for hedges in lx.HEDGES.values() for h in hedges)
BREAKDOWN = re.compile(
    rf"(?:\b(?:{lx.alternation(lx.BREAKDOWN_CUES)})\s*(?:{_HEDGES})?|:)\s*$",
    re.IGNORECASE,
)
# Between a part and its whole: "10 of 48 people", "Ten of the 48 people killed" (the part selects from the whole).
PART_OF_NEXT = re.compile(r"^\s+of\s+(?:the\s+|those\s+|these\s+)?$", re.IGNORECASE)
# A breakdown cue, then people named without a number, then the count: "including a journalist, two women".
LISTED_AFTER_CUE = re.compile(r"\b(?:including|among them|among whom)\s+(?:an?|one|the)\s+[^.;:()\d]{1,80}?,\s*$",
                              re.IGNORECASE)
# What stands between a part and the count after it that is its whole: the part's own few words, perhaps
# a verb "be", then "among": "Two medics were among at least 31", "6 children among 19 dead" (not
# "... kill 56 civilians in Syria Monitor AFP Children were among at least 56": other people's words).
WHOLE_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,4}?(?:(?:were|was|are|is|(?:have|has|had)\s+been)\s+(?:[a-z]+ly\s+|also\s+)?)?"
    rf"(?:{lx.alternation(lx.WHOLE_CUES)})\s+(?:(?:{_HEDGES})\s+)?$",
    re.IGNORECASE)
# A figure that names no harm but points back to the one before it, as its update (claim-spec §1, narrated
# revisions): "then raised the number to 51", "that figure has since risen to 15".
_FIGURE = r"(?:the|that|this|its|their)\s+(?:number|figure|tally|count|total)"
_REVISED = rf"(?:{lx.alternation(lx.REVISION_VERBS)})(?:\s+(?:up|down|upwards?|downwards?))?\s+(?:to|at)\s+"
REFERS_BACK = re.compile(
    rf"\b(?:{_FIGURE}\s+(?:(?:was|were|has|had|is)\s+)?(?:(?:since|later|then|subsequently|now)\s+)?(?:been\s+)?"
    rf"{_REVISED}|(?:{lx.alternation(lx.REVISION_VERBS)})\s+{_FIGURE}\s+(?:up\s+|down\s+)?(?:to|at)\s+)$",
    re.IGNORECASE)
# "two men from Hezballah and three men": counts joined by a conjunction.
COORDINATED = re.compile(r"(?:\band|\bor|\bas well as|,)(?:\[[^\[\]\n]{1,25}\])*(?:\s+(?:their|his|her|its|the))?\s*$",
                         re.IGNORECASE)
# A bare count that leaves its noun and harm to a claim before it: "at least 112 in Washington",
# "2,800 of whom were above 65", "including 83 possibly indirectly".
ELLIPTICAL_AFTER = re.compile(r"\s*(?:of\s+(?:whom|them|which)\b|(?:in|at)\s+(?:the\s+)?[A-Z])")
OF_WHOM_AFTER = re.compile(r"\s*of\s+(?:whom|them|which)\b", re.IGNORECASE)
# "2.22 million people were affected": a count with a passive verb of its own.
OWN_PASSIVE = re.compile(r"\s+(?:(?!who\b|which\b|that\b)[\w-]+\s+){0,2}?(?:were|was|are|is|have\s+been|has\s+been|"
                         r"had\s+been)\s+(?P<verb>[a-z]+ed)\b")
# A harm noun right after the claim before is that claim's own: "116 deaths ..., at least 112 in Washington".
OWN_HARM_NOUN = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:deaths|fatalities|casualties|victims|injuries|lives)\b",
                           re.IGNORECASE)
