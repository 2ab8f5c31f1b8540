"""A record's date, in whatever way a newsroom wrote it, to a `date`: the one parser of `--date-field`
(tolls and report) and of the report's time axes.

ISO dates and timestamps are read as ISO (so `--dayfirst` never turns 2014-10-01 into 10 January);
anything else goes to python-dateutil ("Sept. 5, 2017", "January 5th, 2017", "27-Mar-2017",
"27 March 2017 at 10:00", RFC 2822). dateutil fills a part the text lacks from a default, today's
date unless told: the text is read against two sentinel defaults, and a part that differs between
the two readings was never written, so "March 2017" or "Tuesday" is no date rather than today's day.
"""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

# Two defaults that differ in every part a date needs: a part read the same against both was written.
_SENTINELS = (datetime(1, 1, 1), datetime(2, 2, 2))


@lru_cache(maxsize=4096)  # an event's articles share a handful of dates
def parse_date(text: str | None, dayfirst: bool = False) -> date | None:
    """The day `text` names, or None when it names no whole day (no year, month or day, not a date,
    out of range). `dayfirst` reads "05/02/2015" as 5 February; ISO dates are read as ISO either way."""
    if not text:
        return None
    text = str(text).strip()
    if len(text) > 100:  # a record's date field, not an article
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from dateutil.parser import parse

    try:
        first, second = (parse(text, default=d, dayfirst=dayfirst) for d in _SENTINELS)
    except (ValueError, OverflowError):  # OverflowError: "1 Jan 99999999999"
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    return first.date()


def iso_date(text: str | None, dayfirst: bool = False) -> str | None:
    """`text` as YYYY-MM-DD, or None when it names no whole day (see `parse_date`)."""
    day = parse_date(text, dayfirst)
    return day.isoformat() if day else None
