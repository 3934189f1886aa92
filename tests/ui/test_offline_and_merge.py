"""The window on a store others write to (#15): a server that goes away, a field both changed.

Driven like a user: typing in the text of a section. The store's answer is
what counts: what was typed while the server was away is saved once it is
back; an edit of a field someone else changed meanwhile is merged, or goes
to the merge view where the user chooses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.store import Store
from eccp_desktop.store.errors import StoreUnreachableError
from eccp_desktop.ui.qt import Qt

pytestmark = pytest.mark.gui


def _sections(w):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pages import SectionsPage

    page = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    w.editor.show_page(w.editor.pages.index(page))
    text = page.editor.editor
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    return page.editor, text


def _stored_text(store_path: Path) -> str:
    with Store.open(store_path) as s:
        return s.load("PL", 2023).sections["economic_context"]["en"]


def test_typing_while_the_server_is_away_waits_in_the_field_and_is_saved_when_back(
    qtbot, open_window, pl_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    w._watch_store()  # a server store is watched; here the poll watcher stands in
    field, text = _sections(w)
    before = text.toPlainText()
    qtbot.keyClicks(text, " A")
    assert _stored_text(pl_store) == before + " A"

    real_save = w.store.save

    def away(*_a, **_k):  # type: ignore[no-untyped-def]
        raise StoreUnreachableError("the store db.example cannot be reached: nothing was written")

    monkeypatch.setattr(w.store, "save", away)
    qtbot.keyClicks(text, "B")  # the server went away on this keystroke
    assert w.offline
    assert w.connection_label.isVisible()
    assert "retrying" in w.connection_label.text()
    assert text.toPlainText() == before + " AB"  # nothing typed is lost
    assert text.isReadOnly() and not w.actions_.undo.isEnabled()
    assert "Not saved yet" in field.problem.text()
    assert "connection" in w.editor.banner.text.lower()
    assert _stored_text(pl_store) == before + " A"  # acknowledged: on the store

    qtbot.keyClicks(text, "C")  # read-only now: nothing changes
    assert text.toPlainText() == before + " AB"

    monkeypatch.setattr(w.store, "save", real_save)  # the server is back
    qtbot.waitUntil(lambda: not w.offline, timeout=8000)  # the watcher listens again
    assert _stored_text(pl_store) == before + " AB"
    assert not w.connection_label.isVisible()
    assert not text.isReadOnly()
    assert "Not saved yet" not in field.problem.text()
    qtbot.keyClicks(text, "D")
    assert _stored_text(pl_store) == before + " ABD"


def _save_elsewhere(store_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    with Store.open(store_path) as other:
        fs, v = other.load_versioned("PL", 2023)
        change(fs)
        other.save(fs, base_version=v, actor="bartek")


def test_an_edit_of_another_field_saved_meanwhile_is_merged(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    _field, text = _sections(w)
    before = text.toPlainText()
    # not heard yet (no watcher): the window is a version behind
    _save_elsewhere(pl_store, lambda fs: setattr(fs.policies[0], "budget_eur", 123))
    qtbot.keyClicks(text, " Mine.")
    with Store.open(pl_store) as s:
        fs = s.load("PL", 2023)
    assert fs.sections["economic_context"]["en"] == before + " Mine."
    assert fs.policies[0].budget_eur == 123
    assert "bartek" in w.statusBar().currentMessage()
    assert text.toPlainText() == before + " Mine."


def test_the_same_field_changed_by_both_opens_the_merge_view(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    _field, text = _sections(w)
    before = text.toPlainText()
    _save_elsewhere(
        pl_store, lambda fs: fs.sections["economic_context"].__setitem__("en", "His text.")
    )
    qtbot.keyClicks(text, "!")
    dialog = w.merge_dialog
    assert dialog is not None and dialog.isVisible()
    tree = dialog.table.tree
    assert tree.topLevelItemCount() == 1
    row = tree.topLevelItem(0)
    assert "His text." in row.text(3) and before[:20] in row.text(2)
    assert row.toolTip(2) == before + "!"  # the whole text, where the cell shows its start
    assert not dialog.ok.isEnabled()  # nothing saved before a choice
    assert _stored_text(pl_store) == "His text."
    combo = tree.itemWidget(row, 4)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # — choose — -> Keep mine
    assert combo.currentText() == "Keep mine"
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert _stored_text(pl_store) == before + "!"
    assert text.toPlainText() == before + "!"


def test_cancelling_the_merge_view_keeps_theirs(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    _field, text = _sections(w)
    _save_elsewhere(
        pl_store, lambda fs: fs.sections["economic_context"].__setitem__("en", "His text.")
    )
    qtbot.keyClicks(text, "!")
    dialog = w.merge_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _stored_text(pl_store) == "His text."
    assert text.toPlainText() == "His text."
    assert "bartek" in w.editor.banner.text
