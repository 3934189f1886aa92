"""The open factsheet in the window: editing session, undo stack, problems.

Widgets never save: they call ``Document.execute(op)``, which applies the
operation through the editing session (saved to the store at once) and puts
an undo step on the stack. Every change, done, undone or redone, is
announced with ``changed(path)``; validation reruns shortly after, off the
keystroke, and is announced with ``problems_changed``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from eccp_desktop.editing import EditingSession, Operation, Restore, SetValue
from eccp_desktop.i18n import _
from eccp_desktop.store.errors import ConflictError
from eccp_desktop.ui.qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal

_MERGE_ID = 0x5EC


class EditCommand(QUndoCommand):
    """One undo step; the operation was already applied when it is pushed."""

    def __init__(self, doc: Document, op: Operation, inverse: Operation, merge_key: str | None):
        super().__init__(_("Edit {path}").format(path=op.path))
        self._doc = doc
        self._op = op
        self._inverse = inverse
        self._merge_key = merge_key
        self._fresh = True  # QUndoStack.push calls redo(): already done

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._inverse = self._doc.session.apply(self._op)

    def undo(self) -> None:
        self._op = self._doc.session.apply(self._inverse)

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
    failed = Signal(str)

    def __init__(self, session: EditingSession, *, reviewer: bool = False) -> None:
        super().__init__()
        self.session = session
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self.results: list[Any] = []
        self._validator: Any = None
        self._validated: Any = None
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._revalidate)
        session.subscribe(self._on_change)

    # -- state ---------------------------------------------------------------
    @property
    def factsheet(self) -> Any:
        return self.session.factsheet

    @property
    def editable(self) -> bool:
        return not (self.session.read_only or self.reviewer)

    def get(self, path: str) -> Any:
        return self.session.get(path)

    # -- editing -------------------------------------------------------------
    def execute(self, op: Operation, *, merge_key: str | None = None) -> bool:
        """Apply and save ``op`` as one undo step; False (and ``failed``) if refused."""
        if not self.editable:
            self.failed.emit(_("This factsheet is read-only here: nothing was changed."))
            return False
        try:
            inverse = self.session.apply(op)
        except ConflictError as e:
            self._reload_after_conflict(str(e))
            return False
        except Exception as e:  # the store refused: say why, keep working
            self.failed.emit(str(e))
            return False
        self.undo_stack.push(EditCommand(self, op, inverse, merge_key))
        return True

    def _reload_after_conflict(self, message: str) -> None:
        """Someone else saved this factsheet: show theirs, drop our undo steps."""
        self.undo_stack.clear()
        self.session.reload()
        self.failed.emit(
            _("{reason}. It was reloaded; your last change was not applied.").format(
                reason=message.rstrip(".")
            )
        )

    def review(self, op: Operation) -> bool:
        """Review comments: allowed in reviewer mode, never on a read-only store."""
        if self.session.read_only or not op.path.startswith("/review_comments"):
            self.failed.emit(_("Only review comments can be changed here."))
            return False
        try:
            inverse = self.session.apply(op)
        except Exception as e:
            self.failed.emit(str(e))
            return False
        self.undo_stack.push(EditCommand(self, op, inverse, None))
        return True

    def set(self, path: str, value: Any, *, merge: bool = False) -> bool:
        if self.get_safe(path) == value:
            return True
        return self.execute(SetValue(path, value), merge_key=path if merge else None)

    def get_safe(self, path: str) -> Any:
        try:
            return self.session.get(path)
        except LookupError:
            return None

    def mutate(self, change: Callable[[Any], None], label: str) -> bool:
        """A workflow step as one undo step; ``change`` may raise to refuse."""
        if self.session.read_only:
            self.failed.emit(_("This factsheet is read-only here: nothing was changed."))
            return False
        inverse = self.session.mutate(change)
        after = Restore(copy.deepcopy(self.session.factsheet))
        cmd = EditCommand(self, after, inverse, None)
        cmd.setText(label)
        self.undo_stack.push(cmd)
        return True

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
