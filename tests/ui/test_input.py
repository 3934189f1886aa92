"""Typing dates, numbers and codes as officers do: taken as meant, or refused at the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.i18n import _, set_language
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, QComboBox, QLineEdit, QListWidget, Qt, QToolTip
from tests.ui.test_cluster_flow import clusters_page

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


def cluster(path: Path, row: int = 0) -> Any:
    with Store.open(path) as s:
        return s.load("PL", 2023).clusters[row]


def type_into(qtbot, table, row: int, field: str, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Open the cell's editor, replace its text and press Enter; returns the editor."""
    col = table.model.column_of(field)
    table.focus_cell(row, col, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), type(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def committed(qtbot, table) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)


def refused(table, editor: QLineEdit, *words: str) -> str:  # type: ignore[no-untyped-def]
    """The editor stayed open and the refusal is shown at it and above the table."""
    assert QApplication.focusWidget() is editor
    assert table.view.state() == table.view.State.EditingState
    message = table.message.text()
    assert table.message.isVisible() and message.startswith("\u2716")
    assert QToolTip.text() == table.delegate.last_refusal
    for word in words:
        assert word in message, (word, message)
    return message


def test_english_dates_iso_or_irish_never_american(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    before = cluster(pl_store).founded
    editor = type_into(qtbot, table, 0, "founded", "31.12.2023")  # stored 11 Mar 2022 before
    refused(table, editor, "31.12.2023", "31/12/2023", "2023-12-31")
    assert cluster(pl_store).founded == before
    editor.selectAll()
    qtbot.keyClicks(editor, "2022-01-01")  # ISO: stored 2 Feb 2020 before
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, table)
    assert cluster(pl_store).founded == dt.date(2022, 1, 1)
    assert not table.message.isVisible()
    index = table.model.index(0, table.model.column_of("founded"))
    assert index.data().endswith("1 Jan 2022")  # British/Irish English, CLDR medium
    type_into(qtbot, table, 0, "founded", "02/03/2021")  # day first, as in Ireland
    committed(qtbot, table)
    assert cluster(pl_store).founded == dt.date(2021, 3, 2)


def test_two_digit_years_are_refused_in_polish(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    w.set_ui_language("pl")
    table = clusters_page(w)
    before = cluster(pl_store).founded
    editor = type_into(qtbot, table, 0, "founded", "15.06.98")  # stored 15 Mar 2006 before
    refused(table, editor, "15.06.98", "31.12.2023")
    assert cluster(pl_store).founded == before
    editor.selectAll()
    qtbot.keyClicks(editor, "15.06.1998")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, table)
    assert cluster(pl_store).founded == dt.date(1998, 6, 15)
    # the editor opens with the date as the window shows it, and reads it back
    type_into(qtbot, table, 0, "founded", "15 cze 1999")
    committed(qtbot, table)
    assert cluster(pl_store).founded == dt.date(1999, 6, 15)


