"""PDF export off the GUI thread, the QtPdf preview, and import with a preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.exchange import read_package, write_package
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import Qt

pytestmark = pytest.mark.gui


def test_pdf_export_dialog_writes_the_chosen_languages(
    qtbot, demo_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pdf_dialogs import PdfExportDialog

    fs = demo_store.load("PL", 2023)
    dialog = PdfExportDialog(None, fs)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path))
    dialog.langs.item(1).setCheckState(Qt.CheckState.Unchecked)  # English only
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=60_000)
    out = tmp_path / "pl-2023-en.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "pl-2023-pl.pdf").exists()
    assert dialog.bar.value() == dialog.bar.maximum()


def test_pdf_preview_shows_pages(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pdf_dialogs import PdfPreview

    preview = PdfPreview(None, demo_store.load("PL", 2023), "pl")
    qtbot.addWidget(preview)
    assert "pl" in preview.windowTitle()
    assert preview.message.text() == "Rendering Polski (pl)…"  # off the GUI thread
    qtbot.waitUntil(lambda: preview.document.pageCount() >= 1, timeout=30000)
    assert preview.message.text() == ""
    first = preview.document.pageCount()
    preview.language.setCurrentIndex(preview.language.findData("en"))
    assert "en" in preview.windowTitle()
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        pass
    assert preview.document.pageCount() >= 1
    assert preview.document.getAllText(0).text() != ""  # a new document was loaded
    assert first >= 1


def test_import_preview_says_what_is_added_and_replaced(
    demo_store: Store, tmp_path: Path, demo_files: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.exchange_dialogs import preview

    pl = read_package(next(p for p in demo_files if p.name.startswith("pl")))
    new = read_package(next(p for p in demo_files if p.name.startswith("pl")))
    new.edition = 2024
    new.reference_date = None
    new.__post_init__()
    write_package(pl, tmp_path / "pl.eccp.json")
    write_package(new, tmp_path / "pl-2024.eccp.json")
    (tmp_path / "bad.eccp.json").write_text("{}", encoding="utf-8")
    sheets, lines, errors = preview(
        demo_store,
        [str(tmp_path / n) for n in ("pl.eccp.json", "pl-2024.eccp.json", "bad.eccp.json")],
    )
    assert [fs.ident for fs in sheets] == [("PL", 2023), ("PL", 2024)]
    assert lines[0].startswith("replace Poland 2023")
    assert lines[1] == "add Poland 2024 — ⚠ not signed"
    assert errors
    assert [s.edition for s in demo_store.list() if s.country == "PL"] == [2023]  # nothing written


def test_drop_a_package_on_the_window_imports_it_after_the_preview(  # type: ignore[no-untyped-def]
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from eccp_desktop.ui import exchange_dialogs

    w = open_window(pl_store)
    new = w.doc.factsheet
    import copy

    new = copy.deepcopy(new)
    new.edition = 2024
    new.reference_date = None
    new.__post_init__()
    write_package(new, tmp_path / "pl-2024.eccp.json")
    shown: list[list[str]] = []

    def accept(dialog) -> int:  # type: ignore[no-untyped-def]
        shown.append(
            [dialog.findChild(exchange_dialogs.QListWidget).item(i).text() for i in range(2)]
        )
        return exchange_dialogs.QDialog.DialogCode.Accepted

    monkeypatch.setattr(exchange_dialogs.ImportPreview, "exec", accept)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "pl-2024.eccp.json"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    w.dropEvent(event)
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)  # read, plan, write off the GUI thread
    assert shown == [["add Poland 2024", "pl-2024.eccp.json: ⚠ not signed"]]
    with Store.open(pl_store) as s:
        assert [x.edition for x in s.list() if x.country == "PL"] == [2023, 2024]
    assert w.navigator.model.row_of("PL", 2024) >= 0


def test_export_package_writes_what_is_open(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui import signing_dialogs

    target = tmp_path / "out.eccp.json"

    def export_unsigned(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.path.setText(str(target))  # "Sign with…" left at "Not signed"
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)  # off the GUI thread
        return int(dialog.result())

    monkeypatch.setattr(signing_dialogs.ExportPackageDialog, "exec", export_unsigned)
    w = open_window(pl_store)
    w.actions_.export.trigger()
    assert read_package(target) == w.doc.factsheet


def test_preview_zooms_pages_prints_and_closes_on_esc(
    qtbot, demo_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from eccp_desktop.ui.pdf_dialogs import PdfPreview

    preview = PdfPreview(None, demo_store.load("PL", 2023), "pl")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: preview.document.pageCount() >= 2, timeout=30000)
    assert preview.language.currentText() == "Polski (pl)"
    pages = preview.document.pageCount()
    assert pages >= 2
    assert preview.page_label.text() == f"Page 1 of {pages}"
    qtbot.mouseClick(preview.next, Qt.MouseButton.LeftButton)
    assert preview.page_label.text() == f"Page 2 of {pages}"
    before = preview.view.zoomFactor()
    qtbot.mouseClick(preview.zoom_in, Qt.MouseButton.LeftButton)
    assert preview.view.zoomFactor() > before
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_pdf(printer)
    printed = QPdfDocument(preview)
    printed.load(str(tmp_path / "printed.pdf"))
    assert printed.pageCount() == pages
    qtbot.keyClick(preview.view, Qt.Key.Key_Escape)
    assert not preview.isVisible()


def test_export_dialog_names_languages_and_counts_in_words(
    qtbot, demo_store: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pdf_dialogs import PdfExportDialog

    dialog = PdfExportDialog(None, demo_store.load("PL", 2023))
    qtbot.addWidget(dialog)
    names = [dialog.langs.item(i).text() for i in range(dialog.langs.count())]
    assert names[:2] == ["English (en)", "Polski (pl)"]
    dialog.folder.setText(str(tmp_path))
    dialog.langs.item(0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=60_000)
    assert dialog.state.text().splitlines()[0] == "1 PDF file written."
    assert (tmp_path / "pl-2023-pl.pdf").exists()
