"""One factsheet being edited: every operation is saved as it happens.

The session owns the loaded factsheet and the store version it is based on.
``apply`` mutates the factsheet, saves it at once (``Store.save`` with the
base version) and returns the inverse operation; if the store refuses, the
factsheet is put back as it was and the error propagates. Listeners hear
the path of every change (the GUI refreshes from them), so this module is
the whole editing behaviour, testable without a display.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editing import paths
from eccp_desktop.editing.operations import (
    Batch,
    InsertItem,
    MoveItem,
    Operation,
    RemoveItem,
    Restore,
    SetValue,
)

if TYPE_CHECKING:  # the store (SQLAlchemy) is not needed to load this module
    from eccp_desktop.store import Store

Listener = Callable[[str], None]


class EditingSession:
    def __init__(self, store: Store, country: str, edition: int, *, actor: str) -> None:
        self.store = store
        self.actor = actor
        self.factsheet, self.version = store.load_versioned(country, edition)
        self._listeners: list[Listener] = []

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def ident(self) -> tuple[str, int]:
        return self.factsheet.ident

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- reading --------------------------------------------------------
    def get(self, path: str) -> Any:
        return paths.get(self.factsheet, path)

    def items(self, path: str) -> list[Any]:
        return paths.get_list(self.factsheet, path)

    # -- editing --------------------------------------------------------
    def apply(self, op: Operation, *, coalesce: bool = False) -> Operation:
        """Apply ``op``, save, tell listeners; returns the inverse operation.

        ``coalesce``: the op continues typing in one field (one history row).
        """
        inverse = op.apply(self.factsheet)
        try:
            self.version = self.store.save(
                self.factsheet, base_version=self.version, actor=self.actor, coalesce=coalesce
            )
        except Exception:
            inverse.apply(self.factsheet)
            raise
        for listener in list(self._listeners):
            listener(op.path)
        return inverse

    def set(self, path: str, value: Any) -> Operation:
        return self.apply(SetValue(path, value))

    def insert(self, path: str, index: int, item: Any) -> Operation:
        return self.apply(InsertItem(path, index, item))

    def append(self, path: str, item: Any) -> Operation:
        return self.insert(path, len(self.items(path)), item)

    def remove(self, path: str, index: int) -> Operation:
        return self.apply(RemoveItem(path, index))

    def remove_many(self, path: str, indexes: Sequence[int]) -> Operation:
        """Remove several items in one step (highest index first)."""
        ops = tuple(RemoveItem(path, i) for i in sorted(set(indexes), reverse=True))
        return self.apply(Batch(ops, "remove"))

    def move(self, path: str, source: int, target: int) -> Operation:
        return self.apply(MoveItem(path, source, target))

    def mutate(self, change: Callable[[Factsheet], None], path: str = "/status") -> Operation:
        """Apply an arbitrary change (a workflow transition) as one undoable step.

        ``change`` may raise to refuse; the factsheet is then left untouched.
        """
        before = copy.deepcopy(self.factsheet)
        work = copy.deepcopy(self.factsheet)
        change(work)
        self.apply(Restore(work, path))
        return Restore(before, path)

    def reload(self) -> None:
        country, edition = self.ident
        self.factsheet, self.version = self.store.load_versioned(country, edition)
        for listener in list(self._listeners):
            listener("/")
