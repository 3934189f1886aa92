"""PDFs from the window: export in several languages off the GUI thread; preview (QtPdf)."""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _, ngettext
from eccp_desktop.i18n.formatting import own_language_label
from eccp_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPointF,
    QProgressBar,
    QPushButton,
    Qt,
    QThread,
    QVBoxLayout,
    Signal,
)
from eccp_desktop.ui.signing_dialogs import SigningBox


class _Renderer(QObject):
    """Renders one PDF per language in a worker thread; stops between files on cancel."""

    progress = Signal(int, str)
    finished = Signal(list, list, list)  # files written, errors, layout maps to keep

    def __init__(
        self, fs: Any, langs: list[str], folder: Path, sign: Callable[[bytes, str], bytes] | None
    ) -> None:
        super().__init__()
        self.fs = copy.deepcopy(fs)  # the GUI thread keeps editing its own copy
        self.langs = langs
        self.folder = folder
        self.sign = sign  # (pdf, lang) -> signed pdf, when "Sign with…" chose a key
        self.cancelled = False

    def run(self) -> None:
        from eccp_desktop.annotations import exports
        from eccp_desktop.pdf import PdfError
        from eccp_desktop.pdf.digest import digest_of
        from eccp_desktop.trust.errors import TrustError

        done: list[str] = []
        errors: list[str] = []
        maps: list[tuple[str, int, dict[str, Any]]] = []
        for i, lang in enumerate(self.langs):
            if self.cancelled:
                break
            self.progress.emit(i, lang)
            target = self.folder / f"{self.fs.country.lower()}-{self.fs.edition}-{lang}.pdf"
            try:
                rendered = exports.render(self.fs, lang)
                data = rendered.pdf
                if self.sign is not None:  # an incremental update: still starts with `pdf`
                    data = self.sign(data, lang)
                target.write_bytes(data)
                done.append(str(target))
                # kept by the GUI thread (the store's writer): comments on it can come back
                maps.append((digest_of(rendered.pdf), len(rendered.pdf), rendered.layout.to_json()))
            except (PdfError, OSError, TrustError) as e:
                errors.append(f"{lang}: {e}")
        self.finished.emit(done, errors, maps)


