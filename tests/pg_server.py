"""PostgreSQL for the live-store tests: a fresh database, or a private server to restart.

``pg_url``: a fresh database on the server ``make test-postgres`` started
(``ECCP_TEST_POSTGRES_URL``). ``private_server``: a server of the test's own
(``.ci/postgres`` in a temporary folder on a free port), so that stopping and
restarting it never cuts off anyone else's tests on the shared one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SERVER = os.environ.get("ECCP_TEST_POSTGRES_URL")
ROOT = Path(__file__).resolve().parent.parent
needs_server = [
    pytest.mark.postgres,
    pytest.mark.skipif(not SERVER, reason="no PostgreSQL server: run `make test-postgres`"),
]


def fresh_database(server: str | None = None) -> str:
    server = server or SERVER
    assert server
    name = f"eccp_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str, server: str | None = None) -> None:
    admin = create_engine(server or SERVER or "", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = fresh_database()
    yield url
    drop_database(url)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PrivateServer:
    folder: Path
    url: str  # the server's maintenance database

    def _pg_ctl(self, *args: str) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        cmd = [str(bins[-1]), "-D", str(self.folder), "-w", *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "stop")

    def start(self) -> None:
        port = make_url(self.url).port
        opts = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._pg_ctl("-l", str(self.folder / "server.log"), "-o", opts, "start")

    def restart(self) -> None:
        # Not ``pg_ctl restart``: without -l the new server keeps our stdout pipe
        # open and the captured run never ends.
        self.stop()
        self.start()

    def require_password(self, login: str) -> None:
        """Make ``login`` authenticate with a password (SCRAM) over TCP; the rest stays trust."""
        hba = self.folder / "pg_hba.conf"
        hba.write_text(f"host all {login} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        self._pg_ctl("reload")


@pytest.fixture
def private_server() -> Iterator[PrivateServer]:
    """A server only this test uses (initdb takes a second or two)."""
    if not SERVER:
        pytest.skip("no PostgreSQL server: run `make test-postgres`")
    folder = Path(tempfile.mkdtemp(prefix="eccp-pg-test-"))
    env = dict(os.environ, ECCP_PG_DIR=str(folder), ECCP_PG_PORT=str(_free_port()))
    url = subprocess.run(
        ["bash", str(ROOT / ".ci" / "postgres")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()
    server = PrivateServer(folder, url)
    try:
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped by the test
        shutil.rmtree(folder, ignore_errors=True)
