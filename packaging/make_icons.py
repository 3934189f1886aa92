"""Render the application icon's PNG, ICO and ICNS files from its SVG, and the window's icons.

    python packaging/make_icons.py        (make icons)

The generated files are committed next to the SVG: the window and ``make
run`` need them without a build step, and the build machine then needs no
SVG renderer. Each PNG records the SHA-256 of the SVG it came from (a PNG
text chunk), so a test notices when the SVG changed and this was not re-run.
The window's own icons (toolbar, menus, problems) are SVGs in ``actions/``,
each rendered to PNGs of the sizes a toolbar, a menu and a high-DPI screen
ask for. PNGs, not the SVGs, at run time: loading QtSvg before the window's
first paint would cost more than all the PNGs. ICO and ICNS hold PNG images
(Windows Vista+, macOS 10.7+), written here by hand so that no image library
is needed.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "eccp-desktop.svg"
BASENAME = "eccp-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size (the @2x types hold twice the point size)
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)
HASH_KEY = "eccp-svg-sha256"
ACTIONS = ICONS / "actions"
ACTION_SIZES = (16, 24, 32, 48)


def svg_digest(svg: Path = SVG) -> str:
    return hashlib.sha256(svg.read_bytes()).hexdigest()


def render(svg: Path, sizes: set[int]) -> dict[int, bytes]:
    """PNG bytes for each size, rendered by Qt's SVG renderer (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    digest = svg_digest(svg)
    out = {}
    for size in sorted(sizes):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.setText(HASH_KEY, digest)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; it takes str
        out[size] = bytes(data.data())
    return out


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the PNGs (a 256 px entry writes its size as 0)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: big-endian (type, length) elements holding PNGs."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    pngs = render(SVG, set(PNG_SIZES) | set(ICO_SIZES) | {s for _k, s in ICNS_TYPES})
    for size in PNG_SIZES:
        (ICONS / f"{BASENAME}-{size}.png").write_bytes(pngs[size])
    (ICONS / f"{BASENAME}.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / f"{BASENAME}.icns").write_bytes(icns(pngs))
    print(f"make_icons: {len(PNG_SIZES)} PNGs, {BASENAME}.ico and {BASENAME}.icns in {ICONS}")
    svgs = sorted(ACTIONS.glob("*.svg"))
    for svg in svgs:
        for size, data in render(svg, set(ACTION_SIZES)).items():
            (ACTIONS / f"{svg.stem}-{size}.png").write_bytes(data)
    print(f"make_icons: {len(svgs)} window icons, {len(ACTION_SIZES)} sizes each, in {ACTIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
