"""Copy and paste of table cells: tab-separated, validated like typing, one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster
from eccp_desktop.store import Store
from eccp_desktop.ui.clipboard import from_tsv, to_tsv
from eccp_desktop.ui.qt import QApplication, QItemSelectionModel, Qt
from tests.ui.test_cluster_flow import clusters_page

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier


def clusters(path: Path) -> list[Cluster]:
    with Store.open(path) as s:
        return s.load("PL", 2023).clusters


def select(table, top: int, left: int, bottom: int, right: int) -> None:  # type: ignore[no-untyped-def]
    model = table.proxy
    sel = table.view.selectionModel()
    table.view.setCurrentIndex(model.index(top, left))
    sel.clearSelection()
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            sel.select(model.index(r, c), QItemSelectionModel.SelectionFlag.Select)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet='ab\t\n"x ,', max_size=6), min_size=1, max_size=4),
        min_size=1,
        max_size=4,
    )
)
def test_tsv_round_trip(rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    back = from_tsv(to_tsv(rows))
    if rows == [[""] * width] and width == 1:
        return  # a single empty cell is no text at all
    assert back == rows


def test_copy_a_range_with_ctrl_c(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    m = table.model
    select(table, 0, m.column_of("name"), 0, m.column_of("members"))
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_C, CTRL)
    text = QApplication.clipboard().text()
    c = clusters(pl_store)[0]
    assert text == f"{c.name}\t{c.region}\t{c.founded.day} May 2012\t{c.members}\n"
    assert c.founded == dt.date(2012, 5, 1)


def test_paste_rows_from_a_spreadsheet_is_one_undo_step(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    m = table.model
    before = clusters(pl_store)
    select(table, 0, m.column_of("name"), 0, m.column_of("name"))
    QApplication.clipboard().setText(
        "Baltic Cluster\tpl22\t2015-03-01\t1,500\n"
        "Amber Valley\tPL63\t02/03/2019\t45\n"  # Excel's trailing newline
    )
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_V, CTRL)
    after = clusters(pl_store)
    assert len(after) == 2 == len(before) + 1  # the second row added
    assert (after[0].name, after[0].region, after[0].founded, after[0].members) == (
        "Baltic Cluster",
        "PL22",
        dt.date(2015, 3, 1),
        1500,
    )
    assert (after[1].name, after[1].region, after[1].founded, after[1].members) == (
        "Amber Valley",
        "PL63",
        dt.date(2019, 3, 2),
        45,
    )
    qtbot.keyClick(table.view, Qt.Key.Key_Z, CTRL)  # one step undoes the whole paste
    assert [(c.name, c.members) for c in clusters(pl_store)] == [
        (c.name, c.members) for c in before
    ]


def test_one_bad_cell_refuses_the_whole_paste(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    m = table.model
    before = clusters(pl_store)
    select(table, 0, m.column_of("name"), 0, m.column_of("name"))
    QApplication.clipboard().setText("Baltic\tPL22\t31.12.23\tabc\nAmber\tPL-63\t\tmany\n")
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_V, CTRL)
    assert clusters(pl_store) == before  # nothing half-written
    message = table.message.text()
    assert message.startswith("\u2716 Nothing pasted:")
    assert "Row 1, Founded: “31.12.23”" in message
    assert "Row 2, Region (NUTS)" in message
    assert "and 1 more" in message


def test_choices_pasted_by_their_labels_and_edit_menu(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pages import PoliciesPage

    w = open_window(pl_store)
    i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, PoliciesPage))
    w.editor.show_page(i)
    table = w.editor.pages[i].tables[0]
    m = table.model
    select(table, 0, m.column_of("type"), 0, m.column_of("type"))
    QApplication.clipboard().setText(
        "Sectoral\tPL\t\t2021\t2027\t€1,000,000\t\u2713\tDigital transition; green\n"
    )
    table.view.setFocus()
    assert w.actions_.paste in w.actions_.edit_menu.actions()
    w.actions_.paste.trigger()
    with Store.open(pl_store) as s:
        p = s.load("PL", 2023).policies[0]
    assert (p.type, p.region, p.start_year, p.end_year) == ("sectoral", "PL", 2021, 2027)
    assert (p.budget_eur, p.budget_approximate, p.priorities) == (
        1_000_000,
        True,
        ["digital", "green"],
    )
