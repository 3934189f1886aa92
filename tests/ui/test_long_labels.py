"""Layouts hold long translations (German is ~40% longer than English).

As Vorta does, every UI string is stretched (here by 50%, with Greek and
Cyrillic letters) and the window is checked for clipped buttons and labels.
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest

from eccp_desktop.i18n import catalog
from eccp_desktop.ui.qt import QLabel, QPushButton

pytestmark = pytest.mark.gui


class Stretched(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        if not message or ("{" in message and "}" in message and len(message) < 4):
            return message
        extra = "ΩЖäß" * (len(message) // 8 + 1)
        return message + " " + extra[: max(2, len(message) // 2)]

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


@pytest.fixture
def stretched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog, "translator", lambda _lang: Stretched())


def clipped(widget) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for w in widget.findChildren(QPushButton):
        if w.isVisible() and w.width() < w.sizeHint().width():
            found.append(f"button {w.text()!r}: {w.width()} < {w.sizeHint().width()}")
    for w in widget.findChildren(QLabel):
        if (
            w.isVisible()
            and not w.wordWrap()
            and w.text()
            and w.width() < w.minimumSizeHint().width()
        ):
            found.append(f"label {w.text()!r}: {w.width()} < {w.minimumSizeHint().width()}")
    return found


def test_stretched_labels_are_not_clipped(qtbot, stretched, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    w.retranslate()
    problems = []
    for i in range(len(w.editor.classes)):
        w.editor.show_page(i)
        qtbot.wait(1)
        problems += clipped(w.editor.current_page())
    assert not problems, problems
    # the page list shows each title whole
    index = w.editor.index
    for i in range(index.count()):
        text_width = index.fontMetrics().horizontalAdvance(index.item(i).text())
        assert text_width <= index.viewport().width() or index.wordWrap(), index.item(i).text()
