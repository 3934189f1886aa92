"""Import packages with a preview of what is added or replaced; export a package."""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.editions_dialogs import ImportMergePreview
from eccp_desktop.ui.editions_dialogs import import_files as merge_aware_import
from eccp_desktop.ui.qt import QDialog, QFileDialog, QListWidget  # noqa: F401 (tests reach them here)

# The preview shows merges and their conflicts too (editions): one dialog for every import.
ImportPreview = ImportMergePreview


def preview(store: Any, files: list[str]) -> tuple[list[Any], list[str], list[str]]:
    """(factsheets, what happens to each, errors) — nothing written yet."""
    from eccp_desktop.i18n import current_language
    from eccp_desktop.operations.store_ops import plan_import

    plan = plan_import(store, files, current_language())
    return plan.factsheets, plan.lines, plan.errors


def import_files(window: Any, files: list[str]) -> None:
    """Preview, confirm, import (all or nothing) through the operations; say what happened."""
    merge_aware_import(window, files)


def choose_and_import(window: Any) -> None:
    files, _filter = QFileDialog.getOpenFileNames(
        window, _("Import packages"), "", _("Factsheet packages (*.eccp.json *.json)")
    )
    if files:
        import_files(window, files)


def export_package(window: Any) -> None:
    from eccp_desktop.ui.signing_dialogs import export_package as export_with_signing

    export_with_signing(window)  # the dialog offers "Sign with…" (#12); records the base (#11)
