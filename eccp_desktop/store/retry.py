"""Writers that collide on a database server: retried a bounded number of times.

On PostgreSQL two transactions can deadlock (40P01) or fail serialization
(40001); the server aborts one of them, which did nothing. Such a write is
simply run again, a few times with a growing random pause; if it still
collides it is reported as a conflict ("try again"), never as a failure of
the store. SQLite serialises writers itself (busy_timeout), so this only
ever triggers on a server.
"""

from __future__ import annotations

import functools
import random
import time
from collections import Counter
from collections.abc import Callable

from eccp_desktop.i18n import _
from eccp_desktop.store.errors import ConflictError

# SQLSTATE codes after which the aborted transaction can be run again as it was.
RETRYABLE = frozenset({"40P01", "40001"})  # deadlock_detected, serialization_failure
ATTEMPTS = 5
PAUSE = 0.05  # seconds, doubled each time, with jitter


# What this process met, for the load test's report (and a diagnostics page):
# per SQLSTATE the collisions retried, and under "gave up <SQLSTATE>" the writes
# that still collided after ATTEMPTS and reached the user as a conflict.
COLLISIONS: Counter[str] = Counter()


class Collision(Exception):
    """A write the server aborted because of another writer; nothing was written."""

    def __init__(self, sqlstate: str, reason: str) -> None:
        self.sqlstate = sqlstate
        self.reason = reason
        super().__init__(reason)


def sqlstate(error: BaseException) -> str | None:
    """The SQLSTATE of a driver error (psycopg 3: ``sqlstate``; psycopg2: ``pgcode``)."""
    orig = getattr(error, "orig", error)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code if isinstance(code, str) else None


# SQLSTATEs of a connection that failed rather than a statement: class 08
# (connection exception) and the server shutting down or restarting (57P0x).
_LOST = ("08", "57P01", "57P02", "57P03")


def connection_lost(error: BaseException) -> bool:
    """Is ``error`` a lost or refused connection to a database server (not a bad statement)?

    SQLite's own errors (a locked or damaged file) are never "lost": only a
    server connection can come back by itself.
    """
    orig = getattr(error, "orig", None) or error
    if not type(orig).__module__.startswith("psycopg"):
        return False
    if getattr(error, "connection_invalidated", False):
        return True
    code = sqlstate(error)
    if code is not None:
        return code.startswith(_LOST)
    # psycopg raises OperationalError without SQLSTATE for refused, closed and
    # timed-out connections (no server answered anything).
    return type(orig).__name__ in ("OperationalError", "InterfaceError")


def retried[**P, R](method: Callable[P, R]) -> Callable[P, R]:
    """Run ``method`` again after a Collision, at most ATTEMPTS times, then ConflictError."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        last: Collision | None = None
        for attempt in range(ATTEMPTS):
            try:
                return method(*args, **kwargs)
            except Collision as e:
                last = e
                COLLISIONS[e.sqlstate] += 1
                time.sleep(PAUSE * (2**attempt) * (0.5 + random.random()))
        assert last is not None
        COLLISIONS[f"gave up {last.sqlstate}"] += 1
        raise ConflictError(
            _(
                "another user's change collided with this one {n} times ({reason}); nothing was written: try again"
            ).format(n=ATTEMPTS, reason=last.reason)
        )

    return run
