"""*Mark as reviewed*: the reviewer's step, refused while comments are open, with the list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eccp_desktop.domain.model import ReviewComment
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import Qt
from tests.ui.test_cluster_flow import clusters_page
from tests.ui.test_workflow_review import ready_store, stored  # noqa: F401 (a fixture)

pytestmark = pytest.mark.gui


@pytest.fixture
def validated_store(ready_store: Path) -> Path:  # noqa: F811
    """PL signed off as validated, with one open expert comment on a cluster's members."""
    from eccp_desktop.workflow import transition

    with Store.open(ready_store) as s:
        fs, version = s.load_versioned("PL", 2023)
        fs.review_comments.append(
            ReviewComment(
                path="/clusters/0/members",
                author="Jan Kowalski",
                role="expert",
                text="Is 80 members right?",
                created=dt.datetime(2024, 2, 1, 10, tzinfo=dt.UTC),
            )
        )
        transition(fs, "submitted")
        transition(fs, "validated", by="Anna Nowak", organisation="Ministry")
        s.save(fs, base_version=version, actor="test")
    return ready_store


def record_page(w):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.record_page import RecordPage

    page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
    w.editor.show_page(w.editor.pages.index(page))
    return page


def open_review(qtbot, w):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.review_dialog import ReviewDialog

    w.actions_.mark_reviewed.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(ReviewDialog)))
    return next(d for d in w.findChildren(ReviewDialog) if d.isVisible())


def test_mark_as_reviewed_waits_for_the_open_comment(qtbot, open_window, validated_store) -> None:  # type: ignore[no-untyped-def]
    w = open_window(validated_store, reviewer=True, name=None)  # the reviewer's name not given yet
    assert w.actions_.mark_reviewed.isEnabled()
    dialog = open_review(qtbot, w)
    assert dialog.problems.isVisible() and dialog.problems.count() == 1
    line = dialog.problems.item(0).text()
    assert line.startswith("\u25cb Open review comment by Jan Kowalski: Is 80 members right?")
    assert "(Cluster organisations \u203a " in line and "/clusters/" not in line
    assert "1 open review comment" in dialog.message.text()
    assert dialog.by.text() == ""  # never the login name: asked here once

    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "needs your name and organisation" in dialog.message.text()
    qtbot.keyClicks(dialog.by, "Ewa Expert")
    qtbot.keyClicks(dialog.organisation, "European Cluster Alliance")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "refused: the comment is open"
    assert "while 1 review comment is open" in dialog.message.text()
    assert stored(validated_store).status == "validated"

    # a double-click on the comment goes to the field it is about
    item = dialog.problems.item(0)
    rect = dialog.problems.visualItemRect(item)
    qtbot.mouseClick(dialog.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: not dialog.isVisible())
    table = clusters_page(w)
    current = table.proxy.mapToSource(table.view.currentIndex())
    assert (current.row(), current.column()) == (0, table.model.column_of("members"))

    # resolve it on the record page, then the step is made
    page = record_page(w)
    page.comments.setCurrentItem(page.comments.topLevelItem(0))
    qtbot.mouseClick(page.resolve_button, Qt.MouseButton.LeftButton)
    assert stored(validated_store).review_comments[0].resolved
    dialog = open_review(qtbot, w)
    assert dialog.problems.count() == 0 and not dialog.problems.isVisible()
    assert "Nothing blocks it" in dialog.message.text()
    assert dialog.by.text() == "Ewa Expert"  # remembered from the settings
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not dialog.isVisible())
    fs = stored(validated_store)
    assert fs.status == "reviewed"
    assert fs.validation is not None and fs.validation.by == "Anna Nowak"  # the sign-off stays
    with Store.open(validated_store) as s:
        assert s.history_page("PL", 2023, limit=1)[0].actor == (
            "Ewa Expert (European Cluster Alliance)"
        )
    assert not w.actions_.mark_reviewed.isEnabled()
    assert "Status: Reviewed" in page.status.text()


def test_officers_do_not_mark_their_own_factsheet_reviewed(
    qtbot, open_window, validated_store
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(validated_store)
    assert not w.actions_.mark_reviewed.isEnabled()
    page = record_page(w)
    assert not page.review_button.isEnabled()
    # the operation refuses again (a stale menu, a shortcut) and says why
    refused = page.transition("reviewed", by="Anna Nowak", organisation="Ministry")
    assert refused is not None and "reviewer's step" in refused[0]
    assert "reviewer's step" in page.refusal.text()
    assert stored(validated_store).status == "validated"


def test_the_banner_follows_a_language_switch_and_draws_its_icon(
    qtbot, open_window, pl_store
) -> None:  # type: ignore[no-untyped-def]
    """Seen in a Bulgarian reviewer window: the banner stayed English, its 🔒 a missing glyph."""
    w = open_window(pl_store, reviewer=True)
    banner = w.editor.banner
    assert banner.text == "Reviewer mode: you can add and resolve review comments only."
    assert not banner.icon.pixmap().isNull()  # the style's icon, not an emoji the font lacks
    try:
        w.actions_.languages["bg"].trigger()  # View › interface language, as a user picks it
        assert banner.isVisible()
        assert banner.text == "Режим на рецензент: можете само да добавяте и приключвате коментари."
        assert banner.label.text() == banner.text  # no symbol glyph inside the text
        assert [b.text() for b in banner.buttons] == []  # a draft: nothing to reopen or review
    finally:
        w.actions_.languages["en"].trigger()
    assert banner.text.startswith("Reviewer mode")
