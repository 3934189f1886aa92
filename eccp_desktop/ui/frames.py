"""Work that waits for the screen: run something once a window has drawn its next frame.

Start-up and opening a factsheet show the user something first and do the
work nobody looks at yet (validating the whole factsheet, ~20-40 ms) right
after: the factsheet appears that much sooner, its problems a moment later.
"""

from __future__ import annotations

from collections.abc import Callable

from eccp_desktop.ui.qt import QEvent, QObject, QTimer, QWidget

# A window that draws no frame (minimised, on a platform that paints late)
# still gets the work done after this long.
FALLBACK_MS = 250


class FirstPaint(QObject):
    """Runs ``then`` once, right after the watched widget's first paint."""

    def __init__(self, then: Callable[[], object]) -> None:
        super().__init__()
        self._then: Callable[[], object] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)  # after the paint this event starts
        return False


class _NextFrame(QObject):
    """Runs ``then`` once: after the window's next frame, or after FALLBACK_MS."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)  # dies with the window: nothing runs on a closed one
        self._then: Callable[[], object] | None = then
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An update request is the window drawing a frame, synchronously, as
        # this event is delivered: a zero timer started now fires after it.
        if event.type() == QEvent.Type.UpdateRequest and self._then is not None:
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        self.deleteLater()
        then()


def after_next_frame(window: QWidget, then: Callable[[], object]) -> None:
    """Run ``then`` once ``window`` has drawn what was just put in it; at once if it is hidden."""
    if not window.isVisible():
        QTimer.singleShot(0, window, then)
        return
    _NextFrame(window, then)
