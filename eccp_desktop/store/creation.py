"""Creating a new SQLite store so that two processes starting at once cannot collide.

Two windows (or a window and a script) opening a store that does not exist
yet used to both create its schema in the same file: one failed with
"UNIQUE constraint failed" or saw half a schema and called the file "not an
ECCP store". Here the store is built completely (schema, first content)
under a private name beside the target and then published in one atomic
step that fails if the target exists (a hard link; a rename on Windows,
which never replaces). The loser of a race deletes its copy and opens the
winner's: one creates, the other waits and opens.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def _publish(built: Path, target: Path) -> bool:
    """Make ``built`` appear as ``target`` unless it exists; whether it was ours."""
    try:
        if os.name == "nt":
            os.rename(built, target)  # refuses an existing target on Windows
        else:
            os.link(built, target)  # atomic, and refuses an existing target
    except FileExistsError:
        return False
    except OSError:
        # A file system without hard links (FAT, some network shares).
        if target.exists():
            return False
        os.rename(built, target)
    return True


def create_new(target: Path, build: Callable[[Path], None]) -> bool:
    """Build a store with ``build(path)`` and publish it at ``target``.

    Returns False when another process published ``target`` first (its store
    is then the one to open). Nothing of the private copy is left behind.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    private = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.new")
    try:
        build(private)
        return _publish(private, target)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{private}{suffix}").unlink(missing_ok=True)
