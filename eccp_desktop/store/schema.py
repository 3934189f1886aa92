"""The store's tables: SQLAlchemy 2 typed ORM, portable to PostgreSQL.

One row class per entity of the domain model; column names are the exchange
format's field names so that ``eccp_desktop.store.mapping`` can move values
across without a table of renames. Localised texts and closed code lists are
JSON columns (a language -> text object, a list of codes): they are values of
one field, not entities of their own, and both SQLite and PostgreSQL index and
compare them natively. Child rows keep their order in ``position``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints so that Alembic migrations are portable and reviewable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Texts = dict[str, str]


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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)
        dict[str, str]: JSON,
        dict[str, Any]: JSON,
        list[str]: JSON,
        dt.datetime: UTCDateTime(),
        dt.date: Date,
        float: Float,
        str: String(255),
    }


def _factsheet_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("factsheet.id", ondelete="CASCADE"), index=True)


class CountryRow(Base):
    __tablename__ = "country"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    eu_group: Mapped[str] = mapped_column(String(8))
    languages: Mapped[list[str]]


class FactsheetRow(Base):
    __tablename__ = "factsheet"
    __table_args__ = (UniqueConstraint("country", "edition", name="uq_factsheet_country_edition"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2), ForeignKey("country.code"))
    edition: Mapped[int]
    reference_date: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[str]]
    # Optimistic locking: a write based on an older version is a conflict.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[dt.datetime]


class SectionRow(Base):
    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("factsheet_id", "key", name="uq_section_factsheet_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = _factsheet_fk()
    key: Mapped[str] = mapped_column(Text)
    text: Mapped[Texts]


class AssessmentRow(Base):
    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("factsheet_id", "dimension", name="uq_assessment_factsheet_dimension"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = _factsheet_fk()
    dimension: Mapped[str] = mapped_column(String(16))
    rating: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[Texts]


class _Positioned:
    """Rows of an ordered list of a factsheet."""

    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = _factsheet_fk()
    position: Mapped[int]

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Index]:
        # Saving one edited item deletes and rewrites it by (factsheet, position).
        name = f"ix_{cls.__tablename__}_factsheet_position"  # type: ignore[attr-defined]
        return (Index(name, "factsheet_id", "position"),)


class EcosystemRow(_Positioned, Base):
    __tablename__ = "ecosystem_entry"
    ecosystem: Mapped[str] = mapped_column(String(40))
    employment: Mapped[int | None]
    employment_share: Mapped[float | None]
    relevance: Mapped[str | None] = mapped_column(String(8))
    note: Mapped[Texts]


class PolicyRow(_Positioned, Base):
    __tablename__ = "policy"
    key: Mapped[str] = mapped_column(Text)
    title: Mapped[Texts]
    type: Mapped[str] = mapped_column(String(24))
    region: Mapped[str | None] = mapped_column(Text)
    authority: Mapped[str | None] = mapped_column(Text)
    start_year: Mapped[int | None]
    end_year: Mapped[int | None]
    budget_eur: Mapped[float | None]
    budget_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    priorities: Mapped[list[str]]
    description: Mapped[Texts]
    url: Mapped[str | None] = mapped_column(Text)


class ProgrammeRow(Base):
    __tablename__ = "programme"
    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    title: Mapped[Texts]
    description: Mapped[Texts]
    start_year: Mapped[int | None]
    end_year: Mapped[int | None]
    budget_eur: Mapped[float | None]
    budget_approximate: Mapped[bool] = mapped_column(Boolean, default=False)


class CohesionProgrammeRow(_Positioned, Base):
    __tablename__ = "cohesion_programme"
    cci: Mapped[str | None] = mapped_column(Text)
    title: Mapped[Texts]
    region: Mapped[str | None] = mapped_column(Text)
    funds: Mapped[list[str]]
    policy_objectives: Mapped[list[str]]
    cluster_support: Mapped[Texts]
    budget_eur: Mapped[float | None]
    budget_approximate: Mapped[bool] = mapped_column(Boolean, default=False)


class RecommendationRow(_Positioned, Base):
    __tablename__ = "recommendation"
    year: Mapped[int | None]
    text: Mapped[Texts]
    priority: Mapped[str | None] = mapped_column(String(16))
    response: Mapped[Texts]


class TierSchemeRow(_Positioned, Base):
    __tablename__ = "tier_scheme"
    key: Mapped[str] = mapped_column(Text)
    name: Mapped[Texts]


class TierRow(Base):
    __tablename__ = "tier"
    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("tier_scheme.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    key: Mapped[str] = mapped_column(Text)
    name: Mapped[Texts]
    min_operating_months: Mapped[int | None]
    min_members: Mapped[int | None]
    criteria: Mapped[Texts]


class SupportRowRow(Base):
    """One support dimension of a scheme's matrix: tier key -> levels."""

    __tablename__ = "support_row"
    id: Mapped[int] = mapped_column(primary_key=True)
    scheme_id: Mapped[int] = mapped_column(
        ForeignKey("tier_scheme.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    dimension: Mapped[Texts]
    levels: Mapped[dict[str, Any]]


class ClusterRow(_Positioned, Base):
    __tablename__ = "cluster"
    name: Mapped[str] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    founded: Mapped[dt.date | None]
    members: Mapped[int | None]
    sme_members: Mapped[int | None]
    scheme: Mapped[str | None] = mapped_column(Text)
    tier: Mapped[str | None] = mapped_column(Text)
    ecosystems: Mapped[list[str]]
    url: Mapped[str | None] = mapped_column(Text)


class SourceRow(_Positioned, Base):
    __tablename__ = "source"
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    accessed: Mapped[dt.date | None]


class ValidationRecordRow(Base):
    __tablename__ = "validation_record"
    factsheet_id: Mapped[int] = mapped_column(
        ForeignKey("factsheet.id", ondelete="CASCADE"), primary_key=True
    )
    by: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text)
    on: Mapped[dt.date | None]


class ReviewCommentRow(_Positioned, Base):
    __tablename__ = "review_comment"
    path: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime | None]
    key: Mapped[str | None] = mapped_column(Text)
    reply_to: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    placed_by_page: Mapped[bool] = mapped_column(Boolean, default=False)


