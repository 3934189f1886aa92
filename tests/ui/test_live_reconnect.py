"""The watcher's way back after a lost connection (ui/live.py), with a watcher the test holds.

Found as a flaky window test: the poll timer and the reconnect's retry both
ran every second, so a retry could find a drain out at every try and the
window stayed offline. Now nothing is polled while the server is away, and a
reconnect that meets a drain in flight follows as soon as that drain is back.
"""

from __future__ import annotations

import threading

import pytest

from eccp_desktop.store.notifications import Heard
from eccp_desktop.ui import live

pytestmark = pytest.mark.gui


class HeldWatcher:
    """Polls every 50 ms; a drain blocks until the test lets it go."""

    interval = 0.05

    def __init__(self) -> None:
        self.drains = 0
        self.reconnects = 0
        self.release = threading.Event()
        self.release.set()
        self.in_drain = threading.Event()

    def fileno(self) -> None:
        return None

    def drain(self) -> Heard:
        self.drains += 1
        self.in_drain.set()
        self.release.wait(10)
        return Heard()

    def reconnect(self) -> Heard:
        self.reconnects += 1
        return Heard(resync=True)

    def close(self) -> None:
        self.release.set()


@pytest.fixture
def watched(qtbot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    watcher = HeldWatcher()
    monkeypatch.setattr("eccp_desktop.store.notifications.watcher_for", lambda _store: watcher)
    store_live = live.LiveStore(store=None)  # type: ignore[arg-type]
    yield store_live, watcher
    store_live.close()
    from eccp_desktop.ui.runner import wait_for_all

    wait_for_all()


def test_a_reconnect_that_meets_a_drain_follows_it_at_once(qtbot, watched, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store_live, watcher = watched
    monkeypatch.setattr(live, "BACKOFF", (0.1, 60, 60))  # a blind retry would come after a minute
    watcher.release.clear()
    watcher.in_drain.clear()
    qtbot.waitUntil(watcher.in_drain.is_set, timeout=5000)  # a drain is out, held
    with qtbot.waitSignal(store_live.lost):
        store_live.probe()  # a save found the server gone
    qtbot.wait(300)  # the first attempt falls while the drain is still out
    assert watcher.reconnects == 0
    with qtbot.waitSignal(store_live.back, timeout=5000):
        watcher.release.set()
    assert watcher.reconnects == 1 and not store_live.away


def test_nothing_is_polled_while_the_server_is_away(qtbot, watched, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store_live, watcher = watched
    monkeypatch.setattr(live, "BACKOFF", (0.5, 60, 60))
    with qtbot.waitSignal(store_live.lost):
        store_live.probe()
    qtbot.wait(100)  # a drain started before the loss is back by now
    drains = watcher.drains
    qtbot.wait(300)
    assert watcher.drains == drains  # the attempts to reconnect are the only probes
    qtbot.waitUntil(lambda: watcher.reconnects == 1 and not store_live.away, timeout=5000)
    qtbot.waitUntil(lambda: watcher.drains > drains, timeout=5000)  # polling again


def test_a_closed_window_does_not_listen_again(qtbot, watched, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reconnect due after the close would open a listening connection nobody closes."""
    store_live, watcher = watched
    monkeypatch.setattr(live, "BACKOFF", (0.1, 60, 60))
    with qtbot.waitSignal(store_live.lost):
        store_live.probe()
    store_live.close()  # the window closes while the server is away
    drains = watcher.drains
    qtbot.wait(400)
    assert watcher.reconnects == 0 and watcher.drains == drains


def test_a_reconnect_out_when_the_window_closes_is_closed_after_it(
    qtbot, watched, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    store_live, watcher = watched
    monkeypatch.setattr(live, "BACKOFF", (0.05, 60, 60))
    opened = threading.Event()
    go = threading.Event()

    def slow_reconnect() -> Heard:
        opened.set()
        go.wait(10)
        watcher.reconnects += 1
        return Heard(resync=True)

    watcher.reconnect = slow_reconnect  # type: ignore[method-assign]
    closes = []
    watcher.close = lambda: closes.append(watcher.reconnects)  # type: ignore[method-assign]
    with qtbot.waitSignal(store_live.lost):
        store_live.probe()
    qtbot.waitUntil(opened.is_set, timeout=5000)  # the attempt is out
    store_live.close()
    go.set()
    qtbot.waitUntil(lambda: watcher.reconnects == 1, timeout=5000)
    qtbot.wait(100)  # its answer is delivered
    assert closes == [0, 1]  # closed with the window, and what the late attempt opened
    drains = watcher.drains
    qtbot.wait(300)
    assert watcher.drains == drains and store_live.away  # not listening again
