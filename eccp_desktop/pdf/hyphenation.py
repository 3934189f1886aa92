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
import glob
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import pyphen
from reportlab.pdfbase.pdfmetrics import stringWidth

from eccp_desktop.paths import user_cache_dir

Pairs = list[tuple[str, str]]
_LANG: ContextVar[str] = ContextVar("eccp_hyphenation_lang", default="en")

# Languages whose words the syllable rule splits (pyphen has no dictionary).
SYLLABLE_RULE = ("fi", "ga", "mt")
VOWELS = set("aeiouyäöåáéíóúàèìòùâêîôûāēīūėę" + "AEIOUYÄÖÅÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛĀĒĪŪ")
MIN_PART = 2  # letters kept together at either end of a word
# marshal: loads in half the time of JSON (every batch worker pays it); its
# format is CPython's own, so a parsed copy is named after the interpreter too
_PYTHON = f"py{sys.version_info.major}{sys.version_info.minor}"


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
    if lang not in pyphen.LANGUAGES:
        return None
    key = pyphen.LANGUAGES[pyphen.language_fallback(lang)]  # as pyphen keys its own cache
    if key not in pyphen.hdcache and isinstance(key, Path):
        pyphen.hdcache[key] = _cached_patterns(key)  # pyphen's per-process cache, from ours
    return pyphen.Pyphen(lang=lang)


def load(lang: str) -> None:
    """Have ``lang``'s dictionary ready (a batch worker's warm-up)."""
    _pyphen(lang)


def cache_dir() -> Path:
    """Where parsed dictionaries are kept between runs (the user's cache folder)."""
    return user_cache_dir()


def _cache_file(path: Path) -> Path:
    st = path.stat()
    name = (
        f"{path.stem}-{st.st_size}-{st.st_mtime_ns}-pyphen{pyphen.__version__}-{_PYTHON}-v2.marshal"
    )
    return cache_dir() / "hyphenation" / name


def _cached_patterns(path: Path) -> pyphen.HyphDict:
    """pyphen's patterns of one dictionary, read from a marshal copy made on first use.

    pyphen parses a dictionary's text on each process's first use: 0.7 s for
    German, paid by every worker of a batch and by each PDF from the window;
    the parsed patterns load from a marshal copy in ~10 ms. The copy is named after the
    file's size, time and the pyphen version, so a changed dictionary is
    parsed anew. pyphen parses as before when the copy cannot be read or
    written, and for dictionaries with nonstandard hyphenation (kept by
    pyphen as objects the copy does not carry: Hungarian, Catalan).
    """
    try:
        target = _cache_file(path)
        data = marshal.loads(target.read_bytes())
        patterns, maxlen = data["patterns"], data["maxlen"]
        start, values = next(iter(patterns.values()))  # the shape pyphen reads: [offset, [int…]]
        if type(maxlen) is int and type(start) is int and type(values[0]) is int:
            hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
            # the patterns as pyphen built them (marshal keeps tuples and ints)
            hd.patterns, hd.cache, hd.maxlen = patterns, {}, maxlen
            return hd
    except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError, StopIteration):
        pass  # none yet, or unreadable: parse and (re)write it
    hd = pyphen.HyphDict(path)
    plain = all(type(x) is int for _start, values in hd.patterns.values() for x in values)
    if not plain or not hasattr(hd, "maxlen"):
        return hd
    with contextlib.suppress(OSError):
        target = _cache_file(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps({"maxlen": hd.maxlen, "patterns": _shared(hd.patterns)}))
        os.replace(tmp, target)  # whole or not at all: two processes may write it at once
        for older in target.parent.glob(f"{glob.escape(path.stem)}-*-{_PYTHON}*.marshal"):
            if older != target:  # made from an older dictionary, pyphen or format
                older.unlink(missing_ok=True)
    return hd


def _shared(patterns: dict[str, tuple[int, tuple[int, ...]]]) -> dict[str, object]:
    """The patterns with equal values as one object, which marshal then writes once.

    German has 66,000 patterns but only ~2,500 distinct values; marshal refers
    back to an object it has written, so the copy loads ~66,000 tuples fewer:
    ~10 ms instead of ~30 ms, paid by each batch worker.
    """
    values: dict[tuple[int, ...], tuple[int, ...]] = {}
    pairs: dict[tuple[int, tuple[int, ...]], tuple[int, tuple[int, ...]]] = {}
    shared: dict[str, object] = {}
    for key, (start, points) in patterns.items():
        pair = (start, values.setdefault(points, points))
        shared[key] = pairs.setdefault(pair, pair)
    return shared


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
