"""Others' changes are heard: NOTIFY on PostgreSQL, version polling on SQLite, one interface."""

from __future__ import annotations

import json
import select
import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.store import ConflictError, Store
from eccp_desktop.store.errors import StoreUnreachableError
from eccp_desktop.store.notifications import (
    CHANNEL,
    Heard,
    PgListener,
    PollWatcher,
    watcher_for,
)
from eccp_desktop.store.retry import connection_lost
from tests import pg_server
from tests.pg_server import PrivateServer, needs_server

pg_url = pg_server.pg_url  # the fixtures, used by name below
private_server = pg_server.private_server


def _ids(store: Store) -> dict[tuple[str, int], tuple[int, int]]:
    return {(s.country, s.edition): (s.id, s.version) for s in store.list()}


def _wait(listener: PgListener, timeout: float = 5.0) -> Heard:
    """What the listener hears once its socket is readable (as the event loop would)."""
    changed: list[tuple[int, int | None]] = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        fd = listener.fileno()
        assert fd is not None
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            heard = listener.drain()
            if heard.lost:
                return heard
            changed += heard.changed
            if changed:
                # notices of one transaction arrive together; give a second one a moment
                if not select.select([fd], [], [], 0.1)[0]:
                    return Heard(tuple(changed))
    return Heard(tuple(changed))


# -- SQLite: the version counters, polled -------------------------------------------


def test_polling_hears_another_stores_save_import_and_delete(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as here, Store.open(path) as there:
        there.import_factsheets([Factsheet("PL", 2023), Factsheet("DK", 2023)], actor="a")
        watcher = watcher_for(here)
        assert isinstance(watcher, PollWatcher) and watcher.fileno() is None
        assert not watcher.drain()  # nothing new since it started
        fs, v = there.load_versioned("PL", 2023)
        fs.clusters.append(Cluster("A", members=3))
        there.save(fs, base_version=v, actor="b")
        pl_id, pl_version = _ids(here)[("PL", 2023)]
        assert watcher.drain() == Heard(((pl_id, pl_version),))
        there.import_factsheets([Factsheet("FR", 2023)], actor="c")
        fr_id, _ = _ids(here)[("FR", 2023)]
        assert watcher.drain() == Heard(((fr_id, 1),))
        dk_id, _ = _ids(here)[("DK", 2023)]
        there.delete("DK", 2023)
        assert watcher.drain() == Heard(((dk_id, None),))
        assert watcher.reconnect().resync


def test_sqlite_errors_are_never_a_lost_connection() -> None:
    e = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    assert not connection_lost(e)


# -- PostgreSQL: NOTIFY in the writing transaction ------------------------------------


class TestNotify:
    pytestmark = needs_server

    def test_every_committed_change_is_announced_with_id_and_version_only(
        self, pg_url: str
    ) -> None:
        with Store.open(pg_url) as here, Store.open(pg_url) as there:
            listener = watcher_for(here)
            assert isinstance(listener, PgListener) and listener.fileno() is not None
            there.import_factsheets([Factsheet("PL", 2023)], actor="a")  # an import
            pl_id, _ = _ids(here)[("PL", 2023)]
            assert _wait(listener).changed == ((pl_id, 1),)

            fs, v = there.load_versioned("PL", 2023)
            fs.clusters.append(Cluster("A", members=3))
            assert there.save(fs, base_version=v, actor="b") == 2  # a save
            assert _wait(listener).changed == ((pl_id, 2),)  # one notice per save

            from eccp_desktop.workflow import transition

            transition(fs, "submitted")  # a status change
            there.save(fs, base_version=2, actor="b")
            assert _wait(listener).changed == ((pl_id, 3),)

            there.delete("PL", 2023)
            assert _wait(listener).changed == ((pl_id, None),)
            listener.close()

    def test_a_refused_write_announces_nothing(self, pg_url: str) -> None:
        with Store.open(pg_url) as here, Store.open(pg_url) as there:
            there.import_factsheets([Factsheet("PL", 2023)], actor="a")
            listener = watcher_for(here)
            stale, v = there.load_versioned("PL", 2023)
            fresh, _ = here.load_versioned("PL", 2023)
            fresh.clusters.append(Cluster("B", members=1))
            here.save(fresh, base_version=v, actor="here")
            assert [c[1] for c in _wait(listener).changed] == [2]
            stale.clusters.append(Cluster("C", members=1))
            with pytest.raises(ConflictError):
                there.save(stale, base_version=v, actor="there")
            assert _wait(listener, timeout=1.0) == Heard()  # the rolled back save said nothing
            listener.close()

    def test_the_payload_on_the_wire_carries_no_content(self, pg_url: str) -> None:
        import psycopg

        with Store.open(pg_url) as store:
            store.import_factsheets([Factsheet("HR", 2023)], actor="a")
            conninfo = pg_url.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(conninfo, autocommit=True) as raw:
                raw.execute(f"LISTEN {CHANNEL}")
                fs, v = store.load_versioned("HR", 2023)
                fs.clusters.append(Cluster("Secret cluster", members=9))
                store.save(fs, base_version=v, actor="a")
                notice = next(raw.notifies(timeout=5, stop_after=1))
        assert json.loads(notice.payload) == {"id": _ids(store)[("HR", 2023)][0], "version": 2}

    def test_a_lost_listener_says_so_then_listens_again_and_asks_for_a_resync(
        self, pg_url: str
    ) -> None:
        with Store.open(pg_url) as here, Store.open(pg_url) as there:
            there.import_factsheets([Factsheet("PL", 2023)], actor="a")
            listener = watcher_for(here)
            assert isinstance(listener, PgListener)
            admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:  # the server drops the listening connection
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
                    )
                )
            admin.dispose()
            heard = _wait(listener)
            assert heard.lost and not listener.connected and listener.fileno() is None
            assert listener.drain() == Heard()  # nothing more to say until reconnected
            assert listener.reconnect() == Heard(resync=True)
            fs, v = there.load_versioned("PL", 2023)
            fs.clusters.append(Cluster("A", members=3))
            there.save(fs, base_version=v, actor="b")
            assert [c[1] for c in _wait(listener).changed] == [2]
            listener.close()

    def test_a_stopped_server_is_unreachable_not_damaged_and_comes_back(
        self, private_server: PrivateServer
    ) -> None:
        from tests.pg_server import fresh_database

        url = fresh_database(private_server.url)
        with Store.open(url) as store:
            store.import_factsheets([Factsheet("PL", 2023)], actor="a")
            listener = watcher_for(store)
            assert isinstance(listener, PgListener)
            fs, v = store.load_versioned("PL", 2023)
            private_server.stop()
            assert _wait(listener).lost  # the socket tells at once
            fs.clusters.append(Cluster("A", members=3))
            with pytest.raises(
                StoreUnreachableError, match=r"cannot be reached.*nothing was written"
            ):
                store.save(fs, base_version=v, actor="a")
            with pytest.raises(StoreUnreachableError, match="cannot be reached"):
                store.list()
            with pytest.raises(StoreUnreachableError):
                store.ping()
            with pytest.raises(StoreUnreachableError):
                listener.reconnect()
            private_server.start()
            store.ping()
            assert listener.reconnect().resync
            assert store.save(fs, base_version=v, actor="a") == 2  # nothing was half-written
            assert [c[1] for c in _wait(listener).changed] == [2]
            assert store.load("PL", 2023).clusters[0].name == "A"
            listener.close()
