"""Colours, page geometry and the paragraph styles, built once per process."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from eccp_desktop.pdf import fonts, hyphenation

PAGE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE[0] - 2 * MARGIN_X

BLUE = colors.HexColor("#003399")  # EU blue
YELLOW = colors.HexColor("#FFCC00")
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#C9D3E3")
ZEBRA = colors.HexColor("#F2F5FA")
HEADER_BG = colors.HexColor("#E1E8F5")
DRAFT_RED = colors.HexColor("#C0392B")
ERROR = colors.HexColor("#B03A2E")
WARNING = colors.HexColor("#B9770E")
CHART = [BLUE, colors.HexColor("#2E86C1"), colors.HexColor("#7FB3D5"), YELLOW]


@cache
def stylesheet() -> StyleSheet1:
    """The named styles every part of the renderer uses."""
    family = fonts.register()
    bold = fonts.BOLD
    sheet = StyleSheet1()
    base = ParagraphStyle(
        "body",
        fontName=family,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        spaceAfter=5,
        # words at a line end hyphenate in the rendering's language (never cut bare)
        hyphenationLang=hyphenation.hyphenator,
    )
    sheet.add(base)

    def add(name: str, parent: ParagraphStyle = base, **kw: object) -> None:
        sheet.add(ParagraphStyle(name, parent=parent, **kw))  # type: ignore[arg-type]

    add("body_continued", spaceAfter=0)  # a long paragraph cut in pieces: no gap between
    add("kicker", fontSize=9, leading=12, textColor=MUTED, spaceAfter=2)
    add("title", fontName=bold, fontSize=26, leading=31, textColor=BLUE, spaceAfter=4)
    add("subtitle", fontSize=11.5, leading=15, textColor=INK, spaceAfter=2)
    add(
        "h1",
        fontName=bold,
        fontSize=15,
        leading=19,
        textColor=BLUE,
        spaceBefore=12,
        spaceAfter=6,
        keepWithNext=1,
    )
    add(
        "h2",
        fontName=bold,
        fontSize=11.5,
        leading=15,
        textColor=BLUE,
        spaceBefore=8,
        spaceAfter=4,
        keepWithNext=1,
    )
    add(
        "h3",
        fontName=bold,
        fontSize=10,
        leading=13,
        textColor=INK,
        spaceBefore=5,
        spaceAfter=2,
        keepWithNext=1,
    )
    add("small", fontSize=8, leading=10.5, textColor=MUTED)
    add("note", fontName=fonts.OBLIQUE, fontSize=8.5, leading=11, textColor=MUTED)
    add("cell", fontSize=8, leading=10, spaceAfter=0)
    add("cell_bold", fontName=bold, fontSize=8, leading=10, spaceAfter=0)
    add("cell_right", fontSize=8, leading=10, spaceAfter=0, alignment=TA_RIGHT)
    add("cell_center", fontSize=8, leading=10, spaceAfter=0, alignment=TA_CENTER)
    # header words are never hyphenated: the columns are made wide enough for each
    add(
        "th",
        fontName=bold,
        fontSize=8,
        leading=10,
        spaceAfter=0,
        textColor=BLUE,
        hyphenationLang="",
    )
    add("th_right", parent=sheet["th"], alignment=TA_RIGHT)
    add("th_center", parent=sheet["th"], alignment=TA_CENTER)
    add("draft", fontName=bold, fontSize=10, leading=13, textColor=DRAFT_RED, spaceAfter=2)
    add("reference", fontSize=8.5, leading=11.5, leftIndent=12, firstLineIndent=-12)
    return sheet
