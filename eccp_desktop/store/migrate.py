"""Bringing a store's schema up to date with Alembic, safely.

A store written by a newer version of the application is refused untouched;
an existing SQLite file is copied aside before any migration step runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from eccp_desktop.i18n import _
from eccp_desktop.store.engine import Location
from eccp_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest revision in migrations/versions (a test keeps the two equal). A
# store already there opens without importing Alembic: ~0.15 s of start-up.
SCHEMA_HEAD = "0005"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, read with plain SQL (None: no schema yet)."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:  # no such table: a new or foreign database
            return None
    return rows[0][0] if len(rows) == 1 else None


def check_revision(revision: str | None, where: str) -> None:
    """Refuse, before anything is written, a store of a schema this version does not know."""
    if revision is None or revision == SCHEMA_HEAD:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        raise StoreError(
            _(
                "{where} was written by a newer version of ECCP Factsheet Desktop (schema {found}); this version understands up to {head}. It was left untouched: please update the application."
            ).format(where=where, found=revision, head=script.get_current_head())
        )


def upgrade(engine: Engine, location: Location, *, read_only: bool) -> None:
    if current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
    where = location.display
    if current is None and tables:
        raise StoreError(
            _("{where} is not an ECCP store: it holds other tables ({tables})").format(
                where=where, tables=", ".join(sorted(tables)[:5])
            )
        )
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except CommandError:
            known = False
        if not known:
            raise StoreError(
                _(
                    "{where} was written by a newer version of ECCP Factsheet Desktop (schema {found}); this version understands up to {head}. It was left untouched: please update the application."
                ).format(where=where, found=current, head=head)
            )
    if current == head:
        return
    if read_only:
        raise StoreError(
            _("{where} needs upgrading to this version's schema but is read-only").format(
                where=where
            )
        )
    if current is not None and location.path is not None:
        backup_copy(location.path, f"before-{head}")
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two copies creating the schema at once: one waits for the other,
            # then finds it done (Alembic skips what is already at head).
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('eccp-desktop-schema'))"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def backup_copy(path: Path, label: str) -> Path:
    """A consistent copy beside ``path`` (SQLite's online backup, WAL-safe)."""
    target = path.with_name(f"{path.stem}.{label}{path.suffix}")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target
