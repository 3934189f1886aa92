"""The factsheet itself: country, edition, reference date and its languages."""

from __future__ import annotations

import datetime as dt

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import N_, _, current_language
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.page import Page
from eccp_desktop.ui.qt import (
    QDate,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    Qt,
    QWidget,
)


class GeneralPage(Page):
    keys = ("reference_date", "languages", "country", "edition")
    title = N_("Factsheet")

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.country = QLabel(self)
        self.reference = QDateEdit(self)
        self.reference.setCalendarPopup(True)
        self.reference.editingFinished.connect(self._date_edited)
        self.languages = QListWidget(self)
        for lang in EU_LANGUAGES:
            item = QListWidgetItem(lang, self.languages)
            item.setData(Qt.ItemDataRole.UserRole, lang)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.languages.itemChanged.connect(self._languages_edited)
        # what a comment made here is about (Editor.focused_path), not the whole factsheet
        self.reference.path = "/reference_date"  # type: ignore[attr-defined]
        self.languages.path = "/languages"  # type: ignore[attr-defined]
        self.form = QFormLayout(self)
        self.labels = [QLabel(self) for _ in range(3)]
        self.form.addRow(self.labels[0], self.country)
        self.form.addRow(self.labels[1], self.reference)
        self.form.addRow(self.labels[2], self.languages)
        self.labels[1].setBuddy(self.reference)
        self.labels[2].setBuddy(self.languages)
        doc.changed.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        from eccp_desktop.i18n.formatting import country_name, language_name

        self.labels[0].setText(_("Country and edition:"))
        self.labels[1].setText(_("&Reference date:"))
        self.labels[2].setText(_("&Languages of the factsheet:"))
        self.reference.setAccessibleName(_("Reference date"))
        self.reference.setToolTip(_("Every time-dependent rule is judged on this date"))
        self.languages.setAccessibleName(_("Languages of the factsheet"))
        fs = self.doc.factsheet
        self.country.setText(f"{country_name(fs.country, current_language())} {fs.edition}")
        self.languages.blockSignals(True)
        for i in range(self.languages.count()):
            item = self.languages.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setText(f"{language_name(code, current_language(), label=True)} ({code})")
        self.languages.blockSignals(False)
        self._refresh("/")

    def _refresh(self, path: str) -> None:
        fs = self.doc.factsheet
        d = fs.as_of
        self.reference.blockSignals(True)
        self.reference.setDate(QDate(d.year, d.month, d.day))
        self.reference.setReadOnly(not self.doc.editable)
        self.reference.blockSignals(False)
        self.languages.blockSignals(True)
        for i in range(self.languages.count()):
            item = self.languages.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            checked = code in fs.languages
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            flags = item.flags()
            editable = self.doc.editable and code != "en"  # English is always there
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled
                if editable
                else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
        self.languages.blockSignals(False)

    def _date_edited(self) -> None:
        q = self.reference.date()
        self.doc.set("/reference_date", dt.date(q.year(), q.month(), q.day()))

    def _languages_edited(self, _item: QListWidgetItem) -> None:
        chosen = [
            self.languages.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.languages.count())
            if self.languages.item(i).checkState() == Qt.CheckState.Checked
        ]
        current = list(self.doc.factsheet.languages)
        # keep the factsheet's order; a new language goes last, English first
        langs = [lang for lang in current if lang in chosen]
        langs += [lang for lang in chosen if lang not in current]
        langs = ["en", *[lang for lang in langs if lang != "en"]]
        if not self.doc.set("/languages", langs):
            self._refresh("/")

    def focus_path(self, parts: list[str]) -> bool:
        if parts and parts[0] == "languages":
            self.languages.setFocus()
        else:
            self.reference.setFocus()
        return True
