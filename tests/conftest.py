"""Test configuration: offscreen Qt, a fresh store per test, the demo packages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed or used.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECCP_USER", "tester")
os.environ["ECCP_LANG"] = "en"

from eccp_desktop.paths import demo_packages
from eccp_desktop.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the real user's data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))  # parsed hyphenation dictionaries
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "site"))  # no site file of the machine's
    monkeypatch.delenv("ECCP_DB", raising=False)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with Store.open(store_path) as s:
        yield s


@pytest.fixture
def demo_files() -> list[Path]:
    files = demo_packages()
    assert files, "resources/demo has no packages"
    return files


@pytest.fixture
def demo_store(store: Store, demo_files: list[Path]) -> Store:
    from eccp_desktop.exchange import read_package

    store.import_factsheets([read_package(p) for p in demo_files], actor="demo")
    return store
