"""Which words of a text changed: a word-level diff for reading, not for patching."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["=", "-", "+"]
Segment = tuple[Op, str]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# Beyond this many words a full comparison costs more than it tells: the
# text is then reported as replaced whole (SequenceMatcher is quadratic at worst).
_MAX_TOKENS = 20_000


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The texts as runs of kept (=), removed (-) and added (+) words."""
    a, b = tokens(old), tokens(new)
    if len(a) + len(b) > _MAX_TOKENS:
        return [s for s in (("-", old), ("+", new)) if s[1]]  # type: ignore[misc]
    segments: list[Segment] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("+", "".join(b[j1:j2])))
    return segments


def render(segments: list[Segment], *, context: int = 6) -> str:
    """One line: ``… kept words [-removed-]{+added+} kept …`` (wdiff's marks).

    Long unchanged runs are shortened to ``context`` words either side.
    """
    parts: list[str] = []
    for n, (op, text) in enumerate(segments):
        if op == "-":
            parts.append(f"[-{text}-]")
        elif op == "+":
            parts.append(f"{{+{text}+}}")
        else:
            parts.append(_shorten(text, context, first=n == 0, last=n == len(segments) - 1))
    return " ".join("".join(parts).split())


def _shorten(text: str, context: int, *, first: bool, last: bool) -> str:
    words = text.split()
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 1:
        return text
    head = " ".join(words[:keep_head])
    tail = " ".join(words[len(words) - keep_tail :]) if keep_tail else ""
    core = " ".join(x for x in (head, "…", tail) if x)
    # keep the spaces that separate this run from the changed words
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")
