"""The open factsheet in the window: operations, undo stack, problems.

Widgets never save: they call ``Document.execute(op)``, which runs the edit
through the operations layer (``FactsheetOps``: permissions checked again,
saved at once, store refusals reported as outcomes) and puts an undo step on
the stack. Every outcome is handled here, in one place, so the window, the
undo stack and the store always agree: a refusal is said, a conflict reloads
what the store holds and drops the undo steps that no longer apply.
Every change, done, undone or redone, is announced with ``changed(path)``;
validation reruns shortly after, off the keystroke (``problems_changed``).

On a shared server store two more things can happen. Someone saved in
between: the edit is merged into theirs (``notice`` says so), or, when both
changed the same field, ``merge_needed`` hands the window the merge view.
The server went away: ``unreachable``; the value that could not be saved
stays in ``pending`` (widgets keep showing it) and is saved when the
window says the server is back (``flush_pending``).
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.editing import EditingSession, Operation, SetValue
from eccp_desktop.i18n import _, current_language
from eccp_desktop.i18n.places import place_label
from eccp_desktop.operations import Conflict, Done, Failed, Outcome, Permissions, Refused
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.ui.qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal

_MERGE_ID = 0x5EC


class EditCommand(QUndoCommand):
    """One undo step; the operation was already applied when it is pushed.

    Undo and redo go through the operations like any edit; if the store
    refuses (a conflict, a lock), the document is told and drops the stack
    once Qt has finished with this command: no exception leaves the override.
    """

    def __init__(self, doc: Document, op: Operation, inverse: Operation, merge_key: str | None):
        super().__init__(
            _("Edit {place}").format(place=place_label(doc.factsheet, op.path, current_language()))
        )
        self._doc = doc
        self._op = op
        self._inverse = inverse
        self._merge_key = merge_key
        self._fresh = True  # QUndoStack.push calls redo(): already done

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        outcome = self._doc.ops.undo_step(self._op)
        if isinstance(outcome, Done):
            self._inverse = outcome.value
        else:
            self._doc.step_failed(outcome)

    def undo(self) -> None:
        outcome = self._doc.ops.undo_step(self._inverse)
        if isinstance(outcome, Done):
            self._op = outcome.value
        else:
            self._doc.step_failed(outcome)

    def id(self) -> int:
        return _MERGE_ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other._merge_key != self._merge_key:
            return False
        self._op = other._op  # keep our inverse: the value before the typing began
        return True


class Document(QObject):
    changed = Signal(str)
    problems_changed = Signal()
    saved = Signal(int)
    failed = Signal(str)  # a refusal or a store failure, in words (status bar)
    conflict = Signal(str)  # saved elsewhere in between: reloaded (banner)
    permissions_changed = Signal()
    notice = Signal(str)  # saved, and something to know (merged with others' changes)
    merge_needed = Signal(object)  # a Conflict with its merge: the merge view decides
    unreachable = Signal(str)  # the server went away: the window goes read-only and waits

    def __init__(self, ops: FactsheetOps | EditingSession, *, reviewer: bool = False) -> None:
        super().__init__()
        if isinstance(ops, EditingSession):
            ops = FactsheetOps.for_session(ops)
        self.ops = ops
        self.ops.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.results: list[Any] = []
        self._validator: Any = None
        self._validated: Any = None
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._revalidate)
        self.session.subscribe(self._on_change)
        # path -> value typed while the server was away; shown, saved when it is back
        self.pending: dict[str, Any] = {}

    # -- state ---------------------------------------------------------------
    @property
    def session(self) -> EditingSession:
        return self.ops.session

    @property
    def factsheet(self) -> Any:
        return self.session.factsheet

    @property
    def permissions(self) -> Permissions:
        return self.ops.permissions

    @property
    def editable(self) -> bool:
        return self.permissions.edit

    @property
    def reviewer(self) -> bool:
        return self.ops.reviewer

    @reviewer.setter
    def reviewer(self, on: bool) -> None:
        if on != self.ops.reviewer:
            self.ops.reviewer = on
            self.permissions_changed.emit()

    def get(self, path: str) -> Any:
        return self.session.get(path)

    def get_safe(self, path: str) -> Any:
        try:
            return self.session.get(path)
        except LookupError:
            return None

    def pending_under(self, path: str) -> dict[str, Any]:
        """Unsaved values of the fields right below ``path`` (a text's languages), by name."""
        prefix = path.rstrip("/") + "/"
        return {
            p[len(prefix) :]: v
            for p, v in self.pending.items()
            if p.startswith(prefix) and "/" not in p[len(prefix) :]
        }

    def set_offline(self, offline: bool) -> None:
        """The window's word on the server: away (read-only) or back."""
        if offline != self.ops.offline:
            self.ops.offline = offline
            self.permissions_changed.emit()

    def flush_pending(self) -> None:
        """Save what was typed while the server was away (merged if others saved meanwhile)."""
        pending, self.pending = self.pending, {}
        for path, value in pending.items():
            if not self.set(path, value) and path not in self.pending:
                self.changed.emit(path)  # refused after all: the field shows what is stored

    # -- editing -------------------------------------------------------------
    def execute(self, op: Operation, *, merge_key: str | None = None) -> bool:
        """Apply and save ``op`` as one undo step; False (and ``failed``) if refused."""
        outcome = self.ops.edit(op, coalesce=merge_key is not None)
        if isinstance(outcome, Done):
            self.pending.pop(op.path, None)
            self._done(op, outcome, merge_key)
            return True
        if isinstance(outcome, Failed) and outcome.offline and isinstance(op, SetValue):
            self.pending[op.path] = op.value  # kept in the field until the server is back
        self.handle(outcome)
        return False

    def review(self, op: Operation) -> bool:
        """Review comments: allowed in reviewer mode and when signed off, never read-only."""
        outcome = self.ops.comment(op)
        if isinstance(outcome, Done):
            self._done(op, outcome, None)
            return True
        self.handle(outcome)
        return False

    def _done(self, op: Operation, outcome: Done, merge_key: str | None) -> None:
        if outcome.value is None:  # saved as a merged whole: the old steps do not apply
            self.undo_stack.clear()
        else:
            self.undo_stack.push(EditCommand(self, op, outcome.value, merge_key))
        if outcome.message:
            self.notice.emit(outcome.message)

    def settle_merge(self, conflict: Conflict, choices: dict[str, Any]) -> bool:
        """The merge view's choices for ``conflict``: saved, or said why not."""
        outcome = self.ops.settle_merge(conflict.merge, choices)
        if isinstance(outcome, Done):
            self.undo_stack.clear()  # a merged whole: the steps before it do not apply
            return True
        self.handle(outcome)
        return False

    def set(self, path: str, value: Any, *, merge: bool = False) -> bool:
        if self.get_safe(path) == value:
            return True
        return self.execute(SetValue(path, value), merge_key=path if merge else None)

    def transition(self, target: str, **who: Any) -> Outcome:
        """A workflow step: never an undo step, and undo never crosses it."""
        outcome = self.ops.transition(target, **who)
        if isinstance(outcome, Done):
            self.undo_stack.clear()
            self.permissions_changed.emit()
        elif not isinstance(outcome, Refused):
            self.handle(outcome)
        return outcome

    # -- outcomes ------------------------------------------------------------
    def handle(self, outcome: Outcome) -> None:
        """The one place where a refused or failed operation is told to the user."""
        if isinstance(outcome, Conflict):
            self.undo_stack.clear()  # its steps were based on what is no longer stored
            self.permissions_changed.emit()  # the status may have changed too
            self.conflict.emit(outcome.reason)
            self.failed.emit(outcome.reason)
            if outcome.merge is not None:
                self.merge_needed.emit(outcome)
        elif isinstance(outcome, Refused | Failed):
            self.failed.emit(outcome.reason)
            if isinstance(outcome, Failed) and outcome.offline:
                self.unreachable.emit(outcome.reason)

    def step_failed(self, outcome: Outcome) -> None:
        """An undo or redo was refused: the stack no longer matches the store, drop it.

        Deferred: Qt is still inside the command's undo()/redo().
        """

        def drop() -> None:
            self.undo_stack.clear()
            self.handle(outcome)
            self.failed.emit(
                _(
                    "{reason} The undo steps were dropped: they no longer match the stored factsheet."
                ).format(reason=_reason(outcome))
            )

        QTimer.singleShot(0, drop)

    # -- validation ----------------------------------------------------------
    def _on_change(self, path: str) -> None:
        self.saved.emit(self.session.version)
        self.changed.emit(path)
        self._pending.add(path)
        self._timer.start()

    def validate_now(self) -> None:
        self._pending.add("/")
        self._revalidate()

    def _revalidate(self) -> None:
        self._timer.stop()
        from eccp_desktop.validation import Validator

        pending, self._pending = self._pending, set()
        fs = self.session.factsheet
        if self._validator is None or "/" in pending or self._validated is not fs:
            self._validator = Validator(fs)
            self._validated = fs
        else:
            for path in sorted(pending):
                self._validator.revalidate(path)
        self.results = list(self._validator.results)
        self.problems_changed.emit()

    def problems_at(self, path: str) -> list[Any]:
        """Results whose path is ``path`` or lies below it."""
        prefix = path.rstrip("/") + "/"
        return [r for r in self.results if r.path == path or r.path.startswith(prefix)]

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for r in self.results if r.severity == "error")
        warnings = sum(1 for r in self.results if r.severity == "warning")
        return errors, warnings


def _reason(outcome: Outcome) -> str:
    return getattr(outcome, "reason", "")
