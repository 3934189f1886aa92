"""PDFs from the window: export in several languages off the GUI thread; preview (QtPdf)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QProgressBar,
    QPushButton,
    Qt,
    QThread,
    QVBoxLayout,
    Signal,
)


class _Renderer(QObject):
    """Renders one PDF per language in a worker thread; stops between files on cancel."""

    progress = Signal(int, str)
    finished = Signal(list, list)

    def __init__(self, fs: Any, langs: list[str], folder: Path) -> None:
        super().__init__()
        self.fs = copy.deepcopy(fs)  # the GUI thread keeps editing its own copy
        self.langs = langs
        self.folder = folder
        self.cancelled = False

    def run(self) -> None:
        from eccp_desktop.pdf import PdfError, render_factsheet

        done: list[str] = []
        errors: list[str] = []
        for i, lang in enumerate(self.langs):
            if self.cancelled:
                break
            self.progress.emit(i, lang)
            target = self.folder / f"{self.fs.country.lower()}-{self.fs.edition}-{lang}.pdf"
            try:
                target.write_bytes(render_factsheet(self.fs, lang))
                done.append(str(target))
            except (PdfError, OSError) as e:
                errors.append(f"{lang}: {e}")
        self.finished.emit(done, errors)


class PdfExportDialog(QDialog):
    def __init__(self, parent: Any, fs: Any) -> None:
        super().__init__(parent)
        self.fs = fs
        self.setWindowTitle(_("Export PDFs"))
        self.langs = QListWidget(self)
        self.langs.setAccessibleName(_("Languages"))
        langs = list(dict.fromkeys(["en", *fs.languages]))
        for lang in langs:
            item = QListWidgetItem(lang, self.langs)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.folder = QLineEdit(str(Path.home()), self)
        self.folder.setAccessibleName(_("Folder"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
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
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.thread_: QThread | None = None
        self.worker: _Renderer | None = None

    def chosen(self) -> list[str]:
        return [
            self.langs.item(i).text()
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
        self.start.setEnabled(False)
        self.worker = _Renderer(self.fs, langs, Path(self.folder.text()))
        self.thread_ = QThread(self)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.thread_.start()

    def _progress(self, i: int, lang: str) -> None:
        self.bar.setValue(i)
        self.state.setText(_("Rendering {lang}…").format(lang=lang))

    def _finished(self, done: list[str], errors: list[str]) -> None:
        self.bar.setValue(self.bar.maximum())
        lines = [_("{n} PDF files written.").format(n=len(done)), *errors]
        self.state.setText("\n".join(lines))
        if self.thread_:
            self.thread_.quit()
            self.thread_.wait()
        self.start.setEnabled(True)

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

    def __init__(self, parent: Any, fs: Any, lang: str) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.fs = copy.deepcopy(fs)
        self.resize(900, 1000)
        self.language = QComboBox(self)
        self.language.setAccessibleName(_("Language of the PDF"))
        for code in dict.fromkeys(["en", *fs.languages]):
            self.language.addItem(code, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setAccessibleName(_("PDF preview"))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Language:"), self))
        row.addWidget(self.language)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self._buffer: Any = None
        self.language.currentIndexChanged.connect(lambda _i: self.render_pdf())
        self.render_pdf()

    def render_pdf(self) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from eccp_desktop.pdf import PdfError, render_factsheet

        lang = self.language.currentData() or "en"
        self.setWindowTitle(_("PDF preview ({lang})").format(lang=lang))
        try:
            data = render_factsheet(self.fs, lang)
        except PdfError as e:
            self.message.setText("\u2716 " + str(e))
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
