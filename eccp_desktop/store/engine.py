"""Opening a database: SQLite file or any SQLAlchemy URL.

Everything SQLite-specific (pragmas, read-only files, the integrity check)
is here, so the rest of the store speaks portable SQL only.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from eccp_desktop.i18n import _
from eccp_desktop.store import opening
from eccp_desktop.store.errors import StoreError


@dataclass(frozen=True)
class Location:
    """Where a store lives: an SQLAlchemy URL, and the file for SQLite."""

    url: str
    path: Path | None  # the SQLite file, None for a server or in-memory store

    @property
    def display(self) -> str:
        return (
            str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)
        )


def locate(path_or_url: str | os.PathLike[str]) -> Location:
    raw = os.fspath(path_or_url)
    if "://" in raw:
        try:
            url = make_url(raw)
        except ArgumentError:
            raise StoreError(_("not a database URL: {url}").format(url=raw)) from None
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return Location(raw, Path(url.database).expanduser())  # type: ignore[arg-type]
        return Location(raw, None)
    path = Path(raw).expanduser()
    return Location(f"sqlite:///{path}", path)


def is_marked_read_only(path: Path) -> bool:
    """No write permission on the file or its folder (SQLite writes beside it).

    The mode bits are read rather than ``os.access`` so that a file marked
    read-only is honoured even for an administrator.
    """
    if path.exists():
        if not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            return True
        return not os.access(path, os.W_OK) or opening.folder_is_read_only(path)
    return False


def _sqlite_pragmas(read_only: bool) -> Any:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 5000")
        if not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
            # FULL: WAL commits are fsynced, so an acknowledged edit survives a
            # power cut or an OS crash, not only a killed process (NORMAL).
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    return on_connect


def server_options(url: str) -> dict[str, Any]:
    """Engine options for a database server: see ``faults`` for the why of each."""
    from eccp_desktop import __version__
    from eccp_desktop.store import faults

    if make_url(url).get_backend_name() != "postgresql":
        return {}
    connect = {
        "connect_timeout": faults.CONNECT_TIMEOUT,
        "application_name": f"eccp-desktop {__version__}",
        **faults.KEEPALIVES,
    }
    # pool_pre_ping: a connection the server dropped (a restart, a lost network)
    # is noticed when it is taken from the pool and replaced, not used.
    return {"pool_pre_ping": True, "connect_args": connect}


def create(location: Location, *, read_only: bool) -> Engine:
    """An engine for ``location``; SQLite files are checked before use."""
    if location.path is None:
        try:
            return create_engine(location.url, **server_options(location.url))
        except NoSuchModuleError:
            kind = make_url(location.url).get_backend_name()
            raise StoreError(
                _("unknown kind of database {kind!r} in {url}").format(
                    kind=kind, url=location.display
                )
            ) from None
        except ImportError as e:
            raise StoreError(
                _("the database driver for {url} is not installed ({reason})").format(
                    url=location.display, reason=e
                )
            ) from None
    path = location.path
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not a store file").format(path=path))
    if read_only:
        if not path.exists():
            raise StoreError(_("{path} does not exist").format(path=path))
        engine = create_engine("sqlite://", creator=lambda: opening.connect_read_only(path))
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(location.url, connect_args={"check_same_thread": False})
    # The file was recognised (opening.inspect) before this engine exists: its
    # first connection may write (the WAL switch), and now it may.
    event.listen(engine, "connect", _sqlite_pragmas(read_only))
    return engine
