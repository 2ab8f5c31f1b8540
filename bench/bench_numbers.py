"""Time casualty_cli.extract.numbers on a fixed set of phrases: `python bench/bench_numbers.py [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from casualty_cli.extract.numbers import find_counts, read_count  # noqa: E402

_WORDS = [
    "two",
    "twenty-five",
    "two hundred and fifty",
    "a dozen",
    "half a dozen",
    "one thousand two hundred",
]
_HEDGES = ["", "at least ", "more than ", "up to ", "fewer than ", "about ", "nearly "]
_VAGUE = ["dozens", "scores of", "hundreds", "thousands", "tens of thousands", "millions"]


def phrases() -> list[str]:
    """A few hundred phrases covering digits, words, vague counts, ranges and hedges."""
    numbers = [str(n) for n in (3, 17, 240, 531, 1200, 230000)] + ["1,200", "1.2 million", "2.5 thousand"]
    out = [hedge + number for hedge in _HEDGES for number in numbers + _WORDS]
    out += [hedge + vague for hedge in _HEDGES[:3] for vague in _VAGUE]
    out += [f"{a} to {b}" for a, b in ((20, 30), (1, 2), (100, 250))] + ["between 20 and 30", "20-30"]
    return out * 3


def article() -> str:
    """An article-like text with counts and the numbers that are not counts."""
    sentences = [
        "At least 240 bodies were pulled out on March 17, 2017, officials said at 5 p.m.",
        "A 41-year-old man and two children were among more than 500 people hurt.",
        "Between 20 and 30 civilians died in the 100 block of Main Street, 5 miles away.",
        "Dozens of families fled; the $1.2 million clinic served 1,200 patients in 2016.",
        "Police said John Smith, 23, was one of the seven people shot on Route 9.",
    ]
    return " ".join(sentences) * 40


def measure(seconds: float = 1.0) -> dict[str, float]:
    """Phrases per second for read_count and characters per second for find_counts."""
    items, text = phrases(), article()
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for phrase in items:
            read_count(phrase)
        done += len(items)
    phrase_rate = done / (time.perf_counter() - start)
    chars, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        find_counts(text)
        chars += len(text)
    char_rate = chars / (time.perf_counter() - start)
    return {"numbers_phrases_per_second": phrase_rate, "find_counts_chars_per_second": char_rate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    figures = measure()
    if parser.parse_args().json:
        print(json.dumps({key: round(value) for key, value in figures.items()}))
    else:
        print(
            f"read_count: {figures['numbers_phrases_per_second']:,.0f} phrases/s ({len(phrases())} phrases)"
        )
        print(f"find_counts: {figures['find_counts_chars_per_second']:,.0f} chars/s")


if __name__ == "__main__":
    main()
