"""Edits as values: each one applies itself and returns its inverse.

An operation mutates a factsheet in place; the inverse it returns undoes
exactly that, so undo/redo is applying operations back and forth.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Protocol

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editing import paths


class Operation(Protocol):
    @property
    def path(self) -> str: ...

    def apply(self, fs: Factsheet) -> Operation: ...


@dataclass(frozen=True, slots=True)
class SetValue:
    path: str
    value: Any

    def apply(self, fs: Factsheet) -> Operation:
        old = copy.deepcopy(paths.get(fs, self.path))
        paths.put(fs, self.path, copy.deepcopy(self.value))
        return SetValue(self.path, old)


@dataclass(frozen=True, slots=True)
class InsertItem:
    path: str  # the list
    index: int
    item: Any

    def apply(self, fs: Factsheet) -> Operation:
        items = paths.get_list(fs, self.path)
        index = max(0, min(self.index, len(items)))
        items.insert(index, copy.deepcopy(self.item))
        return RemoveItem(self.path, index)


@dataclass(frozen=True, slots=True)
class RemoveItem:
    path: str
    index: int

    def apply(self, fs: Factsheet) -> Operation:
        items = paths.get_list(fs, self.path)
        if not 0 <= self.index < len(items):
            raise paths.PathError(paths.join(self.path.strip("/"), self.index))
        item = items.pop(self.index)
        return InsertItem(self.path, self.index, item)


@dataclass(frozen=True, slots=True)
class MoveItem:
    path: str
    source: int
    target: int

    def apply(self, fs: Factsheet) -> Operation:
        items = paths.get_list(fs, self.path)
        if not (0 <= self.source < len(items) and 0 <= self.target < len(items)):
            raise paths.PathError(self.path)
        items.insert(self.target, items.pop(self.source))
        return MoveItem(self.path, self.target, self.source)


@dataclass(frozen=True, slots=True)
class Batch:
    """Several operations as one step (multi-row delete, a transition)."""

    ops: tuple[Operation, ...]
    label: str = ""

    @property
    def path(self) -> str:
        return self.ops[0].path if self.ops else "/"

    def apply(self, fs: Factsheet) -> Operation:
        inverses: list[Operation] = []
        try:
            for op in self.ops:
                inverses.append(op.apply(fs))
        except Exception:
            for inv in reversed(inverses):
                inv.apply(fs)
            raise
        return Batch(tuple(reversed(inverses)), self.label)


_WHOLE_FIELDS = (
    "reference_date",
    "status",
    "languages",
    "sections",
    "policy_assessment",
    "ecosystems",
    "policies",
    "cohesion_programmes",
    "recommendations",
    "tier_schemes",
    "clusters",
    "sources",
    "validation",
    "review_comments",
)


@dataclass(frozen=True, slots=True)
class Restore:
    """Put back a whole earlier state (the inverse of a workflow transition)."""

    state: Factsheet
    path: str = "/status"

    def apply(self, fs: Factsheet) -> Operation:
        before = copy.deepcopy(fs)
        for name in _WHOLE_FIELDS:
            setattr(fs, name, copy.deepcopy(getattr(self.state, name)))
        return Restore(before, self.path)
