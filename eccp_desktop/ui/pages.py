"""The editor's pages, one per part of the factsheet, each able to focus a path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eccp_desktop.domain import codes
from eccp_desktop.i18n import N_, _, labels
from eccp_desktop.ui import columns as C
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.general_page import GeneralPage
from eccp_desktop.ui.page import Page
from eccp_desktop.ui.qt import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from eccp_desktop.ui.record_page import RecordPage
from eccp_desktop.ui.text_field import LocalizedTextEdit

if TYPE_CHECKING:
    from eccp_desktop.ui.table_page import TablePage


class SectionsPage(Page):
    keys = ("sections",)
    title = N_("Section texts")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.list = QListWidget(self)
        self.list.setMinimumWidth(220)
        self.list.setWordWrap(True)
        for _key in codes.SECTION_KEYS:
            self.list.addItem("")
        self.editor = LocalizedTextEdit(doc, f"/sections/{codes.SECTION_KEYS[0]}", self)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.editor)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 700])
        QVBoxLayout(self).addWidget(split)
        self.list.currentRowChanged.connect(self._select)
        self.list.setCurrentRow(0)
        doc.problems_changed.connect(self._mark)
        self.retranslate()

    def _mark(self) -> None:
        """Each section's entry carries its problems as a symbol (not colour alone)."""
        for i, key in enumerate(codes.SECTION_KEYS):
            found = self.doc.problems_at(f"/sections/{key}")
            severities = {r.severity for r in found}
            mark = "\u2716" if "error" in severities else "\u26a0" if severities else ""
            item = self.list.item(i)
            item.setText(_(labels.TEXT_SECTIONS[key]) + (f"  {mark}" if mark else ""))
            item.setToolTip("\n".join(r.message for r in found))

    def _select(self, row: int) -> None:
        if 0 <= row < len(codes.SECTION_KEYS):
            self.editor.set_path(f"/sections/{codes.SECTION_KEYS[row]}")

    def retranslate(self) -> None:
        self._mark()
        self.list.setAccessibleName(_("Sections"))

    def focus_path(self, parts: list[str]) -> bool:
        if len(parts) >= 2 and parts[1] in codes.SECTION_KEYS:
            self.list.setCurrentRow(codes.SECTION_KEYS.index(parts[1]))
            self.editor.focus(parts[2] if len(parts) > 2 else None)
            return True
        return False


