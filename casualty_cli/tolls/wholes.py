"""The figures of one article and type a toll can rest on (split from `rules`, issue 26).

Groups counted side by side are summed ("four men and two women" is 6), people named beside a figure are
added ("killed alongside her four children" is 5, "killing 2, then himself" is 3), and a figure that gives
way to a fuller one is demoted (one hospital, a group within a stated whole, "hundreds" beside a number).
Pure arithmetic over claim dicts: `rules` picks `best` from these and `relations` relates them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from ..extract import lexicon as lx
from .figures import (
    CIVILIAN_GROUPS,
    Claim,
    counted,
    disagree,
    limited,
    located,
    partial,
    prominence,
)
from .figures import (
    group as victim_group,
)

# How much larger than the lead's open figure a later agreeing figure may be and still replace it.
RAISE_LIMIT = 1.5


# "More than 50" is a round floor: a figure just above it that agrees ("at least 51") is the count it rounds.
# Not "at least": "at least nine identified civilians" stands beside another source's "at least 10 people".
OPEN: frozenset[str] = frozenset({"more_than"})


# Between two figures that count groups side by side: "four men and two women", "1 direct, 1 indirect",
# "three White Helmets workers and six children".
SIDE_BY_SIDE = re.compile(r"^\s+(?:[\w'-]+\s+|(?:[A-Z][\w'-]*\s+){2})?[\w'-]+\s*(?:,\s*and|and|,)\s+$")


# A headline lists groups without commas: "Syria air strikes kill 10 children 5 women in Aleppo".
HEADLINE_GROUPS = re.compile(r"^\s+[\w'-]+\s+$")


# After the second count, words that make it a part of the first: "10 children 5 of them girls".
OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")


# Between a group and "others" counted with it: "nine children and 14 others" (not "2 men killed, 2 others").
AND_OTHERS = re.compile(r"^\s+[\w'-]+\s+and\s+$")


# Between two counts of one harm done twice: "crucifying two people and executing 23 others" (the types
# must agree: "killing two people and wounding 23 others" is no sum).
OTHERS_TOO = re.compile(r"^\s+[\w'-]+\s+and\s+[a-z]+ing\s+$")


# Words before groups that make them a breakdown of some whole, stated or not.
BREAKDOWN = re.compile(r"\b(?:including|includes|among them|among whom|of whom|of them|mostly|mainly)\b",
                       re.IGNORECASE)


# Victim words that name no group: "three people died and one person was arrested" is no pair of groups.
ANYONE: frozenset[str] = frozenset("people person persons others other victims individuals".split())


# Victim words for all non-combatants: with one of `CIVILIAN_GROUPS` beside them they are not summed, while
# "50 militants and eight civilians" are 58.
CIVILIANS: frozenset[str] = frozenset("civilians civilian citizens residents".split())


def _headline(sentence: str) -> bool:
    """A line without the full stop of prose: a headline or a caption."""
    return not sentence.rstrip().endswith((".", "!", "?", '."', ".'", '?"'))


def _side_by_side(a: Claim, b: Claim) -> bool:
    """Whether b follows a in the same sentence as another group of the same harm ("four men and two women")."""
    sentence, qa, qb = a.get("sentence") or "", a.get("quantity") or "", b.get("quantity") or ""
    if not qa or not qb or sentence != b.get("sentence") or a.get("type") != b.get("type") \
            or re.search(r"\bamong\b", sentence):  # "five women and 13 rebels were among the dead": parts
        return False
    gap = int(b.get("start") or 0) - int(a.get("end") or 0)
    if not 0 < gap <= 40:
        return False
    at = sentence.find(qa)
    while at >= 0:
        end = at + len(qa)
        if sentence.startswith(qb, end + gap):
            if BREAKDOWN.search(sentence[max(0, at - 30):at]):  # "including four women and seven children"
                return False
            between = sentence[end:end + gap]
            if re.match(r"^\s+direct(?:,\s*and|,|\s+and)\s+$", between, re.IGNORECASE):
                return True
            groups = (a.get("victims") or "").lower(), (b.get("victims") or "").lower()
            if groups[1] == "others" and OTHERS_TOO.match(between):
                return True
            listed = SIDE_BY_SIDE.match(between) or HEADLINE_GROUPS.match(between) and _headline(sentence) \
                and not OF_THEM.match(sentence, end + gap + len(qb))
            return (bool(listed) and all(groups) and groups[0] != groups[1]
                    and groups[0] not in ANYONE and (groups[1] not in ANYONE or groups[1] == "others"
                                                     and bool(AND_OTHERS.match(between)))
                    and groups[0] in between.lower().split()
                    and not (CIVILIANS.intersection(groups) and CIVILIAN_GROUPS.intersection(groups)))
        at = sentence.find(qa, at + 1)
    return False


def join_groups(claims: list[Claim]) -> list[Claim]:
    """Groups counted side by side make one figure: "injuring four men and two women" is 6 injured. The sum
    takes the first claim's place (its `joined` lists the ids summed); the others are dropped."""
    out: list[Claim] = []
    for c in claims:
        last = out[-1] if out else None
        if last is not None and _side_by_side(last.get("_tail", last), c):
            ids = last.get("joined") or [last.get("id")]
            out[-1] = {**last, "value": int(last.get("value") or 0) + int(c.get("value") or 0),
                       "low": None if last.get("low") is None or c.get("low") is None
                       else int(last["low"]) + int(c["low"]),
                       "high": None if last.get("high") is None or c.get("high") is None
                       else int(last["high"]) + int(c["high"]),
                       "victims": "people", "joined": [*ids, c.get("id")], "_tail": c}
        else:
            out.append(c)
    return [{k: v for k, v in c.items() if k != "_tail"} for c in out]


