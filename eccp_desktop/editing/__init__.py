"""Editing one factsheet, Qt-free: path access, undoable operations, a session."""

from eccp_desktop.editing.operations import (
    Batch,
    InsertItem,
    MoveItem,
    Operation,
    RemoveItem,
    Restore,
    SetValue,
)
from eccp_desktop.editing.paths import PathError
from eccp_desktop.editing.session import EditingSession

__all__ = [
    "Batch",
    "EditingSession",
    "InsertItem",
    "MoveItem",
    "Operation",
    "PathError",
    "RemoveItem",
    "Restore",
    "SetValue",
]
