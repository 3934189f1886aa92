"""Columns and labels fit the longest catalogs: Greek, Bulgarian, German, Polish, 1.5x pseudo.

A header or a navigator cell whose text is wider than its column is shown
cut ("Πολωνί…", "Stufenmodel…"): each is measured with the view's font.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eccp_desktop.i18n import set_language
from eccp_desktop.i18n.pseudo import PSEUDO
from eccp_desktop.ui.qt import QStyle, Qt, QTableView

pytestmark = pytest.mark.gui

# what a header section needs beside its text: margins and the sort arrow
HEADER_PADDING = 12


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


def cut_headers(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    cut = []
    for c in range(model.columnCount()):
        if header.isSectionHidden(c):
            continue
        text = str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        need = metrics.horizontalAdvance(text) + HEADER_PADDING
        if header.sectionSize(c) < need:
            cut.append(f"{text!r}: {header.sectionSize(c)} < {need}")
    return cut


def cut_cells(view: QTableView, column: int) -> list[str]:
    metrics = view.fontMetrics()
    model = view.model()
    width = view.columnWidth(column)
    # the item delegate's text margin on each side (QCommonStyle: focus frame + 1)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for r in range(model.rowCount()):
        text = str(model.index(r, column).data() or "")
        need = metrics.horizontalAdvance(text) + 2 * margin
        if need > width:
            cut.append(f"{text!r}: {width} < {need}")
    return cut


@pytest.mark.parametrize("lang", ["el", "bg", "de", "pl", PSEUDO])
def test_headers_and_navigator_fit(qtbot, open_window, pl_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    w.resize(1280, 800)
    w.set_ui_language(lang)
    qtbot.wait(1)
    problems = [f"navigator {p}" for p in cut_headers(w.navigator.view)]
    problems += [f"navigator {p}" for p in cut_cells(w.navigator.view, 0)]
    for i in range(len(w.editor.classes)):
        w.editor.show_page(i)
        qtbot.wait(1)
        page = w.editor.current_page()
        for table in getattr(page, "tables", []):
            problems += [f"{table.spec.path} {p}" for p in cut_headers(table.view)]
    assert not problems, problems
    # every page visited: the window still fits a 1280 x 800 screen
    assert w.minimumSizeHint().width() <= 1280, w.minimumSizeHint()


def test_import_preview_opens_readable(qtbot) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.exchange_dialogs import ImportPreview

    lines = ["replace Poland 2023 (version 12, 3 clusters, 4 policies) with pl-2023.eccp.json"]
    dialog = ImportPreview(None, lines, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() >= 640 and dialog.height() >= 400  # it opened tiny
    listing = dialog.listing
    assert listing.viewport().width() >= listing.fontMetrics().horizontalAdvance(lines[0])


@pytest.mark.parametrize("lang", ["en", "de", "el"])
def test_every_page_fits_a_1280x800_laptop(qtbot, open_window, pl_store: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A tall page scrolls inside the window; the window never grows past the screen."""
    w = open_window(pl_store)
    w.set_ui_language(lang)
    w.resize(1280, 800)
    for i, page in enumerate(w.editor.pages):
        w.editor.show_page(i)
        qtbot.wait(10)
        assert w.height() <= 800 and w.width() <= 1280, (lang, type(page).__name__, w.size())
    assert w.minimumSizeHint().height() <= 800
