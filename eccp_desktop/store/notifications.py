"""Hearing that other clients changed factsheets: one interface, two mechanisms.

On PostgreSQL every committed change of a factsheet's version is announced
by the server (``pg_notify`` from a trigger, migration 0005) on the channel
``eccp_factsheets`` with ``{"id": …, "version": …}``. ``PgListener`` holds a
dedicated connection that LISTENs: its socket becomes readable when a notice
arrives, so a GUI watches ``fileno()`` from its event loop and calls
``drain()``, which never blocks. When that connection is lost (server
restart, network gone) ``drain()`` says so; ``reconnect()`` (blocking: run it
off the GUI thread) listens again and asks for a resynchronisation, because
notices sent meanwhile were missed.

Elsewhere (SQLite) there are no notices: ``PollWatcher`` compares the
version counters every ``interval`` seconds and reports the same pairs.
Both are Qt-free; the window has one adapter for either.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy.exc import DBAPIError

from eccp_desktop.store import retry
from eccp_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from eccp_desktop.store.repository import Store

CHANNEL = "eccp_factsheets"

# TCP keepalives on the listening socket: a laptop whose network silently went
# away notices within about IDLE + INTERVAL * COUNT seconds, with no traffic.
KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, KEEPALIVE_COUNT = 10, 5, 3

Changed = tuple[int, int | None]  # factsheet id, its version now (None: deleted)


@dataclass(frozen=True, slots=True)
class Heard:
    """What a watcher learnt since it was last asked."""

    changed: tuple[Changed, ...] = ()
    resync: bool = False  # notices may have been missed: reload whatever is shown
    lost: str = ""  # the connection was lost just now (why); call reconnect()

    def __bool__(self) -> bool:
        return bool(self.changed or self.resync or self.lost)


class Watcher(Protocol):
    interval: float | None  # seconds between drain() calls; None: when fileno() is readable

    def fileno(self) -> int | None: ...

    def drain(self) -> Heard: ...

    def reconnect(self) -> Heard: ...

    def close(self) -> None: ...


def watcher_for(store: Store) -> Watcher:
    """The watcher that suits ``store``'s database."""
    if store.engine.dialect.name == "postgresql":
        return PgListener(store)
    return PollWatcher(store)


class PollWatcher:
    """Version counters compared at each ``drain()`` (a short read: run it off the GUI thread)."""

    interval: float | None = 1.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self._seen: dict[int, int] | None = None
        try:
            self._seen = self._versions()
        except StoreError:
            pass  # read at the next drain

    def _versions(self) -> dict[int, int]:
        return {s.id: s.version for s in self.store.list()}

    def fileno(self) -> int | None:
        return None

    def drain(self) -> Heard:
        try:
            now = self._versions()
        except StoreError:
            return Heard()  # locked or busy for a moment: asked again shortly
        seen, self._seen = self._seen, now
        if seen is None:
            return Heard(resync=True)
        changed: list[Changed] = [(i, v) for i, v in now.items() if seen.get(i) != v]
        changed += [(i, None) for i in seen if i not in now]
        return Heard(tuple(sorted(changed, key=lambda c: c[0])))

    def reconnect(self) -> Heard:
        return Heard(resync=True)

    def close(self) -> None:
        pass


class PgListener:
    """A dedicated, autocommitting connection that LISTENs on ``CHANNEL``."""

    interval: float | None = None

    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: Any = None  # psycopg.Connection while connected
        self._raw: Any = None  # SQLAlchemy's detached wrapper of it (closes it)
        self.reconnect()

    @property
    def connected(self) -> bool:
        return self._conn is not None

    def fileno(self) -> int | None:
        return self._conn.fileno() if self._conn is not None else None

    def reconnect(self) -> Heard:
        """Connect and LISTEN (again); StoreUnreachableError while the server is away."""
        from eccp_desktop.store.repository import unreachable

        self._drop()
        raw: Any = None
        try:
            # Through the store's engine: the same URL, credentials and connect
            # options; detached, so the pool neither counts nor reuses it.
            raw = self.store.engine.raw_connection()
            conn: Any = raw.driver_connection
            raw.detach()
            conn.rollback()  # the dialect's first queries may have opened a transaction
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as e:
            if raw is not None:
                _close(raw)
            if isinstance(e, DBAPIError | OSError) or retry.connection_lost(e):
                raise unreachable(self.store.location.display, e) from None
            raise
        _keepalive(conn.fileno())
        self._conn, self._raw = conn, raw
        return Heard(resync=True)

    def drain(self) -> Heard:
        """The notices that have arrived (never blocks); ``lost`` once the connection dies."""
        if self._conn is None:
            return Heard()
        pg = self._conn.pgconn
        try:
            pg.consume_input()
        except Exception as e:  # psycopg.OperationalError: the server closed or vanished
            self._drop()
            return Heard(lost=_first_line(e))
        changed: list[Changed] = []
        resync = False
        while (notice := pg.notifies()) is not None:
            pair = _parse(notice.extra)
            if pair is None:
                resync = True  # not ours to read: safer to reload than to guess
            else:
                changed.append(pair)
        if pg.status != 0:  # libpq CONNECTION_BAD without an error from consume_input
            self._drop()
            return Heard(tuple(changed), resync, lost="connection closed")
        return Heard(tuple(changed), resync)

    def close(self) -> None:
        self._drop()

    def _drop(self) -> None:
        raw, self._conn, self._raw = self._raw, None, None
        if raw is not None:
            _close(raw)


def _close(raw: Any) -> None:
    try:
        raw.close()
    except Exception:
        pass  # closing a dead connection has nothing to report


def _parse(payload: bytes | str) -> Changed | None:
    try:
        data = json.loads(payload)
        fid, version = data["id"], data["version"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(fid, int) or not (version is None or isinstance(version, int)):
        return None
    return fid, version


def _keepalive(fd: int) -> None:
    """Probe an idle connection so a silently dropped network is noticed."""
    try:
        sock = socket.socket(fileno=fd)
    except OSError:
        return
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for name, value in (
            ("TCP_KEEPIDLE", KEEPALIVE_IDLE),
            ("TCP_KEEPINTVL", KEEPALIVE_INTERVAL),
            ("TCP_KEEPCNT", KEEPALIVE_COUNT),
        ):
            option = getattr(socket, name, None)
            if option is not None:
                sock.setsockopt(socket.IPPROTO_TCP, option, value)
    except OSError:
        pass  # a Unix socket, or a platform without these options
    finally:
        sock.detach()  # the descriptor stays libpq's


def _first_line(e: BaseException) -> str:
    lines = str(e).strip().splitlines()
    return lines[0] if lines else type(e).__name__
