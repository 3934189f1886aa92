"""The application icon and the window's icons: the SVGs and the files generated from them."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import make_icons as mi
import pytest

ICONS = mi.ICONS


def png_info(data: bytes) -> tuple[int, int, dict[str, str]]:
    """(width, height, text chunks) of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, size, texts = 8, (0, 0), {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            texts[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        pos += 12 + length
    return size[0], size[1], texts


def test_the_svg_is_square_and_valid() -> None:
    root = ET.parse(mi.SVG).getroot()
    assert root.tag.endswith("svg")
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.parametrize("size", mi.PNG_SIZES)
def test_each_png_has_its_size_and_comes_from_the_current_svg(size: int) -> None:
    width, height, texts = png_info((ICONS / f"eccp-desktop-{size}.png").read_bytes())
    assert (width, height) == (size, size)
    assert texts.get(mi.HASH_KEY) == mi.svg_digest(), "the SVG changed: run `make icons`"


def test_the_ico_holds_the_windows_sizes() -> None:
    data = (ICONS / "eccp-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(mi.ICO_SIZES))
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _p, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        image = data[offset : offset + length]
        assert png_info(image)[0] == (w or 256)
        sizes.append(w or 256)
    assert sorted(sizes) == sorted(mi.ICO_SIZES)


def test_the_icns_holds_the_macos_sizes() -> None:
    data = (ICONS / "eccp-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, found = 8, {}
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = png_info(data[pos + 8 : pos + length])[0]
        pos += length
    assert found == dict(mi.ICNS_TYPES)


def test_writers_round_trip_through_the_readers() -> None:
    png = (ICONS / "eccp-desktop-16.png").read_bytes()
    assert mi.ico({16: png}).endswith(png)
    assert mi.icns({s: png for _k, s in mi.ICNS_TYPES})[:4] == b"icns"


def test_desktop_entry_points_at_the_executable_and_icon() -> None:
    entry = Path(mi.__file__).parent / "eccp-desktop.desktop"
    lines = dict(
        line.split("=", 1) for line in entry.read_text("utf-8").splitlines() if "=" in line
    )
    assert entry.read_text("utf-8").startswith("[Desktop Entry]\n")
    assert lines["Type"] == "Application"
    assert lines["Exec"].split()[0] == "eccp-desktop"
    assert lines["Icon"] == "eccp-desktop"
    assert lines["Terminal"] == "false"
    assert lines["Categories"].endswith(";")


ACTION_SVGS = sorted(mi.ACTIONS.glob("*.svg"))


def test_the_window_has_an_svg_for_each_icon_it_names() -> None:
    from eccp_desktop.ui.icons import NAMES

    assert sorted(NAMES) == [svg.stem for svg in ACTION_SVGS]


@pytest.mark.parametrize("svg", ACTION_SVGS, ids=lambda p: p.stem)
def test_each_window_icon_is_rendered_at_each_size_from_its_current_svg(svg: Path) -> None:
    root = ET.parse(svg).getroot()
    assert root.get("viewBox") == "0 0 24 24"
    for size in mi.ACTION_SIZES:
        width, height, texts = png_info((mi.ACTIONS / f"{svg.stem}-{size}.png").read_bytes())
        assert (width, height) == (size, size)
        assert texts.get(mi.HASH_KEY) == mi.svg_digest(svg), f"{svg.name} changed: run `make icons`"