def test_a_date_can_be_cleared(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    col = table.model.column_of("founded")
    table.focus_cell(0, col, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, table)
    assert cluster(pl_store).founded is None


@pytest.mark.parametrize(
    ("text", "word"),
    [("abc-1,5e3", "abc-1,5e3"), ("99999999999", "1,000,000,000"), ("12.5", "12.5"), ("-4", "-4")],
)
def test_numbers_are_refused_not_changed(
    qtbot, open_window, pl_store: Path, text: str, word: str
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    before = cluster(pl_store).members
    editor = type_into(qtbot, table, 0, "members", text)
    refused(table, editor, word)
    assert cluster(pl_store).members == before
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    committed(qtbot, table)
    assert cluster(pl_store).members == before


def test_numbers_with_the_locales_separators(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    type_into(qtbot, table, 0, "members", "1,500")
    committed(qtbot, table)
    assert cluster(pl_store).members == 1500
    w.set_ui_language("de")
    type_into(qtbot, table, 0, "members", "2.500")
    committed(qtbot, table)
    assert cluster(pl_store).members == 2500
    w.set_ui_language("pl")
    type_into(qtbot, table, 0, "members", "3 500")
    committed(qtbot, table)
    assert cluster(pl_store).members == 3500
    index = table.model.index(0, table.model.column_of("members"))
    assert index.data().replace("\u00a0", " ").endswith("3 500")


def test_codes_upper_cased_and_bad_characters_refused(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    editor = type_into(qtbot, table, 0, "region", "PL 9_1")
    refused(table, editor, "“ ”", "“_”")
    editor.selectAll()
    qtbot.keyClicks(editor, "pl92")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    committed(qtbot, table)
    assert cluster(pl_store).region == "PL92"


def test_scheme_and_tier_chosen_from_the_factsheets_own(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    with Store.open(pl_store) as s:
        fs = s.load("PL", 2023)
    row = len(fs.clusters) - 1  # the KKK key national cluster
    scheme = fs.tier_schemes[0]
    tier_col = table.model.column_of("tier")
    shown = table.model.index(row, tier_col).data()
    assert "key_national" not in shown  # the tier's name, not its key
    assert scheme.tier("key_national").name["en"] in shown
    table.focus_cell(row, tier_col, edit=True)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == [None, *(t.key for t in scheme.tiers)]
    combo.setCurrentIndex(1)  # the entry tier
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    committed(qtbot, table)
    assert cluster(pl_store, row).tier == scheme.tiers[0].key


def test_codes_shown_as_labels_and_meanings(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pages import PoliciesPage

    w = open_window(pl_store)
    w.set_ui_language("de")
    i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, PoliciesPage))
    w.editor.show_page(i)
    policies = w.editor.pages[i].tables[0]
    index = policies.model.index(0, policies.model.column_of("type"))
    assert index.data() == _("National cluster policy") != "National cluster policy"
    cohesion_page = next(
        p
        for p in w.editor.pages
        if any(t.spec.path == "cohesion_programmes" for t in getattr(p, "tables", []))
    )
    w.editor.show_page(w.editor.pages.index(cohesion_page))
    cohesion = next(t for t in cohesion_page.tables if t.spec.path == "cohesion_programmes")
    col = cohesion.model.column_of("policy_objectives")
    assert "PO1" in cohesion.model.index(0, col).data(Qt.ItemDataRole.ToolTipRole)
    cohesion.focus_cell(0, col, edit=True)
    checks = QApplication.focusWidget()
    assert isinstance(checks, QListWidget)
    texts = [checks.item(r).text() for r in range(checks.count())]
    assert texts[0] == "PO1 \u2013 Ein wettbewerbsfähigeres und intelligenteres Europa"


def test_esc_after_a_refusal_gives_the_text_up_and_the_refusal_goes(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    """A refusal left above a cell that shows the stored value again would mislead."""
    w = open_window(pl_store)
    table = clusters_page(w)
    before = cluster(pl_store).founded
    editor = type_into(qtbot, table, 0, "founded", "15.06.98")
    refused(table, editor, "15.06.98")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    committed(qtbot, table)
    assert not table.message.isVisible() and table.message.text() == ""
    assert cluster(pl_store).founded == before


def test_the_reference_date_is_typed_and_shown_like_every_date(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    """Bulgarian: CLDR's medium form shown ("31.12.2023 г."), a two-digit year refused at the field."""
    from eccp_desktop.ui.pages import GeneralPage

    w = open_window(pl_store)
    w.set_ui_language("bg")
    page = next(p for p in w.editor.pages if isinstance(p, GeneralPage))
    w.editor.show_page(w.editor.pages.index(page))
    field = page.reference
    assert field.text() == "31.12.2023\u202fг."  # CLDR: a narrow no-break space
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "15.06.98")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.reference_problem.isVisible() and "15.06.98" in page.reference_problem.text()
    assert field.text() == "15.06.98"  # kept to correct
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).reference_date == dt.date(2023, 12, 31)  # nothing stored
    field.selectAll()
    qtbot.keyClicks(field, "2023-11-30")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not page.reference_problem.isVisible()
    assert field.text() == "30.11.2023\u202fг."
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).reference_date == dt.date(2023, 11, 30)
