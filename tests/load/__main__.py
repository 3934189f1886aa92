"""`make load-postgres`: seed a fresh database, run the clients, check, print one table.

Settings from the environment: ``LOAD_CLIENTS`` (20), ``LOAD_SECONDS`` (60),
``LOAD_SEED`` (1), ``LOAD_THINK`` ("0.3-1.5" seconds between two actions),
``LOAD_LOGS`` (a folder to keep the clients' logs in; default a temporary
one, removed unless the run failed), ``LOAD_KEEP=1`` keeps the database,
``LOAD_RIGHTS=0`` runs every client as the superuser (default: the server's
rights are installed, ``admin init-postgres``, and each client logs in as
its own officer, reviewer or central-team login, ``admin grant``).
The server is ``ECCP_TEST_POSTGRES_URL`` (``.ci/postgres`` prints it).
Exit status 1 when a "must be 0" figure is not.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from eccp_desktop.store import Store
from eccp_desktop.store import schema as s
from tests.load import checker, scenario
from tests.pg_server import drop_database, fresh_database

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Settings:
    server: str
    clients: int = 20
    seconds: float = 60.0
    seed: int = 1
    think: tuple[float, float] = (0.3, 1.5)
    logs: Path | None = None
    keep: bool = False
    rights: bool = True
    foreign: float = 0.06  # an officer's share of actions that try another country
    inject: str = ""  # "blind": clients whose saves skip the version check (the checker's test)
    start_timeout: float = 120.0  # 20 processes importing the app on 2 busy cores

    @classmethod
    def from_env(cls) -> Settings:
        server = os.environ.get("ECCP_TEST_POSTGRES_URL")
        if not server:
            raise SystemExit(
                "load-postgres: no server (ECCP_TEST_POSTGRES_URL): run `make load-postgres`"
            )
        low, _, high = os.environ.get("LOAD_THINK", "0.3-1.5").partition("-")
        logs = os.environ.get("LOAD_LOGS")
        return cls(
            server=server,
            clients=int(os.environ.get("LOAD_CLIENTS", "20")),
            seconds=float(os.environ.get("LOAD_SECONDS", "60")),
            seed=int(os.environ.get("LOAD_SEED", "1")),
            think=(float(low), float(high or low)),
            logs=Path(logs) if logs else None,
            keep=os.environ.get("LOAD_KEEP") == "1",
            rights=os.environ.get("LOAD_RIGHTS", "1") != "0" and rights_available(),
        )


@dataclass
class Run:
    url: str
    folder: Path
    seed: dict[str, dict[str, int]]
    seconds: float
    server_deadlocks: int


def seed_store(url: str) -> dict[str, dict[str, int]]:
    """Fill the new database; each factsheet's version and last history row afterwards."""
    with Store.open(url) as store:
        store.import_factsheets(scenario.seed_factsheets(), actor="seed")
        with store.engine.connect() as conn:
            last = conn.scalar(select(func.max(s.change.c.id))) or 0
        return {
            f"{row.country} {row.edition}": {"version": row.version, "history": int(last)}
            for row in store.list()
        }


def rights_available() -> bool:
    """The server's rights (``admin init-postgres``, ``admin grant``) are part of this build."""
    return importlib.util.find_spec("eccp_desktop.store.server_rights") is not None


GRANTS = {"officer": "officer", "central": "central", "reader": "reviewer"}


def login_of(role: scenario.Role) -> str:
    country = f"_{role.country.lower()}" if role.country else ""
    return f"eccp_load_{role.kind}{country}_{role.index}"


