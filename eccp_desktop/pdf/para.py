"""A faster Paragraph for our own markup: no parser for plain text, one wrap per width.

Most of a factsheet is plain text (no tags, no entities). Platypus parses
every paragraph with an HTML parser and a table wraps each cell paragraph
twice (to measure, then to draw); both are a large share of the render time.
"""

from __future__ import annotations

import contextlib
from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from eccp_desktop.pdf import hyphenation
from eccp_desktop.pdf.layout_map import record_flowable


@cache
def _template(style: ParagraphStyle) -> Any:
    """The fragment the parser makes for plain text in ``style``."""
    _style, frags, _bullet = ParaParser().parse("x", style)
    return frags[0]


# What follows a text printed in English because the target language has none.
FALLBACK_MARKUP = ' <font size="6.5" color="#5F6B7A">[EN]</font>'


class Para(Paragraph):  # type: ignore[misc]
    # the layout map: the path this paragraph prints (None: not mapped), and
    # whether it is a heading that opens the section at that path
    map_path: str | None = None
    map_section: bool = False

    def __init__(self, text: str, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        self._wrapped: float | None = None
        # an English fallback: its structure element says /Lang (en)
        self.fallback = text is not None and FALLBACK_MARKUP in text
        if args or kwargs or text is None or "<" in text or "&" in text:
            super().__init__(text, style, *args, **kwargs)  # also how split() makes pieces
        else:  # plain text: the same single fragment the parser would make
            super().__init__(text, style, frags=[_template(style).clone(text=text)])

    def _words_language(self) -> contextlib.AbstractContextManager[None]:
        """Line breaking hyphenates the words in the language they are written in:
        a fallback is English whatever the rendering's language ("informa-tion",
        never German's "informati-on")."""
        return hyphenation.language("en") if self.fallback else contextlib.nullcontext()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped != availWidth or "blPara" not in self.__dict__:
            with self._words_language():
                super().wrap(availWidth, availHeight)
            self._wrapped = availWidth
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.map_path is not None:
            record_flowable(self, canvas, x, y)
        super().drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        with self._words_language():
            parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            part.fallback = self.fallback  # the piece on the next page is English too
            if self.map_path is not None:  # each piece, on its page, prints the same field
                part.map_path = self.map_path
                part.map_section = self.map_section
        return parts
