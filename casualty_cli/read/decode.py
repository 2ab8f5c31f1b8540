"""Bytes to text: which encoding an input is in, and a note when it is not UTF-8.

The order, cheapest and surest first:

1. a BOM (UTF-8, UTF-16) says it;
2. NUL bytes on every other position are UTF-16 without a BOM (Arabic or Cyrillic UTF-16
   has NULs only in its spaces, digits and punctuation, so one side of the pairs is enough);
   other NUL bytes are binary data, not text;
3. a web page's own `<meta charset>` or `http-equiv="Content-Type"` declaration;
4. strict UTF-8, the fast path for nearly every input;
5. text with few non-ASCII bytes (under `WESTERN_SHARE`, or fewer than `MIN_EVIDENCE`) is
   Western European: cp1252, else latin-1. charset-normalizer has too little evidence there
   and guesses freely (cp775 for the FA-KES CSV, cp1250 for "Café");
6. anything else goes to charset-normalizer, which reads Arabic, Cyrillic, Chinese and Japanese
   code pages (cp1256, ISO-8859-6, cp1251, KOI8-R, GB18030, Shift-JIS, ...); the note names
   the encoding it found.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import IO

# How much of an input is looked at for NUL bytes and for a page's charset declaration.
SNIFF = 8192
# Below this share of bytes >= 0x80, a non-UTF-8 text is read as Western European (cp1252).
WESTERN_SHARE = 0.1
# ... or when it has fewer such bytes than this: too little for a detector to go on.
MIN_EVIDENCE = 32
_ASCII = bytes(range(0x80))
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG encoding labels whose meaning differs from Python's codec of the same name.
_WHATWG = {"iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
           "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8", "euc_kr": "cp949", "big5": "big5hkscs"}
# Text without NUL bytes is not UTF-16 or UTF-32 (step 2 reads those), whatever a detector says.
_NO_NULS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


class NotText(ValueError):
    """Bytes that are not text in any encoding we read (NUL bytes outside UTF-16)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text, the encoding it was read as, and what to tell the user about it (None: nothing)."""

    text: str
    encoding: str
    note: str | None = None


def decode(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Text and the encoding used; `read` also says how the encoding was found."""
    found = read(data, html=html)
    return found.text, found.encoding


def read(data: bytes, *, html: bool = False) -> Decoded:
    """Decode `data` (see the module docstring for the order); raises `NotText` for binary data.

    `html=True` honours the page's own charset declaration.
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    head = data[:SNIFF]
    if b"\x00" in head:
        return _utf16_without_bom(data, head)
    if html:
        declared = declared_charset(head)
        if declared is not None:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                note = None if declared == "utf-8" else f"decoded as {declared}, as the page declares"
                return Decoded(text, declared, note)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    high = len(data.translate(None, _ASCII))  # bytes >= 0x80, counted in C
    if high < WESTERN_SHARE * len(data) or high < MIN_EVIDENCE:
        return _western(data)
    return _detected(data)


def first_line(handle: IO[bytes], limit: int = 1 << 24) -> str:
    """The first line of a file decoded whole (a CSV header): the bytes up to the first b"\n" are a whole
    line in UTF-8 and the legacy encodings, but in UTF-16 that byte is half of "\n" (or of another
    character), so UTF-16 is decoded on until a "\n" character."""
    head = handle.readline(limit)
    if len(head) % 2 and (head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head):
        head += handle.read(1)  # UTF-16 in whole code units
    found = read(head)
    if not found.encoding.startswith("utf-16"):
        return found.text
    decoder = codecs.getincrementaldecoder(found.encoding)(errors="replace")
    text = decoder.decode(head)
    while "\n" not in text and len(text) < limit:
        more = handle.read(1 << 16)
        if not more:
            break
        text += decoder.decode(more)
    return text.split("\n", 1)[0]


def declared_charset(head: bytes) -> str | None:
    """The Python codec of a page's `<meta charset>` / http-equiv Content-Type, if it names one."""
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if _PRINTABLE_ASCII.decode(name, errors="replace").encode("ascii", errors="replace") != _PRINTABLE_ASCII:
        return None  # cp037, UTF-16 ...: the declaration was read as ASCII, so the page is not in it (as browsers do)
    return _WHATWG.get(name, name)


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _western(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("cp1252"), "cp1252", "not valid UTF-8, decoded as cp1252")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", "not valid UTF-8, decoded as latin-1")


def _detected(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_exclusion=_NO_NULS).best()
    if best is None:
        return _western(data)
    name = best.encoding.replace("_", "-")
    return Decoded(str(best), name, f"not valid UTF-8, decoded as {name} (detected by charset-normalizer)")


def _utf16_without_bom(data: bytes, head: bytes) -> Decoded:
    """UTF-16 told by its NULs, which fall on one side of the byte pairs only; else `NotText`."""
    n = len(head) - len(head) % 2
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    half = max(n // 2, 1)
    if odd >= 0.1 * half and even <= 0.01 * half:
        enc = "utf-16-le"
    elif even >= 0.1 * half and odd <= 0.01 * half:
        enc = "utf-16-be"
    else:
        raise NotText("binary data (NUL bytes), not text")
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise NotText(f"binary data, not text ({e.reason} as {enc})") from e
    if not _looks_like_text(text[:SNIFF]):
        raise NotText(f"binary data (NUL bytes), not text as {enc} either")
    return Decoded(text, enc)


def _looks_like_text(text: str) -> bool:
    """Mostly letters, digits, punctuation and spaces: not control codes or unassigned points."""
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") and ch not in "\n\r\t")
    return bad <= 0.02 * max(len(text), 1)
