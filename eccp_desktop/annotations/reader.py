"""Reading an annotated PDF: its export id, its layout map, the readers' annotations.

pypdf reads the objects (annotations, the embedded map, the information
dictionary); PDFium (pypdfium2) reads the text under a rectangle, which
needs real text layout: the words a highlight covers, the footer's export id
of a copy whose map was dropped, the check of a rewritten copy.

Coordinates are PDF user space, as in the layout map: a page rotated or
cropped by a reader keeps its user space, and PDFium's page coordinates are
the same space.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from eccp_desktop.annotations.dates import parse_pdf_date
from eccp_desktop.annotations.errors import AnnotationError
from eccp_desktop.i18n import _

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 with x0 <= x1, y0 <= y1

# The kinds of remark readers make; Link, Popup, Widget and the like are not remarks.
KINDS = frozenset(
    {
        "Text", "FreeText", "Highlight", "Underline", "StrikeOut", "Squiggly", "Square",
        "Circle", "Ink", "Line", "Polygon", "PolyLine", "Caret", "Stamp", "FileAttachment",
    }
)  # fmt: skip
MARKUP = frozenset({"Highlight", "Underline", "StrikeOut", "Squiggly"})  # text markup: quads
ICONS = frozenset({"Text", "FileAttachment"})  # a fixed-size icon put where the user clicked
ICON_SIZE = 24.0  # pt: the largest readers draw (Evince); MuPDF shrinks its own to 18
RESOLVING_STATES = frozenset({"accepted", "rejected", "completed"})
MAP_FILE = "eccp-layout-map.json"
INFO_KEY = "/ECCPExportId"
FOOTER_ID = re.compile(r"eccp:([0-9a-f]{16})")
_TAGS = re.compile(r"<[^>]*>")
LINE_TOLERANCE = 3.0  # pt: words whose middles differ by less stand on one line
WATERMARK = 40.0  # pt: a character box this large is the DRAFT mark, not text


@dataclass(slots=True)
class Annotation:
    """One remark as the reader wrote it."""

    index: int  # order in the file (page by page), for stable output
    page: int  # 1-based
    kind: str  # the annotation's /Subtype without the slash
    rect: Box
    boxes: list[Box]  # what it is about: its quads (any point order), a note's click, its rectangle
    author: str
    contents: str
    name: str | None  # /NM
    created: Any  # datetime | None
    ref: int | None  # object number, what /IRT of a reply points at
    irt: int | None  # the object number of the annotation this one answers
    state: str | None  # /State (Accepted, Rejected, Completed, None, Marked, ...)
    state_model: str | None
    quote: str = ""  # the text under the boxes (markup annotations), filled later

    @property
    def is_state_change(self) -> bool:
        """A reply that only sets the review state of the remark it answers."""
        return self.irt is not None and self.state is not None

    def digest(self) -> str:
        """An identity for annotations without /NM: its kind, place and text."""
        place = ",".join(f"{v:.0f}" for v in self.rect)
        text = f"{self.kind}|{self.page}|{place}|{self.author}|{self.contents}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class PdfContent:
    """What an annotated PDF holds for the import."""

    data: bytes
    export_id: str | None
    layout: dict[str, Any] | None  # the embedded layout map, if the copy kept it
    annotations: list[Annotation] = field(default_factory=list)
    pages: int = 0
    rotations: dict[int, int] = field(default_factory=dict)  # page -> /Rotate, when not 0
    _text: Any = None  # PDFium document, opened on first use
    _pages_chars: dict[int, list[tuple[int, str, float, float]]] = field(default_factory=dict)

    def text_in(self, page: int, boxes: list[Box]) -> str:
        """The text printed inside ``boxes`` on ``page``, whitespace collapsed.

        A character counts when its middle lies in a box: a marked line's
        neighbours touch the edges of its quad, and a wide character of the
        DRAFT watermark under it is left out (it is no text of the page).
        """
        # words: runs of consecutive characters inside the boxes, then put in
        # reading order by place (a rotated page's characters come in its turned order)
        words: list[tuple[float, float, str]] = []
        run: list[str] = []
        start = (0.0, 0.0)
        for _i, ch, cx, cy in self._chars(page):
            inside = ch != " " and any(
                x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes
            )
            if inside:
                if not run:
                    start = (cx, cy)
                run.append(ch)
            elif run:
                words.append((start[1], start[0], "".join(run)))
                run = []
        if run:
            words.append((start[1], start[0], "".join(run)))
        lines: list[list[tuple[float, float, str]]] = []
        for word in sorted(words, key=lambda w: -w[0]):
            if lines and abs(lines[-1][0][0] - word[0]) <= LINE_TOLERANCE:
                lines[-1].append(word)
            else:
                lines.append([word])
        text = " ".join(w[2] for line in lines for w in sorted(line, key=lambda w: w[1]))
        # a word hyphenated at a line end (PDFium marks that hyphen U+FFFE): joined again
        return re.sub("[\ufffe\u00ad] ?", "", text)

    def _chars(self, page: int) -> list[tuple[int, str, float, float]]:
        """Each character of a page with the middle of its box (cached per page)."""
        cached = self._pages_chars.get(page)
        if cached is not None:
            return cached
        chars: list[tuple[int, str, float, float]] = []
        doc = self._pdfium()
        if doc is not None and 1 <= page <= len(doc):
            import ctypes

            import pypdfium2.raw as raw

            textpage = doc[page - 1].get_textpage()
            n = textpage.count_chars()
            text = textpage.get_text_range(0, n) if n else ""
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            handle = textpage.raw
            for i in range(n):
                ch = text[i] if len(text) == n else chr(raw.FPDFText_GetUnicode(handle, i))
                if ch.isspace():
                    chars.append((i, " ", 0.0, 0.0))
                    continue
                raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
                x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
                if y1 - y0 > WATERMARK or x1 - x0 > WATERMARK:
                    continue
                chars.append((i, ch, (x0 + x1) / 2, (y0 + y1) / 2))
        self._pages_chars[page] = chars
        return chars

    def _pdfium(self) -> Any:
        if self._text is None:
            import pypdfium2

            try:
                self._text = pypdfium2.PdfDocument(self.data)
            except pypdfium2.PdfiumError:
                self._text = False
        return self._text or None

    def close(self) -> None:
        if self._text:
            self._text.close()
        self._text = None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _number(value: Any) -> float:
    return float(value)


def _box_of(values: list[float]) -> Box:
    xs, ys = values[0::2], values[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def _quads(raw: Any) -> list[Box]:
    """Each quad's bounding box, whatever order the reader wrote its four points in."""
    try:
        values = [_number(v) for v in raw]
    except (TypeError, ValueError):
        return []
    return [_box_of(values[i : i + 8]) for i in range(0, len(values) - 7, 8)]


