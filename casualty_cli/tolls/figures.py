"""What one figure is, read from its claim alone.

About another event, a part, one place or group, a period total, a footnote; how prominent it
stands; its bounds and its article's date. `rules` weighs the figures of an event with these.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..extract import lexicon as lx

Claim = dict[str, Any]


_MONTH = rf"(?:{'|'.join(m.lower() for m in lx.MONTHS)})"


# "the deadliest since Nargis, which killed 140,000": the figures after such words are the other event's; the
# figure before them ("killed 213, the worst use of gas since 1988") is this event's.
SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|strongest|costliest|largest|biggest|most (?:deadly|severe|"
                         r"destructive))\b", re.IGNORECASE)


SUPERLATIVE_SINCE = re.compile(SUPERLATIVE.pattern + r"[^.;]{0,60}?\bsince\b", re.IGNORECASE)


# Words near a figure that make it the toll of another, earlier or larger event, or a total over a period.
OTHER_EVENT = re.compile(
    r"\bsince (?:(?:the )?(?:start|beginning|outbreak|onset)\b|it (?:began|started|erupted)\b"
    r"|(?:early |late |mid-?)?(?:" + _MONTH + r" )?(?:1[89]|20)\d\d\b"
    r"|(?:\d{1,2} )?" + _MONTH + r"(?: \d{1,2}\b)?)"
    # "since the conflict began in 2011", "has since killed", "killed in the war"
    r"|\bsince\b[^.;]{0,40}?\b(?:began|begun|broke out|started|erupted|collapsed|broke down|ended|launched)\b"
    r"|\b(?:has|have) since\b|\bsince then\b"
    r"|\b(?:in|during|throughout) (?:the|this|its|[\w']+(?:'s?|s)) (?:[\w-]+ )?(?:civil )?(?:war|conflict)\b(?!-)"
    # "the death toll from the conflict", "the conflict - now in its sixth year -"
    r"|\b(?:toll|tally) (?:from|of|in) (?:the )?(?:[\w-]+ )?(?:war|conflict)\b|\b(?:war|conflict)\W+now in its\b"
    # not "war planes in Aleppo on Sunday have killed", nor "war-torn": a place's description
    r"|\b(?:war|conflict|uprising|revolt|revolution|insurgency|crisis|civil war)\b(?!\s*(?:planes?|jets?)\b|-)"
    r"[^.;]{0,40}?\b(?:has|have|had) (?:so far )?(?:killed|claimed|left|displaced|forced)"
    # "Seven days of airstrikes", "two weeks of fighting"
    r"|\b[\w-]+ (?:days|weeks|months) of (?:[\w-]+ )?(?:air ?strikes|raids|bombing|bombardments?|shelling|"
    r"fighting|clashes|violence|attacks)\b"
    # ("last week" dates the event itself: "a truck blew up last week")
    r"|\b(?:previous|preceding|earlier) week\b"
    r"|\b(?:previous|preceding|last|earlier) (?:year|month|storm|hurricane|cyclone|typhoon|flood|earthquake|"
    r"quake|attack|season|record)\b|\bearlier this (?:week|month|year)\b"
    r"|\b(?:similar|another|a previous|an earlier|the previous) (?:attack|storm|hurricane|cyclone|typhoon|flood|"
    r"bombing|massacre|shooting|disaster)\b"
    # "in a separate attack" (not "in two separate incidents": the event's own parts)
    r"|(?<!two )(?<!three )(?<!four )(?<!\d )\bseparate (?:shootings|attacks|incidents|strikes)\b"
    # totals over a period: "so far this year", "this month alone", "over the past year", "in 2014" (not what
    # dates the count's inquiry: "collected the names of 69 civilians killed ... during a five-day investigation
    # this month")
    r"|\b(?<!investigation )(?<!inquiry )(?<!visit )(?<!mission )(?<!survey )(?:so far )?this (?:year|month)"
    r"(?: alone)?\b|\b(?:over|in|during) the (?:past|last) (?:\w+ )?"
    r"(?:year|years|months?|weeks|decades?)\b|\b(?:past|last) (?:\w+ )?(?:years|decades)\b"
    r"|\b(?:in|during|for|through) (?:the (?:first|last) \w+ months of )?(?:1[89]|20)\d\d\b",
    re.IGNORECASE,
)


# How far from the figure (characters, same sentence) such words still bind to it.
OTHER_EVENT_REACH = 150
# A count over several incidents or days, as roundups give them: "7 killed in 3 shootings within a mile",
# "3 killed, 12 wounded in Monday shootings across Chicago", "in the past four days", "the city's total to 44
# for the year", "in November alone", "19 officers had been slain nationwide in July"; and a roundup's other
# incident: "Earlier Thursday, a 21-year-old man was fatally shot".
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
SEVERAL_EVENTS = re.compile(
    r"\bshootings\b|\b(?:in|over|during) the (?:past|last) (?:few|two|three|four|five|six|seven|several|\d+) "
    r"(?:days|weeks|months)\b|^\W*earlier (?:on )?" + _WEEKDAY + r"\b"
    r"|\bfor the year\b|\bin " + _MONTH + r" alone\b"
    r"|\bnationwide (?:in|this|last|since|so far)\b|\bacross the (?:country|nation)\b",
    re.IGNORECASE)


# Victim nouns that name a part of the harmed: a figure about them is partial when a whole is given.
# Groups among the civilians: "16 civilians and three children" are not 19 (the children are civilians).
CIVILIAN_GROUPS: frozenset[str] = frozenset("""
child children kid kids boy boys girl girls woman women baby babies infant infants toddler toddlers
student students pupil pupils teenager teenagers teen teens
""".split())


PARTIAL_VICTIMS: frozenset[str] = CIVILIAN_GROUPS | frozenset("""
soldier soldiers troop troops officer officers policeman policemen police
fighter fighters militant militants rebel rebels member members relative relatives family families
worker workers staff employee employees doctor doctors nurse nurses medic medics journalist journalists
foreigner foreigners tourist tourists american americans citizen citizens national nationals
firefighter firefighters rescuer rescuers passenger passengers crew
""".split())


# Words that limit a figure to one place or stage: a hospital (said of the figure's own clause) ...
AT_HOSPITAL = re.compile(
    r"\b(?:at|to|in) (?:the |a |two |three )?(?:[A-Z][\w.'-]* )*(?:hospital|medical cent(?:er|re)|clinic|"
    r"trauma cent(?:er|re))s?\b", re.IGNORECASE)


# ... or the words just before it: "no other deaths", "in addition, five were killed", "besides the three".
OTHER_THAN = re.compile(r"\b(?:no|none of the) other\b|\bnot (?:among|including)\b|\bother than\b|\bbesides\b"
                        r"|\bin addition\b|\b(?:the|that|this) toll (?:includes|included)\b", re.IGNORECASE)


# A sentence that turns to another place or incident: "Also on Monday, SANA said two people were killed in
# Damascus", "Elsewhere, ...", "Separately, ...".
ASIDE = re.compile(r"^\W*(?:also|elsewhere|separately|in other news|in a separate (?:incident|attack))\b",
                   re.IGNORECASE)


# A figure added to others: "another 327 civilians", "a further nine", "killing four more civilians".
ADDED = re.compile(r"\b(?:another|a further|an additional|other)\s*$")


MORE = re.compile(r"^\s+(?:more|additional|further)\b", re.IGNORECASE)


# How far before a figure those words bind to it (characters).
LIMIT_REACH = 60


# The rest of a figure's clause: up to the next comma, semicolon or "and".
CLAUSE_END = re.compile(r"[,;]|\band\b|\bbut\b")


# A figure limited to one province, state or island: "In the Capiz province, 265 people died".
PARTIAL_PLACE = re.compile(
    r"^\s*(?:in|on|within|throughout) (?:the )?(?:[A-Z][\w.'-]*\s){1,3}(?:province|state|county|district|region|"
    r"prefecture|island|municipality|governorate|department|territory)\b", re.IGNORECASE)


# Words that give the figure for the whole event, wherever it stands: "in total", "nationwide".
WHOLE_EVENT = re.compile(r"\b(?:in total|total(?:ed|led|ing)?|overall|in all|altogether|combined|nationwide|"
                         r"across (?:the )?(?:region|country|countries|islands?))\b", re.IGNORECASE)


# A toll said to have risen is the latest figure: "the death toll increased to at least 127 in the following days".
RISEN = re.compile(r"\b(?:toll|number of (?:the )?(?:dead|deaths|victims|fatalities))\b[^.;]{0,40}?"
                   r"\b(?:rose|risen|rises|increased|climbed|jumped|grew|mounted)\b", re.IGNORECASE)


# "Deaths: 12", "Fatalities: 731 total": a fact-box line states the event's total.
FACT_BOX = re.compile(r"^\s*(?:total\s+)?(?:deaths?|fatalities|casualties|injur(?:ies|ed)|missing|displaced|"
                      r"dead|killed|wounded|homeless|evacuated|victims)\b[^:\n]{0,20}:", re.IGNORECASE)


# A figure this close to the start of an article is in its headline or lead.
LEAD_CHARS = 400


def located(claim: Claim) -> tuple[str, str, int]:
    """The claim's sentence, its figure's words, and where they stand in it (-1 when not found)."""
    sentence, quantity = claim.get("sentence") or "", claim.get("quantity") or ""
    return sentence, quantity, sentence.find(quantity) if quantity else -1


def about_other_event(text: str) -> bool:
    """Whether a text (a sentence, or the words near a figure) speaks of another event or a period's total."""
    return bool(OTHER_EVENT.search(text) or SEVERAL_EVENTS.search(text) or SUPERLATIVE_SINCE.search(text))


