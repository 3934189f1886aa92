"""PostgreSQL: every committed change of a factsheet's version is announced (NOTIFY)

A trigger on ``factsheet`` sends ``{"id": …, "version": …}`` on the channel
``eccp_factsheets`` in the writing transaction itself, so the notice goes out
exactly when (and only if) the change commits, whichever code path or tool
wrote it. Ids and versions only: no content leaves through the channel, and
row-level security is not bypassed (a listener reloads through its own login).
SQLite has no NOTIFY: its clients poll the version counters; nothing to do.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FUNCTION = """
CREATE OR REPLACE FUNCTION eccp_notify_factsheet() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('eccp_factsheets',
                      CAST(json_build_object('id', OLD.id, 'version', NULL) AS text));
    RETURN OLD;
  END IF;
  -- an update that leaves the version alone (a part of a save) is not a change yet
  IF TG_OP = 'UPDATE' AND OLD.version = NEW.version THEN
    RETURN NEW;
  END IF;
  PERFORM pg_notify('eccp_factsheets',
                    CAST(json_build_object('id', NEW.id, 'version', NEW.version) AS text));
  RETURN NEW;
END
$$
"""

TRIGGER = """
CREATE TRIGGER factsheet_notify
AFTER INSERT OR DELETE OR UPDATE OF version ON factsheet
FOR EACH ROW EXECUTE FUNCTION eccp_notify_factsheet()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute("DROP TRIGGER IF EXISTS factsheet_notify ON factsheet")
    op.execute(TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS factsheet_notify ON factsheet")
    op.execute("DROP FUNCTION IF EXISTS eccp_notify_factsheet()")
