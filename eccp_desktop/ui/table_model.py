"""A table over one list of the factsheet (clusters, policies, tiers, ...).

Rows are the list's items, columns a ``TableSpec``; reads go to the
document's factsheet, writes become undoable operations on the document.
Custom roles give the exchange path of a cell and its problems so that the
Problems dock can find a cell and the view can mark it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eccp_desktop.domain.model import text_in
from eccp_desktop.editing import paths
from eccp_desktop.i18n import _
from eccp_desktop.i18n.labels import coded, name
from eccp_desktop.ui.columns import Column, TableSpec
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PathRole = Qt.ItemDataRole.UserRole + 1
ProblemsRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
ChoicesRole = Qt.ItemDataRole.UserRole + 4
LabelsRole = Qt.ItemDataRole.UserRole + 5
CodedRole = Qt.ItemDataRole.UserRole + 6

_Index = QModelIndex | QPersistentModelIndex
# A pencil: this cell has an open review comment. A symbol DejaVu and the
# platforms' UI fonts all have (an emoji balloon showed as a box without an emoji font).
COMMENT_MARK = "\u270e"
SEVERITY_MARK = {"error": "\u2716", "warning": "\u26a0", "info": "\u2139"}


def display(column: Column, value: Any, lang: str) -> str:
    """The cell text for ``value`` (Babel formats numbers, amounts and dates).

    ``lang`` picks the text of localised columns (the content language);
    numbers and dates follow the reader, i.e. the UI language.
    """
    from eccp_desktop.i18n import current_language
    from eccp_desktop.i18n import formatting as f

    if value is None or value == [] or value == {}:
        return ""
    kind = column.kind
    ui = current_language()
    if kind == "ltext":
        text, fell_back = text_in(value, lang)
        return "[en] " + text if fell_back and text else text
    if kind == "int":
        return f.format_integer(value, ui)
    if kind == "share":
        return f.format_percent(value, ui)
    if kind == "amount":
        return f.format_eur(round(value), ui)  # the currency as CLDR writes it: "1 234 €"
    if kind == "date" and isinstance(value, dt.date):
        return f.format_date(value, ui)
    if kind in ("choice", "choices", "levels"):
        codes = [value] if kind == "choice" else value
        if column.labels is not None and not column.coded:
            return ", ".join(name(dict(column.labels), c, _) for c in codes)
        return ", ".join(codes)
    if kind == "bool":
        return ""
    return str(value)


class ListTableModel(QAbstractTableModel):
    def __init__(self, doc: Document, spec: TableSpec, owner: str = "") -> None:
        super().__init__()
        self.doc = doc
        self.spec = spec
        self.columns: tuple[Column, ...] = spec.columns
        self.owner = owner  # "" for top-level lists, "/policies/2" for its programmes
        self.lang = "en"  # the content language of localized columns
        doc.changed.connect(self._on_changed)
        doc.problems_changed.connect(self._on_problems)

    # -- where -----------------------------------------------------------------
    @property
    def list_path(self) -> str:
        return f"{self.owner}/{self.spec.path}"

    def items(self) -> list[Any]:
        try:
            return paths.get_list(self.doc.factsheet, self.list_path) if self.owner != "-" else []
        except paths.PathError:
            return []

    def set_owner(self, owner: str) -> None:
        self.beginResetModel()
        self.owner = owner
        self.endResetModel()

    def set_columns(self, columns: tuple[Column, ...]) -> None:
        self.beginResetModel()
        self.columns = columns
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang  # same rows: keep the selection and the current cell
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def cell_path(self, row: int, column: int) -> str:
        col = self.columns[column]
        base = f"{self.list_path}/{row}/"
        if col.kind == "ltext":
            return base + f"{col.field}/{self.lang}"
        if col.kind == "levels":
            return base + "levels/" + col.field
        return base + col.field

    def column_of(self, field: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.field == field), -1)

    def _value(self, row: int, column: int) -> Any:
        col = self.columns[column]
        if self.doc.pending:  # typed while the server was away: shown until it is saved
            path = self.cell_path(row, column)
            if path in self.doc.pending:
                return self.doc.pending[path]
        item = self.items()[row]
        if col.kind == "levels":
            return item.levels.get(col.field, [])
        return getattr(item, col.field)

    def key_label(self, kind: str, key: str, row: int) -> str:
        """A scheme's or tier's name as the factsheet defines it (content language), else the key."""
        schemes = self.doc.factsheet.tier_schemes
        if kind == "scheme":
            found = next((s.name for s in schemes if s.key == key), None)
        else:
            own = getattr(self.items()[row], "scheme", None)
            tiers = [t for s in schemes if own in (None, s.key) for t in s.tiers]
            found = next((t.name for t in tiers if t.key == key), None)
        label, _fell_back = text_in(found, self.lang)
        return label or key

    # -- Qt model --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section].title)
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.doc.editable:
            return base
        if self.columns[index.column()].kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.items()):
            return None
        row, column = index.row(), index.column()
        col = self.columns[column]
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            value = self._value(row, column)
            if col.kind in ("scheme", "tier") and value:
                text = self.key_label(col.kind, value, row)
            else:
                text = display(col, value, self.lang)
            problems = self._problems(row, column)
            if problems:  # a mark that is not colour alone
                text = f"{SEVERITY_MARK.get(problems[0].severity, '!')} {text}"
            if self._comments(row, column):
                text = f"{text} {COMMENT_MARK}"
            return text
        if role == R.EditRole:
            value = self._value(row, column)
            if col.kind == "ltext":
                return (value or {}).get(self.lang, "")
            return value
        if role == R.CheckStateRole and col.kind == "bool":
            return Qt.CheckState.Checked if self._value(row, column) else Qt.CheckState.Unchecked
        if role == R.ToolTipRole:
            lines = [p.message for p in self._problems(row, column)]
            if col.coded and col.labels:  # the meaning of each code in the cell
                lines += [coded(dict(col.labels), c, _) for c in self._value(row, column) or ()]
            lines += [f"{c.author}: {c.text}" for c in self._comments(row, column)]
            return "\n".join(lines) or None
        if role == R.AccessibleDescriptionRole:
            problems = self._problems(row, column)
            return "; ".join(f"{p.severity}: {p.message}" for p in problems) or None
        if role == R.ForegroundRole and col.kind == "ltext":
            value = self._value(row, column) or {}
            if value and not value.get(self.lang):
                return Qt.GlobalColor.darkGray
        if role == PathRole:
            return self.cell_path(row, column)
        if role == ProblemsRole:
            return self._problems(row, column)
        if role == KindRole:
            return col.kind
        if role == ChoicesRole:
            return col.choices
        if role == LabelsRole:
            return col.labels
        if role == CodedRole:
            return col.coded
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if col.kind in ("text", "nuts", "cci", "key", "scheme", "tier", "choice") and isinstance(
            value, str
        ):
            value = value.strip() or (None if col.kind != "text" else "")
        return self.doc.set(self.cell_path(index.row(), index.column()), value)

    # -- list operations -------------------------------------------------------
    def add_row(self, at: int | None = None) -> int:
        from eccp_desktop.editing import InsertItem

        row = len(self.items()) if at is None else at
        self.doc.execute(InsertItem(self.list_path, row, self.spec.factory()))
        return row

    def remove_rows(self, rows: list[int]) -> None:
        from eccp_desktop.editing import Batch, RemoveItem

        ops = tuple(RemoveItem(self.list_path, r) for r in sorted(set(rows), reverse=True))
        if ops:
            self.doc.execute(Batch(ops, "remove"))

    def move_row(self, row: int, delta: int) -> int:
        from eccp_desktop.editing import MoveItem

        target = row + delta
        if 0 <= row < len(self.items()) and 0 <= target < len(self.items()):
            self.doc.execute(MoveItem(self.list_path, row, target))
            return target
        return row

    # -- refresh ---------------------------------------------------------------
    def _problems(self, row: int, column: int) -> list[Any]:
        path = self.cell_path(row, column)
        found = [r for r in self.doc.results if r.path == path]
        if self.columns[column].kind == "ltext":  # results name the field or a language
            field = path.rsplit("/", 1)[0]
            found += [r for r in self.doc.results if r.path == field]
        return found

    def _comments(self, row: int, column: int) -> list[Any]:
        """Open review comments on this cell (shown beside the value)."""
        path = self.cell_path(row, column)
        if self.columns[column].kind == "ltext":
            path = path.rsplit("/", 1)[0]
        return [
            c
            for c in self.doc.factsheet.review_comments
            if not c.resolved and (c.path == path or c.path.startswith(path + "/"))
        ]

    def _on_changed(self, path: str) -> None:
        lp = self.list_path
        if path.startswith("/review_comments"):
            self._on_problems()
            return
        if path == "/" or path == lp or path == "/status" or not path.startswith(lp + "/"):
            if path == "/" or path == "/status" or path == lp or lp.startswith(path + "/"):
                self.beginResetModel()
                self.endResetModel()
            return
        row = int(path[len(lp) + 1 :].split("/")[0])
        if row < self.rowCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _on_problems(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )
