"""The main text of a saved web page: trafilatura when the `html` extra is installed, else our reader.

News pages put teaser cards, comments, "related stories", newsletter boxes and cookie banners
inside or beside the story, often in plain `<div>`s. trafilatura (`pip install 'casualty[html]'`)
scores blocks by text density and link share and drops them; on the pages in
`tests/data/pages/` it lets no boilerplate claim through, the built-in reader (`inputs.html_text`:
`<article>`, else `<main>`, else `<body>`, minus nav/aside/footer...) lets 20 through. Comments are
off; figure captions are kept (renamed to paragraphs first, since their claims count, claim-spec
§1), and the headline is put first when trafilatura left it out. The built-in reader stays the
default without the extra: it needs no dependency and is easy to reason about.
"""
from __future__ import annotations

import re

TRAFILATURA = "trafilatura"
BUILT_IN = "the built-in reader"
_FIGURE = re.compile(r"<(/?)(figcaption|figure)\b", re.IGNORECASE)


def have_trafilatura() -> bool:
    """Whether the `html` extra is installed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def page_text(html: str, *, reader: str | None = None) -> tuple[str, str]:
    """(main text, which reader found it); `reader` forces one (TRAFILATURA or BUILT_IN)."""
    from .inputs import html_text

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
