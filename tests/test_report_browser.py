"""The report in a real browser: headless Chromium opens it from file:// and we read the DOM it built.

Checks what only a browser can tell: the page's own script ran (the hash in the CSP matches),
nothing from a hostile article ran, no request left the page (Chromium's net log), and what it
looks like (a screenshot). Skipped when Chromium is missing; `.ci/run` installs it.
Set CASUALTY_SCREENSHOT=docs/report.png to refresh the README's screenshot.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from casualty_cli.cli import main

from .test_report import HOSTILE, HOSTILE_CLAIMS, HOSTILE_ID, HOSTILE_TOLLS, page, text_of

html5lib = pytest.importorskip("html5lib", reason="pip install html5lib (in the test extras)")
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium: `sudo apt-get install chromium` "
                                "(Debian/Ubuntu; .ci/run does it) or put chromium on PATH")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pings",
         "--disable-domain-reliability", "--disable-default-apps",
         # Belt and braces: should the page ask for a host, the name does not resolve. The net log still
         # records the attempt, which is what the tests look for.
         "--host-resolver-rules=MAP * ~NOTFOUND"]


def chromium(page_path: Path, tmp: Path, *extra: str, fragment: str = "") -> tuple[str, list[str]]:
    """The DOM after the page's scripts ran, and every URL the page itself asked the network for."""
    netlog = tmp / "net.json"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", f"--log-net-log={netlog}",
                           *extra, page_path.as_uri() + fragment], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, page_requests(json.loads(netlog.read_text(encoding="utf-8")))


def page_requests(log: dict) -> list[str]:
    """URLs of requests made for a file:// page (the browser's own, e.g. update checks, have no page
    origin in their isolation key and are left out)."""
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in log["events"] if e["type"] == start
            and "file://" in str(e["params"].get("network_isolation_key", ""))]


def dom(html: str):
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def test_the_net_log_check_sees_requests_from_a_page(tmp_path):
    """The control: a page without the CSP that loads an image and fetches is caught."""
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><title>t</title><img src="https://attacker.example/x.png">'
                     '<script>fetch("https://attacker.example/y")</script>', encoding="utf-8")
    _, requests = chromium(probe, tmp_path, "--dump-dom")
    assert set(requests) == {"https://attacker.example/x.png", "https://attacker.example/y"}


def test_hostile_article_runs_nothing_and_loads_nothing(tmp_path):
    report = tmp_path / "hostile.html"
    report.write_text(page(), encoding="utf-8")
    html, requests = chromium(report, tmp_path, "--dump-dom", fragment="#c1")
    tree = dom(html)
    assert requests == []
    assert text_of(tree.find(".//title")) == "Casualty report"
    opened = [d.get("data-article") for d in tree.iter("details")
              if d.get("open") is not None and d.get("class") == "article"]
    assert opened == [HOSTILE_ID], "the page's own script (allowed by its hash) opens the linked article"
    assert not [e for e in tree.iter() if e.get("id") in ("pwned", "pwned2")]
    assert not list(tree.iter("blink")) and not list(tree.iter("img")) and not list(tree.iter("iframe"))
    article = next(d for d in tree.iter("details") if d.get("data-article") == HOSTILE_ID)
    assert text_of(article.find("div")) == HOSTILE
    marks = {m.get("data-claim"): m for m in article.iter("mark")}
    assert {c["id"]: c["source"] for c in HOSTILE_CLAIMS} == {k: m.get("data-source") for k, m in marks.items()}
    cards = [c for c in tree.iter("article") if c.get("data-event") == HOSTILE_ID]
    assert [text_of(c.find(".//strong")) for c in cards] == [f"{t['best']}" for t in HOSTILE_TOLLS]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """What `make report` builds (run from the repository, so articles are named seeds/...)."""
    out = tmp_path_factory.mktemp("report") / "report.html"
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["report", "seeds/", "-o", str(out), "--quiet"])
        claims = CliRunner().invoke(main, ["extract", "seeds/", "--format", "jsonl", "--quiet"])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return out, [json.loads(line) for line in claims.stdout.splitlines()]


