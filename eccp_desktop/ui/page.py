"""The base of the editor's pages: one part of the factsheet, able to focus a path.

Its own module so that the pages (``pages``, ``general_page``, ``record_page``)
import it without importing each other.
"""

from __future__ import annotations

from eccp_desktop.ui.document import Document
from eccp_desktop.ui.qt import QWidget


class Page(QWidget):
    key = ""  # the top-level exchange key(s) this page shows
    keys: tuple[str, ...] = ()
    title = ""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc

    def focus_path(self, parts: list[str]) -> bool:
        return False

    def retranslate(self) -> None:
        pass

    def set_language(self, lang: str) -> None:
        pass

    def set_editable(self, editable: bool) -> None:
        pass
