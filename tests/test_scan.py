"""The cheap scan and the window plan: no model needed."""
from __future__ import annotations

import pytest

from casualty_cli.extract import scan
from casualty_cli.extract.scan import Window, pack, plan_windows, segments


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Two died. Police said so.", ["Two died. ", "Police said so."]),
        ("Dr. Nidal Hijazi was hurt. It rained.", ["Dr. Nidal Hijazi was hurt. ", "It rained."]),
        ("On Jan. 5 three were shot.\n\nNext", ["On Jan. 5 three were shot.\n\n", "Next"]),
        ("Mesbah E. Sultan wrote that two died.", ["Mesbah E. Sultan wrote that two died."]),
    ],
)
def test_segments_split_sentences_not_abbreviations(text, expected):
    assert [text[s:e] for s, e in segments(text)] == expected


def test_segments_cover_the_text_without_gaps():
    text = "A. B? C!\n\nD e. " * 50 + "x" * 5000
    segs = segments(text, longest=300)
    assert segs[0][0] == 0 and segs[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(segs, segs[1:], strict=False))
    assert all(e - s <= 300 for s, e in segs)


def test_pack_cuts_long_pieces_on_whitespace():
    text = "word " * 1000
    windows = pack(text, [(0, len(text))], 1003)
    assert windows[0].end < 1003 and text[windows[0].end - 1] == " "
    assert windows[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(windows, windows[1:], strict=False))
    assert all(w.end - w.start <= 1003 for w in windows)


def test_pack_hard_cut_when_no_whitespace():
    text = "x" * 2500
    assert pack(text, [(0, 2500)], 1000) == [Window(0, 1000), Window(1000, 2000), Window(2000, 2500)]


@pytest.mark.parametrize(("claim", "needs"), [
    # Attributed in its own sentence: nothing around it is needed.
    ("Police said 3 people were killed. ", ""),
    # A quote whose "he said" follows: the next sentence is read too.
    ("\u201c3 people were killed.\u201d He said so. ", "He said so."),
    # A pronoun speaker: the sentence before, where the speaker may be named, is kept.
    ("It said 3 people were killed. ", "morning. It said"),
])
def test_fast_plan_keeps_only_the_neighbours_a_claim_needs(claim, needs):
    filler = "The weather was mild and the market was open as usual that morning. "
    text = filler * 20 + claim + filler * 20
    windows = plan_windows(text)
    assert len(windows) == 1
    kept = text[windows[0].start : windows[0].end]
    assert claim.strip() in kept and needs in kept
    if not needs:
        assert kept.strip() == claim.strip()
    assert len(kept) < len(filler) * 3 + 100


def test_fast_plan_needs_a_harm_word_and_a_count_or_a_person():
    assert plan_windows("Heavy shelling hit the town. Three cats sat.") == []
    text = "Gunmen shot dead a retired judge."
    assert plan_windows(text) == [Window(0, len(text), people=True)]  # people one by one, no count
    assert plan_windows("Pascal Nshimirimana was killed.") != []  # a passive names its patient
    # a harm and a person, but no harm of the people reader: nothing to parse
    assert plan_windows("The attack on the soldiers was condemned by the mayor.") == []
    assert plan_windows("") == [] and plan_windows("   \n") == []


def test_fast_plan_keeps_things_that_modify_people():
    assert plan_windows("Two hospital workers were killed.") != []
    assert plan_windows("Three gunshot victims were found.") != []
    assert plan_windows("Shells hit two hospital buildings.") == []


def test_full_plan_covers_everything():
    text = "One. Two. Three killed. " * 10
    assert plan_windows(text, fast=False) == [Window(0, len(text))]


def test_harm_scan_matches_the_case_insensitive_regex():
    text = "KILLED 3. İstanbul: Two WOUNDED. Slew ten. " * 3
    segs = segments(text)
    assert list(scan._harm_positions(text, segs)) == [m.start() for m in scan.HARM_STEMS.finditer(text)]


def test_long_line_without_punctuation_is_cut_near_the_claim():
    line = "word " * 60_000
    text = line + "3 people killed " + line
    windows = plan_windows(text)
    assert len(windows) == 1 and windows[0].end - windows[0].start <= 3 * scan.MAX_SEGMENT
    assert "3 people killed" in text[windows[0].start : windows[0].end]


def test_people_windows_stand_apart_from_claim_windows():
    """A claim window keeps its neighbours as before; a sentence that only the people reader reads is a
    window of its own, parsed without its neighbours (and without NER until a proper noun asks for it)."""
    claim = "Police said 3 people were killed. "
    person = "A village chief was shot dead. "
    filler = "The weather was mild and the market was open as usual that morning. "
    text = filler * 5 + claim + filler * 5 + person + filler * 5
    windows = plan_windows(text)
    assert [(text[w.start : w.end].strip(), w.people) for w in windows] == [(claim.strip(), False),
                                                                         (person.strip(), True)]