def other_event(claim: Claim) -> bool:
    """Whether the claim's figure is the toll of another event ("the deadliest since Nargis, which killed ...")."""
    sentence, quantity, at = located(claim)
    if at < 0:
        return about_other_event(sentence)
    before = sentence[max(0, at - OTHER_EVENT_REACH): at]
    after = sentence[at + len(quantity): at + len(quantity) + OTHER_EVENT_REACH]
    # a comparison after the figure is about the figure's rank, not another toll: "killed 213, the worst use of
    # gas in the civil war"
    after = SUPERLATIVE.split(after, maxsplit=1)[0]
    near = before + " " + after
    return bool(OTHER_EVENT.search(near) or SEVERAL_EVENTS.search(near) or SUPERLATIVE_SINCE.search(before))


def partial(claim: Claim) -> bool:
    """Whether the figure counts a part of the harmed: one group, one hospital, 'no other ...'."""
    return group(claim) or limited(claim)


def group(claim: Claim) -> bool:
    """Whether the figure counts one group of people ("five children", "18 members of the family")."""
    return (claim.get("victims") or "").lower() in PARTIAL_VICTIMS


def limited(claim: Claim) -> bool:
    """Whether the sentence limits the figure to one place or stage (a hospital, a province, 'no other ...')
    or adds it to others ("another 327 civilians", "killing four more civilians").
    The words bind to the figure they stand by: "in addition to injuring 25 others" does not limit the
    killed figure earlier in the sentence."""
    sentence, quantity, at = located(claim)
    if PARTIAL_PLACE.search(sentence) or ASIDE.search(sentence):
        return True
    if at < 0:
        return bool(AT_HOSPITAL.search(sentence) or OTHER_THAN.search(sentence))
    before = sentence[max(0, at - LIMIT_REACH): at + len(quantity) + len(" other")]  # "No other deaths"
    rest = sentence[at + len(quantity):]
    end = CLAUSE_END.search(rest)
    clause = rest[: end.start()] if end else rest
    return bool(OTHER_THAN.search(before) or AT_HOSPITAL.search(before[-40:]) or AT_HOSPITAL.search(clause)
                or ADDED.search(sentence[:at].lower()) or MORE.match(rest))