class AssessmentPage(Page):
    keys = ("policy_assessment",)
    title = N_("State of cluster policy")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QGroupBox] = {}
        self.ratings: dict[str, QComboBox] = {}
        self.texts: dict[str, LocalizedTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        for dim in codes.ASSESSMENT_DIMENSIONS:
            box = QGroupBox(self)
            form = QFormLayout(box)
            combo = QComboBox(box)
            combo.setMinimumContentsLength(12)
            combo.addItem("", None)
            for r in codes.RATINGS:
                combo.addItem(_(labels.RATINGS[r]), r)
            combo.activated.connect(lambda _i, d=dim: self._rate(d))
            combo.path = f"/policy_assessment/{dim}/rating"  # type: ignore[attr-defined]
            text = LocalizedTextEdit(doc, f"/policy_assessment/{dim}/text", box)
            text.setMinimumHeight(90)
            label = QLabel(box)
            label.setBuddy(combo)
            mark = QLabel(box)
            mark.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(mark, 1)
            form.addRow(label, row)
            self.marks[dim] = mark
            form.addRow(text)
            layout.addWidget(box)
            self.boxes[dim], self.ratings[dim], self.texts[dim], self.labels[dim] = (
                box,
                combo,
                text,
                label,
            )
        doc.changed.connect(self._refresh)
        doc.problems_changed.connect(self._show_problems)
        self._refresh("/")
        self.retranslate()

    def _show_problems(self) -> None:
        for dim, mark in self.marks.items():
            found = self.doc.problems_at(f"/policy_assessment/{dim}/rating")
            symbol = {"error": "\u2716", "warning": "\u26a0"}
            mark.setText("  ".join(f"{symbol.get(r.severity, '!')} {r.message}" for r in found))
            self.ratings[dim].setAccessibleDescription(mark.text())

    def _rate(self, dim: str) -> None:
        from eccp_desktop.domain.model import Assessment
        from eccp_desktop.editing import SetValue

        value = self.ratings[dim].currentData()
        current = self.doc.factsheet.policy_assessment.get(dim)
        if current is None:
            self.doc.execute(SetValue(f"/policy_assessment/{dim}", Assessment(rating=value)))
        else:
            self.doc.set(f"/policy_assessment/{dim}/rating", value)

    def _refresh(self, path: str) -> None:
        for dim, combo in self.ratings.items():
            a = self.doc.factsheet.policy_assessment.get(dim)
            combo.setCurrentIndex(max(0, combo.findData(a.rating if a else None)))
            combo.setEnabled(self.doc.editable)

    def retranslate(self) -> None:
        for dim, box in self.boxes.items():
            box.setTitle(_(labels.DIMENSIONS[dim]))
            self.labels[dim].setText(_("&Rating:"))
            for i, r in enumerate(codes.RATINGS, start=1):
                self.ratings[dim].setItemText(i, _(labels.RATINGS[r]))
            self.ratings[dim].setAccessibleName(
                _("Rating: {dimension}").format(dimension=_(labels.DIMENSIONS[dim]))
            )

    def focus_path(self, parts: list[str]) -> bool:
        if len(parts) >= 2 and parts[1] in self.ratings:
            if len(parts) > 2 and parts[2] == "rating":
                self.ratings[parts[1]].setFocus()
            else:
                self.texts[parts[1]].focus(parts[3] if len(parts) > 3 else None)
            return True
        return False


class TablesPage(Page):
    """A page of one table, or a master table with detail tables below it."""

    specs: tuple[C.TableSpec, ...] = ()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        # the tables' module (delegates, models: ~30 M instructions) loads with
        # the first table page, not with the factsheet's first page (issue 16)
        from eccp_desktop.ui.table_page import TablePage

        self.tables: list[TablePage] = [TablePage(doc, self.specs[0], "", self)]
        for spec in self.specs[1:]:
            self.tables.append(TablePage(doc, spec, "-", self))
        split = QSplitter(Qt.Orientation.Vertical, self)
        for t in self.tables:
            split.addWidget(t)
        QVBoxLayout(self).addWidget(split)
        self.keys = (self.specs[0].path,)
        if len(self.tables) > 1:
            master = self.tables[0]
            master.view.selectionModel().currentRowChanged.connect(lambda *_a: self._follow())
            master.model.modelReset.connect(self._follow)
            if master.model.rowCount():  # show the first item's details at once
                master.view.setCurrentIndex(master.proxy.index(0, 0))
            self._follow()

    def _master_row(self) -> int:
        master = self.tables[0]
        index = master.view.currentIndex()
        return master.proxy.mapToSource(index).row() if index.isValid() else -1

    def _follow(self) -> None:
        row = self._master_row()
        owner = f"/{self.specs[0].path}/{row}" if row >= 0 else "-"
        for t in self.tables[1:]:
            if t.model.owner != owner:
                t.model.set_owner(owner)
            t.set_editable(self.doc.editable and row >= 0)

    def retranslate(self) -> None:
        for t in self.tables:
            t.retranslate()

    def set_language(self, lang: str) -> None:
        for t in self.tables:
            t.set_language(lang)

    def set_editable(self, editable: bool) -> None:
        for t in self.tables:
            t.set_editable(editable)

    def focus_path(self, parts: list[str]) -> bool:
        rest = parts[1:]
        if len(self.tables) > 1 and len(rest) >= 3:
            for t in self.tables[1:]:
                if rest[1] == t.spec.path:
                    self.tables[0].focus_cell(int(rest[0]), 0)
                    self._follow()
                    return t.focus_path(rest[2:])
        return self.tables[0].focus_path(rest)


class EcosystemsPage(TablesPage):
    specs = (C.ECOSYSTEMS,)
    title = N_("Industrial ecosystems")


class PoliciesPage(TablesPage):
    specs = (C.POLICIES, C.PROGRAMMES)
    title = N_("Policies and programmes")


class CohesionPage(TablesPage):
    specs = (C.COHESION,)
    title = N_("Cohesion programmes")


class RecommendationsPage(TablesPage):
    specs = (C.RECOMMENDATIONS,)
    title = N_("Recommendations")


class ClustersPage(TablesPage):
    specs = (C.CLUSTERS,)
    title = N_("Cluster organisations")


class SourcesPage(TablesPage):
    specs = (C.SOURCES,)
    title = N_("Sources")


class SchemesPage(TablesPage):
    specs = (C.SCHEMES, C.TIERS, C.SUPPORT)
    title = N_("Tier schemes")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        # A tier added, removed or renamed: its column in the support matrix follows
        # at once (it followed only a change of the chosen scheme before).
        doc.changed.connect(self._maybe_tiers_changed)

    def _maybe_tiers_changed(self, path: str) -> None:
        if path == "/" or path.startswith("/tier_schemes"):
            self._support_columns()

    def _follow(self) -> None:
        super()._follow()
        self._support_columns()

    def _support_columns(self) -> None:
        """The support matrix has one column per tier of the chosen scheme."""
        row = self._master_row()
        schemes = self.doc.factsheet.tier_schemes
        tiers = schemes[row].tiers if 0 <= row < len(schemes) else []
        cols = C.SUPPORT.columns + tuple(
            C.Column(t.key, t.name.get("en") or t.key, "levels", codes.SUPPORT_LEVELS)
            for t in tiers
        )
        support = self.tables[2].model
        if support.columns != cols:
            support.set_columns(cols)


def all_pages() -> list[type[Page]]:
    return [
        GeneralPage,
        SectionsPage,
        AssessmentPage,
        EcosystemsPage,
        PoliciesPage,
        CohesionPage,
        RecommendationsPage,
        SchemesPage,
        ClustersPage,
        SourcesPage,
        RecordPage,
    ]


def keys_of(cls: type[Page]) -> tuple[str, ...]:
    """The top-level exchange keys a page class shows."""
    specs = getattr(cls, "specs", ())
    return cls.keys or ((specs[0].path,) if specs else ())


def section_titles() -> dict[str, str]:
    """Top-level exchange key -> the (untranslated) title of its page."""
    titles: dict[str, str] = {}
    for cls in all_pages():
        for key in keys_of(cls):
            titles.setdefault(key, cls.title)
    titles.setdefault("programmes", C.PROGRAMMES.title)
    return titles
