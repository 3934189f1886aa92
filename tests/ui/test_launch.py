"""Starting the window: no display, the smoke-test contract, the installer's line."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eccp_desktop.ui import display

ROOT = Path(__file__).resolve().parents[2]


def _window_env(tmp_path: Path, exit_after: str) -> dict[str, str]:
    """A window process offscreen, with its own user folders and no ECCP_DB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env[f"ECCP_EXIT_AFTER_{exit_after}"] = "1"
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env.pop("ECCP_DB", None)
    return env


def _python(
    *args: str, env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "minimal"}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, True),
    ],
)
def test_has_display(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: bool) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setattr(sys, "platform", "linux")
    assert display.has_display() is expected


def test_no_display_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["ECCP_DB"] = str(tmp_path / "s.sqlite3")
    run = _python("-m", "eccp_desktop", env=env, timeout=60)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "xvfb-run" in lines[0] and "--help" in lines[0]
    assert not (tmp_path / "s.sqlite3").exists()


@pytest.mark.gui
def test_exit_after_show_on_the_default_store(tmp_path: Path) -> None:
    """The installer's smoke test: first use seeds the demo, the first one is shown."""
    run = _python("-m", "eccp_desktop", env=_window_env(tmp_path, "SHOW"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "window shown: CZ 2023"
    # the loop ended without the window's close: the store's lock file goes all the same
    assert list((tmp_path / "data").rglob("*.lock")) == []


_GC_AT_EXIT = """
import atexit, gc, runpy, sys
atexit.register(lambda: print("gc", gc.isenabled(), gc.get_freeze_count() > 10000, flush=True))
sys.argv = ["eccp_desktop"]
runpy.run_module("eccp_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.mark.gui
@pytest.mark.parametrize("store", ["default", "damaged"])
def test_the_collector_runs_again_once_start_up_is_over(tmp_path: Path, store: str) -> None:
    """Start-up holds the cyclic collector (issue 16); shown or refused, it is back on after."""
    env = _window_env(tmp_path, "SHOW")
    if store == "damaged":
        (tmp_path / "bad.sqlite3").write_bytes(b"not a database" * 100)
        env["ECCP_DB"] = str(tmp_path / "bad.sqlite3")
    run = _python("-c", _GC_AT_EXIT, env=env)
    assert run.returncode == (0 if store == "default" else 2), run.stderr
    # on, and what start-up built (modules, the window) is out of the collector's way
    assert run.stdout.strip().splitlines()[-1] == "gc True True"


def test_launch_refuses_without_display(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from eccp_desktop.ui.launch import launch

    monkeypatch.setattr(display, "has_display", lambda: False)
    monkeypatch.setattr("eccp_desktop.ui.launch.has_display", lambda: False)
    assert launch(argparse.Namespace(db=None)) == 2
    assert "No display found" in capsys.readouterr().err


@pytest.mark.gui
def test_nothing_heavy_is_imported_before_the_window_paints(tmp_path: Path) -> None:
    """The start-up design: paint first, then SQLAlchemy, Babel and reportlab."""
    run = _python("-X", "importtime", "-m", "eccp_desktop", env=_window_env(tmp_path, "PAINT"))
    assert run.returncode == 0, run.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in run.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "PySide6.QtWidgets" in imported
    heavy = {
        m for m in imported if m.split(".")[0] in ("sqlalchemy", "alembic", "babel", "reportlab")
    }
    assert not heavy
    assert not (tmp_path / "data").exists()  # the store is not even opened


_ICON_AT_EXIT = """
import runpy, sys
from PySide6.QtWidgets import QApplication
_exit = QApplication.exit
def report_and_exit(code=0):  # the window has painted
    sizes = sorted(s.width() for s in QApplication.windowIcon().availableSizes())
    with open("/proc/self/maps") as f:
        svg = "libQt6Svg" in f.read()
    style = "QStyle" in vars(sys.modules["PySide6.QtWidgets"])  # its Python type is built
    print("icon", *sizes, "svg", svg, "QStyle", style, flush=True)
    _exit(code)
QApplication.exit = staticmethod(report_and_exit)
sys.argv = ["eccp_desktop"]
runpy.run_module("eccp_desktop", run_name="__main__", alter_sys=True)
"""


@pytest.mark.gui
@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads Linux's /proc")
def test_the_window_paints_its_icons_without_the_svg_library_or_the_styles_enums(
    tmp_path: Path,
) -> None:
    run = _python("-c", _ICON_AT_EXIT, env=_window_env(tmp_path, "PAINT"))
    assert run.returncode == 0, run.stderr
    # the sizes `make icons` renders; QtSvg is not loaded just for the icons, and
    # no style icon was asked for (PySide builds all of QStyle's enums for it, ~5 ms)
    assert run.stdout.splitlines()[-1] == "icon 16 24 32 48 64 128 256 512 svg False QStyle False"


@pytest.mark.gui
def test_a_second_process_on_the_same_store_gets_read_only(open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(pl_store)  # holds the store's lock
    assert first.doc.editable
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ECCP_EXIT_AFTER_SHOW="1")
    run = _python("-m", "eccp_desktop", "--db", str(pl_store), env=env)
    assert run.returncode == 0, run.stderr
    assert "window shown: CZ 2023" in run.stdout
    assert "the factsheet is read-only" in run.stderr


@pytest.mark.gui
def test_a_png_without_a_size_in_its_name_is_no_icon(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eccp_desktop.ui.icons import app_icon

    icons = tmp_path / "icons"
    icons.mkdir()
    source = ROOT / "resources" / "icons" / "eccp-desktop-16.png"
    for name in ("eccp-desktop-16.png", "eccp-desktop-old.png"):
        (icons / name).write_bytes(source.read_bytes())
    monkeypatch.setenv("ECCP_RESOURCES", str(tmp_path))
    assert [s.width() for s in app_icon().availableSizes()] == [16]