def prominence(claim: Claim) -> int:
    """2 for a fact-box line, 1 for the headline or lead or a stated or risen total, 0 for a passing mention."""
    sentence = claim.get("sentence") or ""
    if FACT_BOX.match(sentence):
        return 2
    return 1 if (claim.get("start") or 0) < LEAD_CHARS or WHOLE_EVENT.search(sentence) or RISEN.search(sentence) \
        else 0


def footnote(claim: Claim) -> bool:
    """Whether the figure is a reference mark ("[32]") read as a count."""
    sentence, quantity = claim.get("sentence") or "", claim.get("quantity") or ""
    return bool(quantity) and f"[{quantity}]" in sentence and not re.search(
        r"(?<!\[)\b" + re.escape(quantity) + r"\b(?!\])", sentence)


# A web page's list of other stories after the article: "Source AFP Related News ...", "Views 458 Related ...";
# a link to one inside it: "RELATED: Police: Man killed in apparent drive-by shooting near downtown San Antonio";
# a video's length before its title: "1:51 Boy killed with machete; uncle suspected".
RELATED = re.compile(r"\bRelated (?:News|Articles|Stories|Posts|Coverage)\b|\bViews \d+ Related\b"
                     r"|\b(?:RELATED|Related|READ MORE|Read more|ALSO READ|Also read|See also):"
                     r"|^\W*\d{1,2}:\d\d (?![AaPp]\.?[Mm]\b)[A-Z]")


