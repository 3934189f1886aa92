"""Hyphenation for reportlab's line breaking, in the language being rendered.

reportlab hyphenates a word at a line end with the callable in a style's
``hyphenationLang``: here one dispatcher for every style, which asks the
hyphenator of the language set for the current rendering (a context
variable, so two renderings in two threads do not mix). Where pyphen has a
dictionary (21 of the 24 EU languages) its patterns decide; Finnish, Irish
and Maltese, which pyphen lacks, get the syllable rule of those languages'
orthography: a break goes before the consonant that starts a syllable
(vowel–consonant–vowel: ta-lo; consonant–consonant–vowel: kan-sa), never
inside a word's first or last two letters. Without hyphenation reportlab
would break a word too long for a narrow column anywhere, without a hyphen.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import lru_cache

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

Pairs = list[tuple[str, str]]
_LANG: ContextVar[str] = ContextVar("eccp_hyphenation_lang", default="en")

# Languages whose words the syllable rule splits (pyphen has no dictionary).
SYLLABLE_RULE = ("fi", "ga", "mt")
VOWELS = set("aeiouyäöåáéíóúàèìòùâêîôûāēīūėę" + "AEIOUYÄÖÅÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛĀĒĪŪ")
MIN_PART = 2  # letters kept together at either end of a word


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Hyphenate in ``lang`` while the block runs (one rendering)."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def syllable_points(word: str) -> list[int]:
    """Break positions by the consonant-before-vowel rule (fi, ga, mt).

    "ta-lo", "kan-sa"; a consonant with a following h is one sound in Irish and
    Maltese ("mh", "sh", "għ") and stays together: "comh-sheas-mhacht".
    """
    found: set[int] = set()
    for i in range(1, len(word) - 1):
        here, after = word[i], word[i + 1]
        if not (here.isalpha() and here not in VOWELS and after in VOWELS):
            continue
        p = i
        if here in "hħ" and word[i - 1].isalpha() and word[i - 1] not in VOWELS:
            p = i - 1  # the digraph starts the syllable
        if word[p - 1].isalpha() and MIN_PART <= p <= len(word) - MIN_PART:
            found.add(p)
    return sorted(found)


@lru_cache(maxsize=32)
def _pyphen(lang: str) -> pyphen.Pyphen | None:
    return pyphen.Pyphen(lang=lang) if lang in pyphen.LANGUAGES else None


def points(word: str, lang: str) -> list[int]:
    """Where ``word`` may be hyphenated in ``lang``, left to right."""
    dic = _pyphen(lang)
    if dic is not None:
        found = [p for p in dic.positions(word) if MIN_PART <= p <= len(word) - MIN_PART]
        if found or lang not in SYLLABLE_RULE:
            return found
    if lang in SYLLABLE_RULE:
        return syllable_points(word)
    return []


def pairs(word: str, lang: str) -> Pairs:
    """(left part, rest) for each break, the longest left part first (reportlab's order)."""
    return [(word[:p], word[p:]) for p in reversed(points(word, lang))]


def current(word: str) -> Pairs:
    """The style's ``hyphenationLang``: hyphenation points in the rendering's language."""
    return pairs(word, _LANG.get())


hyphenator: Callable[[str], Pairs] = current


def wrap(text: str, font: str, size: float, width: float, lang: str) -> list[str]:
    """``text`` in lines of at most ``width`` points (chart labels): whole words where
    they fit, hyphenated where a word does not; never cut without a hyphen."""
    lines: list[str] = []
    line = ""
    for word in re.split(r"[ \t\n]+", text.strip()):  # no break at a no-break space
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        rest = word
        prefix = f"{line} " if line else ""
        while True:  # hyphenate the word to fill the line, then the next ones
            for head, tail in pairs(rest, lang):
                if stringWidth(f"{prefix}{head}-", font, size) <= width:
                    lines.append(f"{prefix}{head}-")
                    rest, prefix = tail, ""
                    break
            else:
                if prefix:  # the word starts the next line
                    lines.append(prefix.rstrip())
                    prefix = ""
                    if stringWidth(rest, font, size) <= width:
                        break
                    continue
                break  # no point fits even on an empty line: the word overflows
            if stringWidth(rest, font, size) <= width:
                break
        line = rest
    if line:
        lines.append(line)
    return lines or [""]
