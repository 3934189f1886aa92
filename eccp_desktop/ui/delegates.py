"""Cell editors that fit the field: spin boxes, amounts, dates, codes, check lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eccp_desktop.ui.qt import (
    QComboBox,
    QCompleter,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QRegularExpression,
    QRegularExpressionValidator,
    QSpinBox,
    QStyledItemDelegate,
    Qt,
    QWidget,
)
from eccp_desktop.ui.table_model import ChoicesRole, KindRole

# Code formats (product design): NUTS = EU prefix + up to three levels; CCI.
PATTERNS = {
    "nuts": r"[A-Z]{2}[0-9A-Z]{0,3}",
    "cci": r"\d{4}[A-Z]{2}\d{2}[A-Z]{4}\d{3}",
    "key": r"[a-z][a-z0-9_]*",
    "scheme": r"[a-z][a-z0-9_]*",
    "tier": r"[a-z][a-z0-9_]*",
}
_UNSET = object()
NONE = -1  # spin boxes show "—" (no value) at their minimum


def locale_for(lang: str) -> QLocale:
    return QLocale(lang)


NO_DATE = QDate(1800, 1, 1)  # the editor's minimum stands for "no date"


class OptionalDateEdit(QDateEdit):
    """A date that may be empty: shown as "—" until one is picked; Delete clears it.

    A plain QDateEdit always holds a date, so an empty cell used to fill in
    today when opened and could never be emptied again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("\u2014")

    def set_value(self, value: dt.date | None) -> None:
        if value is None:
            self.setDate(NO_DATE)
            today = dt.date.today()  # the calendar opens on this month, nothing chosen
            self.calendarWidget().setCurrentPage(today.year, today.month)
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> dt.date | None:
        q = self.date()
        if q == NO_DATE:
            return None
        return dt.date(q.year(), q.month(), q.day())

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.setDate(NO_DATE)
            return
        super().keyPressEvent(event)


class FieldDelegate(QStyledItemDelegate):
    """Picks the editor from the column kind (``KindRole``)."""

    def __init__(self, parent: QWidget | None = None, completions: Any = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        # kind -> callable returning completion strings (codes used in the factsheet)
        self.completions = completions or {}
        self._loaded: dict[int, Any] = {}

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        kind = index.data(KindRole)
        choices = index.data(ChoicesRole) or ()
        editor: QWidget
        if kind in ("int", "year"):
            box = QSpinBox(parent)
            box.setRange(1899 if kind == "year" else NONE, 2100 if kind == "year" else 10**9)
            box.setSpecialValueText("\u2014")
            box.setGroupSeparatorShown(kind == "int")
            box.setLocale(locale_for(self.lang))
            editor = box
        elif kind in ("amount", "share"):
            dbl = QDoubleSpinBox(parent)
            dbl.setLocale(locale_for(self.lang))
            dbl.setGroupSeparatorShown(True)
            if kind == "amount":
                dbl.setRange(NONE, 1e12)
                dbl.setDecimals(0)
                dbl.setSuffix(" EUR")
            else:
                dbl.setRange(NONE, 100)
                dbl.setDecimals(1)
                dbl.setSuffix(" %")
            dbl.setSpecialValueText("\u2014")
            editor = dbl
        elif kind == "date":
            date = OptionalDateEdit(parent)
            date.setLocale(locale_for(self.lang))
            date.setDisplayFormat(locale_for(self.lang).dateFormat(QLocale.FormatType.ShortFormat))
            editor = date
        elif kind == "choice":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for code in choices:
                combo.addItem(code, code)
            editor = combo
        elif kind in ("choices", "levels"):
            checks = QListWidget(parent)
            for code in choices:
                item = QListWidgetItem(code, checks)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            checks.setMinimumHeight(22 * max(2, min(len(choices), 8)))
            editor = checks
        else:
            line = QLineEdit(parent)
            pattern = PATTERNS.get(kind)
            if pattern:
                line.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), line))
            source = self.completions.get(kind)
            if source is not None:
                completer = QCompleter(sorted(source()), line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                line.setCompleter(completer)
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
        if isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            if value is None:
                editor.setValue(editor.minimum())
            else:
                editor.setValue(float(value) * (100 if kind == "share" else 1))
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QListWidget):
            chosen = set(value or [])
            for i in range(editor.count()):
                item = editor.item(i)
                checked = item.text() in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        kind = index.data(KindRole)
        value: Any
        if isinstance(editor, QSpinBox):
            value = None if editor.value() == editor.minimum() else editor.value()
        elif isinstance(editor, QDoubleSpinBox):
            raw = editor.value()
            if raw == editor.minimum():
                value = None
            else:
                value = raw / 100 if kind == "share" else raw
        elif isinstance(editor, OptionalDateEdit):
            value = editor.value()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QListWidget):
            value = [
                editor.item(i).text()
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: Any, index: Any) -> None:
        rect = option.rect
        if isinstance(editor, QListWidget):
            rect.setHeight(max(rect.height(), editor.minimumHeight()))
        editor.setGeometry(rect)
