"""DejaVu Sans (Latin Extended, Greek, Cyrillic), found on disk and registered once.

The installer bundle copies the four faces to ``resources/fonts/``; from a
source checkout the Debian packages fonts-dejavu-core (regular, bold) and
fonts-dejavu-extra (oblique faces) provide them. Nothing is downloaded.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from eccp_desktop.i18n import _
from eccp_desktop.paths import resource
from eccp_desktop.pdf.errors import PdfError

FAMILY = "DejaVuSans"

# reportlab face name -> (file name, Debian package that ships it)
FACES: dict[str, tuple[str, str]] = {
    FAMILY: ("DejaVuSans.ttf", "fonts-dejavu-core"),
    f"{FAMILY}-Bold": ("DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    f"{FAMILY}-Oblique": ("DejaVuSans-Oblique.ttf", "fonts-dejavu-extra"),
    f"{FAMILY}-BoldOblique": ("DejaVuSans-BoldOblique.ttf", "fonts-dejavu-extra"),
}

BOLD = f"{FAMILY}-Bold"
OBLIQUE = f"{FAMILY}-Oblique"


def font_dirs() -> list[Path]:
    """Where to look, the bundle's own folder first."""
    dirs = [resource("fonts")]
    extra = os.environ.get("ECCP_FONT_DIR")
    if extra:
        dirs.insert(0, Path(extra))
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", Path.home() / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path.home() / "Library/Fonts", Path("/Library/Fonts")]
    else:
        data = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        dirs += [Path.home() / ".local/share/fonts", Path.home() / ".fonts"]
        dirs += [Path(d) / "fonts" for d in data.split(":") if d]
        dirs += [Path("/usr/share/fonts")]
    return dirs


def find_face(filename: str, dirs: list[Path]) -> Path | None:
    """The first ``filename`` in ``dirs`` (directly, in ``truetype/dejavu``, or deeper)."""
    for d in dirs:
        for candidate in (
            d / filename,
            d / "truetype" / "dejavu" / filename,
            d / "dejavu" / filename,
        ):
            if candidate.is_file():
                return candidate
    for d in dirs:  # slower: font folders laid out differently
        if d.is_dir():
            found = next(iter(sorted(d.rglob(filename))), None)
            if found is not None:
                return found
    return None


def locate(dirs: list[Path] | None = None) -> dict[str, Path]:
    """Face name -> font file; PdfError naming the package when one is missing."""
    dirs = font_dirs() if dirs is None else dirs
    found: dict[str, Path] = {}
    missing: list[tuple[str, str]] = []
    for face, (filename, package) in FACES.items():
        path = find_face(filename, dirs)
        if path is None:
            missing.append((filename, package))
        else:
            found[face] = path
    if missing:
        files = ", ".join(f for f, _p in missing)
        packages = " ".join(sorted({p for _f, p in missing}))
        raise PdfError(
            _(
                "the PDF font is missing ({files}); install the Debian packages {packages} "
                "or copy the files into {folder}"
            ).format(files=files, packages=packages, folder=resource("fonts"))
        )
    return found


@cache
def register() -> str:
    """Register the four faces with reportlab (once per process); the family name."""
    for face, path in locate().items():
        pdfmetrics.registerFont(TTFont(face, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=OBLIQUE, boldItalic=f"{FAMILY}-BoldOblique"
    )
    return FAMILY


@cache
def coverage() -> frozenset[int]:
    """The code points every face can draw (the intersection), for the box-free check."""
    register()
    maps = [pdfmetrics.getFont(face).face.charToGlyph for face in FACES]
    common = set(maps[0])
    for m in maps[1:]:
        common &= set(m)
    return frozenset(common)
