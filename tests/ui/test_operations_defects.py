"""Each defect of issue #9, driven through real widgets, asserted on the store and the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eccp_desktop.exchange import read_package, write_package
from eccp_desktop.store import Store, StoreError
from eccp_desktop.ui.qt import QApplication, Qt
from tests.ui.test_cluster_flow import clusters_page, edit_cell
from tests.validation.builders import complete_factsheet

pytestmark = pytest.mark.gui


def stored(path: Path):  # type: ignore[no-untyped-def]
    with Store.open(path) as s:
        return s.load("PL", 2023)


def record_page(w):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.record_page import RecordPage

    return next(p for p in w.editor.pages if isinstance(p, RecordPage))


def test_reviewer_mode_cannot_submit_or_reopen(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store, reviewer=True)
    assert not w.actions_.submit.isEnabled() and not w.actions_.reopen.isEnabled()
    assert not w.actions_.sign_off.isEnabled()
    w.actions_.submit.trigger()  # a disabled action does nothing
    w.actions_._record("transition", "submitted")  # and the operation refuses again
    assert stored(pl_store).status == "draft"
    page = record_page(w)
    assert "Reviewer mode" in page.refusal.text()
    assert not page.submit_button.isEnabled() and not page.reopen_button.isEnabled()


def test_a_conflict_on_undo_is_told_and_leaves_stack_store_and_window_agreeing(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    edit_cell(qtbot, table, 0, "members", "70")
    assert stored(pl_store).clusters[0].members == 70
    with Store.open(pl_store) as other:  # the same country saved from a terminal meanwhile
        fs, v = other.load_versioned("PL", 2023)
        fs.clusters[0].members = 99
        other.save(fs, base_version=v, actor="terminal")
    qtbot.keyClick(table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    qtbot.waitUntil(lambda: w.doc.undo_stack.count() == 0)
    assert stored(pl_store).clusters[0].members == 99  # theirs stays
    assert w.doc.factsheet.clusters[0].members == 99  # and the window shows it
    col = table.model.column_of("members")
    assert table.model.index(0, col).data() == "99"
    assert "terminal" in w.editor.banner.text  # who changed it
    assert "undo steps were dropped" in w.statusBar().currentMessage()
    assert not w.actions_.undo.isEnabled()


def test_a_conflict_on_a_status_change_is_told(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    with Store.open(pl_store) as other:
        fs, v = other.load_versioned("PL", 2023)
        fs.clusters[0].members = 98
        other.save(fs, base_version=v, actor="terminal")
    record_page(w).submit_button.click()
    assert stored(pl_store).status == "draft"
    assert "terminal" in w.editor.banner.text
    assert w.doc.factsheet.clusters[0].members == 98


def test_an_import_the_store_refuses_is_told_not_raised(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui import exchange_dialogs
    from eccp_desktop.ui.qt import QDialog

    package = tmp_path / "pl.eccp.json"
    write_package(stored(pl_store), package)
    w = open_window(pl_store)

    def refuse(*_a, **_k):  # type: ignore[no-untyped-def]
        raise StoreError("the disk is full: nothing was written")

    monkeypatch.setattr(w.store, "import_factsheets", refuse)
    monkeypatch.setattr(
        exchange_dialogs.ImportPreview, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    exchange_dialogs.import_files(w, [str(package)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)  # read, plan, write off the GUI thread
    assert "disk is full" in w.statusBar().currentMessage()


def test_a_comment_on_the_whole_factsheet_survives_export_and_import(
    qtbot, open_window, pl_store: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    page = record_page(w)
    w.editor.show_page(w.editor.pages.index(page))
    page.comment_text.setFocus()  # no field focused: the comment is about the whole factsheet
    w.actions_.comment.trigger()
    assert "The whole factsheet" in page.target_label.text()
    qtbot.keyClicks(page.comment_text, "Overall: good.")
    qtbot.keyClick(page.comment_text, Qt.Key.Key_Return)
    assert stored(pl_store).review_comments[-1].path == ""
    package = tmp_path / "pl.eccp.json"
    write_package(stored(pl_store), package)
    with Store.open(tmp_path / "other.sqlite3") as other:
        other.import_factsheets([read_package(package)], actor="t")
        assert other.load("PL", 2023) == stored(pl_store)


def test_a_validated_factsheet_refuses_add_delete_and_says_why(
    qtbot, open_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "v.sqlite3"
    with Store.open(db) as s:
        s.import_factsheets([complete_factsheet("validated")], actor="t")
    w = open_window(db)
    table = clusters_page(w)
    assert not w.actions_.add_row.isEnabled() and not w.actions_.delete_rows.isEnabled()
    n = len(stored(db).clusters)
    table.add_row()  # the button's slot, called anyway
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    from eccp_desktop.editing import InsertItem, RemoveItem

    assert not w.doc.execute(RemoveItem("/clusters", 0))  # the operation refuses again
    assert not w.doc.execute(InsertItem("/clusters", 0, stored(db).clusters[0]))
    assert len(stored(db).clusters) == n and stored(db).status == "validated"
    assert w.editor.banner.isVisible() and "reopen" in w.editor.banner.text


def test_an_empty_store_says_how_to_get_a_factsheet(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QSettings

    w = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    assert w.open_store(str(tmp_path / "new.sqlite3"))
    assert "Import packages" in w.placeholder.text() and "Opening" not in w.placeholder.text()
    assert w.actions_.import_.isEnabled() and not w.actions_.export.isEnabled()
    w.close()
    w.store.close()


def test_the_read_only_window_follows_the_writer_and_offers_no_import(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    first = open_window(pl_store)
    second = open_window(pl_store)
    assert second.store.read_only
    assert not second.actions_.import_.isEnabled() and not second.actions_.add_row.isEnabled()
    clusters_page(first)
    assert first.doc.set("/clusters/0/members", 66)
    qtbot.waitUntil(lambda: second.doc.factsheet.clusters[0].members == 66, timeout=5000)


def test_an_empty_date_stays_empty_and_a_date_can_be_cleared(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    table = clusters_page(w)
    table.add_row()
    row = len(w.doc.factsheet.clusters) - 1
    col = table.model.column_of("founded")
    index = table.proxy.mapFromSource(table.model.index(row, col))
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # open and leave: still no date
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)
    assert stored(w.store.location.path).clusters[row].founded is None
    w.doc.set(f"/clusters/{row}/founded", dt.date(2015, 3, 1))
    table.view.edit(index)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)
    assert stored(w.store.location.path).clusters[row].founded is None
