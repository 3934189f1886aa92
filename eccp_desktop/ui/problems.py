"""The Problems dock: every validation result, grouped by section, with a jump."""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.qt import (
    QApplication,
    QHeaderView,
    QStyle,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    Signal,
)

PathRole = Qt.ItemDataRole.UserRole + 1
ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
ORDER = {"error": 0, "warning": 1, "info": 2}


def severity_label(severity: str) -> str:
    return {"error": _("Error"), "warning": _("Warning"), "info": _("Note")}.get(severity, severity)


class ProblemsView(QTreeWidget):
    """Double-click or Enter on a result emits ``jump(path)``."""

    jump = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._activated)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 320)
        self.titles: dict[str, str] = {}  # section key -> title (untranslated, N_)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([_("Problem"), _("Severity"), _("Place")])
        self.setAccessibleName(_("Problems"))

    def show_results(self, results: list[Any], factsheet: Any = None) -> None:
        """``factsheet`` names the places ("Clusters › Mazovia ICT Cluster › Members")."""
        from eccp_desktop.i18n import current_language
        from eccp_desktop.i18n.places import place_label

        lang = current_language()
        expanded = {
            self.topLevelItem(i).text(0)
            for i in range(self.topLevelItemCount())
            if not self.topLevelItem(i).isExpanded()
        }
        current = self.currentItem()
        current_key = (current.text(0), current.data(0, PathRole)) if current else None
        scroll = self.verticalScrollBar().value()
        self.setUpdatesEnabled(False)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        style = QApplication.style()
        restore = None
        for r in results:  # already in the factsheet's order
            group = groups.get(r.section)
            if group is None:
                group = QTreeWidgetItem(self, [self._title(r.section)])
                group.setFirstColumnSpanned(False)
                groups[r.section] = group
            place = place_label(factsheet, r.path, lang)
            item = QTreeWidgetItem(group, [r.message, severity_label(r.severity), place])
            item.setToolTip(2, r.path)
            item.setIcon(0, style.standardIcon(ICONS.get(r.severity, ICONS["info"])))
            item.setData(0, PathRole, r.path)
            item.setToolTip(0, f"{r.rule}: {r.message}")
            if current_key == (r.message, r.path):
                restore = item
        for name, group in groups.items():
            label = f"{self._title(name)} ({group.childCount()})"
            group.setText(0, label)
            group.setExpanded(label not in expanded)
        if restore is not None:
            self.setCurrentItem(restore)
        self.verticalScrollBar().setValue(scroll)  # a refresh never moves the list
        self.setUpdatesEnabled(True)

    def _title(self, section: str) -> str:
        title = self.titles.get(section)
        return _(title) if title else (section or _("General"))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        path = item.data(0, PathRole)
        if path:
            self.jump.emit(path)

    def item_for(self, path: str) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, PathRole) == path:
                    return group.child(j)
        return None