def _anchor(rect: Box) -> Box:
    """Where a note icon's user clicked: the top left quarter of the icon.

    An icon is drawn at a fixed size from the click, so its whole rectangle
    spills onto the rows below and the column to the right. Acrobat and
    Evince put the icon's top left corner at the click, Okular its middle;
    the quarter between the two holds the click either way.
    """
    x0, y0, x1, y1 = rect
    # MuPDF redraws a note's icon at 18 pt, centred in the box it was given
    # (20 or 24 pt from the click): grown back around its centre, the
    # quarter holds the click again
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = max((x1 - x0) / 2, ICON_SIZE / 2), max((y1 - y0) / 2, ICON_SIZE / 2)
    x0, y1 = cx - half_w, cy + half_h
    return (x0, cy, cx, y1)


def _rich_text(value: Any) -> str:
    """Plain text of /RC (XHTML rich text)."""
    return " ".join(_TAGS.sub(" ", _text(value)).replace("&nbsp;", " ").split())


def _name(value: Any) -> str | None:
    return None if value is None else str(value).lstrip("/")


def _annotation(index: int, page: int, ref: int | None, a: Any) -> Annotation | None:
    kind = _name(a.get("/Subtype"))
    if kind not in KINDS:
        return None
    try:
        rect = _box_of([_number(v) for v in a.get("/Rect", [])][:4])
    except (TypeError, ValueError, IndexError):
        return None
    boxes = _quads(a.get("/QuadPoints")) if kind in MARKUP else []
    if kind in ICONS:
        boxes = [_anchor(rect)]
    irt = a.get("/IRT")
    contents = _text(a.get("/Contents")).strip() or _rich_text(a.get("/RC"))
    return Annotation(
        index=index,
        page=page,
        kind=kind,
        rect=rect,
        boxes=boxes or [rect],
        author=_text(a.get("/T")).strip(),
        contents=contents,
        name=_text(a.get("/NM")).strip() or None,
        created=parse_pdf_date(_text(a.get("/CreationDate"))) or parse_pdf_date(_text(a.get("/M"))),
        ref=ref,
        irt=getattr(irt, "idnum", None),
        state=_text(a.get("/State")).strip() or None,
        state_model=_text(a.get("/StateModel")).strip() or None,
    )


def read_pdf(data: bytes, where: str) -> PdfContent:
    """The export id, embedded map and annotations of an annotated PDF.

    Raises AnnotationError (one line, naming ``where``) for a file that is not
    a readable PDF.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise AnnotationError(_("{file} is not a PDF file").format(file=where))
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise AnnotationError(
                _("{file} is encrypted with a password; save an unprotected copy").format(
                    file=where
                )
            )
        content = PdfContent(data, None, None, pages=len(reader.pages))
        content.layout = _embedded_map(reader)
        content.export_id = _export_id(reader, content)
        index = 0
        for number, page in enumerate(reader.pages, start=1):
            rotation = int(page.get("/Rotate", 0) or 0) % 360
            if rotation:
                content.rotations[number] = rotation
            for ref in page.get("/Annots", None) or []:
                a = ref.get_object()
                found = _annotation(index, number, getattr(ref, "idnum", None), a)
                if found is not None:
                    content.annotations.append(found)
                    index += 1
    except AnnotationError:
        raise
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, AttributeError) as e:
        raise AnnotationError(
            _("{file} cannot be read as a PDF: {reason}").format(file=where, reason=e)
        ) from None
    return content


def _embedded_map(reader: Any) -> dict[str, Any] | None:
    try:
        files = reader.attachments.get(MAP_FILE)
        if not files:
            return None
        data = json.loads(files[0])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a damaged map is no map: the store's copy is used
    return data if isinstance(data, dict) else None


def _export_id(reader: Any, content: PdfContent) -> str | None:
    if content.layout and isinstance(content.layout.get("export_id"), str):
        return str(content.layout["export_id"])
    info = reader.metadata or {}
    if isinstance(info.get(INFO_KEY), str) and info[INFO_KEY]:
        return str(info[INFO_KEY])
    # a copy that dropped both (some readers rewrite the whole file): the footer
    for page in range(1, min(content.pages, 3) + 1):
        found = FOOTER_ID.search(content.text_in(page, [(0, 0, 10_000, 80)]))
        if found:
            return found.group(1)
    return None