@pytest.mark.model
def test_seeds_report_highlights_every_claim_with_its_source(seeds_report, tmp_path):
    report, claims = seeds_report
    html, requests = chromium(report, tmp_path, "--dump-dom")
    tree = dom(html)
    assert requests == []
    marks = {m.get("data-claim"): m for m in tree.iter("mark") if m.get("data-claim")}
    assert len(claims) == 8 and set(marks) == {c["id"] for c in claims}
    for c in claims:
        assert text_of(marks[c["id"]]) == c["quantity"]
        assert marks[c["id"]].get("data-source") == (c["source"] or "")
        tip = marks[c["id"]].get("data-tip")
        assert "\u2068" in tip  # every text in the tip is a bidi isolate (issue 28)
        assert f"source: {c['source'] or '—'}\n" in tip.replace("\u2068", "").replace("\u2069", "")


@pytest.mark.model
def test_seeds_toll_cards_show_the_figures(seeds_report, tmp_path):
    report, claims = seeds_report
    tree = dom(chromium(report, tmp_path, "--dump-dom")[0])
    cards = {(c.get("data-event"), c.get("data-type")): c for c in tree.iter("article") if c.get("data-event")}
    mosul = cards[("seeds/003_bc25c325cde308e9.txt", "killed")]
    assert text_of(mosul.find(".//strong")) == "at least 240"  # the hedge in words, never a bare 240
    assert "“at least 240”" in text_of(mosul.find(".//p[@class='evidence']"))
    # the article's own "more than 200" in its lead and the mayor's "at least 240" agree: two sources, a chart
    sources = " ".join(text_of(mosul.find(".//ul[@class='sources']")).split())
    assert "Abdul Sattar al-Habbo : at least 240" in sources.replace(":", " :").replace("  ", " ")
    assert "the article itself : more than 200" in sources.replace(":", " :").replace("  ", " ")
    flags = [text_of(p) for p in mosul.iter("p") if (p.get("class") or "").startswith("flag")]
    assert flags == ["2 sources agree"]
    assert mosul.find(".//figure") is not None
    assert len([c for c in claims if not c["part_of"]]) >= len(cards) >= 5


