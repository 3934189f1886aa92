"""The store on PostgreSQL, the shared store of later releases: the same code, a real server.

Run by ``make test-postgres`` (CI), which starts a private server and sets
``ECCP_TEST_POSTGRES_URL``; without it these tests are skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import create_engine, text

from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.exchange import read_package
from eccp_desktop.store import ConflictError, Store, StoreError
from tests.pg_server import drop_database, fresh_database, needs_server, pg_url
from tests.strategies import factsheets

__all__ = ["pg_url"]  # the fixture, used by name

pytestmark = needs_server


def test_demo_round_trip_on_postgresql(pg_url: str, demo_files: list[Path]) -> None:
    sheets = [read_package(p) for p in demo_files]
    with Store.open(pg_url) as store:
        assert store.location.path is None
        store.import_factsheets(sheets, actor="t")
        for fs in sheets:
            assert store.load(fs.country, fs.edition) == fs
        assert [s.country for s in store.list()] == sorted(fs.country for fs in sheets)


def test_two_copies_of_the_app_cannot_overwrite_each_other(pg_url: str) -> None:
    with Store.open(pg_url) as a, Store.open(pg_url) as b:
        a.import_factsheets([Factsheet("PL", 2023, clusters=[Cluster("A", members=20)])], actor="a")
        mine, v = a.load_versioned("PL", 2023)
        theirs, _ = b.load_versioned("PL", 2023)
        theirs.clusters[0].members = 51
        b.save(theirs, base_version=v, actor="b")
        mine.clusters[0].members = 19
        with pytest.raises(ConflictError):
            a.save(mine, base_version=v, actor="a")
        assert a.load("PL", 2023).clusters[0].members == 51
        assert [h.path for h in a.history("PL", 2023)] == ["", "/clusters/0/members"]


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    Store.open(pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="written by a newer version"):
        Store.open(pg_url)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fs=factsheets())
def test_any_factsheet_round_trips_on_postgresql(fs: Factsheet) -> None:
    url = fresh_database()
    try:
        with Store.open(url) as store:
            store.import_factsheets([fs], actor="t")
            assert store.load(fs.country, fs.edition) == fs
    finally:
        drop_database(url)


def test_two_processes_create_one_schema_and_two_writers_never_fail(pg_url: str) -> None:
    """Issue #10: duplicate keys at store creation, deadlocks between two writers."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_pg_writer, args=(pg_url, barrier, results, w)) for w in (0, 1)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=300) for _ in range(2 * PG_ROUNDS)]
    for p in procs:
        p.join(timeout=60)
    failures = [o for o in outcomes if o[0] not in ("ok", "conflict")]
    assert failures == []
    with Store.open(pg_url) as store:
        assert {s.country for s in store.list()} == {"PL", "DK", "FR"}


PG_ROUNDS = 25


def _pg_writer(url: str, barrier: Any, results: Any, who: int) -> None:
    barrier.wait()
    try:
        store = Store.open(url)  # both create the schema at once
    except Exception as e:
        for _ in range(PG_ROUNDS):
            results.put(("open failed", f"{type(e).__name__}: {e}"))
        return
    with store:
        for i in range(PG_ROUNDS):
            # Crossed orders make deadlocks likely; new countries race too.
            sheets = [Factsheet("PL", 2023), Factsheet("DK", 2023), Factsheet("FR", 2023)]
            if who:
                sheets.reverse()
            try:
                store.import_factsheets(sheets, actor=f"w{who}")
                results.put(("ok", i))
            except ConflictError as e:
                results.put(("conflict", str(e)))
            except Exception as e:
                results.put(("failed", f"{type(e).__name__}: {e}"))