# One person harmed with others counted by a number: "was killed alongside her four children" is five.
COMPANIONS = re.compile(r"\b(?:killed|died|dead)\b[^.;]{0,60}?\b(?:alongside|along with|together with|with)\s+"
                        r"(?:(?:all\s+)?(?:his|her)\s+)?$", re.IGNORECASE)


OF_THEIRS = re.compile(r"^\s+of\s+(?:his|her)\b", re.IGNORECASE)


# One more person named after a counted group: "killing five women and a child" is six.
_ONE_MORE_NOUN = "|".join(sorted(lx.SINGLE_PERSON_NOUNS - {"security", "suspect", "gunman", "shooter", "robber"},
                                 key=len, reverse=True))


AND_ONE_MORE = re.compile(r"^\s+[\w'-]+\s+and\s+(?:a|an|one)\s+(?:(?!wounded|injured|unborn)[\w'-]+\s+)?(?:"
                          + _ONE_MORE_NOUN
                          + r")\b(?!\s+(?:was|were|is)\s+(?:\w+\s+)?(?:injured|wounded|hurt|missing|arrested))",
                          re.IGNORECASE)


def with_one_more(claim: Claim) -> Claim:
    """The figure with one person named right after it: "killing five women and a child" is 6."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("qualifier") not in ("exact", "at_least") or not claim.get("victims"):
        return claim
    rest = sentence[at + len(quantity):]
    if re.search(r"[—–:-]\s*$", sentence[:at]) or BREAKDOWN.search(sentence[max(0, at - 30):at]):
        return claim  # "four people — three women and one man": a breakdown of a stated whole
    if not AND_ONE_MORE.match(rest) or not rest.split()[0].lower() == str(claim.get("victims")).lower():
        return claim
    return _plus_one(claim)


def _plus_one(claim: Claim) -> Claim:
    """The claim counting one more person, its bounds moved with it."""
    value = int(claim.get("value") or 0) + 1
    return {**claim, "value": value, "low": value if claim.get("low") is not None else None,
            "high": value if claim.get("high") is not None else None}


# The killer's own death said right after the figure: "killing 2, then himself", "shot and killed three
# people before turning the gun on himself" (the toll counts every death; "murder-suicide" alone says not how).
AND_SELF = re.compile(r"^[^.;]{0,60}?(?:(?:\b(?:and|then)\s+(?:then\s+)?|,\s*(?:then\s+)?"
                      r"|\bbefore\s+(?:killing|shooting|turning\s+the\s+gun\s+on)\s+)(?:himself|herself)\b"
                      r"|\bbefore\s+taking\s+(?:his|her)\s+own\s+life\b)", re.IGNORECASE)


def with_self(claim: Claim) -> Claim:
    """The figure with the killer who then killed himself: "Man shoots 4 relatives, killing 2, then himself" is 3."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("type") != "killed" or claim.get("qualifier") not in ("exact", "at_least"):
        return claim
    return _plus_one(claim) if AND_SELF.match(sentence[at + len(quantity):]) else claim


