"""The local factsheet store: SQLAlchemy 2 over SQLite (or any URL)."""

from eccp_desktop.store.errors import ConflictError, NotFoundError, StoreError, StoreReadOnlyError
from eccp_desktop.store.repository import ChangeRecord, ImportOutcome, Store, Summary

__all__ = [
    "ChangeRecord",
    "ConflictError",
    "ImportOutcome",
    "NotFoundError",
    "Store",
    "StoreError",
    "StoreReadOnlyError",
    "Summary",
]
