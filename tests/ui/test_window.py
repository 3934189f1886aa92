"""The window as a whole: UI language at run time, layout kept, keyboard and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.i18n import current_language
from eccp_desktop.ui.qt import (
    QAbstractSpinBox,
    QComboBox,
    QCoreApplication,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTabBar,
    QTableView,
    QTreeWidget,
)

pytestmark = pytest.mark.gui


def test_ui_language_switches_at_run_time_with_qt_translations(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    nav = w.navigator.model
    row = nav.row_of("PL", 2023)
    assert nav.index(row, 0).data() == "Poland (PL)"
    try:
        w.actions_.languages["de"].trigger()
        assert current_language() == "de"
        assert nav.index(row, 0).data() == "Polen (PL)"  # Babel, in the UI language
        # Qt's own strings come from qtbase_de.qm
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
        assert w.actions_.languages["de"].isChecked()
        assert w.settings.value("ui/language") == "de"
        # validation messages follow the UI language too
        assert any("Polnisch" in r.message for r in w.doc.results)
        w.actions_.languages["el"].trigger()
        assert nav.index(row, 0).data() == "Πολωνία (PL)"
    finally:
        w.set_ui_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_layout_is_restored_on_next_start(
    qtbot, open_window, pl_store: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QSettings

    w = open_window(pl_store)
    w.problems_dock.hide()
    w.close()
    settings = QSettings(str(tmp_path / "settings0.ini"), QSettings.Format.IniFormat)
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.problems_dock.isVisible()
    assert again.nav_dock.isVisible()


def test_controls_have_accessible_names_and_a_tab_order(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    from eccp_desktop.ui.pages import ClustersPage

    nameless = []
    for page in w.editor.pages:
        controls = [
            *page.findChildren(QLineEdit),
            *page.findChildren(QTableView),
            *page.findChildren(QTreeWidget),
            *page.findChildren(QListWidget),
            *page.findChildren(QPlainTextEdit),
            *page.findChildren(QComboBox),
            *page.findChildren(QTabBar),
        ]
        for widget in controls:
            if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
                continue  # the inner line edit of a combo or spin box
            if not widget.accessibleName():
                nameless.append((type(page).__name__, type(widget).__name__))
        for button in page.findChildren(QPushButton):
            assert button.text() or button.accessibleName()
    assert not nameless, nameless
    table = next(p for p in w.editor.pages if isinstance(p, ClustersPage)).tables[0]
    w.editor.show_page(w.editor.pages.index(table.parentWidget().parentWidget()))
    table.filter.setFocus()
    order = []
    for _ in range(5):
        qtbot.keyClick(QCoreApplication.instance().focusWidget(), Qt.Key.Key_Tab)
        order.append(QCoreApplication.instance().focusWidget())
    assert order == [
        table.add_button,
        table.delete_button,
        table.up_button,
        table.down_button,
        table.view,
    ]


def test_navigator_filter_and_open(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    qtbot.keyClicks(w.navigator.filter, "port")
    assert w.navigator.proxy.rowCount() == 1
    w.navigator.view.setFocus()
    qtbot.keyClick(w.navigator.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: w.doc.session.ident == ("PT", 2023))
    assert "Portugal" in w.windowTitle()


def test_adding_a_language_adds_its_tab_marked_missing(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.store import Store
    from eccp_desktop.ui.general_page import GeneralPage
    from eccp_desktop.ui.pages import SectionsPage
    from eccp_desktop.ui.text_field import MISSING

    w = open_window(pl_store)
    general = next(p for p in w.editor.pages if isinstance(p, GeneralPage))
    w.editor.show_page(w.editor.pages.index(general))
    de = next(
        general.languages.item(i)
        for i in range(general.languages.count())
        if general.languages.item(i).data(Qt.ItemDataRole.UserRole) == "de"
    )
    general.languages.scrollToItem(de)
    general.languages.setCurrentItem(de)
    qtbot.keyClick(general.languages, Qt.Key.Key_Space)  # toggles the check box
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).languages == ["en", "pl", "de"]
    sections = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    tabs = [sections.editor.tabs.tabText(i) for i in range(sections.editor.tabs.count())]
    assert tabs[-1] == f"DE {MISSING}"
    w.actions_.undo.trigger()
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).languages == ["en", "pl"]


def test_reviewer_mode_switches_at_run_time_and_history_lists_edits(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.record_page import RecordPage

    w = open_window(pl_store, name=None)  # no name given: the login (here "tester")
    assert w.doc.set("/clusters/0/members", 77)
    w.actions_.reviewer.trigger()
    assert w.settings.value("ui/reviewer_mode") in (True, "true")
    assert not w.doc.editable and "reviewer mode" in w.windowTitle()
    assert not w.doc.set("/clusters/0/members", 1)
    page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
    with qtbot.waitSignal(page.history_loaded):
        w.editor.show_page(w.editor.pages.index(page))
    rows = [page.history.topLevelItem(i) for i in range(page.history.topLevelItemCount())]
    assert (rows[0].text(1), rows[0].text(3), rows[0].text(4)) == (
        "tester",
        "Cluster organisations \u203a Mazovia ICT Cluster \u203a Members",
        "80 \u2192 77",
    )
    assert rows[0].text(0).endswith(" UTC")  # local time, the zone named (UTC here)
    w.actions_.reviewer.trigger()
    assert w.doc.editable


def test_ctrl_z_in_a_text_undoes_the_saved_typing(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.store import Store
    from eccp_desktop.ui.pages import SectionsPage

    w = open_window(pl_store)
    sections = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    w.editor.show_page(w.editor.pages.index(sections))
    text = sections.editor.editor
    before = text.toPlainText()
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " Typed now.")
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).sections["economic_context"]["en"] == before + " Typed now."
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text.toPlainText() == before
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).sections["economic_context"]["en"] == before
    qtbot.keyClick(
        text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert text.toPlainText() == before + " Typed now."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # the hour as CLDR writes it: Bulgarian "H:mm" has no leading zero ("0:04" after midnight)
        ("en", r"\d{1,2} [A-Z][a-z]{2} 20\d\d, \d{1,2}:\d\d CES?T"),
        ("bg", r"\d{1,2}\.\d{1,2}\.20\d\d\u202fг\., \d{1,2}:\d\d CES?T"),
    ],
)
def test_history_times_are_local_with_the_zone_and_a_four_digit_year(
    qtbot, open_window, pl_store: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    """Was "3.12.26 г., 11:30 UTC": CLDR's short form (two-digit year), and UTC shown."""
    import re
    import time

    from eccp_desktop.ui.record_page import RecordPage

    monkeypatch.setenv("TZ", "Europe/Warsaw")
    time.tzset()
    w = open_window(pl_store)
    try:
        w.actions_.languages[lang].trigger()
        assert w.doc.set("/clusters/0/members", 77)
        page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
        with qtbot.waitSignal(page.history_loaded):
            w.editor.show_page(w.editor.pages.index(page))
        when = page.history.topLevelItem(0).text(0)
        assert re.fullmatch(expected, when), when
    finally:
        w.actions_.languages["en"].trigger()
        monkeypatch.delenv("TZ")
        time.tzset()


def test_the_interface_language_menu_lists_each_language_in_its_own_name(
    open_window,
    pl_store: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    w = open_window(pl_store)
    menu = w.actions_.language_menu
    menu.popup(w.mapToGlobal(w.rect().center()))  # its entries are made as it opens
    qtbot.waitUntil(menu.isVisible)
    entries = {a.text(): a.isChecked() for a in menu.actions()}
    menu.close()
    assert len(entries) == 24
    assert entries["English (en)"] is (current_language() == "en")
    assert entries["Deutsch (de)"] is False
    # each in its own name; not Qt's "American English", "Español de España"
    assert {"Español (es)", "Ελληνικά (el)", "Български (bg)", "Gaeilge (ga)"} <= set(entries)
