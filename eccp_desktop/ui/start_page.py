"""An empty store's start page, and File › New factsheet… (issue #17 item 12).

The start page stands where the editor will be: it says how factsheets get
into the store (import packages, or start one) with a button for each, the
same actions as the File menu. The New factsheet dialog writes through
``operations.editions_ops.new_factsheet``, the operation of ``eccp-desktop
new COUNTRY YEAR``: the same refusals, each shown at the field it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eccp_desktop.i18n import _, current_language
from eccp_desktop.ui.qt import (
    QCollator,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QPushButton,
    QRegularExpression,
    QRegularExpressionValidator,
    Qt,
    QVBoxLayout,
    QWidget,
)

# The widest the text runs: lines stay readable on a wide window.
_TEXT_WIDTH = 640


class StartPage(QWidget):
    """What to do in an empty store: import packages, or start a factsheet."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("startPage")
        self.window_ = window
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.import_heading = QLabel(self)
        self.import_text = QLabel(self)
        self.import_button = QPushButton(self)
        self.new_heading = QLabel(self)
        self.new_text = QLabel(self)
        self.new_button = QPushButton(self)
        self.read_only = QLabel(self)  # why the buttons are off, in words
        self.read_only.setWordWrap(True)
        bold = QFont(self.import_heading.font())
        bold.setBold(True)
        actions = window.actions_
        self.import_button.clicked.connect(actions.import_.trigger)
        self.new_button.clicked.connect(actions.new_factsheet.trigger)

        column = QWidget(self)
        column.setMaximumWidth(_TEXT_WIDTH)
        column.setMinimumWidth(_TEXT_WIDTH * 2 // 3)  # wrapped text stays a readable measure
        inner = QVBoxLayout(column)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(self.intro)
        for heading, text, button in (
            (self.import_heading, self.import_text, self.import_button),
            (self.new_heading, self.new_text, self.new_button),
        ):
            line = QFrame(column)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            inner.addWidget(line)
            heading.setFont(bold)
            heading.setWordWrap(True)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner.addWidget(heading)
            inner.addWidget(text)
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.read_only)
        # centred by stretches, not an alignment flag: an aligned widget gets its
        # size hint's height, too short for its wrapped lines at the width it gets
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()
        self.follow_actions()

    def follow_actions(self) -> None:
        """The buttons do what the menu does, and only when it may."""
        actions = self.window_.actions_
        self.import_button.setEnabled(actions.import_.isEnabled())
        self.new_button.setEnabled(actions.new_factsheet.isEnabled())
        store = self.window_.store
        off = store is not None and store.read_only
        self.read_only.setVisible(off)

    def retranslate(self) -> None:
        actions = self.window_.actions_
        self.title.setText(_("This store has no factsheets yet"))
        self.intro.setText(_("A factsheet gets here in one of two ways:"))
        self.import_heading.setText(_("Import packages"))
        self.import_text.setText(
            _(
                "Packages (.eccp.json files) come from a national authority or the central "
                "team. Import them with {menu}, or drop them on this window: a preview shows "
                "what will be added before anything is written."
            ).format(menu=_menu_path(actions.file_menu, actions.import_))
        )
        self.import_button.setText(_("Import packages…"))
        self.new_heading.setText(_("Start a factsheet"))
        self.new_text.setText(
            _(
                "An empty draft for a country and an edition year, in English and the "
                "country's languages: {menu} (on the command line: {command})."
            ).format(
                menu=_menu_path(actions.file_menu, actions.new_factsheet),
                command="eccp-desktop new COUNTRY YEAR",
            )
        )
        self.new_button.setText(_("New factsheet…"))
        self.read_only.setText(
            "\u2716 " + _("This store is read-only here: nothing can be imported or started.")
        )
        self.import_button.setAccessibleName(_("Import packages"))
        self.new_button.setAccessibleName(_("New factsheet"))


