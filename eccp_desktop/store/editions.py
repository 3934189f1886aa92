"""Editions in the store: start the next one (one transaction, with its history)."""

from __future__ import annotations

from sqlalchemy import select

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editions.next_edition import EditionError, next_edition
from eccp_desktop.exchange.diff import Change
from eccp_desktop.i18n import _
from eccp_desktop.store import schema as s
from eccp_desktop.store.repository import Store

# History action of a factsheet started from an earlier edition (old: that
# edition's year, new: this one's): "started from 2023".
NEW_EDITION = "new_edition"


def start_edition(
    store: Store, country: str, year: int, *, source: int | None = None, actor: str
) -> Factsheet:
    """Copy the latest (or the ``source``) edition of ``country`` into ``year``.

    Raises NotFoundError if there is no such source, EditionError if ``year``
    exists already or is not later than the source; nothing is written then.
    """
    store._writable()
    code, _latest = store.resolve(country)
    if year in store.editions(code):
        raise _exists(code, year)
    code, from_year = store.resolve(code, source)
    fs = next_edition(store.load(code, from_year), year)
    with store._transaction() as conn:
        exists = conn.scalar(
            select(s.FactsheetRow.id).where(
                s.FactsheetRow.country == code, s.FactsheetRow.edition == year
            )
        )
        if exists is not None:  # started elsewhere in the meantime
            raise _exists(code, year)
        store._replace(conn, fs, actor, record=(NEW_EDITION, Change("", from_year, year)))
    return fs


def _exists(code: str, year: int) -> EditionError:
    return EditionError(
        _("the {code} {year} factsheet exists already").format(code=code, year=year)
    )
