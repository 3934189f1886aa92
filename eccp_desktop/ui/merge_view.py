"""The merge view: conflicting fields side by side, a choice for each.

One widget for both places where two versions of a factsheet meet: the
import preview (the store against a package) and an edit refused because
someone else changed the same field on the shared store (``EditMergeDialog``).
Nothing is written until every conflict has a side.
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

PathRole = Qt.ItemDataRole.UserRole
SIDES = ("", "here", "incoming")  # by the choice box's index: none, mine, theirs


class ConflictTable(QWidget):
    """Place, base, here, incoming and the choice, one row per conflict."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        headers: tuple[str, str, str, str],
        take: tuple[str, str],
        every: tuple[str, str],
    ) -> None:
        super().__init__(parent)
        self._take = take
        self.combos: list[tuple[str, str, QComboBox]] = []  # source, key, choice
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(_("Merge conflicts"))
        self.tree.setHeaderLabels([*headers, _("Take")])
        self.tree.setRootIsDecorated(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 260)
        for i in (1, 2, 3):  # the values share the rest; the panes below show them whole
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.all_incoming = QPushButton(every[1], self)
        self.all_mine = QPushButton(every[0], self)
        self.all_incoming.clicked.connect(lambda: self.choose_all(2))
        self.all_mine.clicked.connect(lambda: self.choose_all(1))
        # the selected conflict in full, side by side (a text is cut in the list)
        self.whole: list[QPlainTextEdit] = []
        panes = QHBoxLayout()
        for caption in headers[1:]:
            column = QVBoxLayout()
            label = QLabel(caption, self)
            pane = QPlainTextEdit(self)
            pane.setReadOnly(True)
            pane.setAccessibleName(caption)
            label.setBuddy(pane)
            column.addWidget(label)
            column.addWidget(pane)
            panes.addLayout(column)
            self.whole.append(pane)
        self._values: dict[int, tuple[str, str, str]] = {}
        self.tree.currentItemChanged.connect(self._show_whole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 3)
        layout.addLayout(panes, 2)
        row = QHBoxLayout()
        row.addWidget(self.all_incoming)
        row.addWidget(self.all_mine)
        row.addStretch(1)
        layout.addLayout(row)

    def add(self, source: str, prefix: str, conflicts: list[Any], merged: Any) -> None:
        """Rows for ``conflicts`` (editions.merge) of one factsheet, placed in ``merged``."""
        from eccp_desktop.i18n.places import format_value, place_label

        lang = current_language()
        for c in conflicts:
            item = QTreeWidgetItem(
                [
                    prefix + place_label(merged, c.path, lang),
                    format_value(c.base, c.path, lang),
                    format_value(c.here, c.path, lang),
                    format_value(c.incoming, c.path, lang),
                    "",
                ]
            )
            item.setData(0, PathRole, c.path)
            item.setToolTip(0, item.text(0))
            whole = []
            for column, value in ((1, c.base), (2, c.here), (3, c.incoming)):
                whole.append(_whole(value) or item.text(column))
                item.setToolTip(column, whole[-1])  # texts are cut in the list
            self.tree.addTopLevelItem(item)
            self._values[self.tree.indexOfTopLevelItem(item)] = (whole[0], whole[1], whole[2])
            combo = QComboBox(self.tree)
            combo.addItems([_("— choose —"), *self._take])
            combo.setAccessibleName(_("Choice for {place}").format(place=item.text(0)))
            combo.currentIndexChanged.connect(self.changed)
            self.tree.setItemWidget(item, 4, combo)
            self.combos.append((source, c.key, combo))
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # laid out only now: scroll the panes to where the versions part
        QTimer.singleShot(0, lambda: self._show_whole(self.tree.currentItem()))

    def _show_whole(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        values = (
            self._values.get(self.tree.indexOfTopLevelItem(item), ("", "", ""))
            if item
            else ("", "", "")
        )
        base, mine, theirs = values
        mine_at, theirs_at = _first_difference(base, mine), _first_difference(base, theirs)
        starts = (min(mine_at, theirs_at), mine_at, theirs_at)
        for pane, text, at in zip(self.whole, values, starts, strict=True):
            pane.setPlainText(text)
            cursor = pane.textCursor()  # where each side changed the text: in view
            cursor.setPosition(min(at, len(text)))
            pane.setTextCursor(cursor)
            pane.ensureCursorVisible()

    def choose_all(self, index: int) -> None:
        for _source, _key, combo in self.combos:
            combo.setCurrentIndex(index)

    def complete(self) -> bool:
        return all(c.currentIndex() > 0 for _s, _k, c in self.combos)

    def choices(self) -> dict[str, dict[str, Any]]:
        """By source, by conflict key: the side chosen ("here" or "incoming")."""
        result: dict[str, dict[str, Any]] = {}
        for source, key, combo in self.combos:
            if combo.currentIndex() > 0:
                result.setdefault(source, {})[key] = SIDES[combo.currentIndex()]
        return result


def _first_difference(a: str, b: str) -> int:
    """The position where the two texts stop being the same."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def _whole(value: Any) -> str:
    """A value as a whole (the cell shows its start): a text, or a text per language."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return "\n".join(f"{k}: {v}" for k, v in value.items())
    return ""


class EditMergeDialog(QDialog):
    """Your edit against what another officer saved in the same place: choose per field."""

    def __init__(self, parent: QWidget | None, conflict: Any) -> None:
        super().__init__(parent)
        self.conflict = conflict
        merge = conflict.merge
        n = len(merge.result.conflicts)
        who = conflict.changed_by or "?"
        self.setWindowTitle(_("Merge your change"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            ngettext(
                "{who} saved a different value in the same place while you were editing. "
                "Choose what to keep:",
                "{who} saved different values in the same places while you were editing. "
                "Choose what to keep for each of the {n}:",
                n,
            ).format(who=who, n=n),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = ConflictTable(
            self,
            (_("Place"), _("Before"), _("Yours"), _("Saved by {who}").format(who=who)),
            (_("Keep mine"), _("Take theirs")),
            (_("Keep all mine"), _("Take all theirs")),
        )
        self.table.add("", "", merge.result.conflicts, merge.result.merged)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Keep theirs only"))
        self.ok = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.changed.connect(self._update)
        self._update()
        self.resize(1000, 520)

    def _update(self) -> None:
        self.ok.setEnabled(self.table.complete())

    def choices(self) -> dict[str, Any]:
        return self.table.choices().get("", {})


def resolve_edit_conflict(window: Any, conflict: Any) -> None:
    """Show the merge view for ``conflict`` (non-modal); its choices are saved through the document."""
    doc = window.doc
    if doc is None:
        return
    dialog = EditMergeDialog(window, conflict)
    window.merge_dialog = dialog  # one at a time; the tests find it here

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and window.doc is doc:
            if doc.settle_merge(conflict, dialog.choices()):
                window.statusBar().showMessage(_("Your choices were saved."), 8000)

    dialog.finished.connect(finished)
    dialog.open()
