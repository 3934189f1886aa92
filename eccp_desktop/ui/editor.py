"""The central editor: a list of pages and the page shown, for one factsheet."""

from __future__ import annotations

from eccp_desktop.editing import paths
from eccp_desktop.i18n import _
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.pages import Page, all_pages, page_for
from eccp_desktop.ui.qt import QListWidget, QSplitter, QStackedWidget, Qt, QWidget
from eccp_desktop.ui.table_model import PathRole


class Editor(QSplitter):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.index = QListWidget(self)
        self.index.setMaximumWidth(230)
        self.index.setMinimumWidth(150)
        self.stack = QStackedWidget(self)
        self.pages: list[Page] = [cls(doc, self.stack) for cls in all_pages()]
        for page in self.pages:
            self.stack.addWidget(page)
            self.index.addItem("")
        self.addWidget(self.index)
        self.addWidget(self.stack)
        self.setStretchFactor(1, 1)
        self.setSizes([200, 1000])
        self.index.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.index.setCurrentRow(0)
        self.setChildrenCollapsible(False)
        self.retranslate()
        self.set_editable(doc.editable)
        doc.problems_changed.connect(self._mark_pages)

    def _mark_pages(self) -> None:
        """Each page's entry says how many errors and warnings it holds (in text)."""
        for i, page in enumerate(self.pages):
            keys = set(page.keys)
            found = [r for r in self.doc.results if r.section in keys]
            errors = sum(1 for r in found if r.severity == "error")
            warnings = sum(1 for r in found if r.severity == "warning")
            marks = []
            if errors:
                marks.append(f"\u2716 {errors}")
            if warnings:
                marks.append(f"\u26a0 {warnings}")
            suffix = f"  ({', '.join(marks)})" if marks else ""
            self.index.item(i).setText(_(page.title) + suffix)

    def retranslate(self) -> None:
        for i, page in enumerate(self.pages):
            self.index.item(i).setText(_(page.title))
            page.retranslate()
        self._mark_pages()
        self.index.setAccessibleName(_("Parts of the factsheet"))

    def set_language(self, lang: str) -> None:
        for page in self.pages:
            page.set_language(lang)

    def set_editable(self, editable: bool) -> None:
        for page in self.pages:
            page.set_editable(editable)

    def show_page(self, i: int) -> None:
        self.index.setCurrentRow(i)

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def focus_path(self, path: str) -> bool:
        """Show the page of ``path`` and focus its widget or table cell."""
        try:
            parts = paths.split(path)
        except paths.PathError:
            return False
        if not parts:
            return False
        i = page_for(self.pages, parts[0])
        if i < 0:
            return False
        self.show_page(i)
        return self.pages[i].focus_path(parts)

    def focused_path(self) -> str:
        """The exchange path of the focused field or cell (what a comment is about)."""
        widget = self.focusWidget()
        while widget is not None:
            view_index = getattr(widget, "currentIndex", None)
            if callable(view_index):
                try:
                    index = view_index()
                except TypeError:
                    index = None
                if index is not None and hasattr(index, "data"):
                    path = index.data(PathRole)
                    if path:
                        return str(path)
            path = getattr(widget, "path", None)
            if isinstance(path, str):
                return path
            widget = widget.parentWidget()
        return "/"

    def is_ready(self) -> bool:
        return self.isVisible() and self.doc.editable

    def focus_first(self) -> None:
        self.index.setFocus(Qt.FocusReason.OtherFocusReason)
