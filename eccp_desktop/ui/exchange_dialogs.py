"""Import packages with a preview of what is added or replaced; export a package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QVBoxLayout,
)


class ImportPreview(QDialog):
    def __init__(self, parent: Any, lines: list[str], errors: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import packages"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("What the import will do:") if lines else _("Nothing can be imported."), self)
        )
        listing = QListWidget(self)
        listing.addItems(lines + ["\u2716 " + e for e in errors])
        listing.setAccessibleName(_("Import preview"))
        layout.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        if lines and not errors:
            buttons.addButton(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def preview(store: Any, files: list[str]) -> tuple[list[Any], list[str], list[str]]:
    """(factsheets, what happens to each, errors) — nothing written yet."""
    from eccp_desktop.exchange import PackageError, read_package
    from eccp_desktop.i18n import current_language
    from eccp_desktop.i18n.formatting import country_name

    sheets, lines, errors = [], [], []
    existing = {(s.country, s.edition) for s in store.list()}
    for f in files:
        try:
            fs = read_package(Path(f))
        except PackageError as e:
            errors.extend(e.lines())
            continue
        verdict = signature_verdict(f)
        if verdict is not None and not verdict.intact and verdict.exit_code == 2:
            errors.append(f"{f}: {verdict.reason}")  # altered: never imported
            continue
        sheets.append(fs)
        name = f"{country_name(fs.country, current_language())} {fs.edition}"
        if fs.ident in existing:
            lines.append(
                _("replace {factsheet} (the one in the store is overwritten)").format(
                    factsheet=name
                )
            )
        else:
            lines.append(_("add {factsheet}").format(factsheet=name))
        if verdict is not None:  # ✔ signed by … / ⚠ not signed / untrusted
            lines[-1] = f"{lines[-1]} — {verdict.headline()}"
    return sheets, lines, errors


def signature_verdict(path: str) -> Any:
    """The signature state of one package file (None if the trust file is broken)."""
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.files import verify_file

    try:
        return verify_file(path)
    except TrustError:
        return None


def import_files(window: Any, files: list[str]) -> None:
    from eccp_desktop.cli.common import actor

    if window.store is None or window.store.read_only:
        window.statusBar().showMessage(_("The store is read-only: nothing can be imported."))
        return
    sheets, lines, errors = preview(window.store, files)
    dialog = ImportPreview(window, lines, errors)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    outcomes = window.store.import_factsheets(sheets, actor=actor())
    from eccp_desktop.cli.signature_commands import remember_signatures

    remember_signatures(window.store, files, outcomes)
    if window.doc is not None and window.doc.session.ident in {fs.ident for fs in sheets}:
        window.doc.session.reload()
        window.doc.undo_stack.clear()
    window.refresh_navigator()


def choose_and_import(window: Any) -> None:
    files, _filter = QFileDialog.getOpenFileNames(
        window, _("Import packages"), "", _("Factsheet packages (*.eccp.json *.json)")
    )
    if files:
        import_files(window, files)


def export_package(window: Any) -> None:
    from eccp_desktop.ui.signing_dialogs import export_package as export_with_signing

    export_with_signing(window)  # the dialog offers "Sign with…" (#12)
