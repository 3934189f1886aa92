"""Where each item and field stands in a rendered PDF: the layout map.

While platypus draws, every flowable or table cell that carries a path (the
exchange-format path of validation and comments, ``/clusters/3/members``)
records its page and rectangle in PDF user space. Headings record the path of
their section, so a remark beside any item can still be placed by page.

The map travels inside the PDF as an embedded file (``eccp-layout-map.json``)
and in the store with the export id and the PDF's digest; see
``eccp_desktop.annotations`` for the reading side. Everything here is
deterministic: the same factsheet and language give the same map and bytes.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.platypus import Paragraph

FORMAT = "eccp-layout-map"
VERSION = 1
FILE_NAME = "eccp-layout-map.json"
INFO_KEY = "ECCPExportId"  # the export id in the document information dictionary
ID_PREFIX = "eccp:"  # how the export id is printed in the footer
TEXT_LIMIT = 160  # characters of each entry's printed text kept for the integrity check

# An entry: page (1-based), x0, y0, x1, y1, path, printed text (shortened).
Entry = tuple[int, float, float, float, float, str, str]


def export_id(layout: LayoutMap, pages: list[str], version: str) -> str:
    """A stable id of one export: what the pages draw, the factsheet and the app version.

    Taken from the page contents once they are laid out (the footers that
    print the id are drawn after that), so the same PDF always gets the same id.
    """
    h = hashlib.sha256(f"{version}\n{layout.country}\n{layout.edition}\n{layout.lang}".encode())
    for code in pages:
        h.update(code.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def plain_text(value: Any) -> str:
    """The printed text of a cell value (a string, a Paragraph, a list of flowables)."""
    if isinstance(value, str):
        return value
    if isinstance(value, Paragraph):
        return str(value.getPlainText())
    if isinstance(value, list | tuple):
        return " ".join(plain_text(v) for v in value)
    return ""


@dataclass(slots=True)
class LayoutMap:
    """What one rendering recorded; ``to_json`` is what goes into the PDF and the store."""

    export_id: str
    country: str
    edition: int
    lang: str
    page_size: tuple[float, float]
    items: list[Entry] = field(default_factory=list)
    sections: list[Entry] = field(default_factory=list)  # headings: where each part begins
    pages: int = 0

    def add(self, page: int, box: tuple[float, float, float, float], path: str, text: str,
            *, section: bool = False) -> None:  # fmt: skip
        x0, y0, x1, y1 = box
        text = " ".join(text[: TEXT_LIMIT + 40].split())[:TEXT_LIMIT]
        entry = (page, round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1), path, text)
        (self.sections if section else self.items).append(entry)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "export_id": self.export_id,
            "country": self.country,
            "edition": self.edition,
            "lang": self.lang,
            "page_size": list(self.page_size),
            "pages": self.pages,
            "items": [list(e) for e in self.items],
            "sections": [list(e) for e in self.sections],
        }

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LayoutMap:
        """The map back from its JSON; KeyError/TypeError/ValueError if it is not one."""
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError("not an ECCP layout map of a known version")

        def entries(rows: list[Any]) -> list[Entry]:
            return [
                (int(p), float(a), float(b), float(c), float(d), str(path), str(text))
                for p, a, b, c, d, path, text in rows
            ]

        w, h = data["page_size"]
        return cls(
            export_id=str(data["export_id"]),
            country=str(data["country"]),
            edition=int(data["edition"]),
            lang=str(data["lang"]),
            page_size=(float(w), float(h)),
            items=entries(data["items"]),
            sections=entries(data["sections"]),
            pages=int(data["pages"]),
        )


def _box(
    canv: Any, x: float, y: float, width: float, height: float
) -> tuple[float, float, float, float]:
    """A rectangle drawn in the canvas's current coordinates, in page coordinates."""
    ax, ay = canv.absolutePosition(x, y)
    bx, by = canv.absolutePosition(x + width, y + height)
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def record_flowable(flowable: Any, canv: Any, x: float, y: float) -> None:
    """Called from a mapped flowable's ``drawOn``: its rectangle on the current page."""
    layout: LayoutMap | None = getattr(canv, "layout", None)
    path: str | None = getattr(flowable, "map_path", None)
    if layout is None or path is None:
        return
    box = _box(canv, x, y, flowable.width, flowable.height)
    section = bool(getattr(flowable, "map_section", False))
    layout.add(canv.getPageNumber(), box, path, plain_text(flowable), section=section)  # type: ignore[arg-type]


def record_cells(table: Any) -> None:
    """Called once a table is drawn: each cell whose style carries a ``map_path``.

    Cell styles survive the table's splits across pages (platypus copies them
    with every attribute), so a row continued on the next page is recorded on
    both.
    """
    canv = table.canv
    layout: LayoutMap | None = getattr(canv, "layout", None)
    if layout is None:
        return
    page = canv.getPageNumber()
    a, b, c, d, e, f = canv._currentMatrix
    straight = (a, b, c, d) == (1, 0, 0, 1)  # the table is only moved, never turned
    cols = list(zip(table._colpositions, table._colWidths, strict=False))
    for styles, values, y, height in zip(
        table._cellStyles, table._cellvalues, table._rowpositions[1:], table._rowHeights,
        strict=False,
    ):  # fmt: skip
        for style, value, (x, width) in zip(styles, values, cols, strict=False):
            path = getattr(style, "map_path", None)
            if path is None:
                continue
            if straight:
                box = (x + e, y + f, x + width + e, y + height + f)
            else:
                box = _box(canv, x, y, width, height)
            layout.add(page, box, path, plain_text(value))


def tag_cells(table: Any, paths: list[list[str | None]], *, header_rows: int = 1) -> None:
    """Give each body cell of ``table`` its path (``paths[row][column]``)."""
    styles = table._cellStyles
    for r, row in enumerate(paths):
        for c, path in enumerate(row):
            if path is not None:
                styles[r + header_rows][c].map_path = path


def embed(canv: Any, layout: LayoutMap) -> None:
    """Put the map into the document being saved: an embedded file and the info key."""
    doc = canv._doc
    data = layout.to_bytes()
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": PDFName("application#2Fjson"),
                "Params": PDFDictionary({"Size": len(data)}),
                "Filter": PDFName("FlateDecode"),
            }
        ),
        zlib.compress(data, 6),
        filters=[],
    )
    spec = PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(FILE_NAME),
            "UF": PDFString(FILE_NAME),
            "Desc": PDFString("ECCP layout map: where each item and field is printed"),
            "AFRelationship": PDFName("Data"),
            "EF": PDFDictionary({"F": doc.Reference(stream)}),
        }
    )
    spec_ref = doc.Reference(spec)
    names = PDFDictionary(
        {"EmbeddedFiles": PDFDictionary({"Names": PDFArray([PDFString(FILE_NAME), spec_ref])})}
    )
    doc.Catalog.Names = names
    info = _ExportInfo()
    info.__dict__.update(doc.info.__dict__)
    info.export_id = layout.export_id
    doc.info = info


class _ExportInfo(PDFInfo):  # type: ignore[misc]
    """The document information dictionary with the export id as one more key."""

    export_id = ""

    def format(self, document: Any) -> bytes:
        text: bytes = super().format(document)
        extra = f"/{INFO_KEY} ({self.export_id})".encode()
        # the dictionary ends with ">>": insert the key before it
        head, sep, tail = text.rpartition(b">>")
        return head + extra + b"\n" + sep + tail
