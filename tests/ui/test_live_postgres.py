"""Others' saves on a shared PostgreSQL store appear in the window (issue #15, 2).

The window hears them through LISTEN/NOTIFY (ui/live.py: a QSocketNotifier on
the listening connection, no polling); after a server restart it listens
again and catches up.
"""

from __future__ import annotations

import time

import pytest

from eccp_desktop.store import Store
from tests.pdf.factories import polish_demo
from tests.pg_server import PrivateServer, fresh_database, needs_server, pg_url, private_server

pytestmark = [*needs_server, pytest.mark.gui]
__all__ = ["pg_url", "private_server"]  # the fixtures, used by name


def _seeded(url: str) -> str:
    with Store.open(url) as store:
        store.import_factsheets([polish_demo()], actor="demo")
    return url


def _save_elsewhere(url: str, budget: int) -> None:
    """Another officer's client: its own Store, its own connection."""
    with Store.open(url) as other:
        fs, version = other.load_versioned("PL", 2023)
        fs.policies[0].budget_eur = budget
        other.save(fs, base_version=version, actor="colleague")


def _budget(w) -> int:  # type: ignore[no-untyped-def]
    return int(w.doc.factsheet.policies[0].budget_eur or 0)


def test_another_clients_save_appears_within_a_second(qtbot, open_window, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    w = open_window(_seeded(pg_url))  # a URL, not a path
    assert w._live.watcher.fileno() is not None  # LISTEN on a socket, not a poll
    assert w.doc.editable
    started = time.monotonic()
    _save_elsewhere(pg_url, 61)
    qtbot.waitUntil(lambda: _budget(w) == 61, timeout=3000)
    assert time.monotonic() - started < 3

    # our own save is announced too, and must not reload the factsheet under us
    assert w.doc.set("/policies/0/budget_eur", 62)
    qtbot.wait(700)
    assert _budget(w) == 62 and w.actions_.undo.isEnabled()
    with Store.open(pg_url) as s:
        assert s.load("PL", 2023).policies[0].budget_eur == 62


def test_after_a_server_restart_the_window_listens_again(
    qtbot, open_window, private_server: PrivateServer, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    url = _seeded(fresh_database(private_server.url))
    w = open_window(url)
    private_server.restart()
    # the lost connection is noticed, then re-established (backoff from 1 s)
    qtbot.waitUntil(lambda: w._live._attempt == 0 and w._live._notifier is not None, timeout=20000)
    _save_elsewhere(url, 70)
    qtbot.waitUntil(lambda: _budget(w) == 70, timeout=20000)
    # nothing for a terminal either: no traceback logged for the dead connection
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []


def test_a_server_that_goes_away_makes_the_window_read_only_and_nothing_typed_is_lost(
    qtbot, open_window, private_server: PrivateServer, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.pages import SectionsPage

    url = _seeded(fresh_database(private_server.url))
    w = open_window(url)
    page = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    w.editor.show_page(w.editor.pages.index(page))
    text = page.editor.editor
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    before = text.toPlainText()

    private_server.stop()
    qtbot.keyClicks(text, " X")  # the first keystroke finds the server gone
    qtbot.waitUntil(lambda: w.offline, timeout=20000)
    assert "retrying" in w.connection_label.text()
    assert text.isReadOnly()
    assert text.toPlainText().startswith(before + " ")  # what was typed stays in the field

    private_server.start()
    qtbot.waitUntil(lambda: not w.offline, timeout=40000)  # backoff 1, 2, 5, 10 s
    typed = text.toPlainText()
    qtbot.waitUntil(lambda: not w.doc.pending, timeout=10000)
    with Store.open(url) as s:
        assert s.load("PL", 2023).sections["economic_context"]["en"] == typed
    qtbot.keyClicks(text, "Y")
    with Store.open(url) as s:
        assert s.load("PL", 2023).sections["economic_context"]["en"] == typed + "Y"
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == []
