"""The one Qt adapter between the window and the operations (Anki's ``CollectionOp``).

``StoreOp(parent, work)`` runs a Qt-free operation and hands its outcome to
the window on the GUI thread: ``.success(fn)`` gets a ``Done`` (or a plain
result), anything else -- a ``Refused``/``Conflict``/``Failed`` outcome or an
exception -- goes to ``.failure(fn)``, or else to the one handler of the
window (``operation_failed``). ``run_in_background()`` runs it in Qt's thread
pool with the window's busy indicator shown; ``run_now()`` runs it on the
GUI thread (a keystroke's edit: it must be stored before the next one) with
the very same handling. ``run_off_thread`` is the bare form for reads.
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
            self.signals.error.emit(_message(e))
        else:
            self.signals.finished.emit(result)


def _message(e: BaseException) -> str:
    return str(e) or type(e).__name__


_pending: set[_Signals] = set()  # alive until their result is delivered


def run_off_thread(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[str], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``work()`` in the thread pool; ``done``/``failed`` run on the GUI thread.

    Nothing is delivered once ``owner`` is destroyed (a closed dialog).
    """
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


def _reason_of(result: Any) -> str | None:
    """The refusal in words when ``result`` is an outcome other than ``Done``."""
    from eccp_desktop.operations import Conflict, Failed, Refused

    if isinstance(result, Refused | Conflict | Failed):
        return result.reason
    return None


class StoreOp:
    """One window → store call with one way of reporting its outcome."""

    def __init__(self, parent: QObject, work: Callable[[], Any]) -> None:
        self._parent = parent
        self._work = work
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Any], None] | None = None
        self._busy = ""

    def success(self, fn: Callable[[Any], None]) -> StoreOp:
        self._success = fn
        return self

    def failure(self, fn: Callable[[Any], None]) -> StoreOp:
        """``fn(outcome_or_message)``: a refused outcome, or the text of an exception."""
        self._failure = fn
        return self

    def busy(self, text: str) -> StoreOp:
        """What the window's busy indicator says while the work runs."""
        self._busy = text
        return self

    def run_now(self) -> Any:
        """On the GUI thread (an edit that must be stored before the next keystroke)."""
        try:
            result = self._work()
        except Exception as e:  # never into a Qt override
            self._failed(_message(e))
            return None
        self._deliver(result)
        return result

    def run_in_background(self) -> None:
        window = self._window()
        token = window.busy_begin(self._busy) if window is not None and self._busy else None

        def end() -> None:
            if token is not None and window is not None and is_valid(window):
                window.busy_end(token)

        def done(result: Any) -> None:
            end()
            self._deliver(result)

        def failed(message: str) -> None:
            end()
            self._failed(message)

        run_off_thread(self._work, done, failed, owner=self._parent)

    # -- delivery ----------------------------------------------------------------
    def _deliver(self, result: Any) -> None:
        if _reason_of(result) is not None:
            self._failed(result)
        elif self._success is not None:
            self._success(result)

    def _failed(self, what: Any) -> None:
        if self._failure is not None:
            self._failure(what)
            return
        window = self._window()
        if window is not None:
            window.operation_failed(what)

    def _window(self) -> Any:
        """The main window the parent belongs to (it shows the busy state and failures)."""
        node: Any = self._parent
        while node is not None:
            if hasattr(node, "operation_failed") and hasattr(node, "busy_begin"):
                return node
            node = node.parent() if isinstance(node, QObject) else None
        return None
