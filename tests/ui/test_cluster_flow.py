"""A user edits a cluster below its tier's minimum, jumps to the problem, undoes."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, QKeySequence, Qt

pytestmark = pytest.mark.gui

RULE = "cluster.members_below_tier_minimum"


def clusters_page(w):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pages import ClustersPage

    i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, ClustersPage))
    w.editor.show_page(i)
    return w.editor.pages[i].tables[0]


def edit_cell(qtbot, table, row: int, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    col = table.model.column_of(field)
    index = table.proxy.mapFromSource(table.model.index(row, col))
    table.view.setFocus()
    table.view.setCurrentIndex(index)
    rect = table.view.visualRect(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table.view, "double-click opened no editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)


def test_members_below_minimum_then_jump_then_undo(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    assert not [r for r in w.doc.results if r.rule == RULE]
    table = clusters_page(w)

    edit_cell(qtbot, table, 0, "members", "30")

    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).clusters[0].members == 30
    qtbot.waitUntil(lambda: w.problems.item_for("/clusters/0/members") is not None)
    assert any(r.rule == RULE for r in w.doc.results)
    # the cell itself is marked, not by colour alone
    members = table.model.index(0, table.model.column_of("members"))
    assert members.data().startswith("\u2716")

    # move away, then double-click the problem: the exact cell gets the focus
    w.editor.show_page(0)
    item = w.problems.item_for("/clusters/0/members")
    w.problems.scrollToItem(item)
    rect = w.problems.visualItemRect(item)
    qtbot.mouseClick(w.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(w.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.editor.current_page().tables[0] is table
    current = table.proxy.mapToSource(table.view.currentIndex())
    assert (current.row(), current.column()) == (0, table.model.column_of("members"))
    assert table.view.hasFocus()

    # undo with the standard shortcut: the store has the old value again
    undo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    qtbot.keyClick(table.view, undo.key(), undo.keyboardModifiers())
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).clusters[0].members == 80
    qtbot.waitUntil(lambda: w.problems.item_for("/clusters/0/members") is None)
    qtbot.keyClick(
        table.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).clusters[0].members == 30
