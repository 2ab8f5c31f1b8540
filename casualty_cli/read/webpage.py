"""The main text of a saved web page: trafilatura, else (when it cannot be imported) our reader.

News pages put teaser cards, comments, "related stories", newsletter boxes and cookie banners
inside or beside the story, often in plain `<div>`s. trafilatura, a dependency, scores blocks by
text density and link share and drops them; on the pages in `tests/data/pages/` it lets no
boilerplate claim through, the built-in reader (`html_text`: `<article>`, else `<main>`, else
`<body>`, minus nav/aside/footer...) lets 20 through. Comments are off; figure captions are kept
(renamed to paragraphs first, since their claims count, claim-spec §1), and the headline is put
first when trafilatura left it out. The built-in reader stays as the fallback, for a page where
trafilatura finds no text and for an install where trafilatura cannot be imported (a broken lxml,
a vendored copy without it): `inputs.plan_inputs` then warns once.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

TRAFILATURA = "trafilatura"
BUILT_IN = "the built-in reader"
_FIGURE = re.compile(r"<(/?)(figcaption|figure)\b", re.IGNORECASE)


def trafilatura_problem() -> str | None:
    """Why trafilatura cannot be imported, or None when it can."""
    try:
        import trafilatura  # noqa: F401
    except ImportError as e:
        return str(e) or type(e).__name__
    return None


def have_trafilatura() -> bool:
    """Whether trafilatura can be imported."""
    return trafilatura_problem() is None


def page_text(html: str, *, reader: str | None = None) -> tuple[str, str]:
    """(main text, which reader found it); `reader` forces one (TRAFILATURA or BUILT_IN)."""
    if (reader or (TRAFILATURA if have_trafilatura() else BUILT_IN)) == TRAFILATURA:
        text = trafilatura_text(html)
        if text:
            return text, TRAFILATURA
    return html_text(html), BUILT_IN


def trafilatura_text(html: str) -> str:
    """trafilatura's main text, comments off, captions kept, headline first; "" when it finds none."""
    from trafilatura import bare_extraction

    marked = _FIGURE.sub(lambda m: f"<{m.group(1)}{'p' if m.group(2).lower() == 'figcaption' else 'div'}", html)
    doc = bare_extraction(marked, include_comments=False, include_tables=True, with_metadata=True,
                          favor_precision=True)
    text = str(getattr(doc, "text", "") or "")  # a Document, or None when it finds nothing
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        return ""
    title = str(getattr(doc, "title", "") or "").strip()
    if title and title not in paragraphs[0]:
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs) + "\n"


# -- the built-in reader ----------------------------------------------------------------------

_DROP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "footer", "aside",
                   "form", "iframe", "button", "select", "head", "title", "header-chrome"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                    "section", "article", "main", "blockquote", "pre", "hr", "dd", "dt", "body"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                   "track", "wbr"})


class _MainText(HTMLParser):
    """Collects text per container (`article`, `main`, `body`), leaving out boilerplate blocks.

    Open tags are kept as a stack and counted by name, so every question ("inside an
    `<article>`?") is answered in constant time and 100,000 nested elements read in linear time.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_depth = 0
        self.open: list[str] = []
        self.depth: Counter[str] = Counter()
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": [], "all": []}
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in _BLOCK:
                self._add("\n")
            return
        # A page's <header> is site chrome; an <article>'s <header> holds the headline.
        if tag == "header" and not self.depth["article"]:
            tag = "header-chrome"
        self.open.append(tag)
        self.depth[tag] += 1
        if tag in _DROP:
            self.drop_depth += 1
        elif tag in _BLOCK:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "header" and self.depth["header-chrome"] and not self.depth["header"]:
            tag = "header-chrome"
        if not self.depth[tag]:
            return
        while self.open:
            top = self.open.pop()
            self.depth[top] -= 1
            if top in _DROP:
                self.drop_depth -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "title":
            self.title.append(data)
        if self.drop_depth == 0:
            self._add(data)

    def _add(self, text: str) -> None:
        self.parts["all"].append(text)
        for container in ("article", "main", "body"):
            if self.depth[container]:
                self.parts[container].append(text)


def html_text(html: str) -> str:
    """The main text of a web page: `<article>`, else `<main>`, else `<body>`, without boilerplate."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    for container in ("article", "main", "body", "all"):
        raw = "".join(parser.parts[container])
        if raw.strip():
            break
    # Collapse markup whitespace but keep no-break spaces, which belong to the text ("1\xa0200").
    lines = (_SPACES.sub(" ", line).strip(" ") for line in raw.split("\n"))
    paragraphs = [line for line in lines if line]
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
