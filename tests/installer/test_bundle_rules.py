"""The rules build.spec applies to what PyInstaller collected."""

from __future__ import annotations

import os
from pathlib import Path

import bundle_contents as bc
import pytest
from babel.core import get_global
from babel.localedata import locale_identifiers

PARENTS = dict(get_global("parent_exceptions"))


@pytest.fixture(scope="module")
def kept_locales() -> set[str]:
    return bc.babel_locales([*locale_identifiers(), "root"], PARENTS)


def test_babel_keeps_each_eu_language_and_its_member_state_variants(kept_locales: set[str]) -> None:
    for lang in bc.EU_LANGUAGES:
        assert lang in kept_locales
    assert {"el_CY", "el_GR", "de_AT", "sv_FI", "fr_LU", "en_IE", "en_MT", "pt_PT"} <= kept_locales


def test_babel_keeps_every_parent_it_merges_onto(kept_locales: set[str]) -> None:
    for name in kept_locales:
        parent = bc.babel_parent(name, PARENTS)
        assert parent is None or parent in kept_locales, (name, parent)
    assert {"root", "en_001", "en_150"} <= kept_locales


def test_babel_drops_the_rest_of_the_world(kept_locales: set[str]) -> None:
    assert not kept_locales & {"ja", "zh", "ru", "ar", "en_US", "fr_CA", "pt_BR", "es_MX", "gaa"}
    assert len(kept_locales) < 120  # of ~1000


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_qt_plugins(dest: str, kept: bool) -> None:
    assert bc.qt_plugin_kept(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_pt_BR.qm", True),
        ("PySide6/translations/qtbase_pl.qm", True),
        ("PySide6/Qt/translations/qtbase_ja.qm", False),
        ("PySide6/Qt/translations/qt_de.qm", False),
        ("PySide6/Qt/translations/qt_help_de.qm", False),
        ("PySide6/Qt/translations/assistant_de.qm", False),
        ("translations/de/LC_MESSAGES/eccp_desktop.mo", True),
        ("babel/locale-data/de.dat", True),
    ],
)
def test_qt_translations(dest: str, kept: bool) -> None:
    assert bc.qt_translation_kept(dest) is kept


def test_libraries_only_dropped_plugins_needed_are_orphans() -> None:
    links = {
        "/q/libqwayland.so": {"libQt6WaylandClient.so.6", "libQt6Gui.so.6"},
        "/q/libQt6WaylandClient.so.6": {"libwayland-client.so.0", "libQt6Gui.so.6"},
        "/q/libwayland-client.so.0": set(),
        "/q/libqxcb.so": {"libQt6XcbQpa.so.6", "libQt6Gui.so.6"},
        "/q/libQt6XcbQpa.so.6": {"libQt6Gui.so.6"},
        "/q/libQt6Gui.so.6": set(),
    }
    kept = [(os.path.basename(s), s) for s in links if "wayland.so" not in s]
    dropped = [("plugins/platforms/libqwayland.so", "/q/libqwayland.so")]
    orphans = bc.orphaned_libraries(kept, dropped, lambda src: links[src])
    assert orphans == {"libQt6WaylandClient.so.6", "libwayland-client.so.0"}


def test_a_library_a_kept_binary_needs_is_no_orphan() -> None:
    links = {
        "/q/dropped.so": {"libshared.so"},
        "/q/kept.so": {"libshared.so"},
        "/q/libshared.so": set(),
    }
    kept = [("kept.so", "/q/kept.so"), ("libshared.so", "/q/libshared.so")]
    orphans = bc.orphaned_libraries(kept, [("dropped.so", "/q/dropped.so")], lambda s: links[s])
    assert orphans == set()


def _no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bc, "FONT_DIRS", ())
    monkeypatch.setattr(bc, "_fc_match", lambda pattern: None)
    monkeypatch.delenv("ECCP_FONT_DIR", raising=False)


def test_fonts_come_from_ECCP_FONT_DIR(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_system_fonts(monkeypatch)
    for name in bc.DEJAVU_FACES:
        (tmp_path / name).write_bytes(b"\x00\x01\x00\x00")
    monkeypatch.setenv("ECCP_FONT_DIR", str(tmp_path))
    assert bc.find_dejavu_fonts() == {name: tmp_path / name for name in bc.DEJAVU_FACES}


def test_missing_fonts_fail_the_build_naming_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_system_fonts(monkeypatch)
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    with pytest.raises(bc.BuildError) as e:
        bc.find_dejavu_fonts(extra_dirs=[tmp_path])
    message = str(e.value)
    assert "DejaVuSans-Bold.ttf" in message and "DejaVuSans.ttf," not in message
    assert "fonts-dejavu-core" in message and "ECCP_FONT_DIR" in message


def test_the_build_machine_has_the_fonts() -> None:
    # .ci/system-deps installs them; the spec fails without them
    assert set(bc.find_dejavu_fonts()) == set(bc.DEJAVU_FACES)


def _catalog(root: Path, lang: str, *, mo: bool, stale: bool = False) -> None:
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "eccp_desktop.po"
    po.write_text("", "utf-8")
    if mo:
        (folder / "eccp_desktop.mo").write_bytes(b"")
        if stale:
            os.utime(folder / "eccp_desktop.mo", (0, 0))


def test_compiled_catalogs_go_to_their_language_folder(tmp_path: Path) -> None:
    _catalog(tmp_path, "de", mo=True)
    _catalog(tmp_path, "el", mo=True)
    datas = bc.compiled_catalogs(tmp_path)
    assert [(p.name, d.replace(os.sep, "/")) for p, d in datas] == [
        ("eccp_desktop.mo", "translations/de/LC_MESSAGES"),
        ("eccp_desktop.mo", "translations/el/LC_MESSAGES"),
    ]


@pytest.mark.parametrize("stale", [False, True])
def test_missing_or_stale_catalogs_fail_the_build(tmp_path: Path, stale: bool) -> None:
    _catalog(tmp_path, "de", mo=True)
    _catalog(tmp_path, "el", mo=stale, stale=stale)
    with pytest.raises(bc.BuildError, match="make translations"):
        bc.compiled_catalogs(tmp_path)


def test_the_font_licence_beside_the_fonts_wins(tmp_path: Path) -> None:
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    (tmp_path / "LICENSE").write_text("Bitstream Vera", "utf-8")
    assert bc.font_license({"DejaVuSans.ttf": tmp_path / "DejaVuSans.ttf"}) == tmp_path / "LICENSE"
