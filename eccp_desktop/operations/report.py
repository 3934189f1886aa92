"""What an operation did: the changes to refresh from, or why nothing changed.

Modelled on Anki's ``OpChanges``: the window refreshes exactly what the
report names instead of guessing from where it called.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ROOT = "/"  # "everything changed" (a reload)


@dataclass(frozen=True, slots=True)
class Changes:
    """The parts of the store an operation changed."""

    paths: tuple[str, ...] = ()  # exchange paths in the open factsheet; ROOT: all of it
    status: bool = False  # the workflow status (permissions follow it)
    factsheets: bool = False  # the list of factsheets (navigator)
    history: bool = False
    version: int | None = None  # the open factsheet's store version afterwards
    # a stale edit merged into others' saves: the version it was written onto
    # (equal to ``version`` when theirs already held it and nothing was written)
    merged_onto: int | None = None

    @property
    def everything(self) -> bool:
        return ROOT in self.paths


@dataclass(frozen=True, slots=True)
class Done:
    changes: Changes = Changes()
    message: str = ""
    value: Any = None  # e.g. the inverse of an edit, the imported outcomes


@dataclass(frozen=True, slots=True)
class Refused:
    """Not allowed here (permissions, workflow, bad input); nothing was written."""

    reason: str
    problems: list[Any] = field(default_factory=list)
    changes: Changes = Changes()
    where: str = ""  # the input field the refusal is about ("year"), for a dialog


@dataclass(frozen=True, slots=True)
class Conflict:
    """Someone else saved in between: nothing of ours was written, theirs was reloaded."""

    reason: str
    changed_by: str = ""
    changes: Changes = Changes(paths=(ROOT,), status=True, history=True)
    # the edit and both sides when they changed the same field (rebase.EditMerge):
    # the window shows the merge view; None when the edit cannot apply any more
    merge: Any = None


@dataclass(frozen=True, slots=True)
class Failed:
    """The store could not do it (damaged, locked, disk full); nothing was written."""

    reason: str
    changes: Changes = Changes()
    offline: bool = False  # the server cannot be reached: the window waits for it


Outcome = Done | Refused | Conflict | Failed


def ok(outcome: Outcome) -> bool:
    return isinstance(outcome, Done)
