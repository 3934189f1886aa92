"""Moving factsheets between domain objects and rows.

Reading uses Core selects (plain tuples, no identity map): loading all 56
factsheets of a store is a handful of queries and stays fast. Writing uses
executemany inserts, and child rows are keyed by their parent's id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import JSON, Connection, Date, Table, Text, delete, insert, select, type_coerce

from eccp_desktop.domain import model
from eccp_desktop.gcpause import gc_paused
from eccp_desktop.store import schema as s


@dataclass(frozen=True)
class Collection:
    """A list attribute of a domain object and the table that holds it."""

    attr: str
    table: Table
    item: type[Any]
    parent_fk: str
    children: tuple[Collection, ...] = ()

    @cached_property
    def fields(self) -> tuple[str, ...]:
        """The item's own fields, in dataclass order (children are its last fields)."""
        names = tuple(f.name for f in dataclasses.fields(self.item))
        own = names[: len(names) - len(self.children)]
        assert {c.attr for c in self.children} == set(names[len(own) :]), self.item
        return own


PROGRAMMES = Collection("programmes", s.programme, model.Programme, "policy_id")
TIERS = Collection("tiers", s.tier, model.Tier, "scheme_id")
SUPPORT = Collection("support", s.support_row, model.SupportRow, "scheme_id")

COLLECTIONS: dict[str, Collection] = {
    c.attr: c
    for c in (
        Collection("ecosystems", s.ecosystem_entry, model.EcosystemEntry, "factsheet_id"),
        Collection("policies", s.policy, model.Policy, "factsheet_id", (PROGRAMMES,)),
        Collection(
            "cohesion_programmes", s.cohesion_programme, model.CohesionProgramme, "factsheet_id"
        ),
        Collection("recommendations", s.recommendation, model.Recommendation, "factsheet_id"),
        Collection(
            "tier_schemes", s.tier_scheme, model.TierScheme, "factsheet_id", (TIERS, SUPPORT)
        ),
        Collection("clusters", s.cluster, model.Cluster, "factsheet_id"),
        Collection("sources", s.source, model.Source, "factsheet_id"),
        Collection("review_comments", s.review_comment, model.ReviewComment, "factsheet_id"),
    )
}

# Top-level fields kept on the factsheet row itself.
FACTSHEET_FIELDS = ("reference_date", "status", "languages")


def _values(coll: Collection, item: Any, parent_id: int, position: int) -> dict[str, Any]:
    values = {name: getattr(item, name) for name in coll.fields}
    values[coll.parent_fk] = parent_id
    values["position"] = position
    return values


def insert_items(
    conn: Connection, coll: Collection, parent_id: int, items: Iterable[tuple[int, Any]]
) -> None:
    """Insert ``(position, item)`` pairs under one parent, children included."""
    pairs = list(items)
    if not pairs:
        return
    if not coll.children:
        conn.execute(insert(coll.table), [_values(coll, it, parent_id, pos) for pos, it in pairs])
        return
    for pos, it in pairs:  # parents one by one: their children need the new id
        new_id = conn.execute(
            insert(coll.table).values(_values(coll, it, parent_id, pos))
        ).inserted_primary_key[0]  # type: ignore[index]
        for child in coll.children:
            insert_items(conn, child, new_id, enumerate(getattr(it, child.attr)))


def delete_positions(
    conn: Connection, coll: Collection, parent_id: int, positions: Sequence[int] | None
) -> None:
    """Delete some (or all, ``None``) items of a list; children go by cascade."""
    stmt = delete(coll.table).where(coll.table.c[coll.parent_fk] == parent_id)
    if positions is not None:
        stmt = stmt.where(coll.table.c.position.in_(positions))
    if coll.children:  # do not rely on the database cascading
        parent_ids = select(coll.table.c.id).where(stmt.whereclause)  # type: ignore[arg-type]
        for child in coll.children:
            conn.execute(delete(child.table).where(child.table.c[child.parent_fk].in_(parent_ids)))
    conn.execute(stmt)


def write_texts(conn: Connection, factsheet_id: int, fs: model.Factsheet) -> None:
    """Sections, assessment and validation record: small, rewritten whole."""
    for table in (s.section, s.assessment, s.validation_record):
        conn.execute(delete(table).where(table.c.factsheet_id == factsheet_id))
    sections = [{"factsheet_id": factsheet_id, "key": k, "text": v} for k, v in fs.sections.items()]
    if sections:
        conn.execute(insert(s.section), sections)
    dims = [
        {"factsheet_id": factsheet_id, "dimension": k, "rating": a.rating, "text": a.text}
        for k, a in fs.policy_assessment.items()
    ]
    if dims:
        conn.execute(insert(s.assessment), dims)
    if fs.validation is not None:
        v = fs.validation
        conn.execute(
            insert(s.validation_record).values(
                factsheet_id=factsheet_id, by=v.by, organisation=v.organisation, on=v.on
            )
        )