class PdfExportDialog(QDialog):
    def __init__(self, parent: Any, fs: Any, version: int = 0) -> None:
        super().__init__(parent)
        self.fs = fs
        self.version = version  # the store's version, named in a signature's reason
        self.setWindowTitle(_("Export PDFs"))
        self.langs = QListWidget(self)
        self.langs.setAccessibleName(_("Languages"))
        langs = list(dict.fromkeys(["en", *fs.languages]))
        for lang in langs:
            item = QListWidgetItem(own_language_label(lang), self.langs)
            item.setData(Qt.ItemDataRole.UserRole, lang)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.folder = QLineEdit(str(Path.home()), self)
        self.folder.setAccessibleName(_("Folder"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.signing = SigningBox(self)
        self.key_scope = contextlib.ExitStack()  # the chosen key stays open while rendering
        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(langs))
        self.bar.setValue(0)
        self.state = QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.start = self.buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start.clicked.connect(self.begin)
        self.cancel.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Languages:"), self))
        layout.addWidget(self.langs)
        layout.addWidget(QLabel(_("Folder:"), self))
        layout.addLayout(row)
        layout.addWidget(self.signing)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.thread_: QThread | None = None
        self.worker: _Renderer | None = None

    def chosen(self) -> list[str]:
        return [
            self.langs.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.langs.count())
            if self.langs.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _("Folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def begin(self) -> None:
        langs = self.chosen()
        if not langs:
            return
        self.bar.setRange(0, len(langs))
        sign = self.open_key()
        if sign is False:
            return
        self.start.setEnabled(False)
        self.worker = _Renderer(self.fs, langs, Path(self.folder.text()), sign or None)
        self.thread_ = QThread(self)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.thread_.start()

    def open_key(self) -> Any:
        """A signing function for the worker, None when not signing, False on a bad key."""
        from eccp_desktop.operations.signatures import pdf_reason
        from eccp_desktop.trust.errors import TrustError
        from eccp_desktop.trust.pdfs import sign_pdf
        from eccp_desktop.ui.signing_dialogs import now

        if not self.signing.wants_signature():
            return None
        at = now()
        try:
            key = self.key_scope.enter_context(self.signing.key(at))
        except TrustError as e:
            self.state.setText("\u2716 " + str(e))  # the mark, not colour alone
            return False
        version = self.version
        fs = self.fs

        def sign(data: bytes, lang: str) -> bytes:
            return sign_pdf(data, key, at, pdf_reason(fs, version, lang))

        return sign

    def _progress(self, i: int, lang: str) -> None:
        self.bar.setValue(i)
        self.state.setText(_("Rendering {lang}…").format(lang=own_language_label(lang)))

    def _finished(
        self, done: list[str], errors: list[str], maps: list[tuple[str, int, dict[str, Any]]]
    ) -> None:
        self.bar.setValue(self.bar.maximum())
        errors = errors + self._keep_maps(maps)
        lines = [
            ngettext("{n} PDF file written.", "{n} PDF files written.", len(done)).format(
                n=len(done)
            ),
            *errors,
        ]
        self.state.setText("\n".join(lines))
        if self.thread_:
            self.thread_.quit()
            self.thread_.wait()
        self.key_scope.close()  # a token session ends with the export
        self.start.setEnabled(True)

    def _keep_maps(self, maps: list[tuple[str, int, dict[str, Any]]]) -> list[str]:
        """Record each written PDF's layout map in the store; the reasons it could not."""
        from eccp_desktop.annotations.exports import keep_map

        store = getattr(self.parent(), "store", None)
        if store is None:
            return []
        problems: list[str] = []
        for digest, size, layout in maps:
            reason = keep_map(store, digest, size, layout)
            if reason:
                problems.append(f"{layout.get('lang', '?')}: {reason}")
        return problems

    def stop_work(self) -> None:
        """The window closes: stop after the current file and wait for the thread.

        Destroying a running QThread aborts the whole process.
        """
        if self.thread_ is not None and self.thread_.isRunning():
            if self.worker is not None:
                self.worker.cancelled = True
            self.thread_.quit()
            self.thread_.wait()

    def closeEvent(self, event: Any) -> None:
        self.stop_work()
        super().closeEvent(event)

    def _cancel(self) -> None:
        if self.worker is not None and self.thread_ is not None and self.thread_.isRunning():
            self.worker.cancelled = True
            self.state.setText(_("Cancelling after the current file…"))
        else:
            self.reject()


class PdfPreview(QDialog):
    """The current factsheet as the PDF reader will see it (QtPdf), in a chosen language."""

    rendered = Signal()  # a PDF (or its failure) is shown

    def __init__(self, parent: Any, fs: Any, lang: str) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.fs = copy.deepcopy(fs)
        self.resize(900, 1000)
        self.language = QComboBox(self)
        self.language.setAccessibleName(_("Language of the PDF"))
        for code in dict.fromkeys(["en", *fs.languages]):
            self.language.addItem(own_language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName(_("PDF preview"))
        # Zoom, pages and print, as in a PDF reader; Esc closes (QDialog).
        self.zoom_out = QPushButton("\u2212", self)
        self.zoom_in = QPushButton("+", self)
        self.fit = QPushButton(_("Fit width"), self)
        self.previous = QPushButton("\u25b2", self)
        self.next = QPushButton("\u25bc", self)
        self.page_label = QLabel(self)
        self.print_button = QPushButton(_("&Print…"), self)
        for button, name, keys in (
            (self.zoom_out, _("Zoom out"), QKeySequence.StandardKey.ZoomOut),
            (self.zoom_in, _("Zoom in"), QKeySequence.StandardKey.ZoomIn),
            (self.previous, _("Previous page"), QKeySequence.StandardKey.MoveToPreviousPage),
            (self.next, _("Next page"), QKeySequence.StandardKey.MoveToNextPage),
            (self.print_button, _("Print"), QKeySequence.StandardKey.Print),
        ):
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setShortcut(QKeySequence(keys))
            button.setAutoDefault(False)
        self.fit.setAutoDefault(False)
        self.zoom_in.clicked.connect(lambda: self.zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self.zoom(0.8))
        self.fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.previous.clicked.connect(lambda: self.go_to(self.page() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.page() + 1))
        self.print_button.clicked.connect(self.print_pdf)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.document.pageCountChanged.connect(self._show_page)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language:"), self))
        row.addWidget(self.language)
        for w in (self.zoom_out, self.zoom_in, self.fit, self.previous, self.next):
            row.addWidget(w)
        row.addWidget(self.page_label)
        row.addWidget(self.print_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self._buffer: Any = None
        self._asked = 0  # the newest render asked for; older results are dropped
        self.language.currentIndexChanged.connect(lambda _i: self.render_pdf())
        self.render_pdf()

    def render_pdf(self) -> None:
        """Render in the chosen language off the GUI thread; ``rendered`` when shown."""
        from eccp_desktop.ui.runner import run_off_thread

        lang = self.language.currentData() or "en"
        self.setWindowTitle(_("PDF preview ({lang})").format(lang=lang))
        self.message.setText(_("Rendering {lang}…").format(lang=own_language_label(lang)))
        self._asked += 1
        asked, fs = self._asked, self.fs  # the copy: the window keeps editing its own

        def render() -> bytes:
            from eccp_desktop.pdf import render_factsheet

            return bytes(render_factsheet(fs, lang))

        run_off_thread(
            render,
            lambda data: self._show_pdf(asked, data),
            lambda message: self._render_failed(asked, message),
            owner=self,
        )

    def _render_failed(self, asked: int, message: str) -> None:
        if asked == self._asked:  # a later language was asked for meanwhile: that one counts
            self.message.setText("\u2716 " + message)
            self.rendered.emit()

    def _show_pdf(self, asked: int, data: bytes) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        if asked != self._asked:
            return
        self.message.clear()
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.rendered.emit()

    # -- reading ---------------------------------------------------------------
    def page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to(self, page: int) -> None:
        count = self.document.pageCount()
        if count:
            self.view.pageNavigator().jump(max(0, min(page, count - 1)), QPointF(), 0)
            self._show_page()

    def _show_page(self, *_args: Any) -> None:
        count = self.document.pageCount()
        self.page_label.setText(
            _("Page {page} of {count}").format(page=self.page() + 1, count=count) if count else ""
        )
        self.previous.setEnabled(self.page() > 0)
        self.next.setEnabled(self.page() < count - 1)

    def zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def print_pdf(self, printer: Any = None) -> bool:
        """Print every page through the platform's print dialog (``printer`` for tests)."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText("\u2716 " + _("The printer could not be started."))
            return False
        try:
            for n in range(self.document.pageCount()):
                if n:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                size = self.document.pagePointSize(n).scaled(
                    area.size().toSizeF(), Qt.AspectRatioMode.KeepAspectRatio
                )
                image = self.document.render(n, size.toSize())
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        return True
