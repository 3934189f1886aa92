"""The next edition of a factsheet: last year's content as this year's draft."""

from __future__ import annotations

import datetime as dt

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict
from eccp_desktop.i18n import _


class EditionError(ValueError):
    """The edition cannot be started as asked; the message says why."""


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