class PdfExportRow(Base):
    """A PDF as exported: its layout map, and the digest and size of its bytes.

    Comments read back from an annotated copy are placed with this map; a
    copy that starts with exactly these bytes (a reader's incremental update)
    is known to have the same layout.
    """

    __tablename__ = "pdf_export"
    export_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    edition: Mapped[int]
    lang: Mapped[str] = mapped_column(String(8))
    digest: Mapped[str] = mapped_column(String(80))  # "sha256:<hex>" of the exported bytes
    size: Mapped[int]
    layout: Mapped[dict[str, Any]]
    created: Mapped[dt.datetime]


class ChangeRow(Base):
    """The history: who changed what, when, old -> new (JSON values)."""

    __tablename__ = "change"
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = _factsheet_fk()
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))  # edit, import, status
    path: Mapped[str] = mapped_column(Text)
    old: Mapped[Any | None] = mapped_column(JSON)
    new: Mapped[Any | None] = mapped_column(JSON)


class BaseSnapshotRow(Base):
    """What a factsheet held when it was exported: the base of a later three-way merge.

    One row per exported version; ``content`` is the exchange dictionary and
    ``digest`` its ``sha256:`` digest, as written into the package's ``base``.
    """

    __tablename__ = "base_snapshot"
    __table_args__ = (
        UniqueConstraint("factsheet_id", "version", name="uq_base_snapshot_factsheet_version"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    factsheet_id: Mapped[int] = _factsheet_fk()
    version: Mapped[int]
    exported: Mapped[dt.datetime]
    digest: Mapped[str] = mapped_column(String(71))
    content: Mapped[dict[str, Any]]
