"""Regression tests for issue #10's store classes: damaged, foreign, newer, read-only folder.

Each refusal is one line naming the store and the place, exit 2 on the command
line, and the refused file is byte-identical afterwards (no WAL switch, no
journal, nothing).
"""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.store import Store, StoreError
from tests.conftest import ROOT


@pytest.fixture
def demo_file(tmp_path: Path, demo_files: list[Path]) -> Path:
    """A demo store, checkpointed and closed: one file, no -wal."""
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "import", *map(str, demo_files)]) == 0
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def damage(path: Path, *sql: str) -> bytes:
    """Run ``sql`` on the file as another program would, then checkpoint; the bytes."""
    con = sqlite3.connect(path)
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    return path.read_bytes()


def refused(path: Path, *command: str) -> None:
    """Run a command on ``path``: exit 2 and the file byte-identical, no -wal left."""
    before = path.read_bytes()
    assert main(["--db", str(path), *command]) == 2
    assert path.read_bytes() == before
    wal = Path(str(path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


COMMANDS = [
    ["validate", "PL"],
    ["export", "PL", "--out", "-"],
    ["pdf", "PL", "--lang", "en", "--out", "x.pdf"],
]


@pytest.mark.parametrize("command", COMMANDS)
def test_text_that_is_not_utf8_is_named_damage(
    demo_file: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo_file, "UPDATE policy SET authority = CAST(x'ff41' AS TEXT)")
    refused(demo_file, *command)
    err = capsys.readouterr().err
    assert "is damaged (unreadable value at policy/row 1/authority); restore it from a copy" in err


def test_list_meets_undecodable_text_in_what_it_reads(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo_file, "UPDATE factsheet SET status = CAST(x'64ff' AS TEXT) WHERE country = 'FR'")
    refused(demo_file, "list")
    assert "unreadable value at factsheet/row 3/status" in capsys.readouterr().err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_json_column_that_is_not_json_is_named_damage(
    demo_file: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo_file, "UPDATE policy SET title = '{not json' WHERE rowid = 2")
    refused(demo_file, *command)
    assert "damaged (a value of the wrong kind at policy/row 2/title)" in capsys.readouterr().err


def test_a_number_where_text_belongs_and_text_where_a_number_belongs(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(demo_file, "UPDATE policy SET start_year = 'soon' WHERE rowid = 3")
    refused(demo_file, "validate", "PL")
    assert "policy/row 3/start_year" in capsys.readouterr().err


def test_two_rows_in_alembic_version(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage(demo_file, "INSERT INTO alembic_version VALUES ('0001')")
    refused(demo_file, "import", str(ROOT / "resources/demo/pl-2023.eccp.json"))
    assert "alembic_version holds 2 rows, expected one" in capsys.readouterr().err


def test_a_truncated_store_is_refused_and_not_written(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = demo_file.read_bytes()
    demo_file.write_bytes(data[: len(data) - 4096])
    refused(demo_file, "import", str(ROOT / "resources/demo/pl-2023.eccp.json"))
    assert "is damaged (the file is cut short" in capsys.readouterr().err


def test_another_programs_database_is_not_switched_to_wal(tmp_path: Path) -> None:
    other = tmp_path / "accounts.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not an ECCP store"):
        Store.open(other)
    assert other.read_bytes() == before
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_newer_store_in_rollback_mode_is_left_exactly_as_it_was(demo_file: Path) -> None:
    damage(
        demo_file, "PRAGMA journal_mode = DELETE", "UPDATE alembic_version SET version_num = '9999'"
    )
    before = demo_file.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(demo_file)
    assert demo_file.read_bytes() == before
    assert not Path(str(demo_file) + "-wal").exists()


@pytest.fixture
def read_only_folder(demo_file: Path) -> Iterator[Path]:
    folder = demo_file.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        yield demo_file
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_store_in_a_read_only_folder_is_read(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = read_only_folder.read_bytes()
    assert main(["--db", str(read_only_folder), "list"]) == 0
    assert main(["--db", str(read_only_folder), "validate", "PL"]) in (0, 1)
    assert "readonly" not in capsys.readouterr().err
    with Store.open(read_only_folder) as store:
        assert store.read_only
    assert read_only_folder.read_bytes() == before


@pytest.mark.parametrize("command", [["list"], ["export", "PL", "--out", "-"]])
def test_broken_pipe_ends_quietly(demo_file: Path, command: list[str]) -> None:
    """`eccp-desktop list | head -1`: the reader went away; no traceback."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "eccp_desktop", "--db", str(demo_file), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the program writes: its first write meets a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
