"""File › Import comments from PDF… and a PDF dropped on the window (#13).

The PDFs are exported from the window itself (so its export must keep the
layout map), annotated as readers do (pypdf's incremental update), then
brought back through the menu or a drop; the preview is accepted and the
store is checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest

from eccp_desktop.store import Store
from eccp_desktop.store.exports import find_export
from eccp_desktop.ui.qt import Qt
from eccp_desktop.ui.table_model import COMMENT_MARK
from tests.annotations.annotate import Note, centre_box, with_pypdf
from tests.annotations.conftest import entry

pytestmark = pytest.mark.gui


def window_export(qtbot, w, folder: Path, lang: str = "pl") -> tuple[Path, dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Export PDFs > one language, through the window's own dialog; (file, embedded map)."""
    import json

    from eccp_desktop.ui.pdf_dialogs import PdfExportDialog

    w.actions_.pdf_export.trigger()
    dialog = next(d for d in w.findChildren(PdfExportDialog) if d.isVisible())
    dialog.folder.setText(str(folder))
    for i in range(dialog.langs.count()):
        item = dialog.langs.item(i)
        wanted = item.data(Qt.ItemDataRole.UserRole) == lang
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=60_000)
    dialog.close()
    path = folder / f"pl-2023-{lang}.pdf"
    layout = json.loads(pypdf.PdfReader(path).attachments["eccp-layout-map.json"][0])
    return path, layout


