"""Table models, the document and a text field, without a main window."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.editing import EditingSession
from eccp_desktop.store import Store
from eccp_desktop.ui.columns import CLUSTERS, POLICIES, PROGRAMMES
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.qt import Qt
from eccp_desktop.ui.table_model import KindRole, ListTableModel, PathRole, ProblemsRole

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(qapp, pl_store: Path):  # type: ignore[no-untyped-def]
    store = Store.open(pl_store)
    d = Document(EditingSession(store, "PL", 2023, actor="tester"))
    d.validate_now()
    yield d
    store.close()


def stored(doc: Document):  # type: ignore[no-untyped-def]
    return doc.session.store.load("PL", 2023)


def test_cluster_table_reads_and_writes_the_store(doc: Document) -> None:
    m = ListTableModel(doc, CLUSTERS)
    assert (m.rowCount(), m.columnCount()) == (1, len(CLUSTERS.columns))
    members = m.index(0, m.column_of("members"))
    assert members.data() == "80"
    assert members.data(Qt.ItemDataRole.EditRole) == 80
    assert members.data(PathRole) == "/clusters/0/members"
    assert members.data(KindRole) == "int"
    assert m.headerData(m.column_of("sme_members"), Qt.Orientation.Horizontal) == "SME members"
    assert m.setData(members, 12)
    assert stored(doc).clusters[0].members == 12
    doc.validate_now()
    problems = members.data(ProblemsRole)
    assert [p.rule for p in problems] == ["cluster.members_below_tier_minimum"]
    assert members.data().startswith("\u2716 ")  # marked in the text, not by colour alone
    assert "51" in members.data(Qt.ItemDataRole.ToolTipRole)
    doc.undo_stack.undo()
    assert stored(doc).clusters[0].members == 80


def test_rows_added_moved_removed_in_one_step_each(doc: Document) -> None:
    m = ListTableModel(doc, CLUSTERS)
    m.add_row()
    m.setData(m.index(1, 0), "Second")
    m.add_row()
    m.setData(m.index(2, 0), "Third")
    assert [c.name for c in stored(doc).clusters] == ["Mazovia ICT Cluster", "Second", "Third"]
    m.move_row(2, -1)
    assert [c.name for c in stored(doc).clusters] == ["Mazovia ICT Cluster", "Third", "Second"]
    m.remove_rows([0, 2])
    assert [c.name for c in stored(doc).clusters] == ["Third"]
    doc.undo_stack.undo()  # the multi-row delete is one step
    assert len(stored(doc).clusters) == 3


def test_localized_column_edits_the_content_language(doc: Document) -> None:
    m = ListTableModel(doc, POLICIES)
    title = m.index(0, m.column_of("title"))
    en = title.data(Qt.ItemDataRole.EditRole)
    m.set_language("pl")
    title = m.index(0, m.column_of("title"))
    assert title.data(PathRole) == "/policies/0/title/pl"
    m.setData(title, "Krajowe Klastry Kluczowe (test)")
    assert stored(doc).policies[0].title == {**stored(doc).policies[0].title, "en": en}
    assert stored(doc).policies[0].title["pl"] == "Krajowe Klastry Kluczowe (test)"


def test_detail_table_follows_its_owner(doc: Document) -> None:
    m = ListTableModel(doc, PROGRAMMES, "-")
    assert m.rowCount() == 0
    m.set_owner("/policies/1")
    assert m.rowCount() == len(doc.factsheet.policies[1].programmes)
    assert m.index(0, 0).data(PathRole) == "/policies/1/programmes/0/title/en"


def test_reviewer_document_refuses_edits(qapp, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(pl_store) as store:
        d = Document(EditingSession(store, "PL", 2023, actor="x"), reviewer=True)
        m = ListTableModel(d, CLUSTERS)
        index = m.index(0, m.column_of("members"))
        assert not m.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not m.setData(index, 1)
        assert store.load("PL", 2023).clusters[0].members == 80


def test_typing_in_a_text_merges_into_one_undo_step(qtbot, doc: Document) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.text_field import MISSING, LocalizedTextEdit

    field = LocalizedTextEdit(doc, "/sections/annex")
    qtbot.addWidget(field)
    field.show()
    before = stored(doc).sections.get("annex", {}).get("en", "")
    field.editor.moveCursor(field.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(field.editor, " More.")
    assert stored(doc).sections["annex"]["en"] == before + " More."  # saved as typed
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert stored(doc).sections.get("annex", {}).get("en", "") == before
    # the Polish tab says the translation is missing, in its text
    assert MISSING in field.tabs.tabText(1)
    field.select_language("pl")
    qtbot.keyClicks(field.editor, "Aneks")
    assert stored(doc).sections["annex"]["pl"] == "Aneks"
    assert MISSING not in field.tabs.tabText(1)


def test_a_change_saved_elsewhere_reloads_instead_of_overwriting(
    doc: Document, pl_store: Path
) -> None:
    failed: list[str] = []
    doc.failed.connect(failed.append)
    m = ListTableModel(doc, CLUSTERS)
    m.setData(m.index(0, m.column_of("members")), 70)
    with Store.open(pl_store) as other:  # e.g. an import from the command line
        fs, v = other.load_versioned("PL", 2023)
        fs.clusters[0].name = "Renamed elsewhere"
        other.save(fs, base_version=v, actor="cli")
    assert not m.setData(m.index(0, m.column_of("members")), 71)
    assert failed and "changed elsewhere by cli" in failed[-1]  # who, and that it was reloaded
    assert doc.factsheet.clusters[0].name == "Renamed elsewhere"
    assert m.index(0, 0).data() == "Renamed elsewhere"
    assert stored(doc).clusters[0].members == 70
    assert doc.undo_stack.count() == 0


def test_dates_and_numbers_follow_the_ui_language_texts_the_content_language() -> None:
    import datetime as dt

    from eccp_desktop.i18n import set_language
    from eccp_desktop.ui.columns import Column
    from eccp_desktop.ui.table_model import display

    set_language("de")
    try:
        assert (
            display(Column("founded", "Founded", "date"), dt.date(2012, 5, 1), "en") == "01.05.2012"
        )
        assert display(Column("members", "Members", "int"), 12500, "en") == "12.500"
        assert display(Column("name", "Name", "ltext"), {"en": "A", "pl": "B"}, "pl") == "B"
    finally:
        set_language("en")


def test_open_review_comments_show_beside_the_text(doc: Document, qtbot) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.domain.model import ReviewComment
    from eccp_desktop.ui.text_field import LocalizedTextEdit

    field = LocalizedTextEdit(doc, "/sections/economic_context")
    qtbot.addWidget(field)
    assert field.comments.isHidden()
    comment = ReviewComment(
        "/sections/economic_context/pl", "Expert A", "expert", "Cite the source"
    )
    doc.session.append("/review_comments", comment)
    assert not field.comments.isHidden()
    assert "Expert A: Cite the source" in field.comments.text()
    n = len(doc.factsheet.review_comments) - 1
    doc.session.set(f"/review_comments/{n}/resolved", True)
    assert field.comments.isHidden()
