"""The local factsheet store: SQLAlchemy 2 over SQLite (or any URL).

The errors are importable on their own; ``Store`` and its records load
SQLAlchemy on first use, so a command or window that has not yet touched the
store does not pay for it at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eccp_desktop.store.errors import (
    ConflictError,
    NotFoundError,
    RightsError,
    StoreError,
    StoreReadOnlyError,
)

if TYPE_CHECKING:
    from eccp_desktop.store.repository import ChangeRecord, ImportOutcome, Store, Summary

_REPOSITORY = {"ChangeRecord", "ImportOutcome", "Store", "Summary"}


def __getattr__(name: str) -> Any:
    if name in _REPOSITORY:
        from eccp_desktop.store import repository

        return getattr(repository, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ChangeRecord",
    "ConflictError",
    "ImportOutcome",
    "NotFoundError",
    "RightsError",
    "Store",
    "StoreError",
    "StoreReadOnlyError",
    "Summary",
]
