"""Table pages as a user drives them: delete with confirmation, reorder, sort, filter, editors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.domain.model import Cluster
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, QItemSelectionModel, QLineEdit, Qt
from eccp_desktop.ui.table_page import TablePage
from tests.ui.test_cluster_flow import clusters_page

pytestmark = pytest.mark.gui


def names(path: Path) -> list[str]:
    with Store.open(path) as s:
        return [c.name for c in s.load("PL", 2023).clusters]


@pytest.fixture
def three_clusters(pl_store: Path) -> Path:
    with Store.open(pl_store) as s:
        fs, v = s.load_versioned("PL", 2023)
        fs.clusters += [Cluster(name="Baltic", members=10), Cluster(name="Amber", members=30)]
        s.save(fs, base_version=v, actor="t")
    return pl_store


def select_rows(table: TablePage, rows: list[int]) -> None:
    sel = table.view.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(
            table.proxy.mapFromSource(table.model.index(r, 0)),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_multi_row_delete_asks_first(qtbot, open_window, three_clusters: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    w = open_window(three_clusters)
    table = clusters_page(w)
    asked: list[str] = []
    monkeypatch.setattr(
        TablePage, "confirm", staticmethod(lambda _p, text: asked.append(text) or False)
    )
    select_rows(table, [0, 2])
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert asked == ["Delete 2 rows?"]
    assert names(three_clusters) == ["Mazovia ICT Cluster", "Baltic", "Amber"]  # declined
    monkeypatch.setattr(TablePage, "confirm", staticmethod(lambda _p, _t: True))
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert names(three_clusters) == ["Baltic"]
    qtbot.keyClick(table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(three_clusters) == ["Mazovia ICT Cluster", "Baltic", "Amber"]


def test_reorder_sort_and_filter(qtbot, open_window, three_clusters: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(three_clusters)
    table = clusters_page(w)
    table.focus_cell(2, 0)
    qtbot.mouseClick(table.up_button, Qt.MouseButton.LeftButton)
    assert names(three_clusters) == ["Mazovia ICT Cluster", "Amber", "Baltic"]
    # sorting is a view of the rows, never a change of the data
    table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [table.proxy.index(r, 0).data() for r in range(table.proxy.rowCount())]
    assert shown == ["Amber", "Baltic", "Mazovia ICT Cluster"]
    assert names(three_clusters) == ["Mazovia ICT Cluster", "Amber", "Baltic"]
    qtbot.keyClicks(table.filter, "balt")
    assert table.proxy.rowCount() == 1


def test_region_editor_validates_and_completes(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    col = table.model.column_of("region")
    table.focus_cell(0, col, edit=True)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.completer() is not None
    assert "PL91" in editor.completer().model().stringList()
    editor.clear()
    qtbot.keyClicks(editor, "pl-22x")  # '-' is refused with a message, never dropped
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor  # still open to be corrected
    assert "“-”" in table.message.text()
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).clusters[0].region != "PL22X"
    editor.clear()
    qtbot.keyClicks(editor, "pl22")  # lower case is taken as the code it means
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).clusters[0].region == "PL22"


def test_enter_on_a_problem_jumps_to_it(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    item = w.problems.item_for("/policies/0/authority")
    assert item is not None
    w.problems.setFocus()
    w.problems.setCurrentItem(item)
    qtbot.keyClick(w.problems, Qt.Key.Key_Return)
    page = w.editor.current_page()
    master = page.tables[0]
    current = master.proxy.mapToSource(master.view.currentIndex())
    assert (current.row(), current.column()) == (0, master.model.column_of("authority"))
    assert master.view.hasFocus()
