"""The PDFs the store exported: export id -> factsheet, language, digest, layout map.

Kept so that comments read back from an annotated copy of a PDF land on the
items they were written beside (``eccp_desktop.annotations``), and so that a
PDF this store never exported is recognised as such.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from eccp_desktop.pdf.digest import digest_of
from eccp_desktop.store import schema as s

if TYPE_CHECKING:
    from eccp_desktop.store.repository import Store


@dataclass(frozen=True, slots=True)
class ExportRecord:
    export_id: str
    country: str
    edition: int
    lang: str
    digest: str  # "sha256:<hex>" of the bytes as exported
    size: int
    layout: dict[str, Any]  # eccp_desktop.pdf.layout_map.LayoutMap.to_json()
    created: dt.datetime


def record_export(store: Store, pdf: bytes, layout: dict[str, Any]) -> ExportRecord:
    """Keep one exported PDF's map; exporting the same PDF again replaces its record."""
    return keep_export(store, digest_of(pdf), len(pdf), layout)


def keep_export(store: Store, digest: str, size: int, layout: dict[str, Any]) -> ExportRecord:
    """``record_export`` from the PDF's digest and size (what a batch worker sends back)."""
    store._writable()
    record = ExportRecord(
        export_id=str(layout["export_id"]),
        country=str(layout["country"]),
        edition=int(layout["edition"]),
        lang=str(layout["lang"]),
        digest=digest,
        size=size,
        layout=layout,
        created=dt.datetime.now(dt.UTC),
    )
    t = s.pdf_export
    with store._transaction() as conn:
        store._check_rights(conn, record.country, comments_only=True)
        conn.execute(delete(t).where(t.c.export_id == record.export_id))
        conn.execute(
            insert(t).values(
                export_id=record.export_id, country=record.country, edition=record.edition,
                lang=record.lang, digest=record.digest, size=record.size,
                layout=record.layout, created=record.created,
            )
        )  # fmt: skip
    return record


def find_export(store: Store, export_id: str) -> ExportRecord | None:
    t = s.pdf_export
    with store.engine.connect() as conn:
        row = conn.execute(
            select(
                t.c.export_id,
                t.c.country,
                t.c.edition,
                t.c.lang,
                t.c.digest,
                t.c.size,
                t.c.layout,
                t.c.created,
            ).where(t.c.export_id == export_id)
        ).one_or_none()
    return None if row is None else ExportRecord(*row)
