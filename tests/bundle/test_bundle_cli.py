"""The bundle's command line, in a clean environment: version, store, languages."""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n.formatting import country_name
from tests.bundle.conftest import DIST, Bundle

pytestmark = pytest.mark.bundle


def test_version_is_the_package_metadata(bundle: Bundle) -> None:
    result = bundle.run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"eccp-desktop {version('eccp-desktop')}"


def test_imports_the_demo_packages_into_a_new_store(
    bundle: Bundle, demo_sources: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "new.sqlite3"
    result = bundle.run("--db", db, "import", *demo_sources)
    assert result.returncode == 0, result.stderr

    listed = bundle.run("--db", db, "list")
    assert listed.returncode == 0, listed.stderr
    codes = {line.split()[0] for line in listed.stdout.splitlines()}
    expected = {json.loads(p.read_text("utf-8"))["country"] for p in demo_sources}
    assert codes == expected


def test_first_use_creates_the_default_store_in_the_user_data_folder(
    bundle: Bundle, demo_sources: list[Path]
) -> None:
    # The default store is seeded from the bundled demo packages (resources/demo)
    # and created by the bundled Alembic migrations.
    result = bundle.run("import", demo_sources[0])
    assert result.returncode == 0, result.stderr
    store = bundle.home / "data" / "eccp-desktop" / "factsheets.sqlite3"
    assert store.is_file()
    listed = bundle.run("list")
    assert len(listed.stdout.splitlines()) == len(demo_sources)


def test_export_gives_back_the_package(bundle: Bundle, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pl.eccp.json"
    result = bundle.run("--db", demo_db, "export", "PL", "--out", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert (data["format"], data["country"], data["edition"]) == ("eccp-factsheet", "PL", 2023)


def test_bad_input_exits_2_with_a_line_on_stderr(bundle: Bundle, tmp_path: Path) -> None:
    db = tmp_path / "untouched.sqlite3"
    result = bundle.run("--db", db, "import", tmp_path / "missing.eccp.json")
    assert result.returncode == 2
    assert "missing.eccp.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("lang", EU_LANGUAGES)
def test_every_language_names_the_countries_from_the_bundled_cldr_data(
    bundle: Bundle, demo_db: Path, lang: str
) -> None:
    result = bundle.run("--db", demo_db, "list", env=bundle.env(ECCP_LANG=lang))
    assert result.returncode == 0, result.stderr
    poland = next(line for line in result.stdout.splitlines() if line.startswith("PL "))
    assert poland.endswith(country_name("PL", lang))  # CLDR's name, as a label


def test_running_writes_nothing_into_the_installed_folder(
    bundle: Bundle, demo_sources: list[Path], tmp_path: Path
) -> None:
    # Migrations run from source files in the bundle; no __pycache__ may appear
    # beside them (the folder is read-only for officers).
    result = bundle.run("--db", tmp_path / "fresh.sqlite3", "import", demo_sources[0])
    assert result.returncode == 0, result.stderr
    assert list(DIST.rglob("__pycache__")) == []


def test_no_traceback_on_help(bundle: Bundle) -> None:
    result = bundle.run("--help")
    assert result.returncode == 0, result.stderr
    assert re.search(r"\bimport\b", result.stdout)


def test_the_bundle_ignores_pythonpath_and_the_user_site(
    bundle: Bundle, demo_sources: list[Path], tmp_path: Path
) -> None:
    # Packages that abort on import, where a Python that leans on its
    # environment would find them first.
    version_dir = f"python{sys.version_info.major}.{sys.version_info.minor}"
    user_site = bundle.home / ".local" / "lib" / version_dir / "site-packages"
    poison = tmp_path / "poison"
    for folder in (poison, user_site):
        for name in ("eccp_desktop", "sqlalchemy", "babel", "PySide6"):
            (folder / name).mkdir(parents=True)
            (folder / name / "__init__.py").write_text('raise SystemExit("POISON")\n')
    env = bundle.env(PYTHONPATH=str(poison))
    del env["PYTHONNOUSERSITE"]
    db = tmp_path / "p.sqlite3"
    imported = bundle.run("--db", db, "import", demo_sources[0], env=env)
    assert imported.returncode == 0, imported.stderr
    listed = bundle.run("--db", db, "list", env={**env, "ECCP_LANG": "de"})
    assert listed.returncode == 0, listed.stderr
    assert "POISON" not in imported.stderr + listed.stderr
