"""A database server that cannot be used, said in one line (CLI and window alike).

libpq's own messages are long, multi-line and English ("connection to server
at "10.0.0.5", port 5432 failed: FATAL:  password authentication failed for
user "anna""); the user needs the one fact and what to do. The SQLSTATE is
read where the server sent one; connection failures before any server spoke
(unknown host, nothing listening, a time-out) are told apart by libpq's text.
"""

from __future__ import annotations

from eccp_desktop.i18n import _
from eccp_desktop.store.retry import connection_lost, sqlstate

# Server connection options for PostgreSQL (libpq parameters): fail fast when the
# server is unreachable, notice a dead peer (a laptop's lost network) within a
# minute, and let the server's admin see who is connected.
CONNECT_TIMEOUT = 10  # seconds
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
              "keepalives_count": 3}  # fmt: skip


def _text(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error)


def describe(error: BaseException, where: str) -> str:
    """One line: why the server store at ``where`` cannot be used, and what to do."""
    code = sqlstate(error)
    reason = _text(error)
    low = reason.lower()
    if code == "28P01" or "password authentication failed" in low:
        return _(
            "{where}: the server refused the password: check it in your .pgpass file (or the password you typed)"
        ).format(where=where)
    if "no password supplied" in low:
        return _(
            "{where}: the server asks for a password: put it in your .pgpass file (libpq), never in the site file"
        ).format(where=where)
    if code == "3D000" or ("database" in low and "does not exist" in low):
        return _("{where}: the server has no such database").format(where=where)
    if code == "28000" or ("role" in low and "does not exist" in low):
        return _("{where}: the server does not know this login, or does not let it in").format(
            where=where
        )
    if (
        "could not translate host name" in low
        or "failed to resolve host" in low
        or "name or service not known" in low
        or "nodename nor servname" in low
        or "no such host" in low
    ):
        return _("{where}: unknown host: check the server's name in the store URL").format(
            where=where
        )
    if "timeout expired" in low or "timed out" in low:
        return _(
            "{where}: the server did not answer within {seconds} seconds: check the network, or ask the server's administrator"
        ).format(where=where, seconds=CONNECT_TIMEOUT)
    if "connection refused" in low or "is the server running" in low or "no such file" in low:
        return _(
            "{where}: no database server is answering there (it is down, or the port is wrong): try again later, or ask the server's administrator"
        ).format(where=where)
    if code == "53300" or "too many" in low:
        return _("{where}: the server has no free connection now: try again in a moment").format(
            where=where
        )
    if connection_lost(error):
        return _(
            "{where}: the connection to the server was lost: nothing unsaved was written; try again"
        ).format(where=where)
    first = reason.strip().splitlines()[0] if reason.strip() else type(error).__name__
    return _("{where}: the server cannot be used: {reason}").format(where=where, reason=first)
