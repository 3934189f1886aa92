"""Editions in the store: start the next one, keep base snapshots, apply merges.

These work inside the store's own transactions (``Store._transaction``) so a
new edition or a merged import is written whole or not at all, with its history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editions.base import BaseRef, digest
from eccp_desktop.editions.next_edition import EditionError, empty_factsheet, next_edition
from eccp_desktop.editions.received import ImportPlan
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.exchange.diff import Change, diff
from eccp_desktop.i18n import _
from eccp_desktop.store import retry
from eccp_desktop.store import schema as s
from eccp_desktop.store.errors import ConflictError
from eccp_desktop.store.repository import ImportOutcome, Store

# History action of a factsheet started from an earlier edition (old: that
# edition's year, new: this one's): "started from 2023".
NEW_EDITION = "new_edition"
# History action of a factsheet started empty (new: "PL 2024").
NEW_FACTSHEET = "new"


# A write the server aborted for another writer (deadlock) is run again, as saves are.
@retry.retried
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
            select(s.factsheet.c.id).where(
                s.factsheet.c.country == code, s.factsheet.c.edition == year
            )
        )
        if exists is not None:  # started elsewhere in the meantime
            raise _exists(code, year)
        store._check_rights(conn, code)
        store._replace(conn, fs, actor, record=(NEW_EDITION, Change("", from_year, year)))
    return fs


@retry.retried
def create_factsheet(store: Store, country: str, year: int, *, actor: str) -> Factsheet:
    """An empty draft for ``country`` and ``year``; EditionError if it exists or cannot be."""
    store._writable()
    fs = empty_factsheet(country, year)
    with store._transaction() as conn:
        exists = conn.scalar(
            select(s.factsheet.c.id).where(
                s.factsheet.c.country == fs.country, s.factsheet.c.edition == year
            )
        )
        if exists is not None:
            raise _exists(fs.country, year)
        store._check_rights(conn, fs.country)
        store._replace(
            conn, fs, actor, record=(NEW_FACTSHEET, Change("", None, f"{fs.country} {year}"))
        )
    return fs


def _exists(code: str, year: int) -> EditionError:
    return EditionError(
        _("the {code} {year} factsheet exists already").format(code=code, year=year), "year"
    )


# -- base snapshots ------------------------------------------------------------


@retry.retried
def record_export(store: Store, country: str, edition: int) -> tuple[Factsheet, BaseRef | None]:
    """The factsheet to export and its ``base``, the content kept as base snapshot.

    A read-only store cannot keep a snapshot: the package then has no base
    (it will be imported whole when it comes back) and None says so.
    """
    b = s.base_snapshot
    while True:
        fs, version = store.load_versioned(country, edition)
        if store.read_only:
            return fs, None
        content = factsheet_to_dict(fs)
        ref = BaseRef(version, dt.datetime.now(dt.UTC).replace(microsecond=0), digest(content))
        with store._transaction() as conn:
            row = store._row(conn, fs.country, fs.edition, lock=True)
            if not store._current_rights(conn).may_write(row.country):
                # The server keeps bases only from those who may change the
                # factsheet (a base is what a later merge trusts): export it
                # without one, as from a read-only store.
                return fs, None
            if row.version != version:
                # Saved in between: export what is there now, once this
                # transaction has let go of the row (its lock).
                continue
            kept = conn.execute(
                select(b.c.exported, b.c.digest).where(
                    b.c.factsheet_id == row.id, b.c.version == version
                )
            ).one_or_none()
            if kept is not None and kept.digest == ref.digest:
                return fs, BaseRef(version, kept.exported, kept.digest)
            if kept is not None:  # the same version with other content: cannot happen; keep newest
                conn.execute(delete(b).where(b.c.factsheet_id == row.id, b.c.version == version))
            conn.execute(
                insert(b).values(
                    factsheet_id=row.id,
                    version=version,
                    exported=ref.exported,
                    digest=ref.digest,
                    content=content,
                )
            )
        return fs, ref


class BaseError(ValueError):
    """A package's ``base`` that this store must refuse (bad input)."""


