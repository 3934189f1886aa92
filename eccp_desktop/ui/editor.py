"""The central editor: a list of pages and the page shown, for one factsheet.

Pages are built when first shown (or asked for), so opening a factsheet
costs one page, not eleven.
"""

from __future__ import annotations

from eccp_desktop.editing import paths
from eccp_desktop.i18n import _
from eccp_desktop.ui.banner import Banner
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.pages import Page, all_pages, keys_of
from eccp_desktop.ui.qt import (
    QFrame,
    QListWidget,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from eccp_desktop.ui.table_model import PathRole


class Editor(QSplitter):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = "en"
        self.index = QListWidget(self)
        self.index.setMaximumWidth(460)
        self.stack = QStackedWidget(self)
        self.classes: list[type[Page]] = all_pages()
        self._pages: list[Page | None] = [None] * len(self.classes)
        for _cls in self.classes:
            self.stack.addWidget(QWidget(self.stack))  # a placeholder until shown
            self.index.addItem("")
        self.banner = Banner(self)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        self.addWidget(self.index)
        self.addWidget(right)
        self.setStretchFactor(1, 1)
        self.setSizes([200, 1000])
        self.index.currentRowChanged.connect(self._show)
        self.setChildrenCollapsible(False)
        self.retranslate()
        self.index.setCurrentRow(0)
        doc.problems_changed.connect(self._mark_pages)

    # -- pages -------------------------------------------------------------------
    def page(self, i: int) -> Page:
        page = self._pages[i]
        if page is None:
            # Each page in a scroll area: the record page (497 px) or the assessment
            # (672 px) with the Problems dock made the window taller than a
            # 1280x800 laptop's screen; now the page scrolls instead.
            area = QScrollArea(self.stack)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            page = self.classes[i](self.doc, area)
            area.setWidget(page)
            placeholder = self.stack.widget(i)
            self.stack.insertWidget(i, area)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            page.set_language(self.lang)
            page.set_editable(self.doc.editable)
            self._pages[i] = page
        return page

    @property
    def pages(self) -> list[Page]:
        """Every page (built now if not yet)."""
        return [self.page(i) for i in range(len(self.classes))]

    def _built(self) -> list[Page]:
        return [p for p in self._pages if p is not None]

    def _show(self, i: int) -> None:
        if 0 <= i < len(self.classes):
            self.page(i)
            self.stack.setCurrentIndex(i)

    def show_page(self, i: int) -> None:
        self.index.setCurrentRow(i)
        self._show(i)

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    # -- state ---------------------------------------------------------------------
    def _mark_pages(self) -> None:
        """Each page's entry says how many errors and warnings it holds (in text)."""
        for i, cls in enumerate(self.classes):
            keys = set(keys_of(cls))
            found = [r for r in self.doc.results if r.section in keys]
            errors = sum(1 for r in found if r.severity == "error")
            warnings = sum(1 for r in found if r.severity == "warning")
            marks = []
            if errors:
                marks.append(f"\u2716 {errors}")
            if warnings:
                marks.append(f"\u26a0 {warnings}")
            suffix = f"  ({', '.join(marks)})" if marks else ""
            self.index.item(i).setText(_(cls.title) + suffix)
        # as wide as the longest title (long translations included)
        frame = 2 * self.index.frameWidth() + 12
        self.index.setMinimumWidth(min(460, self.index.sizeHintForColumn(0) + frame))

    def retranslate(self) -> None:
        for page in self._built():
            page.retranslate()
        self._mark_pages()
        self.index.setAccessibleName(_("Parts of the factsheet"))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for page in self._built():
            page.set_language(lang)

    def set_editable(self, editable: bool) -> None:
        for page in self._built():
            page.set_editable(editable)

    def focus_path(self, path: str) -> bool:
        """Show the page of ``path`` and focus its widget or table cell."""
        try:
            parts = paths.split(path)
        except paths.PathError:
            return False
        if not parts:
            return False
        i = next((n for n, cls in enumerate(self.classes) if parts[0] in keys_of(cls)), -1)
        if i < 0:
            return False
        self.show_page(i)
        return self.page(i).focus_path(parts)

    def focused_path(self) -> str:
        """The exchange path of the focused field or cell (what a comment is about)."""
        widget: QWidget | None = self.focusWidget()
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
        return ""  # the whole factsheet (the exchange format's root path)

    def focus_first(self) -> None:
        self.index.setFocus(Qt.FocusReason.OtherFocusReason)
