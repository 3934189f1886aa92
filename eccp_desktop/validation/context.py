"""What every rule needs besides the item it checks, computed once per run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eccp_desktop.domain.codes import STATUSES
from eccp_desktop.domain.countries import COUNTRIES, Country
from eccp_desktop.domain.model import Factsheet, LocalizedText, Tier, TierScheme, text_in
from eccp_desktop.i18n import current_language
from eccp_desktop.validation.result import ERROR, WARNING
from eccp_desktop.validation.texts import known_language

# From this status on, missing required values are errors (before: warnings),
# so a draft shows what is still to do and the sign-off refuses it.
REQUIRED_FROM = "validated"


@dataclass(slots=True)
class Context:
    factsheet: Factsheet
    lang: str  # the UI language: names in messages come in it
    country: Country | None
    eu_prefix: str  # NUTS and CCI prefix: EL for Greece
    as_of: dt.date
    required_severity: str
    languages: tuple[str, ...]  # the factsheet's languages other than English
    schemes: dict[str, TierScheme] = field(default_factory=dict)
    # Per-run lookups built on first use (tier names, tier tables), by object id.
    memo: dict[object, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, factsheet: Factsheet, lang: str | None = None) -> Context:
        status = factsheet.status
        rank = STATUSES.index(status) if status in STATUSES else 0
        as_of = factsheet.reference_date or dt.date(factsheet.edition, 12, 31)
        schemes: dict[str, TierScheme] = {}
        for scheme in factsheet.tier_schemes:
            schemes.setdefault(scheme.key, scheme)  # duplicates: a cross-record error
        country = COUNTRIES.get(factsheet.country)
        return cls(
            factsheet=factsheet,
            lang=lang or current_language(),
            country=country,
            eu_prefix=country.eu_prefix if country else factsheet.country,
            as_of=as_of,
            required_severity=ERROR if rank >= STATUSES.index(REQUIRED_FROM) else WARNING,
            # unknown codes are a format error, not a translation to ask for
            languages=tuple(x for x in factsheet.languages if x != "en" and known_language(x)),
            schemes=schemes,
        )

    def name(self, text: LocalizedText | None, fallback: str) -> str:
        """A localised name for a message (e.g. a tier's), else ``fallback``."""
        shown, _fell_back = text_in(text, self.lang)
        return shown or fallback

    def tier_name(self, tier: Tier) -> str:
        """A tier's name in the UI language, looked up once per run."""
        key = ("name", id(tier))
        name = self.memo.get(key)
        if name is None:
            name = self.memo[key] = self.name(tier.name, tier.key)
        return str(name)
