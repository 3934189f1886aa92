"""The store's tables: SQLAlchemy 2 Core ``Table`` objects, portable to PostgreSQL.

One table per entity of the domain model; column names are the exchange
format's field names so that ``eccp_desktop.store.mapping`` can move values
across without a table of renames. Localised texts and closed code lists are
JSON columns (a language -> text object, a list of codes): they are values of
one field, not entities of their own, and both SQLite and PostgreSQL index and
compare them natively. Child rows keep their order in ``position``.

Core, not ORM declarative classes: every query of the store is a Core select
or executemany insert (no identity map, no unit of work), and importing
``sqlalchemy.orm`` plus building the mapped classes cost ~0.2 s of start-up
(issue 16). The column order is that of the former mapped classes (their
mixin's columns last), so the migrations' tables and these compare equal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

# Named constraints so that Alembic migrations are portable and reviewable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An instant, stored as naive UTC: SQLite keeps no time zone, PostgreSQL may."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store keeps instants, give a time zone")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


# Column helpers: ``req`` is NOT NULL, ``opt`` may be NULL (the former
# ``Mapped[T]`` and ``Mapped[T | None]``).
def req(name: str, kind: Any, *args: Any, **kw: Any) -> Column[Any]:
    return Column(name, kind, *args, nullable=False, **kw)


def opt(name: str, kind: Any, *args: Any, **kw: Any) -> Column[Any]:
    return Column(name, kind, *args, nullable=True, **kw)


def _id() -> Column[Any]:
    return Column("id", Integer, primary_key=True)


def _factsheet_fk() -> Column[Any]:
    return req("factsheet_id", Integer, ForeignKey("factsheet.id", ondelete="CASCADE"), index=True)


def _flag(name: str) -> Column[Any]:
    return req(name, Boolean, default=False)


def _positioned(name: str, *columns: Any) -> Table:
    """An ordered list of a factsheet: its own columns, then id, factsheet_id, position."""
    return Table(
        name,
        metadata,
        *columns,
        _id(),
        _factsheet_fk(),
        req("position", Integer),
        # Saving one edited item deletes and rewrites it by (factsheet, position).
        Index(f"ix_{name}_factsheet_position", "factsheet_id", "position"),
    )


country = Table(
    "country",
    metadata,
    Column("code", String(2), primary_key=True),
    req("eu_group", String(8)),
    req("languages", JSON),
)

factsheet = Table(
    "factsheet",
    metadata,
    _id(),
    req("country", String(2), ForeignKey("country.code")),
    req("edition", Integer),
    req("reference_date", Date),
    req("status", String(16)),
    req("languages", JSON),
    # Optimistic locking: a write based on an older version is a conflict.
    req("version", Integer, default=1),
    req("updated_at", UTCDateTime()),
    UniqueConstraint("country", "edition", name="uq_factsheet_country_edition"),
)

section = Table(
    "section",
    metadata,
    _id(),
    _factsheet_fk(),
    req("key", Text),
    req("text", JSON),
    UniqueConstraint("factsheet_id", "key", name="uq_section_factsheet_key"),
)

assessment = Table(
    "assessment",
    metadata,
    _id(),
    _factsheet_fk(),
    req("dimension", String(16)),
    opt("rating", String(8)),
    req("text", JSON),
    UniqueConstraint("factsheet_id", "dimension", name="uq_assessment_factsheet_dimension"),
)

ecosystem_entry = _positioned(
    "ecosystem_entry",
    req("ecosystem", String(40)),
    opt("employment", Integer),
    opt("employment_share", Float),
    opt("relevance", String(8)),
    req("note", JSON),
)

policy = _positioned(
    "policy",
    req("key", Text),
    req("title", JSON),
    req("type", String(24)),
    opt("region", Text),
    opt("authority", Text),
    opt("start_year", Integer),
    opt("end_year", Integer),
    opt("budget_eur", Float),
    _flag("budget_approximate"),
    req("priorities", JSON),
    req("description", JSON),
    opt("url", Text),
)

programme = Table(
    "programme",
    metadata,
    _id(),
    req("policy_id", Integer, ForeignKey("policy.id", ondelete="CASCADE"), index=True),
    req("position", Integer),
    req("title", JSON),
    req("description", JSON),
    opt("start_year", Integer),
    opt("end_year", Integer),
    opt("budget_eur", Float),
    _flag("budget_approximate"),
)

cohesion_programme = _positioned(
    "cohesion_programme",
    opt("cci", Text),
    req("title", JSON),
    opt("region", Text),
    req("funds", JSON),
    req("policy_objectives", JSON),
    req("cluster_support", JSON),
    opt("budget_eur", Float),
    _flag("budget_approximate"),
)

recommendation = _positioned(
    "recommendation",
    opt("year", Integer),
    req("text", JSON),
    opt("priority", String(16)),
    req("response", JSON),
)

tier_scheme = _positioned("tier_scheme", req("key", Text), req("name", JSON))

tier = Table(
    "tier",
    metadata,
    _id(),
    req("scheme_id", Integer, ForeignKey("tier_scheme.id", ondelete="CASCADE"), index=True),
    req("position", Integer),
    req("key", Text),
    req("name", JSON),
    opt("min_operating_months", Integer),
    opt("min_members", Integer),
    req("criteria", JSON),
)

# One support dimension of a scheme's matrix: tier key -> levels.
support_row = Table(
    "support_row",
    metadata,
    _id(),
    req("scheme_id", Integer, ForeignKey("tier_scheme.id", ondelete="CASCADE"), index=True),
    req("position", Integer),
    req("dimension", JSON),
    req("levels", JSON),
)

cluster = _positioned(
    "cluster",
    req("name", Text),
    opt("region", Text),
    opt("founded", Date),
    opt("members", Integer),
    opt("sme_members", Integer),
    opt("scheme", Text),
    opt("tier", Text),
    req("ecosystems", JSON),
    opt("url", Text),
)

source = _positioned(
    "source",
    req("title", Text),
    opt("url", Text),
    opt("accessed", Date),
)

validation_record = Table(
    "validation_record",
    metadata,
    Column(
        "factsheet_id",
        Integer,
        ForeignKey("factsheet.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    req("by", Text),
    req("organisation", Text),
    opt("on", Date),
)

review_comment = _positioned(
    "review_comment",
    req("path", Text),
    req("author", Text),
    req("role", String(16)),
    req("text", Text),
    _flag("resolved"),
    opt("created", UTCDateTime()),
    opt("key", Text),
    opt("reply_to", Text),
    opt("quote", Text),
    _flag("placed_by_page"),
)

# A PDF as exported: its layout map, and the digest and size of its bytes.
# Comments read back from an annotated copy are placed with this map; a copy
# that starts with exactly these bytes (a reader's incremental update) is
# known to have the same layout.
pdf_export = Table(
    "pdf_export",
    metadata,
    Column("export_id", String(32), primary_key=True),
    req("country", String(2)),
    req("edition", Integer),
    req("lang", String(8)),
    req("digest", String(80)),  # "sha256:<hex>" of the exported bytes
    req("size", Integer),
    req("layout", JSON),
    req("created", UTCDateTime()),
)

# The history: who changed what, when, old -> new (JSON values).
change = Table(
    "change",
    metadata,
    _id(),
    _factsheet_fk(),
    req("at", UTCDateTime()),
    req("actor", Text),
    req("action", String(16)),  # edit, import, status
    req("path", Text),
    opt("old", JSON),
    opt("new", JSON),
)

# What a factsheet held when it was exported: the base of a later three-way
# merge. One row per exported version; ``content`` is the exchange dictionary
# and ``digest`` its ``sha256:`` digest, as written into the package's ``base``.
base_snapshot = Table(
    "base_snapshot",
    metadata,
    _id(),
    _factsheet_fk(),
    req("version", Integer),
    req("exported", UTCDateTime()),
    req("digest", String(71)),
    req("content", JSON),
    UniqueConstraint("factsheet_id", "version", name="uq_base_snapshot_factsheet_version"),
)
