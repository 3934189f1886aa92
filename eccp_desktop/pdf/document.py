"""The page machinery: templates, header and footer, "page X of Y", outline, metadata.

Platypus only knows the page count once every page is laid out, so the
canvas keeps each finished page and draws the footers at ``save()``. The
outline entries are recorded against their page and written at the same
time (a deferred page has no PDF page object yet to point at).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate
from reportlab.platypus.paragraph import ParagraphStyle

from eccp_desktop.pdf import fonts, layout_map, styles
from eccp_desktop.pdf.keep import KeepWithStart
from eccp_desktop.pdf.metadata import DocumentInfo, finish
from eccp_desktop.pdf.para import Para
from eccp_desktop.pdf.tagging import Tagger, TaggingFrame, tag_story

# Byte-identical output: no time stamps or random IDs from reportlab itself.
rl_config.invariant = 1


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the page decorations and the document metadata say."""

    lang: str
    title: str  # metadata title, e.g. "Cluster Policy Factsheet – Poland 2023"
    subject: str
    author: str
    keywords: str
    running_head: str  # header of the pages after the first
    footer_left: str
    page_label: str  # translated "Page {page} of {pages}"
    draft_mark: str | None  # "DRAFT" on every page, or None once validated
    created: dt.date  # the PDF creation date: from the data, never the clock


CREATOR = "ECCP Factsheet Desktop"
PRODUCER = "ECCP Factsheet Desktop (ReportLab, pikepdf)"


class Heading(Para):
    """A heading that becomes an outline entry (PDF bookmark)."""

    def __init__(self, text: str, style: ParagraphStyle, *, plain: str, level: int, key: str):
        super().__init__(text, style)
        self.outline_title = plain
        self.outline_level = level
        self.outline_key = key


class _Canvas(Canvas):  # type: ignore[misc]
    """Keeps finished pages until the total is known; writes footers and outline then."""

    info: PageInfo
    tagger: Tagger | None  # None: an untagged PDF (the benchmark's baseline)
    layout: layout_map.LayoutMap | None = None  # filled while drawing, embedded at save

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # the page's initial font is written into every page: keep Helvetica out
        kwargs["initialFontName"] = fonts.register()
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, str, int]] = []
        day = self.info.created
        self.setDateFormatter(
            lambda *_ignored: f"D:{day.year:04d}{day.month:02d}{day.day:02d}000000+00'00'"
        )

    @property
    def page_index(self) -> int:
        """The 0-based number of the page being drawn."""
        return len(self._pages)

    def linkURL(self, *args: Any, **kwargs: Any) -> None:
        super().linkURL(*args, **kwargs)
        if self.tagger is not None:
            self.tagger.link(self.page_index, len(self._annotationrefs) - 1)

    def mark(self, key: str, title: str, level: int) -> None:
        self._marks.append((key, title, level))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        if self.layout is not None:  # before the footers, which print it
            from eccp_desktop import __version__

            codes = ["\n".join(state["_code"]) for state in self._pages]
            self.layout.export_id = layout_map.export_id(self.layout, codes, __version__)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            for key, title, level in state["_marks"]:
                self.bookmarkPage(key)
                self.addOutlineEntry(title, key, level=level)
            super().showPage()
        self.showOutline()
        if self.layout is not None:
            self.layout.pages = total
            layout_map.embed(self, self.layout)
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        info = self.info
        width, _height = self._pagesize
        _artifact(self, "Pagination", "Footer")
        self.saveState()
        self.setFont(fonts.FAMILY, 7.5)
        self.setFillColor(styles.MUTED)
        y = styles.MARGIN_BOTTOM - 10
        footer = info.footer_left
        if self.layout is not None:  # an annotated copy names the layout map it was printed with
            footer += f" · {layout_map.ID_PREFIX}{self.layout.export_id}"
        self.drawString(styles.MARGIN_X, y, footer)
        label = info.page_label.format(page=number, pages=total)
        self.drawRightString(width - styles.MARGIN_X, y, label)
        self.restoreState()
        _end_artifact(self)


def _artifact(canv: Canvas, kind: str = "Layout", subtype: str | None = None) -> None:
    """Page furniture (band, running head, footer, watermark): outside the structure."""
    if getattr(canv, "tagger", None) is not None:
        Tagger.artifact(canv._code, kind, subtype)


def _end_artifact(canv: Canvas) -> None:
    if getattr(canv, "tagger", None) is not None:
        Tagger.end_artifact(canv._code)


def canvas_class(
    info: PageInfo, tagger: Tagger | None, layout: layout_map.LayoutMap | None = None
) -> type[Canvas]:
    """A canvas class bound to one document's page information, tagging and layout map."""
    return type("FactsheetCanvas", (_Canvas,), {"info": info, "tagger": tagger, "layout": layout})


