"""A list of the factsheet as an editable table: add, delete, reorder, sort, filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eccp_desktop.domain.model import text_in
from eccp_desktop.i18n import _, ngettext
from eccp_desktop.ui.columns import TableSpec
from eccp_desktop.ui.delegates import FieldDelegate
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSortFilterProxyModel,
    QStyle,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from eccp_desktop.ui.table_model import ListTableModel


def ask_confirmation(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, _("Delete"), text)
    return answer == QMessageBox.StandardButton.Yes


class TableView(QTableView):
    """Delete key removes the selected rows; Enter edits."""

    def __init__(self, page: TablePage) -> None:
        super().__init__(page)
        self._page = page

    def keyPressEvent(self, event: Any) -> None:
        if self.state() != self.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Delete):
                self._page.delete_selected()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self._page.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self._page.paste()
                return
        super().keyPressEvent(event)


class TablePage(QWidget):
    """One table with its buttons; ``confirm`` is replaceable (tests, scripts)."""

    confirm: Callable[[QWidget, str], bool] = staticmethod(ask_confirmation)  # type: ignore[assignment]

    def __init__(
        self, doc: Document, spec: TableSpec, owner: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.doc = doc
        self.spec = spec
        self.model = ListTableModel(doc, spec, owner)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.title = QLabel(self)
        self.title.setObjectName("tableTitle")
        # A long translated title wraps rather than widening the window past 1280 px.
        self.title.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_selected)
        style = self.style()
        self.up_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))

        self.view = TableView(self)
        self.view.setModel(self.proxy)
        self.delegate = FieldDelegate(self.view, completions=self._completions())
        self.view.setItemDelegate(self.delegate)
        self.delegate.options = {"scheme": self._scheme_options, "tier": self._tier_options}
        # Typed text that was refused, said where the table is (and at the field).
        self.message = QLabel(self)
        self.message.setObjectName("refusal")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.delegate.refused.connect(self._refused)
        self.delegate.closeEditor.connect(self._editor_closed)
        doc.changed.connect(self._clear_refusal)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Not Qt's stretch: it squeezes the last column to 100 px when the others
        # need the room ("Key National Cluster" cut); ``_fill`` widens it instead.
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.verticalHeader().setDefaultSectionSize(26)

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.filter)
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view)
        self.setTabOrder(self.filter, self.add_button)
        self.setTabOrder(self.add_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.up_button)
        self.setTabOrder(self.up_button, self.down_button)
        self.setTabOrder(self.down_button, self.view)
        self.model.modelReset.connect(self._fit)
        self.retranslate()
        self._fit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fill()

    def retranslate(self) -> None:
        title = _(self.spec.title)
        self.title.setText(f"<b>{title}</b>")
        self.filter.setPlaceholderText(_("Filter…"))
        self.filter.setAccessibleName(_("Filter {table}").format(table=title))
        self.add_button.setText(_("&Add"))
        self.delete_button.setText(_("Delete"))
        # Arrows, named in the tooltip and for screen readers: the words
        # ("Преместване нагоре") would push the window past 1280 px.
        for button, name in ((self.up_button, _("Move up")), (self.down_button, _("Move down"))):
            button.setToolTip(name)
            button.setAccessibleName(name)
        self.view.setAccessibleName(title)
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1)
        )
        self._fit()  # the new language's headers and values

    def set_editable(self, editable: bool) -> None:
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(editable)

    def set_language(self, lang: str) -> None:
        self.delegate.lang = lang
        self.model.set_language(lang)

    def _completions(self) -> dict[str, Callable[[], set[str]]]:
        def codes(field: str) -> Callable[[], set[str]]:
            def collect() -> set[str]:
                fs = self.doc.factsheet
                found = set()
                for name in ("policies", "cohesion_programmes", "clusters"):
                    for item in getattr(fs, name):
                        value = getattr(item, field, None)
                        if value:
                            found.add(value)
                return found

            return collect

        return {"nuts": codes("region"), "cci": codes("cci")}

    def _refused(self, message: str) -> None:
        self.message.setText("\u2716 " + message)
        self.message.show()

    def _editor_closed(self, _editor: Any, hint: Any) -> None:
        # Esc gave the refused text up: the cell shows what is stored, the refusal is moot
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self._clear_refusal()

    def _clear_refusal(self, *_args: Any) -> None:
        self.message.hide()
        self.message.clear()

    def _scheme_options(self, _index: Any) -> list[tuple[str, str]]:
        """The schemes the factsheet defines, by name (content language) and key."""
        out = []
        for scheme in self.doc.factsheet.tier_schemes:
            label, _fell_back = text_in(scheme.name, self.model.lang)
            out.append((scheme.key, f"{label} ({scheme.key})" if label else scheme.key))
        return out

    def _tier_options(self, index: Any) -> list[tuple[str, str]]:
        """The tiers of the row's scheme (entry to top); of every scheme if it has none."""
        row = self.proxy.mapToSource(index).row()
        own = getattr(self.model.items()[row], "scheme", None)
        out = []
        for scheme in self.doc.factsheet.tier_schemes:
            if own not in (None, scheme.key):
                continue
            for tier in scheme.tiers:
                label, _fell_back = text_in(tier.name, self.model.lang)
                out.append((tier.key, f"{label} ({tier.key})" if label else tier.key))
        return out

    def _fit(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for c in range(self.model.columnCount()):
            # never narrower than the header's own text (translated headers are long)
            floor = max(70, header.sectionSizeFromContents(c).width())
            header.resizeSection(c, max(min(header.sectionSize(c), 320), floor))
        self._fitted = [header.sectionSize(c) for c in range(self.model.columnCount())]
        self._fill()

    def _fill(self) -> None:
        """Widen the last column into the room left, never below what it needs."""
        count = self.model.columnCount()
        fitted = getattr(self, "_fitted", [])
        if not count or len(fitted) != count:
            return
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(count - 1))
        room = self.view.viewport().width() - others
        header.resizeSection(count - 1, max(fitted[-1], room))

    # -- copy and paste --------------------------------------------------------
    def copy_selection(self) -> str:
        """The selected cells to the clipboard as tab-separated text (and returned)."""
        from eccp_desktop.ui.clipboard import copy_text, to_tsv

        cells = {(i.row(), i.column()) for i in self.view.selectionModel().selectedIndexes()}
        current = self.view.currentIndex()
        if not cells and current.isValid():
            cells = {(current.row(), current.column())}
        if not cells:
            return ""
        rows = sorted({r for r, _c in cells})
        columns = sorted({c for _r, c in cells})
        out = []
        for r in rows:
            source = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            line = []
            for c in columns:
                if (r, c) not in cells:
                    line.append("")
                    continue
                col = self.model.columns[c]
                value = self.model._value(source, c)
                own = (value or {}).get(self.model.lang) if col.kind == "ltext" else None
                if col.kind in ("scheme", "tier") and value:
                    line.append(str(value))
                else:
                    line.append(copy_text(col, value, own))
            out.append(line)
        text = to_tsv(out)
        QApplication.clipboard().setText(text)
        return text

    def paste(self, text: str | None = None) -> bool:
        """Pasted rows fill the table from the current cell down (new rows at the end).

        Every cell is read as typing reads it; one refused cell refuses the whole
        paste with the list of what was refused. One undo step.
        """
        from eccp_desktop.editing import Batch, InsertItem, SetValue
        from eccp_desktop.i18n.parsing import InputRefused
        from eccp_desktop.ui.clipboard import Refusal, from_tsv, read_cell

        if not self.doc.editable:
            return False
        grid = from_tsv(QApplication.clipboard().text() if text is None else text)
        current = self.view.currentIndex()
        if not grid:
            return False
        if current.isValid():
            anchor = self.proxy.mapToSource(current)
            top, left = anchor.row(), anchor.column()
        else:
            top, left = self.model.rowCount(), 0
        targets: list[tuple[int, int, str]] = []
        selected = self.view.selectionModel().selectedIndexes()
        if len(grid) == 1 and len(grid[0]) == 1 and len(selected) > 1:
            for i in selected:  # one value into every selected cell, as spreadsheets do
                src = self.proxy.mapToSource(i)
                targets.append((src.row(), src.column(), grid[0][0]))
        else:
            for dr, line in enumerate(grid):
                for dc, cell in enumerate(line):
                    targets.append((top + dr, left + dc, cell))
        width = self.model.columnCount()
        if any(c >= width for _r, c, _t in targets):
            self._refused(_("Nothing pasted: the copied range is wider than the table"))
            return False
        have = self.model.rowCount()
        new_rows = max(0, max(r for r, _c, _t in targets) + 1 - have)
        refusals: list[Refusal] = []
        values: list[tuple[int, int, Any]] = []
        for r, c, cell in targets:
            col = self.model.columns[c]
            try:
                values.append((r, c, read_cell(col, cell, self._keys(col.kind, r))))
            except InputRefused as refusal:
                refusals.append(Refusal(r, col, refusal.message))
        if refusals:
            shown = [
                _("Row {row}, {column}: {message}").format(
                    row=x.row + 1, column=_(x.column.title), message=x.message
                )
                for x in refusals[:3]
            ]
            more = len(refusals) - len(shown)
            if more:
                shown.append(_("and {n} more").format(n=more))
            self._refused(_("Nothing pasted: {reasons}").format(reasons="; ".join(shown)))
            return False
        ops: list[Any] = [
            InsertItem(self.model.list_path, have + k, self.spec.factory()) for k in range(new_rows)
        ]
        for r, c, value in values:
            path = self.model.cell_path(r, c)
            if r < have and self.doc.get_safe(path) == value:
                continue
            ops.append(SetValue(path, value))
        if not ops:
            return True
        return self.doc.execute(Batch(tuple(ops), "paste"))

    def _keys(self, kind: str, row: int) -> dict[str, str]:
        """Scheme or tier keys with their names, for reading a pasted key or name."""
        if kind not in ("scheme", "tier"):
            return {}
        items = self.model.items()
        own = getattr(items[row], "scheme", None) if row < len(items) else None
        found: dict[str, str] = {}
        for scheme in self.doc.factsheet.tier_schemes:
            if kind == "scheme":
                found[scheme.key] = text_in(scheme.name, self.model.lang)[0]
            elif own in (None, scheme.key):
                for tier in scheme.tiers:
                    found[tier.key] = text_in(tier.name, self.model.lang)[0]
        return found

    # -- rows ------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {
            self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()
        }
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows.add(self.proxy.mapToSource(current).row())
        return sorted(rows)

    def add_row(self) -> None:
        if not self.doc.editable:
            return
        row = self.model.add_row()
        self.focus_cell(row, 0, edit=False)

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows or not self.doc.editable:
            return
        if len(rows) > 1:
            text = ngettext("Delete {n} row?", "Delete {n} rows?", len(rows)).format(n=len(rows))
            if not type(self).confirm(self, text):
                return
        self.model.remove_rows(rows)

    def move_selected(self, delta: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not self.doc.editable:
            return
        column = max(0, self.view.currentIndex().column())
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # order is the data's order
        target = self.model.move_row(rows[0], delta)
        self.focus_cell(target, column, edit=False)

    def focus_cell(self, row: int, column: int, *, edit: bool = False) -> bool:
        if not (0 <= row < self.model.rowCount() and 0 <= column < self.model.columnCount()):
            return False
        self.filter.clear()
        index = self.proxy.mapFromSource(self.model.index(row, column))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit and self.doc.editable:
            self.view.edit(index)
        return True

    def focus_path(self, parts: list[str]) -> bool:
        """Focus the cell for a path below the list (``[row, field, ...]``)."""
        if not parts:
            self.view.setFocus()
            return True
        try:
            row = int(parts[0])
        except ValueError:
            return False
        column = self.model.column_of(parts[1]) if len(parts) > 1 else 0
        if len(parts) > 2 and parts[1] == "levels":
            column = self.model.column_of(parts[2])
        return self.focus_cell(row, max(column, 0))
