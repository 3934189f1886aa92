"""The factsheet itself: country, edition, reference date and its languages."""

from __future__ import annotations

import datetime as dt

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import N_, _, current_language
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.page import Page
from eccp_desktop.ui.qt import (
    QFormLayout,
    QLabel,
    QLineEdit,
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
        # typed as every date of the window is (the UI language's CLDR date or
        # ISO, four-digit years), shown in the medium form; a QDateEdit showed
        # Qt's own short form ("31 12 2023" in Bulgarian)
        self.reference = QLineEdit(self)
        self.reference.editingFinished.connect(self._date_edited)
        self.reference_problem = QLabel(self)
        self.reference_problem.setWordWrap(True)
        self.reference_problem.hide()
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
        self.form.addRow("", self.reference_problem)
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
        from eccp_desktop.i18n.parsing import date_example

        self.reference.setPlaceholderText(date_example(current_language()))
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
        from eccp_desktop.i18n.formatting import format_date

        if path in ("/", "/reference_date", "/status") or not self.reference.hasFocus():
            self.reference.blockSignals(True)
            self.reference.setText(format_date(fs.as_of, current_language()))
            self.reference.blockSignals(False)
            self.reference_problem.hide()
        self.reference.setReadOnly(not self.doc.editable)
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
        from eccp_desktop.i18n.formatting import format_date
        from eccp_desktop.i18n.parsing import InputRefused, parse_date

        if self.reference.isReadOnly():
            return
        text = self.reference.text().strip()
        try:
            value = parse_date(text, current_language()) if text else None
        except InputRefused as e:  # said at the field; nothing stored, the text kept
            self.reference_problem.setText("\u2716 " + str(e))
            self.reference_problem.show()
            return
        if value is None:  # empty: the edition's 31 December, as the format says
            value = dt.date(self.doc.factsheet.edition, 12, 31)
        self.reference_problem.hide()
        if value != self.doc.factsheet.as_of:
            self.doc.set("/reference_date", value)
        self.reference.setText(format_date(value, current_language()))

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