def _draw_decorations(canv: Canvas, info: PageInfo, *, first: bool) -> None:
    width, height = styles.PAGE
    canv.saveState()
    if info.draft_mark:
        _artifact(canv, "Pagination", "Watermark")
        canv.setFillColor(styles.DRAFT_RED)
        canv.setFillAlpha(0.08)
        # as large as fits along the diagonal, whatever the translation's length
        size = min(
            96.0,
            0.75
            * (width**2 + height**2) ** 0.5
            / max(1.0, stringWidth(info.draft_mark, fonts.BOLD, 1)),
        )
        canv.setFont(fonts.BOLD, size)
        canv.translate(width / 2, height / 2)
        canv.rotate(math.degrees(math.atan2(height, width)))
        canv.drawCentredString(0, -size * 0.3, info.draft_mark)
        canv.restoreState()
        _end_artifact(canv)
        canv.saveState()
    # the EU-blue band at the top, the running head below it on later pages
    _artifact(canv)
    canv.setFillColor(styles.BLUE)
    canv.rect(0, height - 8, width, 8, stroke=0, fill=1)
    canv.setFillColor(styles.YELLOW)
    canv.rect(0, height - 10, width, 2, stroke=0, fill=1)
    _end_artifact(canv)
    if not first:
        _artifact(canv, "Pagination", "Header")
        canv.setFont(fonts.FAMILY, 7.5)
        canv.setFillColor(styles.MUTED)
        canv.drawString(styles.MARGIN_X, height - styles.MARGIN_TOP + 8, info.running_head)
        if info.draft_mark:
            canv.setFillColor(styles.DRAFT_RED)
            canv.setFont(fonts.BOLD, 7.5)
            canv.drawRightString(
                width - styles.MARGIN_X, height - styles.MARGIN_TOP + 8, info.draft_mark
            )
        _end_artifact(canv)
    _artifact(canv)
    canv.setStrokeColor(styles.RULE)
    canv.setLineWidth(0.5)
    canv.line(
        styles.MARGIN_X, styles.MARGIN_BOTTOM - 4, width - styles.MARGIN_X, styles.MARGIN_BOTTOM - 4
    )
    _end_artifact(canv)
    canv.restoreState()


class FactsheetDocument(BaseDocTemplate):  # type: ignore[misc]
    """A4 portrait, one frame; the first page without the running head."""

    def __init__(
        self, out: BytesIO, info: PageInfo, layout: layout_map.LayoutMap | None = None
    ) -> None:
        super().__init__(
            out,
            pagesize=styles.PAGE,
            leftMargin=styles.MARGIN_X,
            rightMargin=styles.MARGIN_X,
            topMargin=styles.MARGIN_TOP,
            bottomMargin=styles.MARGIN_BOTTOM,
            title=info.title,
            subject=info.subject,
            author=info.author,
            keywords=info.keywords,
            creator=CREATOR,
            producer=PRODUCER,
            lang=info.lang,
            invariant=1,
            keepTogetherClass=KeepWithStart,  # a heading needs only the start of its table
        )
        self.info = info
        self.out = out
        self.layout = layout
        frame = TaggingFrame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates(
            [
                PageTemplate("first", [frame], onPage=self._first, autoNextPageTemplate="later"),
                PageTemplate("later", [frame], onPage=self._later),
            ]
        )

    def _first(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_decorations(canv, self.info, first=True)

    def _later(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_decorations(canv, self.info, first=False)

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            canv = self.canv
            assert isinstance(canv, _Canvas)
            canv.mark(flowable.outline_key, flowable.outline_title, flowable.outline_level)

    def render(self, story: list[Flowable], *, tagged: bool = True) -> None:
        """Lay out ``story``, tagged (PDF/UA-1), into the output stream.

        ``tagged=False`` leaves out marked content and structure tree: only for
        measuring what the tagging costs (``make bench``).
        """
        if not tagged:
            self.build(story, canvasmaker=canvas_class(self.info, None, self.layout))
            return
        tagger = Tagger()
        tag_story(story, tagger)
        self.filename = raw = BytesIO()
        self.build(story, canvasmaker=canvas_class(self.info, tagger, self.layout))
        info = self.info
        self.out.write(
            finish(
                raw.getvalue(),
                tagger,
                DocumentInfo(
                    lang=info.lang,
                    title=info.title,
                    subject=info.subject,
                    author=info.author,
                    keywords=info.keywords,
                    created=info.created,
                    producer=PRODUCER,
                    creator=CREATOR,
                    export_id=self.layout.export_id if self.layout else None,
                ),
            )
        )
