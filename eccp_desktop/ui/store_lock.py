"""One writer per SQLite store: a lock file beside it (QLockFile).

A second window on the same file gets a read-only view. A lock left by a
killed process is stale (its process is gone) and is taken over.
"""

from __future__ import annotations

from pathlib import Path

from eccp_desktop.ui.qt import QLockFile


def acquire(store_file: Path | None) -> tuple[bool, QLockFile | None]:
    """(got it, the held lock); a server store needs no lock file."""
    if store_file is None:
        return True, None
    lock = QLockFile(str(store_file) + ".lock")
    lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age
    if lock.tryLock(0):
        return True, lock
    lock.removeStaleLockFile()
    if lock.tryLock(0):
        return True, lock
    return False, None
