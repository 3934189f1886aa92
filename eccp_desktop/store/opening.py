"""Recognising an SQLite file before anything is written to it.

The first connection the store used to make switched the file to WAL; that is
a write, and it happened before the file was known to be a store, so another
application's database (or a store of a newer version) was changed while the
app said it would not touch it. Here the file is looked at through a
read-only connection only: its header, its length, SQLite's quick check and
the schema revision. Only a file that passes is opened for writing.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
import urllib.parse
from pathlib import Path

from eccp_desktop.i18n import _
from eccp_desktop.store import damage
from eccp_desktop.store.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


def folder_is_read_only(path: Path) -> bool:
    """SQLite writes beside the file (-wal, -shm, journals): the folder must be writable.

    Mode bits are read, as for the file, so a read-only folder is honoured
    even for an administrator.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False  # a missing folder is created later, or says why then
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(folder, os.W_OK)


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{urllib.parse.quote(str(path.resolve()))}?{query}"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, even in a folder where -shm cannot be made."""
    con = sqlite3.connect(_uri(path, mode="ro"), uri=True, check_same_thread=False)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        if "unable to open" not in str(e) or not folder_is_read_only(path):
            con.close()
            raise
        # A WAL store in a read-only folder: nobody can be writing it there.
        con.close()
        con = sqlite3.connect(_uri(path, immutable="1"), uri=True, check_same_thread=False)
    except sqlite3.DatabaseError:
        con.close()
        raise
    return con


def damaged(path: Path | str, reason: str) -> StoreError:
    return StoreError(
        _("{path} is damaged ({reason}); restore it from a copy").format(path=path, reason=reason)
    )


def _check_header(path: Path) -> None:
    size = path.stat().st_size
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            _(
                "{path} is not an ECCP store: it is not an SQLite database, or it is damaged ({reason})"
            ).format(path=path, reason=_("no SQLite header"))
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    # The page count is trustworthy when it was written with the change counter.
    if valid_for == change_counter and pages * page_size > size:
        raise damaged(
            path,
            _("the file is cut short: {size} of {expected} bytes").format(
                size=size, expected=pages * page_size
            ),
        )


def inspect(path: Path) -> str | None:
    """The file's schema revision (None: a new or empty database), or StoreError.

    Nothing is written: the header is read as bytes and the rest through a
    read-only connection that decodes no text.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    _check_header(path)
    try:
        con = connect_read_only(path)
    except sqlite3.DatabaseError as e:
        raise _unusable(path, e) from None
    con.text_factory = bytes  # undecodable text is damage to report, not a crash
    try:
        (result,) = con.execute("PRAGMA quick_check").fetchone()
        if result != b"ok":
            raise damaged(
                path,
                _("integrity check: {result}").format(
                    result=result.decode("utf-8", "replace")[:200]
                ),
            )
        names = [
            n.decode("utf-8", "replace")
            for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        tables = [n for n in names if not n.startswith("sqlite_")]
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(
                    _("{where} is not an ECCP store: it holds other tables ({tables})").format(
                        where=path, tables=", ".join(sorted(tables)[:5])
                    )
                )
            return None
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        place = damage.type_problem(con) if len(rows) == 1 else None
    except sqlite3.DatabaseError as e:
        raise _unusable(path, e) from None
    finally:
        con.close()
    if len(rows) != 1:
        raise damaged(
            path,
            _("alembic_version holds {n} rows, expected one").format(n=len(rows)),
        )
    if place is not None:
        raise damaged(path, _("a value of the wrong kind at {place}").format(place=place))
    raw = rows[0][0]
    try:
        revision = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    except UnicodeDecodeError:
        raise damaged(path, _("the schema revision is not text")) from None
    return revision


def _unusable(path: Path, e: sqlite3.DatabaseError) -> StoreError:
    reason = str(e)
    if "not a database" in reason or "malformed" in reason or "disk image" in reason:
        return StoreError(
            _(
                "{path} is not an ECCP store: it is not an SQLite database, or it is damaged ({reason})"
            ).format(path=path, reason=reason)
        )
    return StoreError(_("{path} cannot be opened: {reason}").format(path=path, reason=reason))