def base_snapshot(store: Store, country: str, edition: int, ref: BaseRef) -> dict[str, Any] | None:
    """The content the package was exported from, or None if this store never exported it.

    For a factsheet this store has exported, raises BaseError for a base from
    the future (a version above the store's) or one whose digest is not the
    digest of the snapshot kept for that version. A factsheet never exported
    from here cannot judge a base: the package is then another store's.
    """
    b = s.base_snapshot
    with store.engine.connect() as conn:
        row = store._row(conn, country, edition)
        exported = conn.scalar(select(func.count()).where(b.c.factsheet_id == row.id))
        if not exported:
            # Never exported from here: another store's package, judged as unknown.
            return None
        if ref.version > row.version:
            raise BaseError(
                _(
                    "/base/version: the package says it was exported at version {found}, but the store's {code} {edition} factsheet is only at version {current}"
                ).format(found=ref.version, code=country, edition=edition, current=row.version)
            )
        kept = conn.execute(
            select(b.c.digest, b.c.content).where(
                b.c.factsheet_id == row.id, b.c.version == ref.version
            )
        ).one_or_none()
    if kept is None:
        return None
    if kept.digest != ref.digest:
        raise BaseError(
            _(
                "/base/digest: {found} is not the digest of what version {version} held when exported ({kept})"
            ).format(found=ref.digest, version=ref.version, kept=kept.digest)
        )
    content: dict[str, Any] = kept.content
    return content


# -- importing with merges -----------------------------------------------------

MERGE = "merge"  # a change the merge took from the package
MERGE_CHOICE = "merge_choice"  # a conflict settled: old = the value not taken, new = taken


@retry.retried
def apply_import(store: Store, plans: list[ImportPlan], *, actor: str) -> list[ImportOutcome]:
    """Write every plan in one transaction: all or nothing.

    Raises ValueError for a plan with open conflicts and ConflictError if a
    merged factsheet was saved elsewhere after its plan was made.
    """
    store._writable()
    if any(p.open_conflicts for p in plans):
        raise ValueError("a merge with open conflicts cannot be written")
    if all(p.kind != "merge" for p in plans):  # adds and replaces only: as before editions
        return store.import_factsheets([p.incoming for p in plans], actor=actor)
    outcomes: list[ImportOutcome] = []
    with store._transaction() as conn:
        for plan in plans:
            store._check_rights(conn, plan.incoming.country)
            if plan.kind == "merge":
                outcomes.append(_merge_into(store, conn, plan, actor))
            else:
                outcomes.append(store._replace(conn, plan.incoming, actor))
    return outcomes


def _merge_into(store: Store, conn: Connection, plan: ImportPlan, actor: str) -> ImportOutcome:
    assert plan.result is not None
    fs = plan.factsheet
    row = store._row(conn, fs.country, fs.edition, lock=True)
    if row.version != plan.here_version:
        raise ConflictError(
            _(
                "the {code} {edition} factsheet was changed elsewhere while the merge was prepared; import the package again"
            ).format(code=fs.country, edition=fs.edition)
        )
    old = store._snapshot(conn, row)
    changes = diff(old, factsheet_to_dict(fs))
    store._snapshots.pop(row.id, None)
    if not changes:
        return ImportOutcome(fs.country, fs.edition, True, int(row.version))
    store._write_changes(conn, row.id, fs, changes)
    entries = [(MERGE, c) for c in changes]
    for r in plan.result.resolved:
        taken, dropped = (r.conflict.here, r.conflict.incoming)
        if r.side == "incoming":
            taken, dropped = dropped, taken
        entries.append((MERGE_CHOICE, Change(r.conflict.path, dropped, taken)))
    store._record(conn, row.id, actor, entries)
    version = row.version + 1
    conn.execute(
        update(s.factsheet)
        .where(s.factsheet.c.id == row.id)
        .values(version=version, updated_at=dt.datetime.now(dt.UTC))
    )
    return ImportOutcome(fs.country, fs.edition, True, int(version))
