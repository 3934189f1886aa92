"""What the bundle folder holds: the data it needs, without what it does not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.bundle.conftest import DIST, INTERNAL, ROOT

pytestmark = pytest.mark.bundle

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_contents as bc  # noqa: E402

MAX_BYTES = 250 * 1024 * 1024  # the footprint target


@pytest.fixture(scope="module")
def files(bundle_exe: Path) -> list[str]:
    return sorted(p.relative_to(INTERNAL).as_posix() for p in INTERNAL.rglob("*") if p.is_file())


def test_the_pdf_fonts_are_in_resources(bundle_exe: Path) -> None:
    for name in bc.DEJAVU_FACES:
        font = INTERNAL / "resources" / "fonts" / name
        assert font.read_bytes()[:4] == b"\x00\x01\x00\x00", name  # a TrueType file
    assert "DejaVu" in (INTERNAL / "resources" / "fonts" / "LICENSE-DejaVu.txt").read_text("utf-8")


def test_resources_schema_demo_and_icons(bundle_exe: Path) -> None:
    res = INTERNAL / "resources"
    assert (res / "eccp-factsheet.schema.json").is_file()
    demo = sorted(p.name for p in (ROOT / "resources" / "demo").glob("*.eccp.json"))
    assert sorted(p.name for p in (res / "demo").glob("*.eccp.json")) == demo
    assert (res / "icons" / "eccp-desktop.svg").is_file()
    assert (res / "icons" / "eccp-desktop-256.png").is_file()
    window_icons = sorted(p.name for p in (ROOT / "resources" / "icons" / "actions").glob("*.png"))
    assert window_icons
    assert sorted(p.name for p in (res / "icons" / "actions").glob("*.png")) == window_icons


def test_a_compiled_catalog_for_every_translation(bundle_exe: Path) -> None:
    sources = sorted(
        p.parent.parent.name for p in (ROOT / "translations").glob("*/LC_MESSAGES/*.po")
    )
    bundled = sorted(
        p.parent.parent.name
        for p in (INTERNAL / "translations").glob("*/LC_MESSAGES/eccp_desktop.mo")
    )
    assert bundled == sources
    assert not list((INTERNAL / "translations").rglob("*.po"))


def test_the_migrations_run_from_source(bundle_exe: Path) -> None:
    src = ROOT / "eccp_desktop" / "store" / "migrations"
    dst = INTERNAL / "eccp_desktop" / "store" / "migrations"
    assert (dst / "env.py").is_file() and (dst / "script.py.mako").is_file()
    assert sorted(p.name for p in (dst / "versions").glob("*.py")) == sorted(
        p.name for p in (src / "versions").glob("*.py")
    )


def test_babel_has_the_eu_languages_only(files: list[str]) -> None:
    locales = {Path(f).stem for f in files if f.startswith("babel/locale-data/")}
    assert {"root", "en", "el", "bg", "ga", "mt"} <= locales
    assert not locales & {"ja", "zh", "ru", "ar", "hi", "tr", "uk"}
    assert any(f == "babel/global.dat" for f in files)


def test_qt_has_the_plugins_the_app_needs(files: list[str]) -> None:
    plugins = {
        f.split("/plugins/", 1)[1] for f in files if "/plugins/" in f and f.startswith("PySide6/")
    }
    kinds = {p.split("/")[0] for p in plugins}
    assert {"platforms", "imageformats", "iconengines"} <= kinds
    names = {Path(p).name.split(".")[0].removeprefix("lib") for p in plugins}
    wanted = {"qoffscreen", "qminimal"} | ({"qxcb"} if sys.platform.startswith("linux") else set())
    assert wanted <= names
    assert {"qsvgicon", "qsvg"} <= names
    assert not kinds & {"sqldrivers", "qmltooling", "wayland-shell-integration"}


def test_qt_translations_for_the_eu_languages_only(files: list[str]) -> None:
    qms = {Path(f).stem for f in files if f.endswith(".qm")}
    assert {"qtbase_de", "qtbase_fr", "qtbase_pl", "qtbase_bg"} <= qms
    assert all(q.startswith("qtbase_") for q in qms)
    assert not qms & {"qtbase_ja", "qtbase_ru", "qtbase_zh_CN"}


def test_unused_qt_modules_and_python_packages_are_left_out(files: list[str]) -> None:
    unwanted = ("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Wayland")
    assert not [f for f in files if any(u in f for u in unwanted)]
    tops = {f.split("/")[0] for f in files}
    assert not tops & {
        "tkinter",
        "_pytest",
        "pytest",
        "hypothesis",
        "mypy",
        "IPython",
        "PyInstaller",
    }
    assert not [f for f in files if "_tkinter" in f or "libtk" in f or "libtcl" in f]


def test_the_python_archive_leaves_out_tests_and_tools(bundle_exe: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    carchive = CArchiveReader(str(bundle_exe))
    pyz_name = next(n for n in carchive.toc if n.endswith(".pyz"))
    tmp = DIST.parent / "smoke-PYZ.pyz"
    tmp.write_bytes(carchive.extract(pyz_name))
    try:
        modules = set(ZlibArchiveReader(str(tmp)).toc)
    finally:
        tmp.unlink()
    assert "eccp_desktop.cli.app" in modules and "eccp_desktop.store.migrate" in modules
    for excluded in (
        "tkinter",
        "pytest",
        "hypothesis",
        "mypy",
        "pip",
        "setuptools",
        "sqlalchemy.testing",
        "PySide6.QtQml",
    ):
        assert excluded not in modules, excluded


def test_size_on_disk_is_within_the_target(bundle_exe: Path) -> None:
    assert bc.bundle_size(DIST) <= MAX_BYTES
