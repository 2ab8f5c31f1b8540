"""Text made safe to reach a terminal: nothing in an article, a file name or a JSON key can move
the cursor, clear the screen, set the window title, reverse the reading order or start a line.

Control characters (C0 but the tab, DEL, C1), line and paragraph separators and the bidi
controls (embeddings, overrides, isolates, marks) are shown escaped, as Python writes them:
ESC as `\\x1b`, a newline as `\\n`, RIGHT-TO-LEFT OVERRIDE as `\\u202e`. Everything else,
letters of every script included, is left as it is.
"""
from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r"}
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = ([chr(c) for c in range(0x20) if c != 0x09] + [chr(c) for c in range(0x7F, 0xA0)]
           + ["\u2028", "\u2029", *_BIDI])


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLE = str.maketrans({char: _escaped(char) for char in _UNSAFE})


def for_terminal(text: object) -> str:
    """`text` (any value, as `str()` shows it) on one line, its control and bidi characters escaped."""
    return str(text).translate(_TABLE)


def is_safe(text: str) -> bool:
    """True when `for_terminal` would leave `text` as it is."""
    return text.translate(_TABLE) == text
