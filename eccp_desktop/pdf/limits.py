"""How much of one text a PDF prints, and the mark where it stops.

A table cell cannot be split across pages cheaply: reportlab re-wraps the
rest of a cell at every page break, so a 1,000,000-character cell took over a
minute, and a long name in a repeated header row could not be laid out at
all. Texts are therefore cut at fixed limits, at a word boundary, and the cut
is printed where it happens ("[… 997,000 more characters not printed]"), so
nothing disappears silently; validation warns about such texts before
(``validation.printable``), with the same limits.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Final

from eccp_desktop.i18n import N_, translator
from eccp_desktop.i18n.formatting import format_integer

CELL_LIMIT: Final = 3_000  # one table cell: a page of a narrow column
HEADER_LIMIT: Final = 150  # a name used as a column header (repeated on every page)
BODY_LIMIT: Final = 100_000  # one body text: some 30 pages

# The language of the PDF being rendered (set by pdf.context.Context).
LANGUAGE: ContextVar[str] = ContextVar("pdf_language", default="en")

CUT_NOTE = N_("[… {n} more characters not printed]")


def cut(text: str, limit: int) -> tuple[str, int]:
    """``text`` cut to at most ``limit`` characters at a space if one is near; the rest's length."""
    if len(text) <= limit:
        return text, 0
    kept = text[:limit]
    space = kept.rfind(" ", limit - 200)
    if space > 0:
        kept = kept[:space]
    return kept, len(text) - len(kept)


def note(omitted: int) -> str:
    """The printed mark for ``omitted`` characters left out, in the PDF's language."""
    lang = LANGUAGE.get()
    return translator(lang).gettext(CUT_NOTE).format(n=format_integer(omitted, lang))
