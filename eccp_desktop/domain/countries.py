"""Countries the ECCP covers: group and official languages.

Names are never stored here: they come from Babel's CLDR data in the
reader's language (see ``eccp_desktop.i18n.names``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2 ("GR" for Greece)
    group: str  # EU15, EU13, COSME, third
    languages: tuple[str, ...]  # official languages, ISO 639-1

    @property
    def eu_prefix(self) -> str:
        """The prefix the EU uses in NUTS and CCI codes (EL for Greece)."""
        return {"GR": "EL", "GB": "UK"}.get(self.code, self.code)


def _c(code: str, group: str, *languages: str) -> Country:
    return Country(code, group, languages)


COUNTRIES: Final[dict[str, Country]] = {
    c.code: c
    for c in (
        # EU15
        _c("AT", "EU15", "de"), _c("BE", "EU15", "nl", "fr", "de"),
        _c("DE", "EU15", "de"), _c("DK", "EU15", "da"), _c("ES", "EU15", "es"),
        _c("FI", "EU15", "fi", "sv"), _c("FR", "EU15", "fr"), _c("GR", "EU15", "el"),
        _c("IE", "EU15", "en", "ga"), _c("IT", "EU15", "it"),
        _c("LU", "EU15", "fr", "de"), _c("NL", "EU15", "nl"), _c("PT", "EU15", "pt"),
        _c("SE", "EU15", "sv"),
        # EU13
        _c("BG", "EU13", "bg"), _c("CY", "EU13", "el"), _c("CZ", "EU13", "cs"),
        _c("EE", "EU13", "et"), _c("HR", "EU13", "hr"), _c("HU", "EU13", "hu"),
        _c("LT", "EU13", "lt"), _c("LV", "EU13", "lv"), _c("MT", "EU13", "mt", "en"),
        _c("PL", "EU13", "pl"), _c("RO", "EU13", "ro"), _c("SI", "EU13", "sl"),
        _c("SK", "EU13", "sk"),
        # COSME (non-EU participants in the 2023 round)
        _c("AL", "COSME", "sq"), _c("AM", "COSME", "hy"), _c("BA", "COSME", "bs"),
        _c("IS", "COSME", "is"), _c("MD", "COSME", "ro"), _c("ME", "COSME", "sr"),
        _c("MK", "COSME", "mk"), _c("NO", "COSME", "nb"), _c("RS", "COSME", "sr"),
        _c("TR", "COSME", "tr"), _c("UA", "COSME", "uk"),
        # third countries
        _c("BR", "third", "pt"), _c("CA", "third", "en", "fr"), _c("CH", "third", "de", "fr", "it"),
        _c("CL", "third", "es"), _c("CN", "third", "zh"), _c("GB", "third", "en"),
        _c("IL", "third", "he"), _c("IN", "third", "hi", "en"), _c("JP", "third", "ja"),
        _c("KR", "third", "ko"), _c("MA", "third", "ar"), _c("MX", "third", "es"),
        _c("TN", "third", "ar"), _c("US", "third", "en"), _c("VN", "third", "vi"),
        _c("AU", "third", "en"), _c("SG", "third", "en"), _c("ZA", "third", "en"),
    )
}  # fmt: skip


def country(code: str) -> Country | None:
    return COUNTRIES.get(code.upper())
