"""The store: saves with history and conflicts, transactions, refusals."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from eccp_desktop.domain.model import Cluster, Factsheet, Policy
from eccp_desktop.store import ConflictError, NotFoundError, Store, StoreError, StoreReadOnlyError
from eccp_desktop.store.migrate import head_revision


def sheet(**kw: object) -> Factsheet:
    clusters = [Cluster(f"C{i}", "PL22", dt.date(2012, 5, 1), 80, 60) for i in range(5)]
    return Factsheet("PL", 2023, clusters=clusters, policies=[Policy("kkk")], **kw)  # type: ignore[arg-type]


def test_fresh_store_is_at_the_newest_schema(store: Store, store_path: Path) -> None:
    con = sqlite3.connect(store_path)
    assert con.execute("select version_num from alembic_version").fetchone() == (head_revision(),)
    assert con.execute("pragma journal_mode").fetchone() == ("wal",)
    assert con.execute("pragma foreign_key_list(cluster)").fetchall()  # foreign keys declared


def test_save_writes_only_the_change_and_records_it(store: Store) -> None:
    store.import_factsheets([sheet()], actor="importer")
    fs, version = store.load_versioned("PL", 2023)
    fs.clusters[3].members = 40
    fs.status = "submitted"
    assert store.save(fs, base_version=version, actor="anna") == version + 1
    assert store.load("PL", 2023) == fs
    history = store.history("PL", 2023)
    assert [(h.actor, h.action, h.path, h.old, h.new) for h in history[-2:]] == [
        ("anna", "status", "/status", "draft", "submitted"),
        ("anna", "edit", "/clusters/3/members", 80, 40),
    ]


def test_inserting_and_removing_items_keeps_order(store: Store) -> None:
    store.import_factsheets([sheet()], actor="t")
    fs, v = store.load_versioned("PL", 2023)
    fs.clusters.insert(1, Cluster("New"))
    del fs.clusters[4]
    v = store.save(fs, base_version=v, actor="t")
    assert [c.name for c in store.load("PL", 2023).clusters] == ["C0", "New", "C1", "C2", "C4"]


def test_a_save_based_on_an_old_version_is_a_conflict(store: Store) -> None:
    store.import_factsheets([sheet()], actor="t")
    mine, v = store.load_versioned("PL", 2023)
    theirs, _ = store.load_versioned("PL", 2023)
    theirs.clusters[0].name = "Theirs"
    store.save(theirs, base_version=v, actor="other")
    mine.clusters[0].name = "Mine"
    with pytest.raises(ConflictError, match="changed elsewhere"):
        store.save(mine, base_version=v, actor="me")
    assert store.load("PL", 2023).clusters[0].name == "Theirs"


def test_import_is_all_or_nothing(store: Store) -> None:
    store.import_factsheets([sheet()], actor="t")
    broken = Factsheet("DE", 2023)
    broken.clusters = [Cluster(name=None)]  # type: ignore[arg-type]  # NOT NULL refuses it
    with pytest.raises(StoreError, match="nothing was written"):
        store.import_factsheets([Factsheet("FR", 2023), broken], actor="t")
    assert [s.country for s in store.list()] == ["PL"]


def test_import_replaces_and_bumps_the_version(store: Store) -> None:
    store.import_factsheets([sheet()], actor="t")
    (outcome,) = store.import_factsheets([Factsheet("PL", 2023)], actor="t")
    assert outcome.replaced and outcome.version == 2
    assert store.load("PL", 2023).clusters == []


def test_unknown_factsheet(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no factsheet for country XX"):
        store.resolve("XX")
    store.import_factsheets([sheet()], actor="t")
    assert store.resolve("pl") == ("PL", 2023)
    with pytest.raises(NotFoundError, match="editions: 2023"):
        store.resolve("PL", 2020)


def test_not_an_sqlite_file(tmp_path: Path) -> None:
    f = tmp_path / "notes.sqlite3"
    f.write_text("these are my notes, not a database\n" * 100)
    before = f.read_bytes()
    with pytest.raises(StoreError, match="not an ECCP store: it is not an SQLite database"):
        Store.open(f)
    assert f.read_bytes() == before


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "other.db"
    con = sqlite3.connect(f)
    con.execute("create table invoices (id integer)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match=r"not an ECCP store: it holds other tables \(invoices\)"):
        Store.open(f)


def test_store_from_a_newer_version_is_refused_untouched(store_path: Path) -> None:
    Store.open(store_path).close()
    con = sqlite3.connect(store_path)
    con.execute("update alembic_version set version_num = '9999'")
    con.commit()
    con.close()
    before = store_path.read_bytes()
    with pytest.raises(StoreError, match="written by a newer version"):
        Store.open(store_path)
    assert store_path.read_bytes() == before


def test_upgrade_from_the_oldest_revision_copies_the_file_aside(store_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from eccp_desktop.store.migrate import alembic_config

    cfg = alembic_config()
    engine = create_engine(f"sqlite:///{store_path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    with Store.open(store_path) as store:
        store.import_factsheets([sheet()], actor="t")
        assert store.load("PL", 2023) == sheet()
    backup = store_path.with_name(f"store.before-{head_revision()}.sqlite3")
    assert backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("select version_num from alembic_version").fetchone() == ("0001",)


def test_damaged_store_is_refused(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.import_factsheets([sheet()], actor="t")
        store.engine.dispose()
    con = sqlite3.connect(store_path)
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    data = bytearray(store_path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 200] = b"\xff" * 200  # scribble over a b-tree page
    store_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        Store.open(store_path)


def test_read_only_store_can_be_read_but_not_written(store_path: Path) -> None:
    with Store.open(store_path) as store:
        store.import_factsheets([sheet()], actor="t")
    con = sqlite3.connect(store_path)
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    store_path.chmod(0o444)
    before = store_path.read_bytes()
    with Store.open(store_path) as store:
        assert store.read_only
        assert store.load("PL", 2023) == sheet()
        with pytest.raises(StoreReadOnlyError, match="read-only: nothing was written"):
            store.import_factsheets([Factsheet("DE", 2023)], actor="t")
    assert store_path.read_bytes() == before


def test_sqlalchemy_url_is_accepted(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'u.sqlite3'}") as store:
        store.import_factsheets([sheet()], actor="t")
        assert store.location.path == tmp_path / "u.sqlite3"
    with pytest.raises(StoreError, match="unknown kind of database 'nonsense'"):
        Store.open("nonsense://host/db")


def test_the_fast_schema_check_knows_the_newest_revision() -> None:
    from eccp_desktop.store.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == head_revision()


def test_opening_an_up_to_date_store_does_not_import_alembic(store_path: Path) -> None:
    import subprocess
    import sys

    Store.open(store_path).close()
    code = (
        "import sys; from eccp_desktop.store import Store;"
        f"Store.open({str(store_path)!r}).close();"
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
