"""The window's icons: PNGs rendered from the SVGs in resources/icons (``make icons``).

The application's own set rather than the style's standard pixmaps: each
says what its action does (a PDF, undo's hooked arrow), looks the same on
every platform, and asking the style for one builds PySide's Python enums for
all of QStyle (~5 ms) before the window's first paint. PNGs, not SVGs: the
SVG renderer would load QtSvg and its icon engine before that paint too.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from eccp_desktop.paths import resource
from eccp_desktop.ui.qt import QIcon, QSize

# Each name has resources/icons/actions/<name>-<size>.png at every size rendered.
NAMES = (
    "undo", "redo", "import", "export", "preview", "pdf", "sign-off", "new", "validate",
    "error", "warning", "info",
    "status-draft", "status-submitted", "status-validated", "status-reviewed", "status-published",
)  # fmt: skip


@cache  # the folder is part of the installed application: listed once
def sized_pngs(folder: Path) -> dict[str, list[tuple[int, str]]]:
    """Each icon in ``folder`` with its sizes: ``undo-16.png``, ``undo-24.png``, ..."""
    found: dict[str, list[tuple[int, str]]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found  # a damaged installation: the window still opens, without these icons
    for entry in entries:
        stem, _dot, extension = entry.name.rpartition(".")
        name, _dash, size = stem.rpartition("-")
        if extension == "png" and name and size.isdigit():  # any other file is no icon size
            found.setdefault(name, []).append((int(size), entry.path))
    return found


def icon_from(folder: Path, name: str) -> QIcon:
    """``name`` at every size found in ``folder``, as one icon Qt scales from."""
    icon = QIcon()
    for size, path in sorted(sized_pngs(folder).get(name, [])):
        icon.addFile(path, QSize(size, size))
    return icon


@cache  # one QIcon per name: Qt then loads each PNG once, however many rows show it
def icon(name: str) -> QIcon:
    if name not in NAMES:
        raise KeyError(f"no icon named {name!r}")
    return icon_from(resource("icons", "actions"), name)


def app_icon() -> QIcon:
    """The application's icon at each size rendered from its SVG."""
    return icon_from(resource("icons"), "eccp-desktop")
