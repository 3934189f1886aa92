"""Long window work runs off the GUI thread: the window stays usable and shows it is busy."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.exchange import write_package
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QDialog

pytestmark = pytest.mark.gui


def _package_2024(w: Any, folder: Path) -> Path:
    new = copy.deepcopy(w.doc.factsheet)
    new.edition = 2024
    new.reference_date = None
    new.__post_init__()
    path = folder / "pl-2024.eccp.json"
    write_package(new, path)
    return path


def _sections_text(w: Any) -> Any:
    from eccp_desktop.ui.pages import SectionsPage

    sections = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    w.editor.show_page(w.editor.pages.index(sections))
    return sections.editor.editor


def test_import_reads_and_writes_off_the_gui_thread_while_the_user_types(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.operations import editions_ops
    from eccp_desktop.ui import editions_dialogs

    w = open_window(pl_store)
    package = _package_2024(w, tmp_path)
    gate = threading.Event()
    threads: dict[str, threading.Thread] = {}
    real_read, real_apply = editions_ops.read_received, editions_ops.apply_received

    def slow_read(*a: Any, **k: Any) -> Any:
        threads["read"] = threading.current_thread()
        assert gate.wait(20), "the test never let the reading go on"
        return real_read(*a, **k)

    def apply(*a: Any, **k: Any) -> Any:
        threads["write"] = threading.current_thread()
        return real_apply(*a, **k)

    monkeypatch.setattr(editions_ops, "read_received", slow_read)
    monkeypatch.setattr(editions_ops, "apply_received", apply)
    previews: list[bool] = []

    def accept(dialog: Any) -> int:
        previews.append(w.busy)  # nothing runs while the preview waits for the user
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(editions_dialogs.ImportMergePreview, "exec", accept)

    editions_dialogs.import_files(w, [str(package)])
    qtbot.waitUntil(lambda: "read" in threads)
    # the reading is stuck in its thread: the window says so and still takes typing
    assert w.busy and not w.busy_bar.isHidden()
    assert w.busy_label.text() == "Reading the packages…"
    assert not w.actions_.import_.isEnabled()  # one import at a time
    text = _sections_text(w)
    before = text.toPlainText()
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, " Typed meanwhile.")
    with Store.open(pl_store) as s:
        assert s.load("PL", 2023).sections["economic_context"]["en"] == before + " Typed meanwhile."
        assert [x.edition for x in s.list() if x.country == "PL"] == [2023]
    assert previews == []

    gate.set()
    qtbot.waitUntil(lambda: bool(previews) and not w.busy, timeout=20000)
    assert previews == [False]
    assert threads["read"] is not threading.main_thread()
    assert threads["write"] is not threading.main_thread()
    with Store.open(pl_store) as s:
        assert [x.edition for x in s.list() if x.country == "PL"] == [2023, 2024]
    assert w.navigator.model.row_of("PL", 2024) >= 0
    assert w.statusBar().currentMessage() == "Imported: PL 2024"
    assert w.busy_bar.isHidden() and w.actions_.import_.isEnabled()


def test_a_failure_in_the_background_reaches_the_one_handler(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.operations import editions_ops
    from eccp_desktop.ui import editions_dialogs

    w = open_window(pl_store)
    package = _package_2024(w, tmp_path)

    def broken(*_a: Any, **_k: Any) -> Any:
        raise OSError("the network drive went away")

    monkeypatch.setattr(editions_ops, "read_received", broken)
    shown: list[Any] = []
    monkeypatch.setattr(editions_dialogs.ImportMergePreview, "exec", lambda d: shown.append(d))
    editions_dialogs.import_files(w, [str(package)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)
    assert shown == []  # no preview of what could not be read
    assert "network drive went away" in w.statusBar().currentMessage()
    assert w.failure_box is not None and "network drive went away" in w.failure_box.text()
    assert w.actions_.import_.isEnabled()
    with Store.open(pl_store) as s:
        assert [x.edition for x in s.list() if x.country == "PL"] == [2023]


def test_a_refused_write_is_told_by_the_one_handler_and_nothing_is_written(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.operations import Failed, editions_ops
    from eccp_desktop.ui import editions_dialogs

    w = open_window(pl_store)
    package = _package_2024(w, tmp_path)
    monkeypatch.setattr(
        editions_ops, "apply_received", lambda *_a, **_k: Failed("the store file is locked")
    )
    monkeypatch.setattr(
        editions_dialogs.ImportMergePreview, "exec", lambda d: QDialog.DialogCode.Accepted
    )
    editions_dialogs.import_files(w, [str(package)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)
    assert w.statusBar().currentMessage() == "\u2716 the store file is locked"
    assert w.navigator.model.row_of("PL", 2024) < 0
