"""index list items by position

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cluster_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("cohesion_programme", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cohesion_programme_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("ecosystem_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_ecosystem_entry_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.create_index(
            "ix_policy_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_recommendation_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_review_comment_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(
            "ix_source_factsheet_position", ["factsheet_id", "position"], unique=False
        )

    with op.batch_alter_table("tier_scheme", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tier_scheme_factsheet_position", ["factsheet_id", "position"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("tier_scheme", schema=None) as batch_op:
        batch_op.drop_index("ix_tier_scheme_factsheet_position")

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index("ix_source_factsheet_position")

    with op.batch_alter_table("review_comment", schema=None) as batch_op:
        batch_op.drop_index("ix_review_comment_factsheet_position")

    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.drop_index("ix_recommendation_factsheet_position")

    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.drop_index("ix_policy_factsheet_position")

    with op.batch_alter_table("ecosystem_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_ecosystem_entry_factsheet_position")

    with op.batch_alter_table("cohesion_programme", schema=None) as batch_op:
        batch_op.drop_index("ix_cohesion_programme_factsheet_position")

    with op.batch_alter_table("cluster", schema=None) as batch_op:
        batch_op.drop_index("ix_cluster_factsheet_position")