def install_rights(url: str, roles: list[scenario.Role]) -> dict[int, str]:
    """``admin init-postgres`` and one ``admin grant`` per client; each client's URL."""
    from contextlib import redirect_stdout
    from io import StringIO

    from eccp_desktop.cli.app import main as cli

    out = StringIO()
    with redirect_stdout(out):  # the commands' confirmations: not part of the report
        if cli(["admin", "init-postgres", url]) != 0:
            raise SystemExit(f"load-postgres: admin init-postgres failed: {out.getvalue()}")
        for role in roles:
            argv = ["--db", url, "admin", "grant", login_of(role), "--role", GRANTS[role.kind]]
            if role.country:
                argv += ["--country", role.country]
            if cli(argv) != 0:
                raise SystemExit(f"load-postgres: admin grant failed: {out.getvalue()}")
    base = make_url(url)
    return {
        r.index: base.set(username=login_of(r), password=None).render_as_string(hide_password=False)
        for r in roles
    }


def server_deadlocks(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.scalar(
                text("SELECT deadlocks FROM pg_stat_database WHERE datname = :db"),
                {"db": make_url(url).database},
            )
    finally:
        engine.dispose()
    return int(n or 0)


def run_clients(settings: Settings, url: str, folder: Path) -> None:
    """Start the client processes, let them begin together, wait for them to end."""
    roles = scenario.roles(settings.clients)
    urls = install_rights(url, roles) if settings.rights else {r.index: url for r in roles}
    procs = []
    env = dict(os.environ, ECCP_LANG="en", PYTHONPATH=str(ROOT))
    for role in roles:
        config = {
            "url": urls[role.index],
            "rights": settings.rights,
            "foreign": settings.foreign,
            "inject": settings.inject,
            "role": role.as_json(),
            "seed": settings.seed,
            "edition": scenario.EDITION,
            "edited": list(scenario.EDITED),
            "think_min": settings.think[0],
            "think_max": settings.think[1],
            "folder": str(folder),
            "start_timeout": settings.start_timeout,
        }
        path = folder / f"config-{role.index:02d}.json"
        path.write_text(json.dumps(config))
        with open(folder / f"stderr-{role.index:02d}.txt", "w") as err:  # the child keeps it
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "tests.load.client", str(path)],
                    cwd=ROOT,
                    env=env,
                    stderr=err,
                )
            )
    give_up = time.time() + settings.start_timeout
    while len(list(folder.glob("ready-*"))) < len(roles):
        if time.time() > give_up or any(p.poll() is not None for p in procs):
            break  # a client that cannot start is counted as crashed
        time.sleep(0.1)
    start = time.time()
    (folder / "go").write_text(str(start + settings.seconds))
    # A client still running a minute after the end hangs (a lock never let
    # go, say): it is stopped and counted, and the others are not waited for.
    end = start + settings.seconds + 60
    for p in procs:
        try:
            p.wait(timeout=max(0.1, end - time.time()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def run(settings: Settings, folder: Path) -> Run:
    url = fresh_database(settings.server)
    seed = seed_store(url)
    run_clients(settings, url, folder)
    # saves/s is over the configured span: the clients start no action after it.
    return Run(url, folder, seed, settings.seconds, server_deadlocks(url))


def report_of(settings: Settings, result: Run) -> checker.Report:
    with Store.open(result.url) as store:
        return checker.check(
            store,
            checker.read_logs(result.folder),
            result.seed,
            seconds=result.seconds,
            clients=settings.clients,
            server_deadlocks=result.server_deadlocks,
            rights=settings.rights,
        )


def main() -> int:
    settings = Settings.from_env()
    folder = settings.logs or Path(tempfile.mkdtemp(prefix="eccp-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    began = time.time()
    result = run(settings, folder)
    try:
        report = report_of(settings, result)
    finally:
        if not settings.keep:
            drop_database(result.url, settings.server)
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count() or 0} cores"
    who = (
        "each client its own login under the server's rights"
        if settings.rights
        else "all superuser"
    )
    title = (
        f"load-postgres: {settings.clients} clients, {settings.seconds:g} s, seed {settings.seed},"
        f" {who} ({load}; {time.time() - began:.0f} s in all)"
    )
    print(report.text(title))
    if report.ok and settings.logs is None:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"  the clients' logs: {folder}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
