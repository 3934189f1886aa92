"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "country",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("eu_group", sa.String(length=8), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_country")),
    )
    op.create_table(
        "factsheet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("reference_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["country"], ["country.code"], name=op.f("fk_factsheet_country_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_factsheet")),
        sa.UniqueConstraint("country", "edition", name="uq_factsheet_country_edition"),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=16), nullable=False),
        sa.Column("rating", sa.String(length=8), nullable=True),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_assessment_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint("factsheet_id", "dimension", name="uq_assessment_factsheet_dimension"),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("old", sa.JSON(), nullable=True),
        sa.Column("new", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_change_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_factsheet_id"), ["factsheet_id"], unique=False)

    op.create_table(
        "cluster",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("founded", sa.Date(), nullable=True),
        sa.Column("members", sa.Integer(), nullable=True),
        sa.Column("sme_members", sa.Integer(), nullable=True),
        sa.Column("scheme", sa.Text(), nullable=True),
        sa.Column("tier", sa.Text(), nullable=True),
        sa.Column("ecosystems", sa.JSON(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_cluster_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster")),
    )
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cluster_factsheet_id"), ["factsheet_id"], unique=False)

    op.create_table(
        "cohesion_programme",
        sa.Column("cci", sa.Text(), nullable=True),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("funds", sa.JSON(), nullable=False),
        sa.Column("policy_objectives", sa.JSON(), nullable=False),
        sa.Column("cluster_support", sa.JSON(), nullable=False),
        sa.Column("budget_eur", sa.Float(), nullable=True),
        sa.Column("budget_approximate", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_cohesion_programme_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cohesion_programme")),
    )
    with op.batch_alter_table("cohesion_programme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cohesion_programme_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "ecosystem_entry",
        sa.Column("ecosystem", sa.String(length=40), nullable=False),
        sa.Column("employment", sa.Integer(), nullable=True),
        sa.Column("employment_share", sa.Float(), nullable=True),
        sa.Column("relevance", sa.String(length=8), nullable=True),
        sa.Column("note", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_ecosystem_entry_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ecosystem_entry")),
    )
    with op.batch_alter_table("ecosystem_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ecosystem_entry_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "policy",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("authority", sa.Text(), nullable=True),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("end_year", sa.Integer(), nullable=True),
        sa.Column("budget_eur", sa.Float(), nullable=True),
        sa.Column("budget_approximate", sa.Boolean(), nullable=False),
        sa.Column("priorities", sa.JSON(), nullable=False),
        sa.Column("description", sa.JSON(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_policy_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy")),
    )
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_factsheet_id"), ["factsheet_id"], unique=False)

    op.create_table(
        "recommendation",
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=True),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_recommendation_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation")),
    )
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_recommendation_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "review_comment",
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_review_comment_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comment")),
    )
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_comment_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_section_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section")),
        sa.UniqueConstraint("factsheet_id", "key", name="uq_section_factsheet_key"),
    )
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_section_factsheet_id"), ["factsheet_id"], unique=False)

    op.create_table(
        "source",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("accessed", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_source_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_factsheet_id"), ["factsheet_id"], unique=False)

    op.create_table(
        "tier_scheme",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_tier_scheme_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_scheme")),
    )
    with op.batch_alter_table("tier_scheme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tier_scheme_factsheet_id"), ["factsheet_id"], unique=False
        )

    op.create_table(
        "validation_record",
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_validation_record_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("factsheet_id", name=op.f("pk_validation_record")),
    )
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("description", sa.JSON(), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=True),
        sa.Column("end_year", sa.Integer(), nullable=True),
        sa.Column("budget_eur", sa.Float(), nullable=True),
        sa.Column("budget_approximate", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["policy.id"],
            name=op.f("fk_programme_policy_id_policy"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
    )
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_programme_policy_id"), ["policy_id"], unique=False)

    op.create_table(
        "support_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.JSON(), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["tier_scheme.id"],
            name=op.f("fk_support_row_scheme_id_tier_scheme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_row")),
    )
    with op.batch_alter_table("support_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_support_row_scheme_id"), ["scheme_id"], unique=False)

    op.create_table(
        "tier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scheme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("min_operating_months", sa.Integer(), nullable=True),
        sa.Column("min_members", sa.Integer(), nullable=True),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scheme_id"],
            ["tier_scheme.id"],
            name=op.f("fk_tier_scheme_id_tier_scheme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier")),
    )
    with op.batch_alter_table("tier", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tier_scheme_id"), ["scheme_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_scheme_id"))

    op.drop_table("tier")
    with op.batch_alter_table("support_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_row_scheme_id"))

    op.drop_table("support_row")
    with op.batch_alter_table("programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_policy_id"))

    op.drop_table("programme")
    op.drop_table("validation_record")
    with op.batch_alter_table("tier_scheme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_scheme_factsheet_id"))

    op.drop_table("tier_scheme")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_factsheet_id"))

    op.drop_table("source")
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_factsheet_id"))

    op.drop_table("section")
    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_comment_factsheet_id"))

    op.drop_table("review_comment")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_factsheet_id"))

    op.drop_table("recommendation")
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_policy_factsheet_id"))

    op.drop_table("policy")
    with op.batch_alter_table("ecosystem_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ecosystem_entry_factsheet_id"))

    op.drop_table("ecosystem_entry")
    with op.batch_alter_table("cohesion_programme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cohesion_programme_factsheet_id"))

    op.drop_table("cohesion_programme")
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_factsheet_id"))

    op.drop_table("cluster")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_factsheet_id"))

    op.drop_table("change")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_factsheet_id"))

    op.drop_table("assessment")
    op.drop_table("factsheet")
    op.drop_table("country")
