"""The schema and its migrations are portable to the shared PostgreSQL store."""

from __future__ import annotations

import io

from alembic import command
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from eccp_desktop.store.migrate import alembic_config
from eccp_desktop.store.schema import metadata


def test_every_table_compiles_for_postgresql() -> None:
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    ddl = [str(CreateTable(t).compile(dialect=dialect)) for t in metadata.sorted_tables]
    assert len(ddl) == len(metadata.tables)
    assert any("JSON" in d for d in ddl)


def test_migrations_render_as_postgresql_sql() -> None:
    out = io.StringIO()
    cfg = alembic_config()
    cfg.output_buffer = out
    cfg.set_main_option("sqlalchemy.url", "postgresql://")
    command.upgrade(cfg, "head", sql=True)
    sql = out.getvalue()
    assert "CREATE TABLE factsheet" in sql
    assert "CREATE INDEX ix_cluster_factsheet_position" in sql
    assert "sqlite" not in sql.lower()
