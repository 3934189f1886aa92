"""base snapshots kept at export, for the three-way merge of returning packages

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "base_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("factsheet_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("exported", sa.DateTime(), nullable=False),
        sa.Column("digest", sa.String(length=71), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["factsheet_id"],
            ["factsheet.id"],
            name=op.f("fk_base_snapshot_factsheet_id_factsheet"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_base_snapshot")),
        sa.UniqueConstraint("factsheet_id", "version", name="uq_base_snapshot_factsheet_version"),
    )
    with op.batch_alter_table("base_snapshot", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_base_snapshot_factsheet_id"), ["factsheet_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("base_snapshot", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_base_snapshot_factsheet_id"))
    op.drop_table("base_snapshot")
