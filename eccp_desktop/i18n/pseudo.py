"""A pseudo-locale that stretches every string by half, to find labels that are cut.

German, Greek or Polish labels are often a third to a half longer than the
English source; a layout that holds this pseudo-language (accented letters,
1.5 times as long, placeholders and accelerators kept) holds the 24
catalogs. Selected with the language code ``PSEUDO`` (tests, or
``ECCP_LANG=qps`` to look at the window).
"""

from __future__ import annotations

import gettext
import re
from typing import Final

PSEUDO: Final = "qps"
STRETCH: Final = 1.5
# Keep what code reads: {placeholders}, %-formats, "&" accelerators, tags.
_KEEP: Final = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdfr%]|&&|&|<[^>]*>|\n")
_ACCENTED: Final = str.maketrans(
    "aceinoruyzACEINORSUYZ",
    "àçéîñöŕüýžÀÇÉÎÑÖŔŠÜÝŽ",
)
_PAD: Final = "·ŵ"


def stretch(message: str) -> str:
    """``message`` accented and padded to 1.5 times its visible length."""
    if not message:
        return message
    pieces: list[str] = []
    visible = 0
    last = 0
    for match in _KEEP.finditer(message):
        text = message[last : match.start()]
        pieces.append(text.translate(_ACCENTED))
        visible += len(text)
        pieces.append(match.group(0))
        last = match.end()
    tail = message[last:]
    pieces.append(tail.translate(_ACCENTED))
    visible += len(tail)
    extra = round(visible * (STRETCH - 1))
    padding = (_PAD * extra)[:extra]
    return "".join(pieces) + padding


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return stretch(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return stretch(msgid1 if n == 1 else msgid2)
