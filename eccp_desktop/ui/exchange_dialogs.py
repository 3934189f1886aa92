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
    from eccp_desktop.i18n import current_language
    from eccp_desktop.operations.store_ops import plan_import

    plan = plan_import(store, files, current_language())
    return plan.factsheets, plan.lines, plan.errors


def import_files(window: Any, files: list[str]) -> None:
    """Preview, confirm, import (all or nothing) through the operations; say what happened."""
    from eccp_desktop.i18n import current_language
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.store_ops import plan_import, run_import
    from eccp_desktop.ui import settings as S

    if window.store is None or window.store.read_only:
        window.statusBar().showMessage(_("The store is read-only: nothing can be imported."))
        return
    plan = plan_import(window.store, files, current_language())
    dialog = ImportPreview(window, plan.lines, plan.errors)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    outcome = run_import(window.store, plan, actor=S.actor(window.settings))
    if not isinstance(outcome, Done):
        window.statusBar().showMessage("\u2716 " + outcome.reason, 10000)
        return
    window.statusBar().showMessage(_("Imported: {what}").format(what="; ".join(plan.lines)), 8000)
    if window.doc is not None and window.doc.session.ident in {fs.ident for fs in plan.factsheets}:
        window.doc.undo_stack.clear()  # its steps were about the factsheet now replaced
        window.doc.handle(window.doc.ops.reload())
        window._permissions_changed()
    window.refresh_navigator()
    if window.doc is None:
        window.select_first()


def choose_and_import(window: Any) -> None:
    files, _filter = QFileDialog.getOpenFileNames(
        window, _("Import packages"), "", _("Factsheet packages (*.eccp.json *.json)")
    )
    if files:
        import_files(window, files)


def export_package(window: Any) -> None:
    from eccp_desktop.exchange import write_package

    if window.doc is None:
        return
    c, e = window.doc.session.ident
    path, _filter = QFileDialog.getSaveFileName(
        window,
        _("Export package"),
        f"{c.lower()}-{e}.eccp.json",
        _("Factsheet packages (*.eccp.json)"),
    )
    if path:
        write_package(window.doc.factsheet, Path(path))
        window.statusBar().showMessage(_("Exported to {path}").format(path=path), 8000)
