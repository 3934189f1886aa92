"""What goes into the PyInstaller bundle: the rules ``build.spec`` applies.

Kept out of the spec so the rules can be unit-tested without running
PyInstaller (``tests/installer``). Build time only: never imported by the
application, and free of PyInstaller imports.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.countries import COUNTRIES


class BuildError(Exception):
    """The build cannot produce a working bundle; the message says what to do."""


# -- fonts -------------------------------------------------------------------

# The PDF renderer's four faces; it looks in resources/fonts first.
DEJAVU_FACES = {
    "DejaVuSans.ttf": "DejaVu Sans:style=Book",
    "DejaVuSans-Bold.ttf": "DejaVu Sans:style=Bold",
    "DejaVuSans-Oblique.ttf": "DejaVu Sans:style=Oblique",
    "DejaVuSans-BoldOblique.ttf": "DejaVu Sans:style=Bold Oblique",
}

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
    "/usr/share/fonts/TTF",  # Arch
    "/usr/share/fonts/dejavu",
    "/Library/Fonts",
    os.path.expanduser("~/Library/Fonts"),
    *(
        [
            os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
            os.path.join(os.environ.get("LOCALAPPDATA", ""), r"Microsoft\Windows\Fonts"),
        ]
        if sys.platform == "win32"
        else []
    ),
)


def _fc_match(pattern: str) -> Path | None:
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out) if out else None


def find_dejavu_fonts(extra_dirs: Iterable[str | Path] = ()) -> dict[str, Path]:
    """The four DejaVu Sans files, by file name; BuildError if any is missing.

    ``ECCP_FONT_DIR`` and ``extra_dirs`` are searched first, then fontconfig
    (``fc-match``), then the usual system folders.
    """
    dirs = [Path(d) for d in extra_dirs]
    if os.environ.get("ECCP_FONT_DIR"):
        dirs.insert(0, Path(os.environ["ECCP_FONT_DIR"]))
    found: dict[str, Path] = {}
    for name, pattern in DEJAVU_FACES.items():
        candidates = [d / name for d in dirs]
        matched = _fc_match(pattern)
        if matched is not None and matched.name == name:  # fc-match substitutes silently
            candidates.append(matched)
        candidates += [Path(d) / name for d in FONT_DIRS if d]
        hit = next((c for c in candidates if c.is_file()), None)
        if hit is not None:
            found[name] = hit
    missing = sorted(set(DEJAVU_FACES) - set(found))
    if missing:
        raise BuildError(
            "the PDF fonts are missing: "
            + ", ".join(missing)
            + ". Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core "
            "fonts-dejavu-extra; Fedora: dnf install dejavu-sans-fonts) or put the "
            "DejaVu Sans .ttf files in a folder and set ECCP_FONT_DIR to it."
        )
    return found


def font_license(fonts: dict[str, Path]) -> Path | None:
    """DejaVu's licence beside the fonts or in the distribution's docs (shipped with them)."""
    candidates = [f.parent / n for f in fonts.values() for n in ("LICENSE", "LICENSE.txt")]
    candidates.append(Path("/usr/share/doc/fonts-dejavu-core/copyright"))
    return next((c for c in candidates if c.is_file()), None)


# -- gettext catalogs ----------------------------------------------------------


def compiled_catalogs(translations: Path) -> list[tuple[Path, str]]:
    """Every ``.mo`` as (source, bundle folder); BuildError if one is missing or stale."""
    problems, datas = [], []
    for po in sorted(translations.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file():
            problems.append(f"{mo} is missing")
        elif mo.stat().st_mtime < po.stat().st_mtime:
            problems.append(f"{mo} is older than its .po")
        else:
            datas.append((mo, str(PurePath("translations", po.parent.relative_to(translations)))))
    if problems:
        raise BuildError(
            "the compiled catalogs are not up to date (" + "; ".join(problems) + "): "
            "run `make translations` (pybabel compile) before building."
        )
    return datas


# -- Babel's CLDR data -----------------------------------------------------------

EU_MEMBER_STATES = tuple(sorted(c.code for c in COUNTRIES.values() if c.group in ("EU15", "EU13")))


def babel_parent(locale_name: str, parent_exceptions: dict[str, str]) -> str | None:
    """The locale Babel merges ``locale_name`` onto (``babel.localedata.load``)."""
    if locale_name == "root":
        return None
    if locale_name in parent_exceptions:
        return parent_exceptions[locale_name]
    parts = locale_name.split("_")
    return "_".join(parts[:-1]) if len(parts) > 1 else "root"


def babel_locales(available: Iterable[str], parent_exceptions: dict[str, str]) -> set[str]:
    """The CLDR locales to ship: each EU language, alone and as spoken in a
    member state (de_AT, el_CY, sv_FI...), plus every parent Babel loads
    under them (root, en_001, en_150...)."""
    available = set(available)
    wanted: set[str] = {lang for lang in EU_LANGUAGES if lang in available}
    wanted |= {
        f"{lang}_{state}"
        for lang in EU_LANGUAGES
        for state in EU_MEMBER_STATES
        if f"{lang}_{state}" in available
    }
    for name in list(wanted):
        parent = babel_parent(name, parent_exceptions)
        while parent is not None:
            wanted.add(parent)
            parent = babel_parent(parent, parent_exceptions)
    return wanted


# -- Qt ------------------------------------------------------------------------

# Platform plugins: X11 (XWayland covers Wayland sessions), Windows, macOS, and
# offscreen/minimal for headless runs and the smoke test.
QT_PLATFORMS = ("xcb", "offscreen", "minimal", "windows", "cocoa")
# Plugin folders no part of the app uses: embedded/touch input, Wayland
# client integrations, QML tooling, SQL drivers (SQLAlchemy is used, not
# QtSql), networking (the app works offline), designer, virtual keyboard.
QT_PLUGIN_DIRS_DROPPED = (
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "qmltooling",
    "sqldrivers",
    "tls",
    "designer",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
)
QT_PLUGINS_DROPPED = (
    "libqtvirtualkeyboardplugin",  # needs QtQuick
    "libqgtk3",  # would pull the build machine's GTK; the portal theme is enough
    "libqpdf",  # image-format plugin rendering PDFs as images: needs QtPdf for no use
)


def qt_plugin_kept(dest: str) -> bool:
    """Whether a collected file under ``.../Qt/plugins/<type>/<file>`` stays."""
    parts = PurePath(dest).parts
    if "plugins" not in parts:
        return True
    i = parts.index("plugins")
    # .../PySide6/Qt/plugins on Linux and macOS, .../PySide6/plugins on Windows
    if len(parts) < i + 3 or parts[i - 1] not in ("Qt", "PySide6"):
        return True
    kind, filename = parts[i + 1], parts[-1]
    stem = filename.split(".")[0]
    if kind in QT_PLUGIN_DIRS_DROPPED or stem in QT_PLUGINS_DROPPED:
        return False
    if kind == "platforms":
        name = stem.removeprefix("lib").removeprefix("q")
        return name in QT_PLATFORMS
    return True


def qt_translation_kept(dest: str) -> bool:
    """Only ``qtbase_<lang>.qm`` for the EU languages (standard dialogs, buttons).

    The ``qt_<lang>.qm`` meta catalogs are dropped: they load the catalogs of
    every Qt module (QML, multimedia...) and fail when those are absent.
    """
    path = PurePath(dest)
    if path.suffix != ".qm" or "translations" not in path.parts[:-1]:
        return True
    if path.parent.name != "translations" or path.parent.parent.name not in ("Qt", "PySide6"):
        return True
    name = path.stem
    if not name.startswith("qtbase_"):
        return False
    return name.removeprefix("qtbase_").split("_")[0] in EU_LANGUAGES


# Qt modules the app never imports; excluding them keeps hooks and helper
# imports from dragging them (and their plugins) in.
QT_MODULES_EXCLUDED = tuple(
    f"PySide6.{m}"
    for m in (
        "Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtAxContainer "
        "QtBluetooth QtCharts QtConcurrent QtDataVisualization QtDesigner QtGraphs "
        "QtGraphsWidgets QtHelp QtHttpServer QtLocation QtMultimedia QtMultimediaWidgets "
        "QtNetworkAuth QtNfc QtPositioning QtQml QtQuick QtQuick3D QtQuickControls2 "
        "QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml QtSensors QtSerialBus "
        "QtSerialPort QtSpatialAudio QtSql QtStateMachine QtTest QtTextToSpeech QtUiTools "
        "QtWebChannel QtWebEngineCore QtWebEngineQuick QtWebEngineWidgets QtWebSockets "
        "QtWebView QtXml"
    ).split()
)

PYTHON_EXCLUDED = (
    # GUI toolkits and developer tools the app does not use
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "pydoc_data",
    "lib2to3",
    "IPython",
    "jedi",
    "matplotlib",
    "numpy",
    # test suites and test tools
    "test",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "xdist",
    "mypy",
    "ruff",
    "pypdf",
    "sqlalchemy.testing",
    "alembic.testing",
    "jsonschema.tests",
    "reportlab.graphics.testshapes",
    "PyInstaller",
    # Pillow (reportlab's image support): the core and the PNG/JPEG/GIF/TIFF
    # codecs stay; the AVIF and WebP codecs, colour management, its font
    # engine and its Tk/Qt bridges are not used and carry ~10 MB of libraries.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingft",
    "PIL.ImageFont",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # packaging tools: nothing reads distributions at run time but importlib.metadata
    "pip",
    "setuptools",
    "pkg_resources",
    "wheel",
    # not distutils: it left the standard library in 3.12, and setuptools'
    # hook names it as an alias, which an exclusion here would contradict
)


def bundle_size(folder: Path) -> int:
    """Bytes on disk under ``folder`` (what ``du`` reports, without following links)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for f in files:
            st = os.lstat(os.path.join(root, f))
            total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total


def executable_name(base: str = "eccp-desktop") -> str:
    return base + (".exe" if sys.platform == "win32" else "")


# -- pruning -----------------------------------------------------------------------


def orphaned_libraries(
    kept: Iterable[tuple[str, str]],
    dropped: Iterable[tuple[str, str]],
    imports_of: Callable[[str], set[str]],
) -> set[str]:
    """Names of collected libraries that only the dropped plugins needed.

    ``kept`` and ``dropped`` are (bundle name, source path) pairs;
    ``imports_of(source)`` gives the file names a binary links against.
    Conservative: a library any kept binary reaches stays.
    """
    kept = list(kept)
    by_name = {PurePath(dest).name: src for dest, src in kept}

    def closure(start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = [n for src in start for n in imports_of(src) if n in by_name]
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo += [n for n in imports_of(by_name[name]) if n in by_name]
        return seen

    candidates = closure(src for _dest, src in dropped)
    roots = [src for dest, src in kept if PurePath(dest).name not in candidates]
    return candidates - closure(roots)
