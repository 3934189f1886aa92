"""What every rule needs besides the item it checks, computed once per run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eccp_desktop.domain.codes import STATUSES
from eccp_desktop.domain.countries import COUNTRIES, Country
from eccp_desktop.domain.model import Factsheet, LocalizedText, TierScheme, text_in
from eccp_desktop.i18n import current_language
from eccp_desktop.validation.result import ERROR, WARNING

# From this status on, missing required values are errors (before: warnings),
# so a draft shows what is still to do and the sign-off refuses it.
REQUIRED_FROM = "validated"


@dataclass(slots=True)
class Context:
    factsheet: Factsheet
    lang: str  # the UI language: names in messages come in it
    country: Country | None
    as_of: dt.date
    required_severity: str
    languages: tuple[str, ...]  # the factsheet's languages other than English
    schemes: dict[str, TierScheme] = field(default_factory=dict)

    @classmethod
    def of(cls, factsheet: Factsheet, lang: str | None = None) -> Context:
        status = factsheet.status
        rank = STATUSES.index(status) if status in STATUSES else 0
        as_of = factsheet.reference_date or dt.date(factsheet.edition, 12, 31)
        schemes: dict[str, TierScheme] = {}
        for scheme in factsheet.tier_schemes:
            schemes.setdefault(scheme.key, scheme)  # duplicates: a cross-record error
        return cls(
            factsheet=factsheet,
            lang=lang or current_language(),
            country=COUNTRIES.get(factsheet.country),
            as_of=as_of,
            required_severity=ERROR if rank >= STATUSES.index(REQUIRED_FROM) else WARNING,
            languages=tuple(lang for lang in factsheet.languages if lang != "en"),
            schemes=schemes,
        )

    @property
    def eu_prefix(self) -> str:
        return self.country.eu_prefix if self.country else self.factsheet.country

    def name(self, text: LocalizedText | None, fallback: str) -> str:
        """A localised name for a message (e.g. a tier's), else ``fallback``."""
        shown, _fell_back = text_in(text, self.lang)
        return shown or fallback