@pytest.mark.model
def test_screenshot_of_the_seeds_report(seeds_report, tmp_path):
    report, _ = seeds_report
    shot = tmp_path / "report.png"
    chromium(report, tmp_path, f"--screenshot={shot}", "--window-size=1100,1500", "--hide-scrollbars")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("CASUALTY_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / os.environ["CASUALTY_SCREENSHOT"])


@pytest.mark.model
def test_seeds_report_prints(seeds_report, tmp_path):
    """A PDF of several pages (print CSS: one section a page, no tooltips or filters; articles opened)."""
    report, _ = seeds_report
    pdf = tmp_path / "report.pdf"
    chromium(report, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 4


# --- cards and charts, measured in the browser -------------------------------------------------------------

# The page's own script stays; the CSP is dropped from this copy only, so the measuring script below may run.
MEASURE = """(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var out = [];
  document.querySelectorAll("figure.chart").forEach(function (fig) {
    var card = fig.closest("article");
    var svg = fig.querySelector("svg[role=img]");
    var scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
    var nodes = fig.querySelectorAll("svg[role=img] text, ul.sources > li");
    out.push({event: card.dataset.event, type: card.dataset.type, kind: fig.className,
      marks: Array.prototype.map.call(fig.querySelectorAll("[data-id]"), function (e) { return e.dataset.id; }),
      labels: Array.prototype.map.call(nodes, function (e) {
        var r = e.getBoundingClientRect();
        return {text: e.textContent, size: parseFloat(getComputedStyle(e).fontSize) * (e.closest("svg") ? scale : 1),
                box: [r.left, r.top, r.right, r.bottom]};
      })});
  });
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}());"""


def measured(html: str, tmp: Path) -> tuple[object, list[dict]]:
    """The DOM of `html` in Chromium and, for every chart, its marks and each label's font size and box."""
    probe = tmp / "measured.html"
    probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
                     .replace("</body>", f"<script>{MEASURE}</script></body>"), encoding="utf-8")
    tree = dom(chromium(probe, tmp, "--dump-dom", "--window-size=1200,4000")[0])
    return tree, json.loads(text_of(next(e for e in tree.iter("pre") if e.get("id") == "measured")))


def overlaps(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes share any area (touching edges do not count)."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            if min(r1, r2) - max(l1, l2) > 0.5 and min(b1, b2) - max(t1, t2) > 0.5:
                out.append((a["text"], b["text"]))
    return out


def _source(who, value, qualifier, n, date=None, article="gaza.txt"):
    return {"source": who, "value": value, "qualifier": qualifier, "low": value, "high": None if qualifier in (
            "at_least", "more_than") else value, "article": article, "date": date, "id": f"{article}#{n}"}


HEDGED = {"event": "mosul.txt", "type": "killed", "best": 500, "best_qualifier": "more_than", "low": 500, "high": None,
          "sources": [_source(None, 500, "more_than", 1, article="mosul.txt")], "disagreement": False, "revisions": [],
          "excluded": [], "articles": 1, "as_of": None, "evidence": ["mosul.txt#1"]}
LEFT_OUT = {"event": "mosul.txt", "type": "casualties", "best": None, "best_qualifier": None, "low": None,
            "high": None, "sources": [], "disagreement": False, "revisions": [], "articles": 1, "as_of": None,
            "excluded": [{"id": "mosul.txt#2", "value": 531, "reason": "period_total"},
                         {"id": "mosul.txt#3", "value": 200, "reason": "part"}], "evidence": []}
# Four sources over a week and one a year later (an anniversary piece): the axis keeps to the week.
OVER_TIME = {"event": "hospital-strike", "type": "killed", "best": 471, "best_qualifier": "exact", "low": 300,
             "high": 500, "disagreement": True, "articles": 5, "as_of": "2024-10-17", "excluded": [],
             "sources": [_source("Gaza health ministry", 500, "exact", 1, "2023-10-17"),
                         _source("the Gaza Ministry of Health, revising its figure after a recount", 471, "exact", 2,
                                 "2023-10-18"),
                         _source("US intelligence officials speaking on condition of anonymity", 100, "at_least",
                                 3, "2023-10-18"),
                         _source("Dr. Ahmed al-Mansouri, director of the hospital's emergency department", 300,
                                 "about", 4, "2023-10-24"),
                         _source("Human Rights Watch", 471, "exact", 5, "2024-10-17")],
             "revisions": [{"value": 500, "replaced_by": 471, "id": "gaza.txt#1", "by_id": "gaza.txt#2",
                            "date": "2023-10-18"}], "evidence": ["gaza.txt#2"]}
BARS = {"event": "bridgeport", "type": "injured", "best": 6, "best_qualifier": "at_least", "low": 4, "high": 6,
        "disagreement": False, "articles": 1, "as_of": None, "excluded": [], "revisions": [], "evidence": [],
        "sources": [_source("Bridgeport police", 4, "exact", 6, article="bp.txt"),
                    _source("a spokesman for St. Vincent's Medical Center in Bridgeport", 6, "at_least", 7,
                            article="bp.txt")]}


def test_cards_show_the_hedge_what_was_left_out_and_chart_exactly_their_sources(tmp_path):
    from casualty_cli.write.report import render_report

    tolls = [HEDGED, LEFT_OUT, OVER_TIME, BARS]
    tree, charts = measured("".join(render_report([], tolls)), tmp_path)
    cards = {(c.get("data-event"), c.get("data-type")): c for c in tree.iter("article") if c.get("data-event")}
    hedged = cards[("mosul.txt", "killed")]
    assert text_of(hedged.find(".//strong")) == "more than 500"  # never a bare 500
    assert text_of(hedged.find(".//p[@class='flag one']")) == "One source: the article itself"
    assert "agree" not in text_of(hedged) and hedged.find(".//figure") is None  # no chart of one source
    left_out = {li.get("data-reason"): text_of(li) for li in cards[("mosul.txt", "casualties")].iter("li")}
    assert left_out == {"period_total": "A total over a period: 531",  # the words of `tolls --details` too
                        "part": "Part of another figure: 200"}
    assert text_of(cards[("mosul.txt", "casualties")].find(".//strong")) == "no figure"
    over_time = cards[("hospital-strike", "killed")]
    assert "⚠ Sources disagree" in text_of(over_time)
    assert text_of(over_time.find(".//ol[@class='timeline']")).strip() == "2023-10-18 500 → 471"
    assert "From 5 articles, as of 2024-10-17." in text_of(over_time)
    by_card = {(c["event"], c["type"]): c for c in charts}
    assert set(by_card) == {("hospital-strike", "killed"), ("bridgeport", "injured")}
    for key, toll in (("hospital-strike", "killed"), OVER_TIME), (("bridgeport", "injured"), BARS):
        chart = by_card[key]
        assert sorted(chart["marks"]) == sorted(s["id"] for s in toll["sources"])  # exactly the sources
        assert all(label["size"] >= 11 for label in chart["labels"]), chart["labels"]
        assert overlaps(chart["labels"]) == []
    timeline = by_card[("hospital-strike", "killed")]
    assert "time" in timeline["kind"]
    ticks = [label["text"] for label in timeline["labels"]]
    assert "17 Oct" in ticks and not any("2024" in t for t in ticks)  # the anniversary does not stretch the axis
    assert over_time.find(".//figure").get("data-window") == "2023-10-17/2023-10-24"
    outside = next(p for p in over_time.iter("p") if p.get("class") == "outside")
    assert "Human Rights Watch on 2024-10-17" in text_of(outside)


GVA_LIKE = Path(__file__).parent / "data" / "report" / "gva_like.jsonl"


@pytest.mark.model
def test_a_report_of_records_names_articles_and_events_by_title_date_and_link(tmp_path):
    """GVA-like JSON Lines records (written for this test) with titles, dates and URLs: names, links, and
    chart labels measured in Chromium."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(GVA_LIKE), "--text-field", "content", "--id-field", "doc_id",
                                       "--title-field", "title", "--event-field", "incident_id", "--date-field", "dct",
                                       "--carry", "url", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in GVA_LIKE.open(encoding="utf-8")]
    tree, charts = measured(out.read_text(encoding="utf-8"), tmp_path)
    articles = {d.get("data-article"): d for d in tree.iter("details") if d.get("class") == "article"}
    for r in records:
        article = articles[r["doc_id"]]
        assert text_of(article.find(".//h3")) == r["title"]
        assert [a.get("href") for a in article.iter("a") if a.get("class") == "out"] == [r["url"]]
    assert [t.text for t in articles["elm-2"].iter("time")] == ["2016-03-05"]
    events = {d.get("id"): d for d in tree.iter("details") if d.get("class") == "event"}
    names = [text_of(d.find(".//h3")) for d in events.values()]
    assert names == ["Two killed, three wounded in Elm Street shooting", "Man shot dead outside Main Street bar"]
    elm = next(d for d in events.values() if "Elm Street" in text_of(d.find(".//h3")))
    listed = [a.get("href") for a in elm.iter("a") if a.get("class") == "out"]
    assert listed == [r["url"] for r in records if r["incident_id"] == "elm-street"]
    killed = next(c for c in elm.iter("article") if c.get("data-type") == "killed")
    assert text_of(killed.find(".//strong")) == "3"
    assert charts, "the Elm Street toll has several sources: a chart"
    for chart in charts:
        assert all(label["size"] >= 11 for label in chart["labels"]), chart["labels"]
        assert overlaps(chart["labels"]) == []
        assert not any("2017" in label["text"] for label in chart["labels"])  # the anniversary piece is a note