def write_children(conn: Connection, factsheet_id: int, fs: model.Factsheet) -> None:
    write_texts(conn, factsheet_id, fs)
    for coll in COLLECTIONS.values():
        insert_items(conn, coll, factsheet_id, enumerate(getattr(fs, coll.attr)))


def _raw(column: Any) -> Any:
    """JSON and date columns as stored text: decoded below, much faster in bulk."""
    if isinstance(column.type, JSON | Date):
        return type_coerce(column, Text).label(column.name)
    return column


def _json(value: Any) -> Any:
    # Most stored values are empty: skip the decoder for those. A driver that
    # already decodes JSON (psycopg) hands over objects, kept as they are.
    if value == "[]":
        return []
    if value == "{}":
        return {}
    return json.loads(value) if isinstance(value, str) else value


def _json_column(values: list[Any]) -> list[Any]:
    """One column's JSON texts decoded in one call of the decoder.

    Joined into one array, the C scanner runs once instead of once per value:
    ~4x faster for the thousands of short texts and code lists of a store.
    The stored texts are the encoder's own; should one not be a single JSON
    value, the count differs and each is decoded alone (and fails there).
    """
    if not all(type(v) is str for v in values):
        return [_json(v) for v in values]
    try:
        decoded = json.loads("[" + ",".join(values) + "]")
    except ValueError:
        decoded = None
    if not isinstance(decoded, list) or len(decoded) != len(values):
        return [_json(v) for v in values]
    return decoded


def _date_column(values: list[Any]) -> list[Any]:
    return [dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values]


def _load_collection(
    conn: Connection, coll: Collection, parent_ids: Sequence[int]
) -> dict[int, list[Any]]:
    """parent id -> items in order, children attached."""
    t = coll.table
    cols = [t.c.id, t.c[coll.parent_fk], *(_raw(t.c[name]) for name in coll.fields)]
    rows = conn.execute(
        select(*cols)
        .where(t.c[coll.parent_fk].in_(parent_ids))
        .order_by(t.c[coll.parent_fk], t.c.position)
    ).all()
    by_parent: dict[int, list[Any]] = defaultdict(list)
    if not rows:
        return by_parent
    # Column by column: each JSON or date column is decoded in one pass.
    columns: list[list[Any]] = [list(c) for c in zip(*rows, strict=True)]
    for i, name in enumerate(coll.fields, start=2):
        kind = t.c[name].type
        if isinstance(kind, JSON):
            columns[i] = _json_column(columns[i])
        elif isinstance(kind, Date):
            columns[i] = _date_column(columns[i])
    make = coll.item
    items = [make(*values) for values in zip(*columns[2:], strict=True)]  # ``fields`` order
    for parent, item in zip(columns[1], items, strict=True):
        by_parent[parent].append(item)
    item_ids = columns[0]
    for child in coll.children:
        kids = _load_collection(conn, child, item_ids)
        for item_id, item in zip(item_ids, items, strict=True):
            setattr(item, child.attr, kids.get(item_id, []))
    return by_parent


def load_factsheets(conn: Connection, rows: Sequence[Any]) -> list[model.Factsheet]:
    """Domain factsheets for factsheet rows (``id, country, edition, ...``)."""
    ids = [r.id for r in rows]
    if not ids:
        return []
    with gc_paused():  # tens of thousands of acyclic objects: see gcpause
        return _load_factsheets(conn, rows, ids)


def _load_factsheets(
    conn: Connection, rows: Sequence[Any], ids: list[int]
) -> list[model.Factsheet]:
    sheets = {
        r.id: model.Factsheet(
            country=r.country,
            edition=r.edition,
            reference_date=r.reference_date,
            status=r.status,
            languages=list(r.languages),
        )
        for r in rows
    }
    for sid, key, text in conn.execute(
        select(s.section.c.factsheet_id, s.section.c.key, s.section.c.text)
        .where(s.section.c.factsheet_id.in_(ids))
        .order_by(s.section.c.id)
    ):
        sheets[sid].sections[key] = text
    for sid, dim, rating, text in conn.execute(
        select(
            s.assessment.c.factsheet_id,
            s.assessment.c.dimension,
            s.assessment.c.rating,
            s.assessment.c.text,
        )
        .where(s.assessment.c.factsheet_id.in_(ids))
        .order_by(s.assessment.c.id)
    ):
        sheets[sid].policy_assessment[dim] = model.Assessment(rating=rating, text=text)
    for sid, by, org, on in conn.execute(
        select(
            s.validation_record.c.factsheet_id,
            s.validation_record.c.by,
            s.validation_record.c.organisation,
            s.validation_record.c.on,
        ).where(s.validation_record.c.factsheet_id.in_(ids))
    ):
        sheets[sid].validation = model.ValidationRecord(by=by, organisation=org, on=on)
    for coll in COLLECTIONS.values():
        for sid, items in _load_collection(conn, coll, ids).items():
            setattr(sheets[sid], coll.attr, items)
    return [sheets[i] for i in ids]
