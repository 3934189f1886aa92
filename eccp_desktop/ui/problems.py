"""The Problems dock: every validation result, grouped by section, with a jump."""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _, ngettext
from eccp_desktop.ui.icons import icon
from eccp_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    Qt,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

PathRole = Qt.ItemDataRole.UserRole + 1
SeverityRole = Qt.ItemDataRole.UserRole + 2
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

        if results:  # Babel (CLDR names) only once there is something to name: start-up
            from eccp_desktop.i18n.places import place_label
        lang = current_language()
        expanded = {
            self._top(i).text(0)
            for i in range(self.topLevelItemCount())
            if not self._top(i).isExpanded()
        }
        current = self.currentItem()
        current_key = (current.text(0), current.data(0, PathRole)) if current else None
        scroll = self.verticalScrollBar().value()
        self.setUpdatesEnabled(False)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
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
            item.setIcon(0, icon(r.severity if r.severity in ORDER else "info"))
            item.setData(0, PathRole, r.path)
            item.setData(0, SeverityRole, r.severity)
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

    def next_item(self) -> QTreeWidgetItem | None:
        """The problem after the current one, every error before any warning (F8)."""
        items = [
            _child(self._top(i), j)
            for i in range(self.topLevelItemCount())
            for j in range(self._top(i).childCount())
        ]
        if not items:
            return None
        items.sort(key=lambda item: ORDER.get(item.data(0, SeverityRole), 3))  # stable
        current = self.currentItem()
        at = items.index(current) + 1 if current in items else 0
        return items[at % len(items)]

    def _top(self, i: int) -> QTreeWidgetItem:
        item = self.topLevelItem(i)
        assert item is not None  # i < topLevelItemCount()
        return item

    def item_for(self, path: str) -> QTreeWidgetItem | None:
        for i in range(self.topLevelItemCount()):
            group = self._top(i)
            for j in range(group.childCount()):
                if _child(group, j).data(0, PathRole) == path:
                    return _child(group, j)
        return None


class ProblemsPanel(QWidget):
    """The Problems dock: the list with filters and the "judged for sign-off" switch.

    Filters by severity (each button counts what it shows) and by part of the
    factsheet; errors come first in each part. With the switch on, the list
    shows the factsheet as the sign-off will judge it (``workflow.judge``):
    warnings that become errors then are listed as errors, so the count here
    is the count the sign-off dialog refuses with.
    """

    filtered = Signal()

    def __init__(self, view: ProblemsView, parent: Any = None) -> None:
        super().__init__(parent)
        self.view = view
        self.judged = QCheckBox(self)
        self.judged.toggled.connect(self.refilter)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.judged)
        for severity in ORDER:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIcon(icon(severity))
            button.toggled.connect(self.refilter)
            self.buttons[severity] = button
            bar.addWidget(button)
        self.section = QComboBox(self)
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.section.activated.connect(self.refilter)
        self.section_label = QLabel(self)
        self.section_label.setBuddy(self.section)
        bar.addStretch(1)
        bar.addWidget(self.section_label)
        bar.addWidget(self.section)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(view)
        self._results: list[Any] = []
        self._factsheet: Any = None
        self.shown: list[Any] = []  # what the list shows, in its order
        self.retranslate()

    def retranslate(self) -> None:
        self.judged.setText(_("&Judged for sign-off"))
        self.judged.setToolTip(
            _(
                "List the problems as signing off as validated judges them: required values are errors then"
            )
        )
        self.section_label.setText(_("&Part:"))
        self.section.setAccessibleName(_("Part of the factsheet"))
        self._fill_sections()
        self.refilter()

    def show_results(self, results: list[Any], factsheet: Any = None) -> None:
        self._results = list(results)
        self._factsheet = factsheet
        self._fill_sections()
        self.refilter()

    def results(self) -> list[Any]:
        """Every result before filtering: as validated now, or as the sign-off judges."""
        if self.judged.isChecked() and self._factsheet is not None:
            from eccp_desktop.workflow import judge

            return list(judge(self._factsheet).results)
        return list(self._results)

    def counts(self) -> dict[str, int]:
        """Per severity, over the whole factsheet (the status bar shows the same)."""
        counts = dict.fromkeys(ORDER, 0)
        for r in self.results():
            counts[r.severity] = counts.get(r.severity, 0) + 1
        return counts

    def _in_section(self, results: list[Any]) -> list[Any]:
        section = self.section.currentData()
        return [r for r in results if section is None or r.section == section]

    def _fill_sections(self) -> None:
        chosen = self.section.currentData()
        sections = list(dict.fromkeys(r.section for r in self.results()))
        self.section.blockSignals(True)
        self.section.clear()
        self.section.addItem(_("All"), None)
        for key in sections:
            self.section.addItem(self.view._title(key), key)
        self.section.setCurrentIndex(max(0, self.section.findData(chosen)))
        self.section.blockSignals(False)

    def refilter(self, *_args: Any) -> None:
        results = self.results()
        counts = self.counts()
        wanted = {s for s, b in self.buttons.items() if b.isChecked()}
        shown = [r for r in self._in_section(results) if r.severity in wanted]
        # errors first within each part (the parts keep the factsheet's order)
        parts = {key: n for n, key in enumerate(dict.fromkeys(r.section for r in shown))}
        shown.sort(key=lambda r: (parts[r.section], ORDER.get(r.severity, 3)))
        self.shown = shown
        names = {
            "error": ngettext("{n} error", "{n} errors", counts["error"]),
            "warning": ngettext("{n} warning", "{n} warnings", counts["warning"]),
            "info": ngettext("{n} note", "{n} notes", counts["info"]),
        }
        for severity, button in self.buttons.items():
            button.setText(names[severity].format(n=counts[severity]))
        if self.judged.isChecked():
            self.summary.setText(self.judgement_text())
            self.summary.show()
        else:
            self.summary.hide()
        self.view.show_results(shown, self._factsheet)  # names the places
        self.filtered.emit()

    def judgement_text(self) -> str:
        if self._factsheet is None:
            return ""
        from eccp_desktop.workflow import judge

        j = judge(self._factsheet)
        if not j.blocking:
            return _("Nothing blocks the sign-off as validated.")
        # a count after a colon: no plural forms to agree with
        return _(
            "Errors that block the sign-off as validated: {n} ({now} now, {raised} that are warnings until then)"
        ).format(n=len(j.blocking), now=len(j.standing), raised=len(j.raised))


def _child(group: QTreeWidgetItem, j: int) -> QTreeWidgetItem:
    item = group.child(j)
    assert item is not None  # j < childCount()
    return item
