"""Dates as newsrooms write them (issue 29): one parser (`read.dates`) for `--date-field` and the report,
never a day taken from today, ISO dates out."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.read.dates import iso_date, parse_date

# (text, read month first, read day first): every format of issue 29, then the ones read before it.
DATES = [
    ("Sept. 5, 2017", date(2017, 9, 5), date(2017, 9, 5)),
    ("5 Jan. 2017", date(2017, 1, 5), date(2017, 1, 5)),
    ("January 5th, 2017", date(2017, 1, 5), date(2017, 1, 5)),
    ("27/03/2017", date(2017, 3, 27), date(2017, 3, 27)),  # no 27th month: day first either way
    ("05/02/2015", date(2015, 5, 2), date(2015, 2, 5)),
    ("27-Mar-2017", date(2017, 3, 27), date(2017, 3, 27)),
    ("27 March 2017 at 10:00", date(2017, 3, 27), date(2017, 3, 27)),
    ("Jan. 28, 2014", date(2014, 1, 28), date(2014, 1, 28)),
    ("2014-01-28", date(2014, 1, 28), date(2014, 1, 28)),
    ("2014-10-01T23:59:00Z", date(2014, 10, 1), date(2014, 10, 1)),  # ISO stays ISO under --dayfirst
    ("4/16/17", date(2017, 4, 16), date(2017, 4, 16)),
    ("5 January 2017", date(2017, 1, 5), date(2017, 1, 5)),
    ("Tue, 28 Jan 2014 10:00:00 GMT", date(2014, 1, 28), date(2014, 1, 28)),
    # No whole day written: no date, never today's year, month or day.
    ("1 Jan 99999999999", None, None),
    ("March 2017", None, None),
    ("2017", None, None),
    ("Tuesday", None, None),
    ("5 March", None, None),
    ("yesterday", None, None),
    ("", None, None),
    (None, None, None),
]


@pytest.mark.parametrize(("text", "month_first", "day_first"), DATES)
def test_parse_date(text: str | None, month_first: date | None, day_first: date | None) -> None:
    assert parse_date(text) == month_first
    assert parse_date(text, dayfirst=True) == day_first


def claim(article: str, value: int, **record: str) -> str:
    sentence = f"Police said {value} people were killed."
    at = sentence.index(str(value))
    return json.dumps({"id": f"{article}#1", "article": article, "type": "killed", "value": value, "low": value,
                       "high": value, "qualifier": "exact", "quantity": str(value), "victims": "people",
                       "source": "police", "source_title": None, "via": None, "cue": "said", "location": None,
                       "part_of": None, "superseded_by": None, "sentence": sentence, "start": at,
                       "end": at + len(str(value)), "record": record})


def tolls(claims: list[str], *options: str) -> tuple[list[dict], str]:
    result = CliRunner().invoke(main, ["tolls", "--claims", "-", "--event-field", "incident", "--date-field", "dct",
                                       "--format", "jsonl", *options], input="\n".join(claims) + "\n")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.mark.parametrize("dayfirst", [False, True])
def test_tolls_read_every_format_and_write_iso(dayfirst: bool) -> None:
    """One event per date: its toll is as of that day, its source dated in ISO; a date without a whole day
    is a note and no date."""
    claims = [claim(f"a{i}", 10 + i, incident=str(i), dct=text or "") for i, (text, *_) in enumerate(DATES)]
    out, err = tolls(claims, *(["--dayfirst"] if dayfirst else []))
    expected = [(d[2] if dayfirst else d[1]) for d in DATES]
    assert [t["as_of"] for t in out] == [d.isoformat() if d else None for d in expected]
    assert [t["sources"][0]["date"] for t in out] == [t["as_of"] for t in out]
    assert "'March 2017' not understood" in err and "'1 Jan 99999999999' not understood" in err
    assert str(date.today().year) not in "".join(str(t["as_of"]) for t in out)


def test_news_dates_order_an_event() -> None:
    """GVA's "Jan. 28, 2014" and "Sept. 5, 2017" order an event's articles: the later figure is the toll."""
    out, err = tolls([claim("late", 35, incident="7", dct="Sept. 5, 2017"),
                      claim("early", 9, incident="7", dct="Jan. 28, 2014")])
    assert "not understood" not in err and [(t["best"], t["as_of"]) for t in out] == [(35, "2017-09-05")]
    assert [(r["value"], r["replaced_by"], r["date"]) for r in out[0]["revisions"]] == [(9, 35, "2017-09-05")]


def test_dayfirst_reads_the_day_first() -> None:
    """03/04/2016 and 02/05/2016: 4 March and 5 February, or with --dayfirst 3 April and 2 May."""
    claims = [claim("x", 35, incident="7", dct="03/04/2016"), claim("y", 9, incident="7", dct="02/05/2016")]
    assert tolls(claims)[0][0]["as_of"] == "2016-03-04"
    assert tolls(claims, "--dayfirst")[0][0]["as_of"] == "2016-05-02"


def test_iso_date() -> None:
    assert iso_date("Jan. 28, 2014") == "2014-01-28" and iso_date("Jan. 2014") is None


def test_the_report_reads_news_dates() -> None:
    """The report orders and shows the same dates as `tolls`: ISO days from "Jan. 28, 2014"."""
    claims = [claim("early", 9, incident="7", dct="Jan. 28, 2014"),
              claim("late", 35, incident="7", dct="Sept. 5, 2017")]
    result = CliRunner().invoke(main, ["report", "--claims", "-", "--event-field", "incident", "--date-field", "dct"],
                                input="\n".join(claims) + "\n")
    assert result.exit_code == 0, result.output
    assert "2017-09-05" in result.stdout and "not understood" not in result.stderr
