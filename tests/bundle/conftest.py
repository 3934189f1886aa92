"""Running the built bundle (dist/eccp-desktop) as an officer would.

Every run gets a clean environment: no PYTHONPATH, no user site-packages,
the venv off PATH, HOME and the XDG folders in a temporary directory, the
working directory elsewhere. So the bundle cannot lean on the build
machine's Python. ``make smoke`` runs these (``-m bundle``); ``make test``
deselects them. No bundle is a failure here, not a skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "eccp-desktop"
EXE = DIST / ("eccp-desktop.exe" if sys.platform == "win32" else "eccp-desktop")
INTERNAL = DIST / "_internal"
TIMEOUT = 180  # seconds: a hung window must not hang CI


def needs_source(relative: str, feature: str) -> pytest.MarkDecorator:
    """Skip while ``relative`` is absent from the source tree (a branch not merged yet)."""
    return pytest.mark.skipif(
        not (ROOT / relative).exists(),
        reason=f"{feature} is not in this source tree yet ({relative} is absent)",
    )


@dataclass
class Bundle:
    exe: Path
    home: Path

    def env(self, **extra: str) -> dict[str, str]:
        home = self.home
        env = {
            "PATH": os.pathsep.join(p for p in os.defpath.split(os.pathsep) if p),
            "HOME": str(home),
            "USERPROFILE": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CONFIG_DIRS": str(home / "site"),  # the site file's folder: not the machine's
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "TMPDIR": str(home / "tmp"),
            "PYTHONNOUSERSITE": "1",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "ECCP_USER": "smoke",
        }
        for key in ("SYSTEMROOT", "WINDIR"):  # Windows cannot start a process without them
            if key in os.environ:
                env[key] = os.environ[key]
        env.update(extra)
        return env

    def run(
        self, *args: str | Path, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        for sub in ("run", "tmp"):
            (self.home / sub).mkdir(mode=0o700, parents=True, exist_ok=True)
        argv: Sequence[str] = [str(self.exe), *map(str, args)]
        return subprocess.run(
            argv,
            env=env or self.env(),
            cwd=self.home,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )


@pytest.fixture(scope="session")
def bundle_exe() -> Path:
    if not EXE.is_file():
        pytest.fail(f"no bundle at {EXE}: run `make build` first", pytrace=False)
    return EXE


@pytest.fixture
def bundle(bundle_exe: Path, tmp_path: Path) -> Bundle:
    home = tmp_path / "home"
    home.mkdir()
    return Bundle(bundle_exe, home)


@pytest.fixture(scope="session")
def demo_sources() -> list[Path]:
    files = sorted((ROOT / "resources" / "demo").glob("*.eccp.json"))
    assert files, "resources/demo has no packages"
    return files


@pytest.fixture(scope="session")
def demo_db(
    bundle_exe: Path, tmp_path_factory: pytest.TempPathFactory, demo_sources: list[Path]
) -> Path:
    """A store the bundle itself filled with the demo packages (shared, read by later tests)."""
    home = tmp_path_factory.mktemp("demo-home")
    db = home / "demo.sqlite3"
    result = Bundle(bundle_exe, home).run("--db", db, "import", *demo_sources)
    assert result.returncode == 0, result.stderr
    return db
