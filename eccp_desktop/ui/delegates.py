"""Cell editors that fit the field: numbers, amounts, dates, codes, choices, check lists.

Numbers, dates and NUTS/CCI codes are typed as text in the UI language and
read back by ``i18n.parsing``: what cannot be read is refused with a message
at the field (the editor stays open, the store keeps its value), never
turned into a different value.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from eccp_desktop.i18n import _, current_language
from eccp_desktop.i18n import formatting as f
from eccp_desktop.i18n.labels import coded, name
from eccp_desktop.i18n.parsing import (
    InputRefused,
    date_example,
    parse_code,
    parse_date,
    parse_number,
)
from eccp_desktop.ui.qt import (
    QComboBox,
    QCompleter,
    QEvent,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPoint,
    QRegularExpression,
    QRegularExpressionValidator,
    QStyledItemDelegate,
    Qt,
    QToolTip,
    QWidget,
    Signal,
)
from eccp_desktop.ui.table_model import ChoicesRole, CodedRole, KindRole, LabelsRole

# Keys are identifiers of this factsheet's own (policies, schemes, tiers).
PATTERNS = {"key": r"[a-z][a-z0-9_]*"}
# Kinds typed as text and read back by i18n.parsing.
PARSED = ("int", "year", "amount", "share", "date", "nuts", "cci")
_UNSET = object()
# (integer, minimum, maximum, units that may be typed beside the number)
NUMBERS: dict[str, tuple[bool, int, int, tuple[str, ...]]] = {
    "int": (True, 0, 10**9, ()),
    "year": (True, 1900, 2100, ()),
    "amount": (True, 0, 10**12, ("EUR", "€")),
    "share": (False, 0, 100, ("%",)),
}


def parse(kind: str, text: str) -> Any:
    """The value typed into a ``PARSED`` editor, or raise ``InputRefused``."""
    ui = current_language()
    if kind == "date":
        return parse_date(text, ui)
    if kind in ("nuts", "cci"):
        return parse_code(text)
    integer, low, high, unit = NUMBERS[kind]
    number = parse_number(text, ui, integer=integer, minimum=low, maximum=high, unit=unit)
    if number is None:
        return None
    if kind in ("int", "year"):
        return int(number)
    if kind == "share":
        return float(number / Decimal(100))
    return float(number)


def edit_text(kind: str, value: Any) -> str:
    """``value`` as the editor shows it, in a form ``parse`` reads back."""
    if value is None:
        return ""
    ui = current_language()
    if kind == "date" and isinstance(value, dt.date):
        return f.format_date(value, ui)
    if kind == "int":
        return f.format_integer(int(value), ui)
    if kind == "amount":
        return f.format_integer(round(value), ui)
    if kind == "share":
        return f.format_decimal(float(value) * 100, ui, digits=1)
    return str(value)


class FieldDelegate(QStyledItemDelegate):
    """Picks the editor from the column kind (``KindRole``).

    ``refused(message)`` is emitted when typed text is refused; the message is
    also shown at the editor, which stays open to be corrected.
    """

    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, completions: Any = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        # kind -> callable returning completion strings (codes used in the factsheet)
        self.completions = completions or {}
        # kind -> callable(index) -> [(code, label)]: the scheme and tier choosers
        self.options: dict[str, Any] = {}
        self._loaded: dict[int, Any] = {}
        self.last_refusal = ""

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        kind = index.data(KindRole)
        choices = index.data(ChoicesRole) or ()
        labels = index.data(LabelsRole)
        editor: QWidget
        if kind in PARSED:
            line = QLineEdit(parent)
            line.setProperty("kind", kind)
            if kind == "date":
                line.setPlaceholderText(date_example(current_language()))
            source = self.completions.get(kind)
            if source is not None:
                completer = QCompleter(sorted(source()), line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                line.setCompleter(completer)
            editor = line
        elif kind in ("choice", "scheme", "tier"):
            combo = QComboBox(parent)
            combo.addItem("", None)
            if kind == "choice":
                for code in choices:
                    combo.addItem(name(dict(labels or {}), code, _), code)
            else:
                for code, label in self.options[kind](index):
                    combo.addItem(label, code)
            editor = combo
        elif kind in ("choices", "levels"):
            checks = QListWidget(parent)
            is_coded = bool(index.data(CodedRole))
            for code in choices:
                table = dict(labels or {})
                text = coded(table, code, _) if is_coded else name(table, code, _)
                item = QListWidgetItem(text, checks)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            checks.setMinimumHeight(22 * max(2, min(len(choices), 8)))
            # Wide enough to read "PO2 – A greener, low-carbon Europe" without resizing.
            checks.setMinimumWidth(checks.sizeHintForColumn(0) + 40)
            editor = checks
        else:
            line = QLineEdit(parent)
            pattern = PATTERNS.get(kind)
            if pattern:
                line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), line))
            editor = line
        editor.setAccessibleName(
            str(
                index.model().headerData(
                    index.column(), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
            )
        )
        return editor

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        # Views call this again on every dataChanged (e.g. a validation refresh):
        # keep what the user is typing unless the value itself changed.
        loaded = self._loaded.get(id(editor), _UNSET)
        if loaded is not _UNSET and loaded == value:
            return
        key = id(editor)
        self._loaded[key] = value
        editor.destroyed.connect(lambda *_a: self._loaded.pop(key, None))
        kind = index.data(KindRole)
        if isinstance(editor, QComboBox):
            at = editor.findData(value)
            if at < 0 and value:  # a key the factsheet no longer defines: keep it visible
                editor.addItem(str(value), value)
                at = editor.count() - 1
            editor.setCurrentIndex(max(0, at))
        elif isinstance(editor, QListWidget):
            chosen = set(value or [])
            for i in range(editor.count()):
                item = editor.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(editor, QLineEdit):
            editor.setText(edit_text(kind, value) if kind in PARSED else str(value or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        kind = index.data(KindRole)
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QListWidget):
            value = [
                editor.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        elif isinstance(editor, QLineEdit):
            if kind in PARSED:
                try:
                    value = parse(kind, editor.text())
                except InputRefused as refusal:
                    self.refuse(editor, refusal.message)
                    return  # the store keeps its value: never a silently different one
            else:
                value = editor.text()
        else:
            return
        self.last_refusal = ""
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def refuse(self, editor: QWidget, message: str) -> None:
        """Say at the field why the text is refused (and in the page, via ``refused``)."""
        self.last_refusal = message
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), message, editor)
        self.refused.emit(message)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Enter or Tab on text that cannot be read: refuse and keep the editor open.
        if (
            isinstance(editor, QLineEdit)
            and editor.property("kind") in PARSED
            and event.type() == QEvent.Type.KeyPress
            and event.key()  # type: ignore[attr-defined]
            in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            try:
                parse(str(editor.property("kind")), editor.text())
            except InputRefused as refusal:
                self.refuse(editor, refusal.message)
                return True
        return super().eventFilter(editor, event)

    def updateEditorGeometry(self, editor: QWidget, option: Any, index: Any) -> None:
        rect = option.rect
        if isinstance(editor, QListWidget):
            rect.setHeight(max(rect.height(), editor.minimumHeight()))
            rect.setWidth(max(rect.width(), editor.minimumWidth()))
        editor.setGeometry(rect)
