"""Issue #10: writers that collide on a server are retried, then reported as a conflict.

The collision is made by a fake driver error with PostgreSQL's SQLSTATE (the
real server is exercised in ``test_postgres.py`` under ``make test-postgres``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.store import ConflictError, Store, retry
from eccp_desktop.store import repository as repo


class _Deadlock(Exception):
    sqlstate = "40P01"


def _collide(times: int, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the next ``times`` replaces fail as a deadlock; the attempt count."""
    real = repo.Store._replace
    attempts = [0]

    def replace(self: Store, conn: Any, fs: Factsheet, actor: str) -> Any:
        attempts[0] += 1
        if attempts[0] <= times:
            raise OperationalError("INSERT …", {}, _Deadlock("deadlock detected"))
        return real(self, conn, fs, actor)

    monkeypatch.setattr(repo.Store, "_replace", replace)
    monkeypatch.setattr(retry, "PAUSE", 0.0)
    monkeypatch.setattr(retry, "COLLISIONS", retry.Counter())
    return attempts


def test_a_deadlock_is_retried_and_the_write_succeeds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = _collide(2, monkeypatch)
    (outcome,) = store.import_factsheets([Factsheet("PL", 2023)], actor="t")
    assert attempts[0] == 3 and outcome.version == 1
    assert retry.COLLISIONS == {"40P01": 2}  # counted for the load test's report
    assert [s.country for s in store.list()] == ["PL"]


def test_a_deadlock_that_persists_is_a_conflict_and_nothing_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = _collide(100, monkeypatch)
    with pytest.raises(ConflictError, match="collided with this one 5 times"):
        store.import_factsheets([Factsheet("PL", 2023)], actor="t")
    assert attempts[0] == retry.ATTEMPTS
    assert retry.COLLISIONS == {"40P01": retry.ATTEMPTS, "gave up 40P01": 1}
    assert store.list() == []


def test_other_driver_errors_are_not_retried(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    class _Other(Exception):
        sqlstate = "22001"  # string data right truncation

    def replace(self: Store, conn: Any, fs: Factsheet, actor: str) -> Any:
        replace.calls += 1  # type: ignore[attr-defined]
        raise OperationalError("INSERT …", {}, _Other("value too long"))

    replace.calls = 0  # type: ignore[attr-defined]
    monkeypatch.setattr(repo.Store, "_replace", replace)
    with pytest.raises(Exception, match="refused the change"):
        store.import_factsheets([Factsheet("PL", 2023)], actor="t")
    assert replace.calls == 1  # type: ignore[attr-defined]


def test_two_stores_adding_the_same_new_factsheet_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as a, Store.open(path) as b:
        a.import_factsheets([Factsheet("PL", 2023)], actor="a")
        # b's import replaces (it sees the row): no duplicate, no crash
        (outcome,) = b.import_factsheets([Factsheet("PL", 2023)], actor="b")
        assert outcome.replaced and outcome.version == 2
