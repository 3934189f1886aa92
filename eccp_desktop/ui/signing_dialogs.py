""" "Sign with…" in the export dialogs, and the export-package dialog that offers it.

The widget only collects the choice (certificate file and password, or a
PKCS#11 module, token, key and PIN); opening and checking the key, signing
and verifying are Qt-free (``eccp_desktop.trust``), the same as on the
command line, with the same one-line reasons.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOT_SIGNED, CERTIFICATE, TOKEN = range(3)


class SigningBox(QGroupBox):
    """Not signed / a certificate file with its password / a key on a token."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Sign with…"), parent)
        self.kind = QComboBox(self)
        self.kind.addItems([_("Not signed"), _("Certificate file (PKCS#12)"), _("Token (PKCS#11)")])
        self.kind.setAccessibleName(_("Sign with"))
        self.p12 = QLineEdit(self)
        self.p12.setAccessibleName(_("Certificate file"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(_("Password"))
        self.module = QLineEdit(self)
        self.module.setAccessibleName(_("PKCS#11 module"))
        self.token = QLineEdit(self)
        self.token.setAccessibleName(_("Token label"))
        self.key_label = QLineEdit(self)
        self.key_label.setAccessibleName(_("Key label"))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(_("PIN"))
        self.form = QFormLayout(self)
        self.form.addRow(_("&Sign with:"), self.kind)
        self.form.addRow(_("Certificate &file:"), self._with_browse(self.p12, self._browse_p12))
        self.form.addRow(_("Pass&word:"), self.password)
        self.form.addRow(_("PKCS#11 &module:"), self._with_browse(self.module, self._browse_module))
        self.form.addRow(_("&Token:"), self.token)
        self.form.addRow(_("&Key:"), self.key_label)
        self.form.addRow(_("P&IN:"), self.pin)
        self.kind.currentIndexChanged.connect(self._show_rows)
        self._show_rows()

    def _with_browse(self, field: QLineEdit, slot: Any) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        button = QPushButton(_("Choose…"), box)
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _browse_p12(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Certificate file"), self.p12.text(), _("Certificates (*.p12 *.pfx)")
        )
        if path:
            self.p12.setText(path)

    def _browse_module(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("PKCS#11 module"), self.module.text(), _("Modules (*.so *.dll *.dylib)")
        )
        if path:
            self.module.setText(path)

    def _show_rows(self) -> None:
        kind = self.kind.currentIndex()
        rows = {1: CERTIFICATE, 2: CERTIFICATE, 3: TOKEN, 4: TOKEN, 5: TOKEN, 6: TOKEN}
        for row, wanted in rows.items():
            self.form.setRowVisible(row, kind == wanted)

    def wants_signature(self) -> bool:
        return self.kind.currentIndex() != NOT_SIGNED

    def key(self, at: dt.datetime) -> contextlib.AbstractContextManager[Any]:
        """The chosen key, open and checked; raises TrustError with the reason."""
        return self.key_opener()(at)

    def key_opener(self) -> Callable[[dt.datetime], contextlib.AbstractContextManager[Any]]:
        """What opens the chosen key, with the fields read now: usable off the GUI thread."""
        from eccp_desktop.trust.keys import pkcs11_key, pkcs12_key

        certificate = self.kind.currentIndex() == CERTIFICATE
        p12, password = self.p12.text(), self.password.text() or None
        module, token, label = self.module.text(), self.token.text(), self.key_label.text()
        pin = self.pin.text() or None

        @contextlib.contextmanager
        def opened(at: dt.datetime) -> Iterator[Any]:
            if certificate:
                yield pkcs12_key(p12, password, at)
            else:
                with pkcs11_key(module, token, label, pin, at) as key:
                    yield key

        return opened


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class ExportPackageDialog(QDialog):
    """Where to write the package, and whether to sign it."""

    def __init__(self, parent: Any, fs: Any) -> None:
        super().__init__(parent)
        self.fs = fs
        self.setWindowTitle(_("Export package"))
        self.path = QLineEdit(str(Path.home() / f"{fs.country.lower()}-{fs.edition}.eccp.json"))
        self.path.setAccessibleName(_("Package file"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.signing = SigningBox(self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Package file:"), self))
        layout.addLayout(row)
        layout.addWidget(self.signing)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.written: str | None = None

    def _browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, _("Export package"), self.path.text(), _("Factsheet packages (*.eccp.json)")
        )
        if path:
            self.path.setText(path)

    def show_error(self, reason: str) -> None:
        self.error.setText("\u2716 " + reason)  # the mark, not colour alone
        self.error.show()

    def export(self) -> None:
        """Export (and sign) off the GUI thread: a token or a slow disk never freezes the window."""
        from eccp_desktop.ui.runner import run_off_thread

        target = Path(self.path.text())
        if not self.path.text() or target.is_dir() or not target.parent.is_dir():
            self.show_error(_("{path}: choose a file in an existing folder").format(path=target))
            return
        store = getattr(self.parent(), "store", None)
        opener = self.signing.key_opener() if self.signing.wants_signature() else None
        fs = self.fs
        self.export_button.setEnabled(False)
        self.error.setText(_("Signing…") if opener is not None else _("Exporting…"))
        self.error.show()
        run_off_thread(
            lambda: _write_package(store, fs, target, opener),
            self._exported,
            self._export_failed,
            owner=self,
        )

    def _exported(self, problem: str | None) -> None:
        self.export_button.setEnabled(True)
        if problem:
            self.show_error(problem)
            return
        self.written = self.path.text()
        self.accept()

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.show_error(message)


def _write_package(
    store: Any,
    fs: Any,
    target: Path,
    opener: Callable[[dt.datetime], contextlib.AbstractContextManager[Any]] | None,
) -> str | None:
    """Record the export, sign if asked, write atomically; the reason when not written."""
    from eccp_desktop.exchange import dumps, factsheet_to_dict
    from eccp_desktop.exchange.package import write_text
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.packages import sign_document

    base = None
    if store is not None:
        from eccp_desktop.operations.editions_ops import exported

        # the store keeps what was exported: the base of a later merge (#11)
        fs, base = exported(store, *fs.ident)
    text = dumps(fs, base=base)
    if opener is not None:
        at = now()
        document = factsheet_to_dict(fs)
        if base is not None:
            document["base"] = base
        try:
            with opener(at) as key:
                signed = sign_document(document, key, at)
        except TrustError as e:
            return str(e)
        text = json.dumps(signed, indent=2, ensure_ascii=False) + "\n"
    try:
        write_text(text, target)
    except OSError as e:
        return _("{path} cannot be written: {reason}").format(path=target, reason=e.strerror or e)
    return None


def export_package(window: Any) -> None:
    if window.doc is None:
        return
    dialog = ExportPackageDialog(window, window.doc.factsheet)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written:
        window.statusBar().showMessage(_("Exported to {path}").format(path=dialog.written), 8000)
