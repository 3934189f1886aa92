"""The bundle speaks PostgreSQL (#15): the driver, the dialect and the rights are inside it.

Needs a server: ``ECCP_TEST_POSTGRES_URL`` (``.ci/run`` passes the one it
started for ``make test-postgres``); skipped without one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.bundle.conftest import Bundle
from tests.pg_server import SERVER, drop_database, fresh_database

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not SERVER, reason="no PostgreSQL server (ECCP_TEST_POSTGRES_URL)"),
]


@pytest.fixture
def db() -> Iterator[str]:
    url = fresh_database()
    yield url
    drop_database(url)


def test_the_bundle_opens_a_postgresql_store(
    bundle: Bundle, db: str, demo_sources: list[Path]
) -> None:
    result = bundle.run("--db", db, "import", *demo_sources)
    assert result.returncode == 0, result.stderr
    listed = bundle.run("--db", db, "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == len(demo_sources)


def test_the_bundle_sets_up_the_rights_and_an_officer_is_held_to_them(
    bundle: Bundle, db: str, demo_sources: list[Path]
) -> None:
    assert bundle.run("--db", db, "import", *demo_sources).returncode == 0
    init = bundle.run("admin", "init-postgres", db)
    assert init.returncode == 0, init.stderr
    assert "row-level security" in init.stdout
    login = "t_bundle_" + (make_url(db).database or "")[-8:]
    grant = bundle.run("--db", db, "admin", "grant", login, "--role", "officer", "--country", "PL")
    assert grant.returncode == 0, grant.stderr
    officer = make_url(db).set(username=login).render_as_string(hide_password=False)
    hr = next(p for p in demo_sources if p.name.startswith("hr"))
    refused = bundle.run("--db", officer, "import", hr)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "only PL" in refused.stderr
    assert bundle.run("--db", db, "admin", "revoke", login).returncode == 0


def test_the_bundle_reads_the_site_file_and_refuses_a_password_in_it(
    bundle: Bundle, db: str, demo_sources: list[Path]
) -> None:
    assert bundle.run("--db", db, "import", demo_sources[0]).returncode == 0
    site = bundle.home / "site" / "eccp-desktop" / "site.toml"
    site.parent.mkdir(parents=True)
    site.write_text(f'[store]\nurl = "{db}"\n', encoding="utf-8")
    listed = bundle.run("list")  # no --db, no ECCP_DB: the site file names the server
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1
    with_password = make_url(db).set(password="secret").render_as_string(hide_password=False)
    site.write_text(f'[store]\nurl = "{with_password}"\n', encoding="utf-8")
    refused = bundle.run("list")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert str(site) in refused.stderr and "secret" not in refused.stderr


def test_the_bundle_says_an_unknown_host_in_one_line(bundle: Bundle) -> None:
    result = bundle.run("--db", "postgresql+psycopg://eccp@no-such-host.invalid/eccp", "list")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "unknown host" in result.stderr