def related(claim: Claim) -> bool:
    """Whether the figure stands in the page's list of related stories, after the article's own text."""
    sentence, quantity, at = located(claim)
    return bool(RELATED.search(sentence if at < 0 else sentence[:at]))


def counted(claim: Claim) -> bool:
    """Whether a claim can be a toll at all: not a breakdown, not revised, not another event's, not a mark,
    not a related story's."""
    return (not claim.get("part_of") and not claim.get("superseded_by") and not other_event(claim)
            and not footnote(claim) and not related(claim) and not attackers(claim))


# Victim words that name the attackers: "Two female suicide bombers ... blew themselves up, killing at least 25"
# counts the bombers, not the harmed.
ATTACKERS = re.compile(r"\b(?:bombers?|attackers?|assailants?)\b", re.IGNORECASE)


def attackers(claim: Claim) -> bool:
    """Whether the claim counts the attackers themselves (suicide bombers), not their victims."""
    return bool(ATTACKERS.search(str(claim.get("victims") or "")))


def bounds(claim: Claim) -> tuple[float, float]:
    """The interval of counts a figure allows; 'about 50' allows 10% either way, a vague count its bounds."""
    value = int(claim.get("value") or 0)
    low, high = claim.get("low"), claim.get("high")
    if claim.get("qualifier") == "about":
        return value * 0.9, value * 1.1
    if low is None and high is None and claim.get("qualifier") != "exact":
        return value, float("inf")
    return (float(low) if low is not None else 0.0), (float(high) if high is not None else float("inf"))


def disagree(figures: Sequence[Claim]) -> bool:
    """True when the figures cannot all be true: their intervals have no count in common."""
    if len(figures) < 2:
        return False
    intervals = [bounds(c) for c in figures]
    return max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)


def span(figures: Sequence[Claim]) -> tuple[int | None, int | None]:
    """low = the smallest figure given; high = the largest, or None when the largest is open-ended."""
    if not figures:
        return None, None
    low = min(int(c["value"]) for c in figures)
    closed = [int(c["high"]) if c.get("high") is not None else int(c["value"]) for c in figures
              if c.get("high") is not None or c.get("qualifier") in ("exact", "about")]
    top = max(closed) if closed else None
    open_ended = [int(c["value"]) for c in figures
                  if c.get("high") is None and c.get("qualifier") not in ("exact", "about")]
    if open_ended and (top is None or max(open_ended) >= top):
        return low, None
    return low, top
