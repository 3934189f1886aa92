"""The factsheets in the store: country (UI language), edition, status, problem and comment counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eccp_desktop.domain.codes import STATUSES
from eccp_desktop.i18n import N_, _, current_language, ngettext
from eccp_desktop.ui.icons import icon
from eccp_desktop.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QHeaderView,
    QLineEdit,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

IdentRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

COUNTRY, EDITION, STATUS, ERRORS, WARNINGS, COMMENTS = range(6)
HEADERS = (
    N_("Country"), N_("Edition"), N_("Status"), N_("Errors"), N_("Warnings"),
    N_("Open review comments"),
)  # fmt: skip
COUNT_MARKS = {ERRORS: "\u2716", WARNINGS: "\u26a0", COMMENTS: "\u270e"}  # ✎ as beside fields
COUNTS = (ERRORS, WARNINGS, COMMENTS)


@dataclass(slots=True)
class Row:
    country: str
    edition: int
    status: str
    errors: int | None = None
    warnings: int | None = None
    comments: int | None = None  # open review comments (counted with the problems)

    def count(self, column: int) -> int | None:
        return {ERRORS: self.errors, WARNINGS: self.warnings, COMMENTS: self.comments}[column]


class NavigatorModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, country: str, edition: int) -> int:
        return next(
            (i for i, r in enumerate(self.rows) if (r.country, r.edition) == (country, edition)),
            -1,
        )

    def update(self, country: str, edition: int, **values: Any) -> None:
        i = self.row_of(country, edition)
        if i < 0:
            return
        for k, v in values.items():
            setattr(self.rows[i], k, v)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        # The counts are headed by their marks, named in the tooltip: the words
        # ("Προειδοποιήσεις") would take the room the country names need.
        if role == Qt.ItemDataRole.DisplayRole:
            return COUNT_MARKS.get(section) or _(HEADERS[section])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _(HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        c = index.column()
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            if c == COUNTRY:
                from eccp_desktop.i18n.formatting import country_name

                return f"{country_name(r.country, current_language())} ({r.country})"
            if c == EDITION:
                return str(r.edition)
            if c == STATUS:
                from eccp_desktop.ui.record_page import STATUS_TITLES

                title = _(STATUS_TITLES.get(r.status, r.status))
                # signed off, yet with errors (an authority's package): marked, not hidden
                return f"{title} \u26a0" if _signed_off_with_errors(r) else title
            value = r.count(c)
            return "\u2026" if value is None else str(value)
        if role == R.DecorationRole and c == STATUS:
            # each status has its icon (status-draft, ...; tests/ui/test_icons.py)
            return icon(f"status-{r.status if r.status in STATUSES else 'draft'}")
        if role == R.ToolTipRole and c == STATUS and _signed_off_with_errors(r):
            from eccp_desktop.ui.record_page import STATUS_TITLES

            return ngettext(
                "Marked {status}, but validation finds {n} error",
                "Marked {status}, but validation finds {n} errors",
                r.errors or 0,
            ).format(status=_(STATUS_TITLES.get(r.status, r.status)), n=r.errors)
        if role == R.DecorationRole and c == ERRORS and r.errors:
            return icon("error")
        if role == R.TextAlignmentRole and c in (EDITION, *COUNTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == R.UserRole and c in COUNTS:
            return r.count(c)
        if role == IdentRole:
            return (r.country, r.edition)
        return None


def _signed_off_with_errors(r: Any) -> bool:
    return r.status in ("validated", "reviewed", "published") and bool(r.errors)


class Navigator(QWidget):
    opened = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NavigatorModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        # Country names are never cut ("Πολωνί…"): the column takes what the
        # longest needs and the status column gives up the room left over.
        self.view.horizontalHeader().setSectionResizeMode(
            COUNTRY, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        # Narrow enough that the window fits 1280 px in every language; wider
        # content scrolls sideways rather than being cut.
        self.view.setMinimumWidth(320)
        for c in (EDITION, *COUNTS):
            self.view.horizontalHeader().setSectionResizeMode(
                c, QHeaderView.ResizeMode.ResizeToContents
            )
        self.view.selectionModel().currentRowChanged.connect(self._current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(_("Filter factsheets…"))
        self.filter.setAccessibleName(_("Filter factsheets"))
        self.view.setAccessibleName(_("Factsheets"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(self.model.rowCount() - 1, len(HEADERS) - 1),
            )

    def select(self, country: str, edition: int) -> None:
        row = self.model.row_of(country, edition)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            ident = index.siblingAtColumn(0).data(IdentRole)
            if ident:
                self.opened.emit(ident[0], ident[1])