def with_subject(claim: Claim) -> Claim:
    """The figure with the one person it was counted beside: "Heba was killed, with two of her sons" is 3."""
    sentence, quantity, at = located(claim)
    if at < 0 or claim.get("qualifier") not in ("exact", "at_least"):
        return claim
    before, after = sentence[max(0, at - 120):at], sentence[at + len(quantity):]
    match = COMPANIONS.search(before)
    if not match or not (match.group(0).rstrip().lower().endswith(("his", "her")) or OF_THEIRS.match(after)):
        return claim
    return _plus_one(claim)


class Fuller:
    """What `demoted` asks of the other figures, read once for all of them: each figure was compared with
    every other one (quadratic in the claims of an article, issue 28); these few maxima answer the same."""

    def __init__(self, among: Sequence[Claim]) -> None:
        self.any_positive = any(c.get("value") for c in among)
        self.any_stated = any(c.get("qualifier") != "vague" and c.get("value") for c in among)
        wholes = [c for c in among if not partial(c)]
        # the most prominent, earliest whole figure (`_before`), the largest, and the largest per prominence
        self.first = max(((prominence(c), -(c.get("start") or 0)) for c in wholes), default=None)
        self.top = max((int(c.get("value") or 0) for c in wholes), default=None)
        self.top_at: dict[int, int] = {}
        for c in wholes:
            level, value = prominence(c), int(c.get("value") or 0)
            self.top_at[level] = max(value, self.top_at.get(level, value))
        # totals a sentence brings its earlier figures up to (`_brought_to`): per sentence, by start, with the
        # largest value from each one on
        totals: dict[str, list[tuple[int, int]]] = {}
        for c in among:
            sentence, _, at = located(c)
            if at > 0 and BROUGHT_TO.search(sentence[:at]):
                totals.setdefault(sentence, []).append((int(c.get("start") or 0), int(c.get("value") or 0)))
        self.totals: dict[str, tuple[list[int], list[int]]] = {}
        for sentence, found in totals.items():
            found.sort()
            largest = list(accumulate(reversed([v for _, v in found]), max))[::-1]
            self.totals[sentence] = [s for s, _ in found], largest

    def brought_to(self, claim: Claim) -> bool:
        """Whether a later total of the claim's sentence brings its figure up to a larger one."""
        found = self.totals.get(claim.get("sentence") or "")
        if found is None:
            return False
        starts, largest = found
        after = bisect_right(starts, int(claim.get("start") or 0))
        return after < len(starts) and largest[after] > int(claim.get("value") or 0)

    def demoted(self, claim: Claim) -> bool:
        """Whether this figure gives way to a fuller one among these: a figure limited to a hospital or a
        province or added to others ("another 327"); a group beside a larger whole as prominent or one stated
        before it (a part cannot exceed its whole, and the lead states the whole: "18 members of the family"
        in the lead is not a part of "another four people" or of a passing "24" below); a zero beside a
        positive figure ("no other deaths"); "hundreds" beside a stated number."""
        value = int(claim.get("value") or 0)
        if value == 0:  # "Deaths: 0" in a fact box stands
            return prominence(claim) < 2 and self.any_positive
        if claim.get("qualifier") == "vague":
            return self.any_stated
        if limited(claim) or self.brought_to(claim):
            return True
        if not victim_group(claim) or self.first is None or self.top is None:
            return False
        level = prominence(claim)
        if self.first > (level, -(claim.get("start") or 0)):  # a whole stated before it
            return True
        if self.top <= value:
            return False
        return _among(claim) or any(top > value for at, top in self.top_at.items() if at >= level)


