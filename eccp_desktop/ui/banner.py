"""A message bar above the editor: why the factsheet cannot be changed, or what just happened.

Shown in the window itself (not a dialog): a signed-off factsheet says so and
offers Reopen; a conflict says who changed the factsheet and that it was
reloaded. The text is a label, so screen readers and screenshots get it.
"""

from __future__ import annotations

from collections.abc import Callable

from eccp_desktop.ui.icons import icon
from eccp_desktop.ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

INFO, WARNING = "info", "warning"
# A symbol, not colour alone; an icon, since an emoji is a missing-glyph box
# in fonts without one (seen in the Bulgarian interface).
_ICONS = {INFO: "info", WARNING: "warning"}


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#banner { background: palette(tooltip-base); }")
        self.icon = QLabel(self)
        self.icon.setObjectName("bannerIcon")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("bannerText")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.icon)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.kind = ""
        self.hide()

    def show_message(
        self,
        text: str,
        kind: str = INFO,
        actions: list[tuple[str, Callable[[], None]]] = (),  # type: ignore[assignment]
    ) -> None:
        self.clear_buttons()
        self.kind = kind
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(icon(_ICONS.get(kind, _ICONS[INFO])).pixmap(size, size))
        self.label.setText(text)
        self.label.setAccessibleName(text)
        for title, slot in actions:
            b = QPushButton(title, self)
            b.clicked.connect(slot)
            self._layout.addWidget(b)
            self.buttons.append(b)
        self.show()

    def clear_buttons(self) -> None:
        for b in self.buttons:
            self._layout.removeWidget(b)
            b.deleteLater()
        self.buttons = []

    def clear(self) -> None:
        self.clear_buttons()
        self.kind = ""
        self.label.clear()
        self.hide()

    @property
    def text(self) -> str:
        return self.label.accessibleName()
