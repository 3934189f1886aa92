"""Two writers of one factsheet at the same moment on PostgreSQL: never one version twice.

Found by the load test's reasoning (``make load-postgres``): an import (a
replace, or a merge of a package that came back) read the factsheet's
version without a lock and wrote ``version + 1`` unconditionally, so an
officer's save committed in between got the same version number as the
import: two different contents called "version 6", and the next writer's
version check passed on a factsheet it had not seen. Here the race is made
certain: the import is held inside its transaction while the save runs.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editions.received import plan_import
from eccp_desktop.exchange import read_package
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.store import ConflictError, Store, mapping, repository, retry
from eccp_desktop.store.editions import apply_import, record_export
from tests.pg_server import needs_server, pg_url

pytestmark = needs_server
__all__ = ["pg_url"]  # the fixture


def _race(
    monkeypatch: pytest.MonkeyPatch, write: Callable[[], int], other: Callable[[], int]
) -> list[Any]:
    """Run ``write``, holding it inside its transaction while ``other`` runs.

    It is held once it has started writing the factsheet's parts (an import
    first clears its lists, a merge records its history) and before it moves
    the version on: in the window between reading the version and writing it.
    """
    inside, release = threading.Event(), threading.Event()
    results: list[Any] = [None, None]

    def held(real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            out = real(*args, **kwargs)
            if threading.current_thread().name == "first":
                inside.set()
                release.wait(3)  # the other writer's save happens now (or waits for us)
            return out

        return step

    monkeypatch.setattr(repository.mapping, "delete_positions", held(mapping.delete_positions))
    monkeypatch.setattr(repository.Store, "_record", held(repository.Store._record))

    def run(i: int, work: Callable[[], int]) -> None:
        try:
            results[i] = work()
        except ConflictError as e:
            results[i] = e

    first = threading.Thread(target=run, args=(0, write), name="first")
    first.start()
    assert inside.wait(10)
    second = threading.Thread(target=run, args=(1, other), name="second")
    second.start()
    second.join(1.0)  # done already if it did not wait for the first writer's lock
    release.set()
    first.join(10)
    second.join(10)
    return results


def _open(pg_url: str, demo_files: list[Path]) -> tuple[Store, Store, Factsheet]:
    a, b = Store.open(pg_url), Store.open(pg_url)
    fs = next(read_package(p) for p in demo_files if "pl-" in p.name)
    a.import_factsheets([fs], actor="seed")
    return a, b, fs


def _officer_save(store: Store) -> Callable[[int], Callable[[], int]]:
    fs, version = store.load_versioned("PL", 2023)

    def make(_: int) -> Callable[[], int]:
        def save() -> int:
            mine = copy.deepcopy(fs)
            mine.reference_date = dt.date(2023, 6, 30)  # a field of the factsheet row
            return store.save(mine, base_version=version, actor="officer")

        return save

    return make


def _check(a: Store, results: list[Any]) -> None:
    done = [r for r in results if isinstance(r, int)]
    assert len(done) == len(set(done)), f"two writes acknowledged as version {done}"
    final = a.list()[0].version
    assert final == 1 + len(done)  # every version one acknowledged write
    assert max(done) == final


@pytest.mark.parametrize("kind", ["replace", "merge"])
def test_an_import_and_a_save_at_once_never_share_a_version(
    pg_url: str, demo_files: list[Path], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, fs = _open(pg_url, demo_files)
    try:
        if kind == "replace":
            incoming = copy.deepcopy(fs)
            incoming.sections["policy_overview"]["en"] = "From the package."

            def write() -> int:
                return a.import_factsheets([incoming], actor="central")[0].version

        else:
            exported, base = record_export(a, "PL", 2023)
            assert base is not None
            incoming = copy.deepcopy(exported)
            incoming.sections["policy_overview"]["en"] = "From the package."
            doc = dict(factsheet_to_dict(incoming), base=base.as_json())
            plan = plan_import(a, incoming, doc, source="pl.eccp.json")
            assert plan.kind == "merge"

            def write() -> int:
                return apply_import(a, [plan], actor="central")[0].version

        results = _race(monkeypatch, write, _officer_save(b)(0))
        _check(a, results)
        held = a.load("PL", 2023)
        if isinstance(results[1], int):  # the save went first: the import is on top of it
            assert held.reference_date == dt.date(2023, 6, 30)
        assert held.sections["policy_overview"]["en"] == "From the package."
    finally:
        a.close()
        b.close()


def test_two_imports_in_opposite_orders_deadlock_and_are_retried(
    pg_url: str, demo_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The central team imports PL and HR while a colleague imports HR and PL: the
    server aborts one of the two (deadlock), the store runs it again, both succeed."""
    a, b = Store.open(pg_url), Store.open(pg_url)
    sheets = {fs.country: fs for fs in map(read_package, demo_files)}
    a.import_factsheets([sheets["PL"], sheets["HR"]], actor="seed")
    monkeypatch.setattr(retry, "COLLISIONS", retry.Counter())
    try:
        results = _race(
            monkeypatch,
            lambda: a.import_factsheets([sheets["PL"], sheets["HR"]], actor="a")[0].version,
            lambda: b.import_factsheets([sheets["HR"], sheets["PL"]], actor="b")[0].version,
        )
        assert all(isinstance(r, int) for r in results), results
        assert retry.COLLISIONS["40P01"] >= 1 and not retry.COLLISIONS["gave up 40P01"]
        assert {s.country: s.version for s in a.list()} == {"HR": 3, "PL": 3}
    finally:
        a.close()
        b.close()
