"""Review comments in the window as reviewers expect them (#17, item 10).

Counts of open comments in the navigator, a comment a double-click away from
its field, and the author's name asked once (never the OS login).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, QDialog, Qt

pytestmark = pytest.mark.gui


def _record(w):  # type: ignore[no-untyped-def]
    page = next(p for p in w.editor.pages if type(p).__name__ == "RecordPage")
    w.editor.show_page(w.editor.pages.index(page))
    return page


def _comment_on_cell(qtbot, w, text: str) -> str:  # type: ignore[no-untyped-def]
    """Focus the first policy's budget cell, comment on it (Ctrl+Alt+M), type, Enter."""
    page = next(p for p in w.editor.pages if type(p).__name__ == "PoliciesPage")
    w.editor.show_page(w.editor.pages.index(page))
    table = page.tables[0]
    table.focus_cell(0, table.model.column_of("budget_eur"))
    qtbot.waitUntil(lambda: w.editor.focused_path() == "/policies/0/budget_eur", timeout=3000)
    w.actions_.comment.trigger()
    record = _record(w)
    qtbot.keyClicks(record.comment_text, text)
    qtbot.keyClick(record.comment_text, Qt.Key.Key_Return)
    return str(record.target_path)


def _counts(w, country: str):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.navigator import COMMENTS

    m = w.navigator.model
    row = next(i for i, r in enumerate(m.rows) if r.country == country)
    return m.index(row, COMMENTS).data()


def test_open_comments_are_counted_in_the_navigator(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.domain.model import ReviewComment

    with Store.open(pl_store) as s:  # another factsheet with two open and one resolved
        fs, v = s.load_versioned("CZ", 2023)
        fs.review_comments += [
            ReviewComment(path="/clusters", author="E", text="One"),
            ReviewComment(path="/policies", author="E", text="Two"),
            ReviewComment(path="/sources", author="E", text="Done", resolved=True),
        ]
        s.save(fs, base_version=v, actor="expert")
    w = open_window(pl_store)
    qtbot.waitUntil(lambda: _counts(w, "CZ") == "2", timeout=20000)  # counted off the GUI thread
    before = int(_counts(w, "PL"))
    _comment_on_cell(qtbot, w, "Which year?")
    qtbot.waitUntil(lambda: _counts(w, "PL") == str(before + 1), timeout=5000)
    record = _record(w)
    record.comments.setCurrentItem(
        record.comments.topLevelItem(record.comments.topLevelItemCount() - 1)
    )
    qtbot.mouseClick(record.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _counts(w, "PL") == str(before), timeout=5000)
    header = w.navigator.model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header == "Open review comments"


def test_double_clicking_a_comment_shows_its_field(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    place = _comment_on_cell(qtbot, w, "Budget for clusters only?")
    assert place == "/policies/0/budget_eur"
    record = _record(w)
    item = record.comments.topLevelItem(record.comments.topLevelItemCount() - 1)
    rect = record.comments.visualItemRect(item)
    # as a mouse does it: a click, then the double click (Qt's view needs the press first)
    qtbot.mouseClick(record.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(record.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.editor.focused_path() == "/policies/0/budget_eur"
    assert type(w.editor.pages[w.editor.stack.currentIndex()]).__name__ == "PoliciesPage"


def test_the_authors_name_is_asked_once_never_the_login(
    qtbot, open_window, pl_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui import identity

    asked: list[str] = []

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        asked.append(dialog.windowTitle())
        dialog.name.setFocus()
        dialog.name.insert("Dr Ewa Zielińska")  # QTest types ASCII only
        qtbot.keyClicks(dialog.organisation, "European Cluster Alliance")
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(identity.IdentityDialog, "exec", answer)
    w = open_window(pl_store, name=None)
    _comment_on_cell(qtbot, w, "First remark.")
    _comment_on_cell(qtbot, w, "Second remark.")
    assert asked == ["Who writes this comment?"]  # once
    with Store.open(pl_store) as s:
        authors = [c.author for c in s.load("PL", 2023).review_comments[-2:]]
    assert authors == ["Dr Ewa Zielińska (European Cluster Alliance)"] * 2


def test_a_comment_is_not_added_while_the_name_is_refused(
    qtbot, open_window, pl_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui import identity

    monkeypatch.setattr(
        identity.IdentityDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected)
    )
    w = open_window(pl_store, name=None)
    before = len(w.doc.factsheet.review_comments)
    _comment_on_cell(qtbot, w, "Anonymous?")
    assert len(w.doc.factsheet.review_comments) == before
    assert _record(w).comment_text.text() == "Anonymous?"  # kept: nothing typed is lost
    assert QApplication.focusWidget() is not None


@pytest.mark.parametrize("lang", ["el", "de", "bg"])
def test_the_comment_box_placeholder_is_not_cut(
    qtbot, open_window, pl_store: Path, lang: str
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.i18n import set_language

    w = open_window(pl_store)
    w.resize(1280, 800)
    w.set_ui_language(lang)
    try:
        record = _record(w)
        qtbot.waitUntil(record.comment_text.isVisible)
        box = record.comment_text
        text = box.placeholderText()
        assert text and text != "A comment on the selected field or row…"
        assert box.fontMetrics().horizontalAdvance(text) < box.width() - 8, (lang, text)
    finally:
        set_language("en")
