"""An empty store's start page and File › New factsheet… (issue #17 item 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.store import Store
from eccp_desktop.ui.qt import Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A window on a new, empty store (the ones it opened are closed afterwards)."""
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QSettings
    from eccp_desktop.ui.runner import wait_for_all

    made: list[Any] = []

    def make(db: Path, name: str = "s.ini") -> Any:
        w = MainWindow(QSettings(str(tmp_path / name), QSettings.Format.IniFormat))
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.show()
            w.activateWindow()
        assert w.open_store(str(db))
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
    wait_for_all()
    for w in made:
        if w.store is not None:
            w.store.close()


def stored(db: Path) -> list[tuple[str, int]]:
    with Store.open(db) as store:
        return [(s.country, s.edition) for s in store.list()]


def open_dialog(qtbot, w) -> Any:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(w.start_page.new_button, Qt.MouseButton.LeftButton)
    dialog = w.new_dialog
    qtbot.waitExposed(dialog)
    return dialog


def keys(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key, Greek as well (QTest's keyClicks takes ASCII only)."""
    from eccp_desktop.ui.qt import QApplication, QEvent, QKeyEvent

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def type_into(qtbot, dialog, country: str, year: str) -> None:  # type: ignore[no-untyped-def]
    edit = dialog.country.lineEdit()
    edit.selectAll()
    keys(edit, country)
    dialog.country.completer().popup().hide()  # the narrowed list, closed as Esc would
    dialog.year.selectAll()
    qtbot.keyClicks(dialog.year, year)


def test_an_empty_store_opens_on_the_start_page_with_both_ways(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    w = window(tmp_path / "new.sqlite3")
    page = w.start_page
    assert w.centralWidget() is page and page.isVisible()
    texts = [page.title.text(), page.import_text.text(), page.new_text.text()]
    assert texts[0] == "This store has no factsheets yet"
    assert "File › Import packages…" in texts[1] and "drop them on this window" in texts[1]
    assert "File › New factsheet…" in texts[2] and "eccp-desktop new COUNTRY YEAR" in texts[2]
    assert page.import_button.isEnabled() and page.new_button.isEnabled()
    assert not page.read_only.isVisible()
    # the import button is the menu's action: its file dialog is where that action goes
    opened: list[bool] = []
    w.actions_.import_.triggered.disconnect()
    w.actions_.import_.triggered.connect(lambda: opened.append(True))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert opened == [True]
    # the File menu has the same entry as the page's button
    assert "&New factsheet…" in [a.text() for a in w.actions_.file_menu.actions()]


def test_new_factsheet_refuses_at_the_field_then_opens_the_new_draft(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    w = window(db)
    dialog = open_dialog(qtbot, w)

    type_into(qtbot, dialog, "Atlantis", "2025")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: the dialog stays for the correction
    assert dialog.country_message.isVisible()
    assert "“Atlantis” is not a country the ECCP covers" in dialog.country_message.text()
    assert not dialog.year_message.isVisible()
    assert dialog.focusWidget() in (dialog.country, dialog.country.lineEdit())

    type_into(qtbot, dialog, "Poland", "1999")
    assert not dialog.country_message.isVisible()  # typing again clears the old refusal
    qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.year_message.text() == (
        "\u2716 1999 is not an edition year; expected a year from 2000 to 2100"
    )
    assert dialog.year.accessibleDescription() == dialog.year_message.text()[2:]

    type_into(qtbot, dialog, "Poland", "25")
    qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
    assert "“25” is not a year" in dialog.year_message.text()
    assert stored(db) == []  # nothing written by any refusal

    edit = dialog.country.lineEdit()  # a few letters narrow the list to the names with them
    edit.selectAll()
    qtbot.keyClicks(edit, "pol")
    completions = dialog.country.completer().completionModel()
    shown = [completions.index(i, 0).data() for i in range(completions.rowCount())]
    assert "Poland (PL)" in shown and "Germany (DE)" not in shown
    type_into(qtbot, dialog, "Poland (PL)", "2025")
    qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert stored(db) == [("PL", 2025)]
    with Store.open(db) as store:
        fs = store.load("PL", 2025)
    assert (fs.status, fs.languages) == ("draft", ["en", "pl"])
    # the new factsheet is open in the editor, the start page gone
    assert w.doc is not None and w.doc.session.ident == ("PL", 2025)
    assert w.centralWidget() is w.editor and w.start_page is None
    assert "Poland 2025" in w.windowTitle()
    assert [(r.country, r.edition) for r in w.navigator.model.rows] == [("PL", 2025)]

    # the same again is refused at the year: it exists
    w.actions_.new_factsheet.trigger()
    again = w.new_dialog
    qtbot.waitExposed(again)
    type_into(qtbot, again, "PL", "2025")  # the code alone is a country too
    qtbot.mouseClick(again.ok, Qt.MouseButton.LeftButton)
    assert again.year_message.text() == "\u2716 the PL 2025 factsheet exists already"
    qtbot.keyClick(again.year, Qt.Key.Key_Escape)
    assert not again.isVisible()
    assert stored(db) == [("PL", 2025)]


def test_country_names_are_in_the_interface_language(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    w = window(db)
    w.set_ui_language("el")
    try:
        assert w.start_page.title.text() != "This store has no factsheets yet"
        assert w.start_page.new_button.text() == w.actions_.new_factsheet.text().replace("&", "")
        dialog = open_dialog(qtbot, w)
        names = [dialog.country.itemText(i) for i in range(dialog.country.count())]
        assert "Ελλάδα (GR)" in names and "Πολωνία (PL)" in names
        type_into(qtbot, dialog, "Ελλάδα", "2024")
        qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        w.set_ui_language("en")
    assert stored(db) == [("GR", 2024)]
    assert w.doc.session.ident == ("GR", 2024)


def test_a_read_only_view_of_an_empty_store_offers_neither(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    window(db)
    second = window(db, "second.ini")  # the first holds the lock: this one is read-only
    assert second.store.read_only
    page = second.start_page
    assert page.isVisible() and page.read_only.isVisible()
    assert not page.new_button.isEnabled() and not page.import_button.isEnabled()
    assert not second.actions_.new_factsheet.isEnabled()
