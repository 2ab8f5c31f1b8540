"""The HTML report without a browser: escaping, HTML5 validity, accessibility, the CSP, the CLI.

Claims are written by hand (claim-spec fields, offsets from the text), so no model is needed.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main
from casualty_cli.write.charts import dodge, reporting_window, text_width, value_ticks, wrap
from casualty_cli.write.report import figure_label, hedged, is_link, render_report, segments, sentence_passages

html5lib = pytest.importorskip("html5lib", reason="pip install html5lib (in the test extras)")

DATA = Path(__file__).parent / "data" / "report"
HOSTILE = (DATA / "hostile.txt").read_text(encoding="utf-8")
SVG = "{http://www.w3.org/2000/svg}"


def claim(article: str, text: str, quantity: str, n: int, **fields: object) -> dict:
    """A claim dict with every claim-spec field; its offsets are found in `text`."""
    start = text.index(quantity)
    sentence = next(s for s in re.split(r"(?<=[.!?])\s+|\n", text) if quantity in s)
    base = {"id": f"{article}#{n}", "article": article, "type": "killed", "value": 0, "low": None, "high": None,
            "qualifier": "exact", "quantity": quantity, "victims": None, "source": None, "source_title": None,
            "via": None, "cue": None, "location": None, "part_of": None, "superseded_by": None,
            "sentence": sentence, "start": start, "end": start + len(quantity)}
    return base | fields


HOSTILE_ID = "<img src=x onerror=alert(1)>.txt"
HOSTILE_CLAIMS = [
    claim(HOSTILE_ID, HOSTILE, "at least 12", 1, value=12, low=12, qualifier="at_least", victims="people",
          source="Police <b>", cue="said"),
    claim(HOSTILE_ID, HOSTILE, "30", 2, type="injured", value=30, low=30, high=30, source="Police <b>", cue="said"),
    claim(HOSTILE_ID, HOSTILE, "five", 3, type="missing", value=5, low=5, high=5, source="Officials",
          via="Reuters", cue="told", source_title="\"><script>alert(1)</script>"),
]
HOSTILE_TOLLS = [
    {"event": HOSTILE_ID, "type": "killed", "best": 12, "low": 12, "high": None, "disagreement": False,
     "sources": [{"source": "Police <b>", "value": 12, "qualifier": "at_least", "article": HOSTILE_ID,
                  "id": f"{HOSTILE_ID}#1", "date": None}], "revisions": [], "evidence": [f"{HOSTILE_ID}#1"]},
    {"event": HOSTILE_ID, "type": "injured", "best": 30, "low": 30, "high": 30, "disagreement": False,
     "sources": [{"source": "Police <b>", "value": 30, "qualifier": "exact", "article": HOSTILE_ID,
                  "id": f"{HOSTILE_ID}#2", "date": None}], "revisions": [],
     "evidence": ["<script>alert('a sentence as evidence')</script>"]},
]

TEXT_B = "The toll rose from nine to 35, the ministry said. Rescuers said 40 were dead; others put it at 52."
DATED = [
    claim("b.txt", TEXT_B, "nine", 1, value=9, low=9, high=9, source="the ministry", superseded_by="b.txt#2"),
    claim("b.txt", TEXT_B, "35", 2, value=35, low=35, high=35, source="the ministry"),
    claim("b.txt", TEXT_B, "40", 3, value=40, low=40, high=None, qualifier="at_least", source="Rescuers"),
    claim("b.txt", TEXT_B, "52", 4, value=52, low=52, high=52, source="others"),
]
DATED_TOLL = {
    "event": "flood-7", "type": "killed", "best": 52, "low": 35, "high": 52, "disagreement": True,
    "sources": [{"source": "the ministry", "value": 35, "qualifier": "exact", "article": "b.txt", "id": "b.txt#2",
                 "date": "2024-05-01"},
                {"source": "Rescuers", "value": 40, "qualifier": "at_least", "article": "b.txt", "id": "b.txt#3",
                 "date": "2024-05-02T10:00"},
                {"source": "others", "value": 52, "qualifier": "exact", "article": "b.txt", "id": "b.txt#4",
                 "date": "2024-05-04"}],
    "revisions": [{"value": 9, "replaced_by": 35, "id": "b.txt#1", "by_id": "b.txt#2", "date": "2024-05-01"}],
    "evidence": ["b.txt#4"],
}


def page(claims=HOSTILE_CLAIMS + DATED, tolls=(*HOSTILE_TOLLS, DATED_TOLL), texts=None) -> str:
    texts = {HOSTILE_ID: HOSTILE, "b.txt": TEXT_B} if texts is None else texts
    return "".join(render_report(claims, list(tolls), texts=texts, skipped=3))


def parse(html: str):
    """Strict HTML5 parse (any parse error raises) into an ElementTree without the XHTML namespace."""
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parse(html)


@pytest.fixture(scope="module")
def doc():
    return parse(page())


def text_of(element) -> str:
    return "".join(element.itertext())


def test_the_page_is_valid_html5_and_ids_are_unique(doc):
    ids = [e.get("id") for e in doc.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for link in doc.iter("a"):
        href = link.get("href")
        assert href.startswith("#") and href[1:] in ids, href


def test_hostile_article_is_text_not_markup(doc):
    assert [s.text for s in doc.iter("script")] == [page().split("<script>")[1].split("</script>")[0]]
    assert not list(doc.iter("img")) and not list(doc.iter("iframe")) and not list(doc.iter("textarea"))
    assert not [e for e in doc.iter() if any(k.startswith("on") for k in e.attrib)]
    assert not [e for e in doc.iter() if "javascript:" in (e.get("href") or "") + (e.get("src") or "")]
    article = next(d for d in doc.iter("details") if d.get("data-article") == HOSTILE_ID)
    assert text_of(article.find("div")) == HOSTILE  # the whole text, shown as written
    assert len(list(doc.iter("style"))) == 1


def test_the_csp_allows_exactly_the_page_own_style_and_script(doc):
    html = page()
    csp = doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")
    style = html.split("<style>")[1].split("</style>")[0]
    script = html.split("<script>")[1].split("</script>")[0]

    def digest(s: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"

    rules = dict(r.strip().split(" ", 1) for r in csp.split(";"))
    assert rules["default-src"] == "'none'" and rules["img-src"] == "'none'"
    assert rules["style-src"] == digest(style) and rules["script-src"] == digest(script)
    assert html.index("Content-Security-Policy") < html.index("<style>")
    assert not re.search(r"(?:src|href)=\"(?!#)|url\((?!#)|@import|https?://", html.replace(HOSTILE, "")
                         .replace("https://attacker.example", "")), "nothing may point outside the page"


def test_every_claim_is_one_focusable_highlight_with_its_fields(doc):
    marks = {m.get("data-claim"): m for m in doc.iter("mark") if m.get("data-claim")}
    assert set(marks) == {c["id"] for c in HOSTILE_CLAIMS + DATED}
    for c in HOSTILE_CLAIMS + DATED:
        mark = marks[c["id"]]
        assert mark.get("tabindex") == "0" and mark.text == c["quantity"]
        assert f"source: \u2068{c['source']}\u2069" in mark.get("data-tip")  # isolated: no bidi spill
        assert mark.get("class").split()[0] == f"t-{c['type']}"
        for key in ("victims", "title", "via", "cue"):
            assert f"\n{key}: " in mark.get("data-tip")
    assert 'title: \u2068"><script>alert(1)</script>' in marks[f"{HOSTILE_ID}#3"].get("data-tip")


def test_headings_go_down_one_level_at_a_time(doc):
    levels = [int(e.tag[1]) for e in doc.iter() if isinstance(e.tag, str) and re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_every_chart_has_a_text_alternative(doc):
    charts = [s for s in doc.iter(f"{SVG}svg") if s.get("role") == "img"]
    assert len(charts) == 1  # the dated toll's; a single source gets no chart
    ids = {e.get("id"): e for e in doc.iter() if e.get("id")}
    for svg in charts:
        alt = " ".join(text_of(ids[i]) for i in svg.get("aria-labelledby").split())
        assert "by source" in alt
    figures = [f for f in doc.iter("figure")]
    assert all(f.find("figcaption") is not None and text_of(f.find("figcaption")) for f in figures)
    dated = text_of(next(f for f in figures if "flood-7" in text_of(f.find("figcaption"))).find("figcaption"))
    assert dated == ("Killed in flood-7, by source: the ministry: 35 on 2024-05-01; Rescuers: ≥40 on "
                     "2024-05-02; others: 52 on 2024-05-04.")  # dates as ISO days


def test_a_dated_toll_is_drawn_over_time_with_its_revision_timeline(doc):
    card = next(e for e in doc.iter("article") if e.get("data-event") == "flood-7")
    svg = card.find(f".//{SVG}svg")
    xs = [float(c.get("cx") or c.get("d", "M0").split()[0][1:]) for c in svg.iter()
          if c.tag in (f"{SVG}circle", f"{SVG}path") and "edge" in (c.get("class") or "")]
    assert xs == sorted(xs) and len(xs) == 3
    assert text_of(card.find(".//ol[@class='timeline']")).strip() == "2024-05-01 9 → 35"
    assert card.find(".//p[@class='flag disagree']") is not None
    assert text_of(card.find(".//strong")) == "52"


def test_summary_counts(doc):
    ids = {e.get("id"): text_of(e) for e in doc.iter() if e.get("id")}
    assert (ids["n-articles"], ids["n-claims"], ids["n-events"], ids["n-skipped"]) == ("2", "7", "2", "3")
    assert (ids["n-killed"], ids["n-injured"], ids["n-missing"]) == ("5", "1", "1")


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_type_colours_contrast_with_the_text_at_least_4_5(doc):
    css = next(doc.iter("style")).text
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    for kind in ("killed", "injured", "missing", "casualties", "displaced"):
        assert contrast(colours[kind], colours["ink"]) >= 4.5, kind
        assert f"mark.t-{kind} {{ background: var(--{kind});" in css
    assert contrast(colours["tip"], colours["tip-ink"]) >= 4.5
    assert contrast(colours["paper"], colours["muted"]) >= 4.5
    assert contrast(colours["paper"], colours["link"]) >= 4.5


def test_without_texts_each_article_shows_its_claims_sentences():
    doc = parse("".join(render_report(DATED, [DATED_TOLL])))
    article = next(d for d in doc.iter("details") if d.get("class") == "article")
    passages = article.findall("div")
    assert [text_of(p) for p in passages] == ["The toll rose from nine to 35, the ministry said.",
                                              "Rescuers said 40 were dead; others put it at 52."]
    assert [m.text for m in article.iter("mark")] == ["nine", "35", "40", "52"]


@pytest.mark.parametrize("text, spans, expected", [
    ("12 killed and 30 wounded", [(0, 2), (14, 16)], ["[12]", " killed and ", "[30]", " wounded"]),
    ("at least 12 died", [(0, 11), (9, 11)], ["[at least 12]", "[]", " died"]),  # overlap: an empty highlight
    ("five dead", [(0, 4), (0, 4)], ["[five]", "[]", " dead"]),
])
def test_segments_cut_text_at_claims(text, spans, expected):
    claims = [{"start": s, "end": e, "quantity": text[s:e]} for s, e in spans]
    got = ["[" + s.text + "]" if s.claim else s.text for s in segments(text, claims)]
    assert got == expected
    assert "".join(s.text for s in segments(text, claims)) == text


def test_a_sentence_shared_by_claims_is_shown_once():
    passages = sentence_passages([DATED[2], DATED[3]])
    assert len(passages) == 1 and [s.text for s in passages[0] if s.claim] == ["40", "52"]


@pytest.mark.parametrize("value, qualifier, quantity, expected", [
    (240, "at_least", "at least 240", "≥240"), (500, "more_than", None, ">500"), (30, "at_most", None, "≤30"),
    (10, "less_than", None, "<10"), (50, "about", None, "~50"), (24, "vague", "dozens", "24+"),
    (20, "range", "20 to 30", "20 to 30"), (1200000, "exact", None, "1,200,000"), (None, "exact", None, "no figure"),
])
def test_figure_labels_carry_the_hedge_as_a_sign(value, qualifier, quantity, expected):
    assert figure_label(value, qualifier, quantity) == expected


@pytest.mark.parametrize("lines, message", [
    (["{not json"], "claims.jsonl:2: "),
    (["", '{"id": "a#1", "article": "a", "type": "killed"}'], "claims.jsonl:3: expected a claim with 'value'"),
])
def test_a_bad_claim_is_reported_and_the_others_shown(tmp_path, lines, message):
    good = (Path(__file__).parent / "golden" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join([good, *lines]) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--claims", str(path), "-o", str(out)])
    assert result.exit_code == 1 and message in result.stderr, result.output
    marks = [m for m in parse(out.read_text(encoding="utf-8")).iter("mark") if m.get("data-claim")]
    assert [m.get("data-claim") for m in marks] == [json.loads(good)["id"]]


def test_event_and_date_fields_group_articles_and_draw_figures_over_time(tmp_path):
    """Claims carried with their record (extract --carry incident,day): one event, a time axis."""
    path = tmp_path / "claims.jsonl"
    rows = [dict(c, article=f"{c['article']}-{i}", id=f"{c['article']}-{i}#1", record={"incident": "flood-7",
                 "day": f"2024-05-0{i + 1}"}) for i, c in enumerate([DATED[1], DATED[2], DATED[3]])]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--claims", str(path), "--event-field", "incident",
                                       "--date-field", "day", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = parse(out.read_text(encoding="utf-8"))
    cards = [e for e in doc.iter("article") if e.get("data-event")]
    assert [(c.get("data-event"), c.get("data-type")) for c in cards] == [("flood-7", "killed")]
    assert text_of(cards[0].find(".//strong")) == "52"
    # the ministry's 35 of May 1 is updated by the rescuers' "at least 40" of May 2 (a revision, not a source)
    assert "on 2024-05-02" in text_of(cards[0].find(".//figcaption"))
    ticks = [text_of(t) for t in cards[0].iter(f"{SVG}text") if t.get("class") == "tick"]
    assert "2 May" in ticks and "0" in ticks  # the time chart's axes, with ticks


GOLDEN = Path(__file__).parent / "golden" / "seeds.jsonl"


def test_cli_report_from_claims_writes_one_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--claims", str(GOLDEN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = parse(out.read_text(encoding="utf-8"))
    claims = [json.loads(line) for line in GOLDEN.open(encoding="utf-8")]
    assert [m.get("data-claim") for m in doc.iter("mark") if m.get("data-claim")] == [c["id"] for c in claims]
    assert "2 articles read, 8 claims" in result.stderr
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("args, message", [
    (["report"], "give either PATHS or --claims FILE"),
    (["report", "seeds/", "--claims", str(GOLDEN)], "give either PATHS or --claims FILE"),
    (["report", "--claims", "no-such.jsonl"], "no-such.jsonl"),
    (["report", "--claims", str(GOLDEN), "-o", "no-such-folder/r.html"], "does not exist"),
    (["report", "--claims", str(GOLDEN), "--type", "dead"], "expected claim types"),
])
def test_cli_report_usage_errors_exit_2(args, message):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_many_events_start_closed_with_their_figures_in_one_line():
    tolls = [dict(DATED_TOLL, event=f"event-{i}") for i in range(11)]
    doc = parse("".join(render_report(DATED, tolls)))
    events = [d for d in doc.iter("details") if d.get("class") == "event"]
    assert len(events) == 11 and all(d.get("open") is None for d in events)
    assert text_of(events[0].find("summary")).split() == ["event-0", "killed", "52", "⚠"]
    few = parse("".join(render_report(DATED, [DATED_TOLL])))
    assert all(d.get("open") is not None for d in few.iter("details") if d.get("class") == "event")


@pytest.mark.model
def test_cli_report_counts_people_described_one_by_one(tmp_path):
    article = tmp_path / "single.txt"
    article.write_text("A 25-year-old man was shot and killed on Main Street on Sunday, police said.\n",
                       encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(article), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    card = next(e for e in parse(out.read_text(encoding="utf-8")).iter("article") if e.get("data-type") == "killed")
    assert text_of(card.find(".//strong")) == "1"
    assert text_of(card.find(".//q")).startswith("A 25-year-old man was shot and killed")


# --- cards and charts without a browser (tests/test_report_browser.py measures them in Chromium) -----------

@pytest.mark.parametrize("value, qualifier, expected", [
    (500, "more_than", "more than 500"), (240, "at_least", "at least 240"), (50, "about", "about 50"),
    (30, "at_most", "up to 30"), (10, "less_than", "fewer than 10"), (1200, "exact", "1,200"), (0, "exact", "0"),
    (None, None, "no figure"),
])
def test_the_figure_to_quote_keeps_its_hedge_in_words(value, qualifier, expected):
    assert hedged(value, qualifier) == expected


@pytest.mark.parametrize("days, window", [
    # an anniversary article a year later does not stretch the window
    (["2016-03-04", "2016-03-05", "2016-03-09", "2017-03-04"], ("2016-03-04", "2016-03-09")),
    # follow-ups within 60 days of each other stay in it
    (["2015-01-20", "2015-01-21", "2015-02-25", "2015-03-09", "2016-08-15"], ("2015-01-20", "2015-03-09")),
    # of two runs as long, the earlier
    (["2014-06-05", "2014-06-11", "2015-08-02", "2015-08-06"], ("2014-06-05", "2014-06-11")),
    (["2024-05-01"], ("2024-05-01", "2024-05-01")),
])
def test_the_reporting_window_is_the_longest_run_of_dates(days, window):
    got = reporting_window([date.fromisoformat(d) for d in days])
    assert got is not None and (got[0].isoformat(), got[1].isoformat()) == window


@pytest.mark.parametrize("top, ticks", [(3, [0, 1, 2, 3]), (17, [0, 10, 20]), (471, [0, 200, 400, 600]),
                                        (1, [0, 1]), (0, [0, 1])])
def test_value_ticks_are_round_and_reach_the_top(top, ticks):
    assert value_ticks(top) == ticks


@pytest.mark.parametrize("wanted, heights", [
    ([50, 50, 50], [15, 15, 30]),  # three labels for one point
    ([10, 12, 180, 181], [30, 15, 15, 15]),  # crowded at both ends
    ([100], [15]),
])
def test_dodged_labels_never_overlap_and_stay_in_the_band(wanted, heights):
    tops = dodge(wanted, heights, 0, 200)
    spans = sorted(zip(tops, heights, strict=True))
    assert all(a + h <= b + 1e-6 for (a, h), (b, _) in zip(spans, spans[1:], strict=False))
    assert all(0 <= t and t + h <= 200 for t, h in zip(tops, heights, strict=True))


def test_long_names_wrap_to_two_lines_within_the_width():
    lines = wrap("471 Dr. Ahmed al-Mansouri, director of the emergency department of the hospital", 240)
    assert len(lines) == 2 and lines[-1].endswith("…") and all(text_width(line) <= 240 for line in lines)
    assert wrap("5 the article 4734f64d1ef7a5b7f88ddb3c08aa8be8c3535c9aadc34c04e915a139ec1df4d2", 120)[-1].endswith("…")


@pytest.mark.parametrize("value, link", [
    ("https://news.example/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("data:text/html,x", False), ("file:///etc/passwd", False), ("https://a.example/x y", False), (42, False),
])
def test_only_web_addresses_become_links(value, link):
    assert is_link(value) is link


def test_carried_fields_name_and_link_each_article(tmp_path):
    """--claims with --carry, --date-field and --title-field (fields of the claims' record): the article is
    named by its title, its web address is a link, its date an ISO date."""
    path = tmp_path / "claims.jsonl"
    rows = [dict(DATED[1], record={"url": "https://news.example/flood", "day": "2024-05-01",
                                   "title": "Flood toll rises to 35"}),
            dict(DATED[2], article="c.txt", id="c.txt#1", record={"url": "javascript:alert(1)", "day": "2024-05-02"})]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", "--claims", str(path), "--carry", "url", "--date-field", "day",
                                       "--title-field", "title", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = parse(out.read_text(encoding="utf-8"))
    articles = {d.get("data-article"): d for d in doc.iter("details") if d.get("class") == "article"}
    links = [a.get("href") for a in articles["b.txt"].iter("a")]
    assert links == ["https://news.example/flood"]
    assert [t.text for t in articles["b.txt"].iter("time")] == ["2024-05-01"]
    assert text_of(articles["b.txt"].find(".//h3")) == "Flood toll rises to 35"  # named by its record's title
    assert text_of(articles["c.txt"].find(".//h3")) == "c.txt"  # no title: its id
    assert not [a for a in articles["c.txt"].iter("a")]  # not a web address: shown as text
    assert "javascript:alert(1)" in text_of(articles["c.txt"])


def test_figures_left_out_are_grouped_by_reason_each_value_once():
    toll = dict(DATED_TOLL, excluded=[{"id": "b.txt#1", "value": 9, "reason": "superseded"},
                                      {"id": "x#1", "value": 2, "reason": "part"},
                                      {"id": "y#1", "value": 2, "reason": "part"},
                                      {"id": "y#2", "value": 1, "reason": "part"}])
    doc = parse("".join(render_report(DATED, [toll])))
    left_out = {li.get("data-reason"): text_of(li) for li in doc.iter("li") if li.get("data-reason")}
    assert left_out == {"superseded": "Replaced by a later figure: 9",
                        "part": "Part of another figure: 2 ×2, 1"}


def test_titles_and_links_from_records_are_text_not_markup():
    meta = {"b.txt": {"title": "<script>alert(1)</script>\u202etxt.exe", "date": "2024-05-01",
                      "carried": {"url": 'https://news.example/a"><script>alert(2)</script>', "note": "<b>x</b>"}}}
    html = "".join(render_report(DATED, [DATED_TOLL], texts={"b.txt": TEXT_B}, meta=meta,
                                 event_articles={"flood-7": ["b.txt"]}))
    doc = parse(html)
    assert [s.text for s in doc.iter("script")] == [html.split("<script>")[1].split("</script>")[0]]
    article = next(d for d in doc.iter("details") if d.get("class") == "article")
    name = article.find(".//h3/bdi")
    assert name.text == "<script>alert(1)</script>\u202etxt.exe"  # isolated: the override stays inside
    links = [a.get("href") for a in doc.iter("a") if a.get("class") == "out"]
    assert links == ['https://news.example/a"><script>alert(2)</script>'] * 2  # the article and its event's list
    assert "note: <b>x</b>" in text_of(article)
    event = next(d for d in doc.iter("details") if d.get("class") == "event")
    assert text_of(event.find(".//h3")) == name.text  # the event is named by its article's title
    rows = next(t for t in doc.iter("table") if t.get("id") == "claims-table").find("tbody")
    assert {text_of(row[-1]) for row in rows} == {name.text}  # the table of claims names it so too
