"""DejaVu Sans (Latin Extended, Greek, Cyrillic), found on disk and registered once.

The installer bundle copies the four faces to ``resources/fonts/``; from a
source checkout the Debian packages fonts-dejavu-core (regular, bold) and
fonts-dejavu-extra (oblique faces) provide them. Nothing is downloaded.
"""

from __future__ import annotations

import os
import struct
import sys
from functools import cache
from pathlib import Path

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
    # reportlab on first use: validation asks for coverage() at start-up, not for reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, path in locate().items():
        pdfmetrics.registerFont(TTFont(face, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=OBLIQUE, boldItalic=f"{FAMILY}-BoldOblique"
    )
    return FAMILY


@cache
def coverage() -> frozenset[int]:
    """The code points every face can draw (the intersection), for the box-free check.

    Read from the fonts' cmap tables directly, the same set reportlab's
    ``charToGlyph`` holds (tests/pdf/test_fonts.py compares them): parsing
    the four whole faces with reportlab took ~0.2 s of the window's start,
    which validates the first factsheet against this set.
    """
    common: set[int] | None = None
    for path in locate().values():
        chars = cmap_chars(path)
        common = chars if common is None else common & chars
    return frozenset(common or ())


def cmap_chars(path: Path) -> set[int]:
    """The code points of a TrueType font's cmap, chosen and read as reportlab does.

    reportlab (``TTFontFile.extractInfo``) takes the last suitable encoding
    record and keeps every mapped code point, and maps U+00A0 like the space;
    formats 4 and 12 are read here (DejaVu has those), anything else goes
    through reportlab itself.
    """
    font = path.read_bytes()
    tables = {
        font[12 + 16 * i : 16 + 16 * i]: struct.unpack_from(">I", font, 20 + 16 * i)[0]
        for i in range(struct.unpack_from(">H", font, 4)[0])
    }
    base = tables[b"cmap"]
    version, count = struct.unpack_from(">HH", font, base)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", font, base + 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        return _reportlab_chars(path)
    at = base + chosen
    fmt = struct.unpack_from(">H", font, at)[0]
    chars: set[int] = set()
    if fmt == 4:
        seg = struct.unpack_from(">H", font, at + 6)[0] // 2
        ends = struct.unpack_from(f">{seg}H", font, at + 14)
        starts = struct.unpack_from(f">{seg}H", font, at + 16 + 2 * seg)
        for start, end in zip(starts, ends, strict=True):
            chars.update(range(start, end + 1))
    elif fmt == 12:
        groups = struct.unpack_from(">I", font, at + 12)[0]
        for g in range(groups):
            start, end = struct.unpack_from(">II", font, at + 16 + 12 * g)
            chars.update(range(start, end + 1))
    else:
        return _reportlab_chars(path)
    if 0x20 in chars:
        chars.add(0xA0)
    return chars


def _reportlab_chars(path: Path) -> set[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    return set(TTFontFile(str(path), validate=0).charToGlyph)
