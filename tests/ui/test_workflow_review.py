"""Sign-off refused with errors and accepted after fixing; reviewer mode; a second window."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, Qt
from eccp_desktop.ui.table_model import COMMENT_MARK
from tests.ui.test_cluster_flow import clusters_page, edit_cell

pytestmark = pytest.mark.gui


def stored(path: Path):  # type: ignore[no-untyped-def]
    with Store.open(path) as s:
        return s.load("PL", 2023)


def sign_off(qtbot, w):  # type: ignore[no-untyped-def]
    w.actions_.sign_off.trigger()
    from eccp_desktop.ui.record_page import SignOffDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(SignOffDialog)))
    dialog = next(d for d in w.findChildren(SignOffDialog) if d.isVisible())
    qtbot.keyClicks(dialog.by, "Anna Nowak")
    qtbot.keyClicks(dialog.organisation, "Ministry of Development and Technology")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    return dialog


@pytest.fixture
def ready_store(pl_store: Path) -> Path:
    """PL with everything a validated factsheet needs (checked by the workflow)."""
    from eccp_desktop.domain.model import Assessment
    from eccp_desktop.workflow import blocking_problems

    with Store.open(pl_store) as s:
        fs, version = s.load_versioned("PL", 2023)
        for dim in ("evaluation", "approach", "continuity", "consistency"):
            a = fs.policy_assessment.setdefault(dim, Assessment())
            a.rating = a.rating or "medium"
            a.text.setdefault("en", "Justified.")
        for p in fs.policies:
            p.authority = p.authority or "Ministry of Development and Technology"
        for n, c in enumerate(fs.cohesion_programmes, start=1):
            c.cci = c.cci or f"2021PL16RFPR{n:03d}"
            c.policy_objectives = c.policy_objectives or ["PO1"]
        assert [r.rule for r in blocking_problems(fs, "validated")] == ["validation.record_missing"]
        s.save(fs, base_version=version, actor="test")
    return pl_store


def test_sign_off_refused_with_errors_then_accepted(qtbot, open_window, ready_store: Path) -> None:  # type: ignore[no-untyped-def]
    pl_store = ready_store
    w = open_window(pl_store)
    table = clusters_page(w)
    edit_cell(qtbot, table, 0, "members", "30")  # below the key national minimum of 51

    dialog = sign_off(qtbot, w)
    assert dialog.isVisible(), "a refused sign-off keeps the dialog open"
    listed = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(
        "(Cluster organisations \u203a Mazovia ICT Cluster \u203a Members)" in line
        for line in listed
    )
    assert stored(pl_store).status == "draft"
    dialog.reject()

    clusters_page(w)
    edit_cell(qtbot, table, 0, "members", "60")
    dialog = sign_off(qtbot, w)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    fs = stored(pl_store)
    assert fs.status == "validated"
    assert fs.validation is not None
    assert (fs.validation.by, fs.validation.organisation) == (
        "Anna Nowak",
        "Ministry of Development and Technology",
    )
    # undo never crosses the sign-off; the factsheet is locked and says why
    assert not w.actions_.undo.isEnabled()
    w.actions_.undo.trigger()
    assert stored(pl_store).status == "validated"
    banner = w.editor.banner
    assert banner.isVisible() and "reopen" in banner.text
    assert not w.actions_.add_row.isEnabled() and not w.actions_.delete_rows.isEnabled()
    assert not table.add_button.isEnabled()
    qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)  # Reopen
    assert stored(pl_store).status == "draft"
    assert not banner.isVisible() and w.actions_.add_row.isEnabled()


def test_reviewer_mode_cannot_change_data_but_can_comment(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    before = stored(pl_store)
    w = open_window(pl_store, reviewer=True)
    table = clusters_page(w)
    col = table.model.column_of("members")
    index = table.proxy.mapFromSource(table.model.index(0, col))
    rect = table.view.visualRect(index)
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is table.view, "no editor opens in reviewer mode"
    qtbot.keyClicks(table.view, "5")
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert not table.add_button.isEnabled()

    from eccp_desktop.ui.pages import SectionsPage

    sections = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    w.editor.show_page(w.editor.pages.index(sections))
    assert sections.editor.editor.isReadOnly()
    qtbot.keyClicks(sections.editor.editor, "extra words")
    assert not w.actions_.undo.isEnabled()

    from eccp_desktop.ui.record_page import RecordPage

    page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
    assert not page.sign_button.isEnabled()
    # comment on the members cell: focus it, Ctrl+Alt+M, type, Enter
    clusters_page(w)
    table.focus_cell(0, col)
    qtbot.keyClick(
        table.view,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert page.isVisible() and page.comment_text.hasFocus()
    qtbot.keyClicks(page.comment_text, "Is 80 members right?")
    qtbot.keyClick(page.comment_text, Qt.Key.Key_Return)
    assert table.model.index(0, col).data().endswith(COMMENT_MARK)  # shown beside the value

    after = stored(pl_store)
    assert [(c.path, c.text, c.role) for c in after.review_comments] == [
        ("/clusters/0/members", "Is 80 members right?", "expert")
    ]
    after.review_comments = []
    assert after == before


def test_second_window_on_the_same_store_is_read_only(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(pl_store)
    second = open_window(pl_store)
    assert first.doc.editable
    assert second.locked_out and second.store.read_only
    assert not second.doc.editable
    assert "read-only" in second.windowTitle()
    assert second.notice.isVisible() and "another window" in second.notice.text()
    assert "read-only" in second.store_label.text()
    assert not second.doc.set("/clusters/0/members", 1)
    assert stored(pl_store).clusters[0].members == 80
