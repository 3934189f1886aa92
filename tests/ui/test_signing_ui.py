"""Signing in the window: Export package and Export PDFs offer "Sign with…"; the import
preview and the Validation page show the signature state with ✔/⚠/✖ marks."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from eccp_desktop.ui.qt import QDialog, Qt
from tests.trust.conftest import write_trust_file
from tests.trust.pki import PASSWORD, pki

pytestmark = pytest.mark.gui


@pytest.fixture
def trust(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "trust"
    folder.mkdir()
    path = write_trust_file(folder, pki())
    monkeypatch.setenv("ECCP_TRUST_FILE", str(path))
    return path


def fill_certificate(qtbot, box, p12: Path, password: str) -> None:  # type: ignore[no-untyped-def]
    box.kind.setFocus()
    box.kind.setCurrentIndex(1)  # Certificate file (PKCS#12)
    assert box.p12.isVisibleTo(box) and not box.token.isVisibleTo(box)
    qtbot.keyClicks(box.p12, str(p12))
    qtbot.keyClicks(box.password, password)


def test_export_package_signed_from_the_dialog(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch, trust: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.trust.files import verify_file
    from eccp_desktop.trust.verdict import State
    from eccp_desktop.ui import signing_dialogs

    p12 = pki().p12(pki().pl, tmp_path)
    target = tmp_path / "signed.eccp.json"
    seen: list[str] = []

    def drive(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.path.clear()
        qtbot.keyClicks(dialog.path, str(target))
        fill_certificate(qtbot, dialog.signing, p12, "wrong")
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert not dialog.export_button.isEnabled()  # signing off the GUI thread
        assert dialog.error.text() == "Signing…"
        qtbot.waitUntil(dialog.export_button.isEnabled, timeout=20000)
        seen.append(dialog.error.text())  # refused, the dialog stays open
        assert not target.exists()
        dialog.signing.password.clear()
        qtbot.keyClicks(dialog.signing.password, PASSWORD)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)
        return int(dialog.result())

    monkeypatch.setattr(signing_dialogs.ExportPackageDialog, "exec", drive)
    w = open_window(pl_store)
    w.actions_.export.trigger()
    assert seen == [f"✖ {p12}: wrong password"]
    v = verify_file(target)
    assert v.state is State.VALID and v.signer is not None and v.signer.name == "Anna Kowalska"
    assert json.loads(target.read_text(encoding="utf-8"))["country"] == "PL"


def test_import_preview_and_validation_page_show_the_signature(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch, trust: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.cli.app import main
    from eccp_desktop.ui import exchange_dialogs
    from eccp_desktop.ui.record_page import RecordPage

    signed = tmp_path / "pl.eccp.json"
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD, encoding="utf-8")
    p12 = pki().p12(pki().pl, tmp_path)
    assert main(["--db", str(pl_store), "export", "PL", "--out", str(signed), "--sign",
                 str(p12), "--password-file", str(pw), "--signing-time",
                 "2026-06-01T12:00:00Z"]) == 0  # fmt: skip
    tampered = tmp_path / "tampered.eccp.json"
    data = json.loads(signed.read_text(encoding="utf-8"))
    data["edition"] = 2030
    tampered.write_text(json.dumps(data), encoding="utf-8")

    w = open_window(pl_store)
    page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
    assert page.signature.text() == "Package signature: ⚠ not signed"
    shown: list[tuple[list[str], bool]] = []

    def look(dialog) -> int:  # type: ignore[no-untyped-def]
        listing = dialog.findChild(exchange_dialogs.QListWidget)
        lines = [listing.item(i).text() for i in range(listing.count())]
        can_import = not dialog.ok.isHidden()  # the Import button is offered
        shown.append((lines, can_import))
        dialog.grab().save(str(tmp_path / "preview.png"))
        return QDialog.DialogCode.Accepted if can_import else QDialog.DialogCode.Rejected

    monkeypatch.setattr(exchange_dialogs.ImportPreview, "exec", look)
    exchange_dialogs.import_files(w, [str(tampered)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)  # read, plan, write off the GUI thread
    assert shown[-1] == (
        [f"✖ {tampered}: the content was changed after it was signed"],
        False,
    )
    exchange_dialogs.import_files(w, [str(signed)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)  # read, plan, write off the GUI thread
    lines, can_import = shown[-1]
    assert can_import
    assert lines[0].startswith("merge into Poland 2023")  # the export carried its base (#11)
    assert lines[-1] == (
        "pl.eccp.json: ✔ signed by Anna"
        " Kowalska of Ministry of Development and Technology on 2026-06-01"
    )
    page = next(p for p in w.editor.pages if isinstance(p, RecordPage))
    page.refresh()
    assert page.signature.text() == (
        "Package signature: ✔ signed by Anna Kowalska of Ministry of Development and"
        " Technology on 2026-06-01"
    )
    # Any edit after the import: the content is no longer what was signed.
    qtbot.keyClicks(page.comment_text, "Please check the budget")
    qtbot.keyClick(page.comment_text, Qt.Key.Key_Return)
    page.refresh()
    assert page.signature.text().startswith(
        "Package signature: ⚠ changed since the signed package was imported"
    )


def test_export_pdfs_signed(
    qtbot, open_window, pl_store: Path, tmp_path: Path, trust: Path
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pdf_dialogs import PdfExportDialog

    w = open_window(pl_store)
    dialog = PdfExportDialog(w, w.doc.factsheet, w.doc.session.version)
    qtbot.addWidget(dialog)
    dialog.show()
    for i in range(dialog.langs.count()):  # English only
        if dialog.langs.item(i).data(Qt.ItemDataRole.UserRole) != "en":
            dialog.langs.item(i).setCheckState(Qt.CheckState.Unchecked)
    dialog.folder.setText(str(tmp_path))
    fill_certificate(qtbot, dialog.signing, pki().p12(pki().expired, tmp_path), PASSWORD)
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.state.text().startswith("✖ the certificate of Jan Nowak expired")
    assert dialog.start.isEnabled() and not (tmp_path / "pl-2023-en.pdf").exists()
    dialog.signing.p12.setText(str(pki().p12(pki().pl, tmp_path)))
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start.isEnabled(), timeout=60000)
    out = tmp_path / "pl-2023-en.pdf"
    report = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
    assert "Signer Certificate Common Name: Anna Kowalska" in report
    assert "Signature is Valid." in report
    dialog.close()
