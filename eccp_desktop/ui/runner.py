"""The one Qt adapter for long work: run a function off the GUI thread, deliver on it.

``run_off_thread(work, done, failed)`` runs ``work()`` in Qt's thread pool
and calls ``done(result)`` (or ``failed(message)``) back on the GUI thread,
unless ``owner`` was destroyed meanwhile. The work itself is Qt-free (an
operation, a store read); exceptions never escape into Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eccp_desktop.ui.qt import QObject, QRunnable, QThreadPool, Signal, is_valid


class _Signals(QObject):
    finished = Signal(object)
    error = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # the failure is reported, never raised into Qt
            self.signals.error.emit(str(e) or type(e).__name__)
        else:
            self.signals.finished.emit(result)


_pending: set[_Signals] = set()  # alive until their result is delivered


def run_off_thread(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[str], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    signals = _Signals()  # lives in the GUI thread: its slots run there

    def alive() -> bool:
        _pending.discard(signals)
        return owner is None or is_valid(owner)

    def on_done(result: Any) -> None:
        if alive():
            done(result)

    def on_error(message: str) -> None:
        if alive() and failed is not None:
            failed(message)

    signals.finished.connect(on_done)
    signals.error.connect(on_error)
    _pending.add(signals)
    QThreadPool.globalInstance().start(_Job(work, signals))


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """At exit: let running work finish (a store write is never cut off)."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))
