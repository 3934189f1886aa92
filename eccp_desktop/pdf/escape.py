"""User text -> safe platypus markup: what the user typed is what the reader sees.

Platypus paragraphs speak a small XML dialect (``<b>``, ``<img src=…>``,
``<a href=…>``, ``<para>``). User text is never markup: ``<``, ``>`` and ``&``
are escaped, control characters dropped, characters the font cannot draw
replaced by U+FFFD (a visible mark instead of an empty box), and very long
texts cut into pieces a page can hold (wrapping one 20,000-character
paragraph across pages is quadratic in reportlab).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from urllib.parse import urlsplit

from eccp_desktop.pdf import limits
from eccp_desktop.pdf.fonts import coverage

REPLACEMENT = "\ufffd"
CHUNK = 1500  # characters per paragraph piece: a few lines under a page
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?;:…。]\s")


@cache
def printable_points() -> frozenset[int]:
    """What a PDF prints as typed: drawable in every face, and not right-to-left.

    reportlab lays text out left to right without the bidirectional algorithm:
    Hebrew or Arabic would read mirrored. Those are replaced (and validation
    warns before), rather than printed wrongly.
    """
    return frozenset(p for p in coverage() if unicodedata.bidirectional(chr(p)) not in ("R", "AL"))


@cache
def _undrawable() -> re.Pattern[str]:
    """A character class of everything the font cannot draw (its complement, as ranges)."""
    points = sorted(printable_points() | {ord("\n")})
    ranges: list[str] = []
    start = prev = points[0]
    for p in [*points[1:], -1]:
        if p != prev + 1:
            ranges.append(
                re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else "")
            )
            start = p
        prev = p
    return re.compile("[^" + "".join(ranges) + "]")


def clean(text: str | None) -> str:
    """Text with control and invisible formatting characters removed, lines kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.replace("\t", " "))
    # lone surrogates cannot be encoded in the PDF at all
    text = text.encode("utf-8", "replace").decode("utf-8")
    return _undrawable().sub(REPLACEMENT, text)


def markup(text: str | None, limit: int = limits.CELL_LIMIT) -> str:
    """One line or paragraph of user text as platypus markup (escaped, ``<br/>`` for newlines).

    Longer than ``limit``: cut, with the printed mark saying how much is left out.
    """
    body = clean(text)
    body, omitted = limits.cut(body, limit)
    body = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = _SPACES.sub(" ", body).strip()
    if omitted:
        body += " " + limits.note(omitted)
    return body.replace("\n", "<br/>")


def pieces(text: str, limit: int = CHUNK) -> Iterator[str]:
    """``text`` cut at sentence ends, else spaces, else hard, into pieces <= ``limit``."""
    while len(text) > limit:
        window = text[:limit]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if cut < limit // 2:
            cut = window.rfind(" ") + 1
        if cut < limit // 2:
            cut = limit
        yield text[:cut].strip()
        text = text[cut:]
    if text.strip():
        yield text.strip()


def paragraphs(text: str | None) -> list[tuple[str, bool]]:
    """User text as paragraph markups (blank lines split, long ones cut), each with
    whether the next piece continues the same paragraph (so no gap is put between)."""
    out: list[tuple[str, bool]] = []
    body, omitted = limits.cut(clean(text), limits.BODY_LIMIT)
    for block in _BLANK_LINES.split(body):
        parts = [m for m in (markup(p) for p in pieces(block)) if m]
        out += [(m, i < len(parts) - 1) for i, m in enumerate(parts)]
    if omitted:
        out.append((markup(limits.note(omitted)), False))
    return out


def safe_url(url: str | None) -> str | None:
    """``url`` escaped for an ``href`` if it is a web or mail link, else None (shown as text)."""
    if not url:
        return None
    url = clean(url).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "mailto") or any(c in url for c in ' "<>'):
        return None
    return url.replace("&", "&amp;")