# "killed at least 12 civilians ..., bringing to 45 the number killed", "bringing the toll to 61": a total
# that takes in the figures before it in its sentence.
BROUGHT_TO = re.compile(r"\bbring(?:s|ing)?\b(?: (?:the|its|their) (?:[\w-]+ )?(?:toll|tally|number)\b)?[^.;]{0,30}"
                        r"?\bto\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


# "Nearly 70 children were among those killed": the figure itself says it is a part of a larger whole.
AMONG = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:were|was|are|is)\s+(?:also\s+)?among\b", re.IGNORECASE)


def _among(claim: Claim) -> bool:
    """Whether the sentence says the figure's people were among the harmed ("... were among the dead")."""
    sentence, quantity, at = located(claim)
    return at >= 0 and bool(AMONG.match(sentence[at + len(quantity):]))


def _before(a: Claim, b: Claim) -> bool:
    """Whether a is stated more prominently than b, or as prominently and earlier in the article."""
    return (prominence(a), -(a.get("start") or 0)) > (prominence(b), -(b.get("start") or 0))


def _rank(claim: Claim, fuller: Fuller) -> tuple[int, int, int]:
    return int(not fuller.demoted(claim)), prominence(claim), -int(claim.get("start") or 0)


def _pick(claims: Sequence[Claim]) -> Claim | None:
    """The one figure these claims (of one article and source, or of one event) stand for."""
    if not claims:
        return None
    fuller = Fuller(claims)
    return _sharpened(max(claims, key=lambda c: _rank(c, fuller)), claims, fuller)


def _sharpened(best: Claim, among: Sequence[Claim], fuller: Fuller | None = None) -> Claim:
    """An open figure made precise by another as prominent that agrees with it: "more than 50 civilians" in
    the headline and "at least 51 civilians" in the lead are 51. `fuller` is `Fuller(among)` when at hand."""
    if best.get("qualifier") not in OPEN:
        return best
    value, level = int(best.get("value") or 0), prominence(best)
    fuller = fuller or Fuller(among)
    closer = [c for c in among if c.get("qualifier") not in ("vague", "range") and prominence(c) >= level
              and value < int(c.get("value") or 0) <= value * RAISE_LIMIT and not fuller.demoted(c)
              and not disagree([best, c])]
    return min(closer, key=lambda c: int(c.get("value") or 0)) if closer else best


def counted_figures(claims: Iterable[Claim]) -> list[Claim]:
    """The figures of one article and type that a toll can rest on: counted ones, with groups side by side
    summed and people named beside a figure added."""
    return join_groups([with_self(with_one_more(with_subject(c))) for c in claims if counted(c)])


def whole_figures(claims: Iterable[Claim]) -> list[Claim]:
    """The usable figures of one article and type that give way to no fuller one: what `best` is picked from."""
    return wholes_among(counted_figures(claims))


def wholes_among(counted: Sequence[Claim]) -> list[Claim]:
    """The counted figures (`counted_figures`) that give way to no fuller one among them, the same objects."""
    fuller = Fuller(counted)
    return [c for c in counted if not fuller.demoted(c)]


def quoted(claim: Claim) -> int:
    """The figure a claim gives to quote: its value, or the upper end of a range ("between 500 and 1300 people
    died" is quoted as up to 1300, the fuller count; `low` keeps the 500)."""
    if claim.get("qualifier") == "range" and claim.get("high") is not None:
        return int(claim["high"])
    return int(claim.get("value") or 0)