class Previews:
    """Stands in for the preview's exec(): records what it lists, then presses a button."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, accept: bool = True) -> None:
        from eccp_desktop.ui import comments_dialogs

        self.shown: list[Any] = []
        self.accept = accept

        def exec_(dialog: Any) -> int:
            rows = []
            tree = dialog.remarks
            for i in range(tree.topLevelItemCount()):
                top = tree.topLevelItem(i)
                for item in [top] + [top.child(k) for k in range(top.childCount())]:
                    rows.append(
                        (
                            [item.text(c) for c in range(tree.columnCount())],
                            bool(item.flags() & Qt.ItemFlag.ItemIsEnabled),
                            item.parent() is not None,
                        )
                    )
            self.shown.append(
                {
                    "heading": dialog.heading.text(),
                    "note": dialog.note.text() if not dialog.note.isHidden() else "",
                    "rows": rows,
                    "import": not dialog.ok.isHidden() and dialog.ok.isEnabled(),
                }
            )
            if self.accept and dialog.ok.isEnabled() and not dialog.ok.isHidden():
                qtbot_click(dialog.ok)
            else:
                dialog.reject()
            return int(dialog.result())

        monkeypatch.setattr(comments_dialogs.CommentsPreview, "exec", exec_)


def qtbot_click(button: Any) -> None:
    button.click()


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    from eccp_desktop.ui import comments_dialogs

    monkeypatch.setattr(
        comments_dialogs.QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(path), "PDF files (*.pdf)"),
    )


def comments_of(db: Path) -> list[Any]:
    with Store.open(db, read_only=True) as s:
        return s.load("PL", 2023).review_comments


def policies_page(w):  # type: ignore[no-untyped-def]
    """The policies table, its page shown (pages are built when first shown)."""
    for i, page in enumerate(w.editor.pages):
        for table in getattr(page, "tables", []):
            if table.model.list_path == "/policies":
                w.editor.show_page(i)
                return table
    raise AssertionError("no policies table")


def test_menu_import_previews_then_puts_comments_beside_their_fields(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    pdf_path, layout = window_export(qtbot, w, tmp_path)
    # the window's export kept the map, under the PDF's export id, with its exact size
    record = find_export(w.store, layout["export_id"])
    assert record is not None and record.size == pdf_path.stat().st_size
    assert (record.country, record.edition, record.lang) == ("PL", 2023, "pl")

    budget = entry(layout, "/policies/0/budget_eur")
    title = entry(layout, "/policies/0/title")
    notes = [
        Note("Text", budget[0], centre_box(budget, 3), "Is this the 2023 budget?", name="a"),
        Note(
            "Highlight",
            title[0],
            centre_box(title),
            "Official title?",
            name="b",
            quads=[centre_box(title)],
            author="Jan Kowalski",
        ),
        Note("Text", budget[0], centre_box(budget, 4), "Yes, from the ministry.", name="c", irt=0),
        Note("Text", 1, (5, 5, 20, 20), "Margin remark", name="d"),  # over no item
    ]
    annotated = tmp_path / "reviewed.pdf"
    annotated.write_bytes(with_pypdf(pdf_path.read_bytes(), notes))
    previews = Previews(monkeypatch)
    choose(monkeypatch, annotated)
    assert w.actions_.import_comments.isEnabled()
    w.actions_.import_comments.trigger()
    qtbot.waitUntil(lambda: bool(previews.shown), timeout=30_000)
    qtbot.waitUntil(lambda: len(comments_of(pl_store)) == 4, timeout=10_000)

    shown = previews.shown[0]
    assert "reviewed.pdf" in shown["heading"] and "Poland 2023" in shown["heading"]
    assert "4 new comments" in shown["heading"] and shown["note"] == ""  # incremental: exact
    rows = {r[0][4]: r for r in shown["rows"]}  # by the note
    author, kind, place, _quote, _note, marks = rows["Is this the 2023 budget?"][0]
    assert (author, kind, marks) == ("Anna Expert", "Sticky note", "")
    assert place.startswith("Policies › ") and place.endswith("› Budget (EUR)")
    assert rows["Official title?"][0][1] == "Highlight"
    assert rows["Official title?"][0][3] == title[6]  # the marked text, quoted
    assert rows["Yes, from the ministry."][2], "a reply is listed under its remark"
    assert rows["Margin remark"][0][5] == "placed by page"

    got = {c.key.rsplit(":", 1)[1]: c for c in comments_of(pl_store)}
    assert got["a"].path == "/policies/0/budget_eur" and got["a"].role == "expert"
    assert got["b"].path == "/policies/0/title" and got["b"].author == "Jan Kowalski"
    assert got["c"].reply_to == got["a"].key
    assert got["d"].placed_by_page
    # the open window shows them beside their fields, at once
    page = policies_page(w)
    col = page.model.column_of("budget_eur")
    assert COMMENT_MARK in page.model.index(0, col).data()
    assert "comment" in w.statusBar().currentMessage()


def test_second_import_greys_what_is_there_and_offers_no_import(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    pdf_path, layout = window_export(qtbot, w, tmp_path)
    e = entry(layout, "/tier_schemes/0/tiers/2/min_members")
    annotated = tmp_path / "reviewed.pdf"
    annotated.write_bytes(with_pypdf(pdf_path.read_bytes(), [Note("Square", e[0], e[1:5], "51?")]))
    previews = Previews(monkeypatch)
    choose(monkeypatch, annotated)
    for _round in range(2):
        w.actions_.import_comments.trigger()
        qtbot.waitUntil(lambda n=_round + 1: len(previews.shown) == n, timeout=30_000)
    first, second = previews.shown
    assert first["import"] and first["rows"][0][1] is True
    assert not second["import"], "nothing new: Import is not offered"
    ((cells, enabled, _reply),) = second["rows"]
    assert not enabled and cells[5] == "already imported" and cells[1] == "Rectangle"
    assert [c.path for c in comments_of(pl_store)] == ["/tier_schemes/0/tiers/2/min_members"]


def test_reviewer_mode_imports_comments(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store, reviewer=True)
    pdf_path, layout = window_export(qtbot, w, tmp_path, lang="en")
    e = entry(layout, "/sections/policy_overview")
    annotated = tmp_path / "reviewed.pdf"
    annotated.write_bytes(
        with_pypdf(pdf_path.read_bytes(), [Note("Squiggly", e[0], centre_box(e), "Typo", quads=[centre_box(e)])])
    )  # fmt: skip
    previews = Previews(monkeypatch)
    assert not w.actions_.import_.isEnabled() and w.actions_.import_comments.isEnabled()
    choose(monkeypatch, annotated)
    w.actions_.import_comments.trigger()
    qtbot.waitUntil(lambda: len(comments_of(pl_store)) == 1, timeout=30_000)
    (c,) = comments_of(pl_store)
    assert (c.path, c.text, c.role) == ("/sections/policy_overview", "Typo", "expert")
    assert previews.shown[0]["rows"][0][0][1] == "Squiggly underline"


def test_drop_a_pdf_brings_its_comments_and_bad_ones_get_one_message(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    w = open_window(pl_store)
    pdf_path, layout = window_export(qtbot, w, tmp_path)
    e = entry(layout, "/policies/0/budget_eur")
    good = tmp_path / "reviewed.pdf"
    good.write_bytes(with_pypdf(pdf_path.read_bytes(), [Note("Text", e[0], e[1:5], "Budget?")]))
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("these are my notes", encoding="utf-8")
    flattened = pdf_path  # exported, never annotated: nothing to import
    # another store's export: its id is unknown here
    from eccp_desktop.annotations import exports

    other = tmp_path / "other.pdf"
    other.write_bytes(with_pypdf(exports.render(w.doc.factsheet, "en").pdf, [Note("Text", 1, (50, 50, 90, 90), "x")]))  # fmt: skip
    previews = Previews(monkeypatch)

    def drop(*paths: Path) -> None:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        event = QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        w.dropEvent(event)

    drop(not_pdf, flattened, other, good)  # read one after the other
    qtbot.waitUntil(lambda: len(previews.shown) == 4, timeout=60_000)
    refused = [p["heading"] for p in previews.shown[:3]]
    assert refused[0] == f"\u2716 {not_pdf} is not a PDF file"
    assert "has no annotations" in refused[1] and "\n" not in refused[1]
    assert "was not exported from this store" in refused[2]
    assert not any(p["import"] for p in previews.shown[:3]) and previews.shown[3]["import"]
    qtbot.waitUntil(lambda: len(comments_of(pl_store)) == 1, timeout=10_000)
    assert comments_of(pl_store)[0].path == "/policies/0/budget_eur"


def test_read_only_window_refuses(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.annotations import exports
    from eccp_desktop.ui.comments_dialogs import import_comments

    with Store.open(pl_store) as s:  # exported from the command line into this store
        rendered = exports.render(s.load("PL", 2023), "pl")
        assert exports.keep(s, rendered) is None
    e = entry(rendered.layout.to_json(), "/policies/0/budget_eur")
    annotated = tmp_path / "reviewed.pdf"
    annotated.write_bytes(with_pypdf(rendered.pdf, [Note("Text", e[0], e[1:5], "Budget?")]))
    first = open_window(pl_store)
    second = open_window(pl_store)  # the store is locked by the first: read-only here
    assert second.store.read_only and first.actions_.import_comments.isEnabled()
    assert not second.actions_.import_comments.isEnabled()
    previews = Previews(monkeypatch)
    import_comments(second, [str(annotated)])  # a stale drop or shortcut: refused again
    assert "read-only" in second.statusBar().currentMessage()
    assert previews.shown == [] and comments_of(pl_store) == []
