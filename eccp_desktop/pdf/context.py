"""One rendering's language: translated labels, localised values, safe paragraphs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.platypus import Paragraph

from eccp_desktop.domain.model import LocalizedText, text_in
from eccp_desktop.i18n import translator
from eccp_desktop.i18n.formatting import format_date, format_eur, format_integer, format_percent
from eccp_desktop.pdf import limits, styles
from eccp_desktop.pdf.escape import markup, paragraphs
from eccp_desktop.pdf.para import FALLBACK_MARKUP, Para

# Marks a text printed in English because the target language has none.
FALLBACK_MARK = "EN"


def unbreakable(value: str) -> str:
    """A number as one word: reportlab breaks lines at CLDR's narrow no-break space
    (the French thousands separator, "45 000 €"), never at a no-break space."""
    return value.replace("\u202f", "\xa0")


@dataclass(slots=True)
class Context:
    lang: str
    fallbacks: int = field(default=0)

    def __post_init__(self) -> None:
        limits.LANGUAGE.set(self.lang)  # the cut marks of escape.markup speak it

    def gettext(self, message: str) -> str:
        return translator(self.lang).gettext(message)

    # values ---------------------------------------------------------------
    def amount(self, eur: float | None, approximate: bool = False) -> str:
        """EUR for the locale; the compact form ("20 Mio. €") from a million up."""
        if eur is None:
            return "–"
        compact = abs(eur) >= 1_000_000
        return unbreakable(format_eur(eur, self.lang, approximate=approximate, compact=compact))

    def integer(self, value: int | None) -> str:
        return "–" if value is None else unbreakable(format_integer(value, self.lang))

    def percent(self, share: float | None) -> str:
        return "–" if share is None else unbreakable(format_percent(share, self.lang))

    def date(self, value: dt.date | None) -> str:
        return "–" if value is None else format_date(value, self.lang)

    def period(self, start: int | None, end: int | None) -> str:
        if start is None and end is None:
            return "–"
        if end is None:
            return self.gettext("since {start}").format(start=start)
        if start is None:
            return self.gettext("until {end}").format(end=end)
        return f"{start}–{end}"

    # text -----------------------------------------------------------------
    def mark(self) -> str:
        return FALLBACK_MARKUP

    def inline(self, text: LocalizedText | None) -> str:
        """A localised text as one piece of markup, marked when it fell back to English."""
        value, fell_back = text_in(text, self.lang)
        if fell_back:
            self.fallbacks += 1
            return markup(value) + self.mark()
        return markup(value)

    def blocks(
        self, text: LocalizedText | None, style: str = "body", *, path: str | None = None
    ) -> list[Paragraph]:
        """A long localised text as paragraphs; the fallback mark after the last one.

        ``path``: where the text is in the factsheet, for the layout map.
        """
        value, fell_back = text_in(text, self.lang)
        parts = paragraphs(value)
        if fell_back and parts:
            self.fallbacks += 1
            parts[-1] = (parts[-1][0] + self.mark(), False)
        sheet = styles.stylesheet()
        joined = sheet.get(f"{style}_continued", sheet[style])
        flow = [Para(p, joined if continues else sheet[style]) for p, continues in parts]
        for f in flow:  # every paragraph of the text is English, not only the marked last
            f.fallback = fell_back
            f.map_path = path
        return flow

    def para(self, text_markup: str, style: str = "body", *, path: str | None = None) -> Paragraph:
        p = Para(text_markup, styles.stylesheet()[style])
        p.map_path = path
        return p

    def label(self, message: str, style: str = "body", *, path: str | None = None) -> Paragraph:
        """A translated label (ours, trusted, but escaped all the same)."""
        p = Para(markup(self.gettext(message)), styles.stylesheet()[style])
        p.map_path = path
        return p
