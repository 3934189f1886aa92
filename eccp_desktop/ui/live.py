"""Others' changes reach the window: the store's Watcher, watched from the Qt event loop.

One mechanism for both databases (store/notifications.py): on PostgreSQL the
listening connection's socket wakes a QSocketNotifier when a NOTIFY arrives,
so nothing polls the server; on SQLite a timer asks the PollWatcher, off the
GUI thread, every second. When the listening connection is lost, it is
re-established with growing pauses (off the GUI thread); the first answer
after that asks for a resynchronisation, since notices sent meanwhile were
missed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eccp_desktop.store import StoreError
from eccp_desktop.ui.qt import QObject, QSocketNotifier, QTimer, Signal
from eccp_desktop.ui.runner import run_off_thread

if TYPE_CHECKING:
    from eccp_desktop.store import Store
    from eccp_desktop.store.notifications import Heard, Watcher

BACKOFF = (1, 2, 5, 10, 30)  # seconds between attempts to listen again


class LiveStore(QObject):
    """Emits ``heard`` (a notifications.Heard) whenever other clients changed factsheets.

    ``lost`` when the connection to the server goes (the window turns
    read-only), ``back`` once it listens again (before the resync's ``heard``).
    """

    heard = Signal(object)
    lost = Signal()
    back = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from eccp_desktop.store.notifications import PollWatcher, watcher_for

        try:
            self.watcher: Watcher = watcher_for(store)
        except StoreError:  # the server is away right now: poll until it is back
            self.watcher = PollWatcher(store)
        self._notifier: QSocketNotifier | None = None
        self._busy = False  # one drain or reconnect at a time
        self._reconnect_due = False  # an attempt met a drain in flight: it follows that drain
        self._attempt = 0
        self.away = False  # between a lost connection and the next successful listen
        self._closed = False  # the window is closing: nothing is opened any more
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._arm()

    def _arm(self) -> None:
        """Watch the listening socket, else ask at the watcher's interval."""
        fd = self.watcher.fileno()
        if fd is not None:
            self._timer.stop()
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._readable)
        elif self.watcher.interval is not None:
            self._timer.start(int(self.watcher.interval * 1000))

    def _readable(self, *_args: Any) -> None:
        self._deliver(self.watcher.drain())  # never blocks: what arrived is read

    def _tick(self) -> None:
        if self._busy:
            return
        self._busy = True
        run_off_thread(self.watcher.drain, self._drained, self._failed, owner=self)

    def _drained(self, heard: Heard) -> None:
        self._busy = False
        self._deliver(heard)
        self._after_drain()

    def _failed(self, _message: str) -> None:
        self._busy = False
        self._after_drain()

    def _after_drain(self) -> None:
        if self._reconnect_due:
            self._reconnect()

    def _deliver(self, heard: Heard) -> None:
        if self._closed:
            return  # a drain that was out when the window closed
        if heard.lost:
            self._lost()
        if heard:
            self.heard.emit(heard)

    def probe(self) -> None:
        """Something else found the server gone (a save failed): find out, and wait for it."""
        if not self.away:
            self._lost()

    def _lost(self) -> None:
        if self._closed:
            return
        if not self.away:
            self.away = True
            self.lost.emit()
        # While the server is away the attempts below are the only probes: a poll
        # every second beside them could be out at every attempt (both ran each
        # second) and keep the window offline.
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        pause = BACKOFF[min(self._attempt, len(BACKOFF) - 1)]
        self._attempt += 1
        QTimer.singleShot(int(pause * 1000), self, self._reconnect)

    def _reconnect(self) -> None:
        if self._closed or not self.away:
            return  # back already (an earlier attempt, or the drain it waited for)
        if self._busy:  # a drain started before the loss is still out: right after it
            self._reconnect_due = True
            return
        self._reconnect_due = False
        self._busy = True
        run_off_thread(self.watcher.reconnect, self._reconnected, self._still_away, owner=self)

    def _reconnected(self, heard: Heard) -> None:
        self._busy = False
        if self._closed:  # closed while this attempt was out: what it opened goes too
            self.watcher.close()
            return
        self._attempt = 0
        self._arm()
        if self.away:
            self.away = False
            self.back.emit()
        self.heard.emit(heard)  # resync: what was missed is reloaded

    def _still_away(self, _message: str) -> None:
        self._busy = False
        self._lost()

    def close(self) -> None:
        self._closed = True
        self._timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.watcher.close()
