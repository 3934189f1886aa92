"""A PostgreSQL store that cannot be used, said in one line (#15): CLI exit 2, the window's text.

Each fault is made for real on a private server (``tests.pg_server``): a
wrong password (the server asks SCRAM of one login), an unknown host, a
server that is down, a schema of a newer version, a login without a role,
and a restart in the middle of a session. The line the command line prints
is the message the store raises (``StoreError``), which the window shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from eccp_desktop.cli.app import main
from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.store import Store, StoreError
from tests.pg_server import PrivateServer, fresh_database, needs_server, private_server

pytestmark = needs_server
__all__ = ["private_server"]  # the fixture, used by name


def _as(url: str, login: str, password: str | None = None) -> str:
    return make_url(url).set(username=login, password=password).render_as_string(False)


def _one_line(capsys: pytest.CaptureFixture[str], url: str) -> str:
    """What ``eccp-desktop --db URL list`` says: exit 2, one line on stderr, nothing else."""
    code = main(["--db", url, "list"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), (code, out, err)
    assert err.count("\n") == 1, err
    return err.strip()


def _refused(url: str) -> str:
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    return str(caught.value)


@pytest.fixture
def db(private_server: PrivateServer) -> Iterator[str]:
    """A store with one factsheet on the private server (trust login ``eccp``)."""
    url = fresh_database(private_server.url)
    with Store.open(url) as store:
        store.import_factsheets([Factsheet("PL", 2023)], actor="a")
    yield url


def test_a_wrong_password_and_a_missing_one(
    private_server: PrivateServer,
    db: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = create_engine(db)
    with admin.begin() as conn:
        conn.execute(text("CREATE ROLE t_anna LOGIN SUPERUSER PASSWORD 'right horse'"))
    admin.dispose()
    private_server.require_password("t_anna")
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))  # no ~/.pgpass of the machine's user
    wrong = _as(db, "t_anna", "battery staple")
    line = _one_line(capsys, wrong)
    assert "refused the password" in line and ".pgpass" in line
    assert "battery" not in line  # the URL is shown without its password
    assert _refused(wrong) == line  # the window shows the same sentence
    nothing = _as(db, "t_anna")
    line = _one_line(capsys, nothing)
    assert "asks for a password" in line and ".pgpass" in line
    # the documented way: the password in the user's .pgpass (libpq), not in any URL
    host = make_url(db)
    pgpass.write_text(f"{host.host}:{host.port}:*:t_anna:right horse\n")
    pgpass.chmod(0o600)
    with Store.open(nothing) as store:
        assert [s.country for s in store.list()] == ["PL"]


def test_an_unknown_host(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://eccp@no-such-host.invalid:5432/eccp"
    line = _one_line(capsys, url)
    assert line.startswith("postgresql+psycopg://eccp@no-such-host.invalid:5432/eccp: unknown host")
    assert _refused(url) == line


def test_a_server_that_is_down_at_start(
    private_server: PrivateServer, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    private_server.stop()
    line = _one_line(capsys, db)
    assert "no database server is answering" in line, line
    assert _refused(db) == line


def test_a_schema_of_a_newer_version_is_refused_and_left_alone(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = create_engine(db)
    with admin.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    line = _one_line(capsys, db)
    assert "newer version" in line and "9999" in line and "update the application" in line
    assert _refused(db) == line
    with admin.connect() as conn:  # untouched: no upgrade, no downgrade attempt
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
        assert conn.scalar(text("SELECT count(*) FROM factsheet")) == 1
    admin.dispose()


def test_a_login_without_a_role(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["admin", "init-postgres", db]) == 0
    admin = create_engine(db)
    with admin.begin() as conn:
        conn.execute(text("CREATE ROLE t_nobody LOGIN"))
    admin.dispose()
    capsys.readouterr()
    url = _as(db, "t_nobody")
    line = _one_line(capsys, url)
    assert "t_nobody has no role in this store" in line and "admin grant t_nobody" in line
    assert _refused(url) == line


def test_a_restart_mid_session_loses_nothing_acknowledged(
    private_server: PrivateServer, db: str
) -> None:
    with Store.open(db) as store:
        fs, v = store.load_versioned("PL", 2023)
        fs.clusters.append(Cluster("Before", members=3))
        v = store.save(fs, base_version=v, actor="a")  # acknowledged
        private_server.restart()
        # the next operation reconnects by itself (the pool's dead connections are replaced)
        fs, again = store.load_versioned("PL", 2023)
        assert again == v and [c.name for c in fs.clusters] == ["Before"]
        fs.clusters.append(Cluster("After", members=4))
        assert store.save(fs, base_version=v, actor="a") == v + 1
        private_server.restart()
        fs.clusters.append(Cluster("Third", members=5))
        assert store.save(fs, base_version=v + 1, actor="a") == v + 2  # a write first, too
    with Store.open(db) as other:
        fs, version = other.load_versioned("PL", 2023)
        assert version == v + 2
        assert [c.name for c in fs.clusters] == ["Before", "After", "Third"]
        assert len(other.history("PL", 2023)) >= 3
