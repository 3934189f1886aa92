"""A localised text: one tab per language of the factsheet, missing ones marked.

Typing saves on every keystroke; consecutive typing in one language of one
field merges into a single undo step (``Document.set(..., merge=True)``).
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.qt import (
    QEvent,
    QKeyCombination,
    QKeySequence,
    QLabel,
    QObject,
    QPlainTextEdit,
    Qt,
    QTabBar,
    QVBoxLayout,
    QWidget,
)
from eccp_desktop.ui.table_model import COMMENT_MARK

MISSING = "\u2205"  # shown in the tab (not colour alone) when a translation is missing


class LocalizedTextEdit(QWidget):
    def __init__(self, doc: Document, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setTabChangesFocus(True)
        # Ctrl+Z goes to the application's undo stack (saved steps), not the widget's
        self.editor.setUndoRedoEnabled(False)
        self.editor.installEventFilter(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.comments = QLabel(self)
        self.comments.setWordWrap(True)
        self.comments.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem)
        layout.addWidget(self.comments)
        self._langs: list[str] = []
        self.tabs.currentChanged.connect(self._load)
        self.editor.textChanged.connect(self._typed)
        doc.changed.connect(self._on_changed)
        doc.problems_changed.connect(self._show_problems)
        self.rebuild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key: Any = event  # a QKeyEvent for the shortcut override checked below
        # Leave undo/redo keys to the window's actions (the saved undo stack).
        if event.type() == QEvent.Type.ShortcutOverride and (
            key.matches(QKeySequence.StandardKey.Undo)
            or key.matches(QKeySequence.StandardKey.Redo)
            or key.keyCombination()
            == QKeyCombination(
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                Qt.Key.Key_Z,
            )
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    @property
    def lang(self) -> str:
        i = self.tabs.currentIndex()
        return self._langs[i] if 0 <= i < len(self._langs) else "en"

    def set_path(self, path: str) -> None:
        self.path = path
        self.rebuild()

    def rebuild(self) -> None:
        current = self.lang
        langs = list(self.doc.factsheet.languages) or ["en"]
        if "en" not in langs:
            langs.insert(0, "en")
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        self._langs = langs
        for lang in langs:
            self.tabs.addTab(lang)
        self.tabs.setCurrentIndex(langs.index(current) if current in langs else 0)
        self.tabs.blockSignals(False)
        self._mark_tabs()
        self._load()
        self._show_problems()
        self._show_comments()

    def select_language(self, lang: str) -> None:
        if lang in self._langs:
            self.tabs.setCurrentIndex(self._langs.index(lang))

    def _texts(self) -> dict[str, str]:
        # what the server has not got yet (it went away) stays in the field
        return {**(self.doc.get_safe(self.path) or {}), **self.doc.pending_under(self.path)}

    def _mark_tabs(self) -> None:
        texts = self._texts()
        for i, lang in enumerate(self._langs):
            missing = not texts.get(lang)
            self.tabs.setTabText(i, f"{lang.upper()} {MISSING}" if missing else lang.upper())
            self.tabs.setTabToolTip(
                i, _("Translation missing") if missing else _("Translation present")
            )
        self.tabs.setAccessibleName(_("Languages"))
        self.editor.setAccessibleName(_("Text in {lang}").format(lang=self.lang.upper()))

    def _load(self) -> None:
        text = self._texts().get(self.lang, "")
        old = self.editor.toPlainText()
        if old != text:
            self.editor.blockSignals(True)
            cursor = _follow(self.editor.textCursor().position(), old, text)
            self.editor.setPlainText(text)
            c = self.editor.textCursor()
            c.setPosition(cursor)
            self.editor.setTextCursor(c)
            self.editor.blockSignals(False)
        self.editor.setReadOnly(not self.doc.editable)
        self.editor.setAccessibleName(_("Text in {lang}").format(lang=self.lang.upper()))

    def _typed(self) -> None:
        if not self.doc.set(f"{self.path}/{self.lang}", self.editor.toPlainText(), merge=True):
            self._load()  # what is stored, or what waits for the server
            self._show_problems()

    def _on_changed(self, path: str) -> None:
        if path in ("/", "/languages", "/status"):
            self.rebuild()
            return
        if path.startswith("/review_comments"):
            self._show_comments()
            return
        if (
            path == "/"
            or path == "/status"
            or path.startswith(self.path)
            or self.path.startswith(path + "/")
        ):
            self._mark_tabs()
            self._load()

    def _show_problems(self) -> None:
        problems = self.doc.problems_at(self.path)
        marks = {"error": "\u2716", "warning": "\u26a0", "info": "\u2139"}
        lines = [f"{marks.get(p.severity, '!')} {p.message}" for p in problems[:3]]
        if self.doc.pending_under(self.path):
            lines.insert(0, "\u26a0 " + _(
                "Not saved yet: the connection to the store is lost. It is saved when it is back."
            ))  # fmt: skip
        if lines:
            self.problem.setText("\n".join(lines))
            self.problem.show()
        else:
            self.problem.hide()

    def _show_comments(self) -> None:
        """Open review comments on this text (any language of it), beside the field."""
        mine = [
            c
            for c in self.doc.factsheet.review_comments
            if not c.resolved and (c.path == self.path or c.path.startswith(self.path + "/"))
        ]
        if mine:
            lines = [f"{COMMENT_MARK} {c.author or '?'}: {c.text}" for c in mine[:3]]
            if len(mine) > 3:
                lines.append(_("… more on the review page"))
            self.comments.setText("\n".join(lines))
            self.comments.setAccessibleName(_("Review comments on this text"))
            self.comments.show()
        else:
            self.comments.hide()

    def focus(self, lang: str | None = None) -> None:
        if lang:
            self.select_language(lang)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)


def _follow(cursor: int, old: str, new: str) -> int:
    """Where the cursor goes when the stored text replaces what is shown (a reload, a merge).

    At the end it stays at the end (the user goes on typing there); before
    the first difference it stays; after it, it moves with the text after it.
    """
    if cursor >= len(old):
        return len(new)
    prefix = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        prefix += 1
    if cursor <= prefix:
        return cursor
    return max(prefix, min(len(new), cursor + len(new) - len(old)))
