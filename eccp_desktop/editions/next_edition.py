"""The next edition of a factsheet: last year's content as this year's draft."""

from __future__ import annotations

import datetime as dt

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict
from eccp_desktop.i18n import _


class EditionError(ValueError):
    """The edition cannot be started as asked; the message says why.

    ``field`` names the input it is about ("country", "year"; "" for none), so
    that a dialog can show the message at that field.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def next_edition(source: Factsheet, year: int) -> Factsheet:
    """A copy of ``source`` for ``year``: reference date 31 December, a draft.

    The sign-off belongs to the old edition and is not carried; open review
    comments are (they still need an answer), resolved ones are not.
    """
    if year <= source.edition:
        raise EditionError(
            _("the new edition {year} must be later than {edition}").format(
                year=year, edition=source.edition
            )
        )
    # Through the exchange form: a deep copy that shares nothing with the source.
    copy = factsheet_from_dict(factsheet_to_dict(source))
    copy.edition = year
    copy.reference_date = dt.date(year, 12, 31)
    copy.status = "draft"
    copy.validation = None
    copy.review_comments = [c for c in copy.review_comments if not c.resolved]
    return copy


# The exchange schema's bounds for an edition: a factsheet made here must export.
FIRST_EDITION = 2000
LAST_EDITION = 2100


def empty_factsheet(country: str, year: int) -> Factsheet:
    """``new COUNTRY YEAR``: an empty draft, in English and the country's EU languages.

    Raises EditionError for a country the ECCP does not cover or a year the
    exchange format cannot carry.
    """
    from eccp_desktop.domain.codes import EU_LANGUAGES
    from eccp_desktop.domain.countries import COUNTRIES

    code = country.strip().upper()
    if code not in COUNTRIES:
        raise EditionError(
            _(
                "“{code}” is not a country the ECCP covers; expected a code such as PL, DE or GR"
            ).format(code=country),
            "country",
        )
    if not FIRST_EDITION <= year <= LAST_EDITION:
        raise EditionError(
            _("{year} is not an edition year; expected a year from {first} to {last}").format(
                year=year, first=FIRST_EDITION, last=LAST_EDITION
            ),
            "year",
        )
    national = [lang for lang in COUNTRIES[code].languages if lang in EU_LANGUAGES]
    return Factsheet(
        country=code,
        edition=year,
        languages=["en", *(lang for lang in national if lang != "en")],
    )
