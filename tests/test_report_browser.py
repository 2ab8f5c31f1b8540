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
    assert text_of(mosul.find(".//strong")) == "240"
    assert "“at least 240”" in text_of(mosul.find(".//p[@class='evidence']"))
    assert "Abdul Sattar al-Habbo: ≥240" in text_of(mosul.find(".//figcaption"))
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