def _menu_path(menu: Any, action: Any) -> str:
    """The menu path ("File › Import packages…") as the menus read now, without '&'."""

    def plain(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    return f"{plain(menu.title())} \u203a {plain(action.text())}"


def _countries(lang: str) -> list[tuple[str, str]]:
    """(name in ``lang``, code) of every country the ECCP covers, in ``lang``'s order."""
    from eccp_desktop.domain.countries import COUNTRIES
    from eccp_desktop.i18n.formatting import country_name

    collator = QCollator(QLocale(lang))
    named = [(country_name(code, lang), code) for code in COUNTRIES]
    return sorted(named, key=lambda nc: collator.sortKey(nc[0]))


class NewFactsheetDialog(QDialog):
    """Country and edition year of a new, empty factsheet; refusals at their field."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.created: tuple[str, int] | None = None
        lang = current_language()
        self.setWindowTitle(_("New factsheet"))
        self.country = QComboBox(self)
        self.country.setEditable(True)  # type a few letters: the list narrows to them
        self.country.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name, code in _countries(lang):
            self.country.addItem(f"{name} ({code})", code)
        completer = QCompleter(self.country.model(), self.country)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.country.setCompleter(completer)
        self.country.setCurrentIndex(-1)
        edit = self.country.lineEdit()
        if edit is not None:  # editable: it has one
            edit.setPlaceholderText(_("Type or choose a country"))
        self.country.setAccessibleName(_("Country"))
        self.country_message = QLabel(self)
        self.year = QLineEdit(str(dt.date.today().year), self)
        self.year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self))
        self.year.setAccessibleName(_("Edition year"))
        self.year_message = QLabel(self)
        self.message = QLabel(self)  # a refusal about neither field (rights on a server)
        for label in (self.country_message, self.year_message, self.message):
            label.setWordWrap(True)
            label.hide()
        note = QLabel(
            _(
                "An empty draft, in English and the country's languages. Its reference "
                "date is 31 December of the edition year."
            ),
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.country.editTextChanged.connect(lambda _t: self._say(self.country_message, ""))
        self.year.textEdited.connect(lambda _t: self._say(self.year_message, ""))
        form = QFormLayout(self)
        form.addRow(note)
        for text, field, message in (
            (_("&Country:"), self.country, self.country_message),
            (_("&Edition year:"), self.year, self.year_message),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)  # its accelerator goes to the field
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(message)  # the refusal right under the field it is about
            form.addRow(label, column)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def chosen_country(self) -> str:
        """The code of the country chosen or typed ("Polska", "pl", "Polska (PL)"),
        else the text as typed (the operation says why it is no country)."""
        text = self.country.currentText().strip()
        i = self.country.findText(text, Qt.MatchFlag.MatchFixedString)
        if i < 0:  # a name without its code, or a code
            folded = text.casefold()
            i = next(
                (
                    j
                    for j in range(self.country.count())
                    if folded
                    in (
                        self.country.itemText(j).rsplit(" (", 1)[0].casefold(),
                        str(self.country.itemData(j)).casefold(),
                    )
                ),
                -1,
            )
        return str(self.country.itemData(i)) if i >= 0 else text

    def _say(self, label: QLabel, message: str, field: QWidget | None = None) -> None:
        label.setText("\u2716 " + message if message else "")  # the mark, not colour alone
        label.setVisible(bool(message))
        self.adjustSize()  # room for the message's lines, none left over without it
        if field is not None:
            field.setAccessibleDescription(message)
            field.setFocus()

    def accept(self) -> None:
        """Start the factsheet through the operation; stay open on a refusal."""
        from eccp_desktop.operations import Done
        from eccp_desktop.operations.editions_ops import new_factsheet
        from eccp_desktop.ui import settings as S

        for label in (self.country_message, self.year_message, self.message):
            self._say(label, "")
        country = self.chosen_country()
        if not country:
            self._say(self.country_message, _("Choose a country."), self.country)
            return
        text = self.year.text().strip()
        if not text:
            self._say(self.year_message, _("Type the edition year."), self.year)
            return
        if len(text) != 4:
            self._say(
                self.year_message,
                _("“{text}” is not a year: type four digits, such as {year}").format(
                    text=text, year=dt.date.today().year
                ),
                self.year,
            )
            return
        window = self.window_
        outcome = new_factsheet(window.store, country, int(text), actor=S.actor(window.settings))
        if not isinstance(outcome, Done):
            where = getattr(outcome, "where", "")
            label, field = {
                "country": (self.country_message, self.country),
                "year": (self.year_message, self.year),
            }.get(where, (self.message, None))
            self._say(label, outcome.reason, field)
            return
        fs = outcome.value
        self.created = (fs.country, fs.edition)
        super().accept()


def new_factsheet(window: Any) -> NewFactsheetDialog:
    """File › New factsheet…: the dialog; once started, the factsheet opens in the editor."""
    dialog = NewFactsheetDialog(window)
    window.new_dialog = dialog  # kept for tests and so it is not collected

    def started() -> None:
        if dialog.created is None:
            return
        country, year = dialog.created
        from eccp_desktop.i18n.formatting import country_name

        window.refresh_navigator()
        window.navigator.select(country, year)  # opens it (the navigator's current row)
        if window.doc is None or window.doc.session.ident != (country, year):
            window.open_factsheet(country, year)
        window.statusBar().showMessage(
            _("{country} {year} started: an empty draft").format(
                country=country_name(country, current_language()), year=year
            ),
            8000,
        )

    dialog.accepted.connect(started)
    dialog.open()
    return dialog
