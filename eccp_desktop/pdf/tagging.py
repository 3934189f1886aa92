"""Tagged PDF (PDF/UA-1): marked content while reportlab draws, the structure tree after.

reportlab's open-source edition has no tagging of its own. While it draws,
every piece of content is wrapped in marked content: ``/P <</MCID 3>> BDC …
EMC`` for what belongs to a structure element, ``/Artifact BDC … EMC`` for
page furniture (running head, footer, page numbers, the DRAFT watermark,
rules and cell backgrounds). The elements themselves are plain Python objects
recorded in reading order (story order); once reportlab has written the file,
``finish`` adds the structure tree, the parent tree, the link objects and the
PDF/UA metadata with pikepdf.

Which element a flowable is comes from ``tag_story``, run over the finished
story: headings H1–H3, paragraphs P, the references as a list L/LI, charts as
Figure with an ``/Alt`` text, the data tables (``table_tags``) as
Table/TR/TH/TD. A flowable that reportlab splits over two pages keeps its one
element: the element gets a marked-content piece on each page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Frame, KeepTogether, Table
from reportlab.platypus.paragraph import Paragraph

# Names of the roles used; all standard PDF 1.7 structure types (no RoleMap needed).
HEADING_STYLES = {"title": "H1", "h1": "H1", "h2": "H2", "h3": "H3"}


@dataclass(eq=False)
class Elem:
    """One structure element; ``kids`` in reading order."""

    role: str
    parent: Elem | None = None
    lang: str | None = None
    alt: str | None = None
    scope: str | None = None  # TH: "Column" or "Row"
    kids: list[Elem | MarkedContent | LinkAnnot] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.parent is not None:
            self.parent.kids.append(self)

    def child(self, role: str, **kw: Any) -> Elem:
        return Elem(role, self, **kw)

    def has_content(self) -> bool:
        return any(not isinstance(k, Elem) or k.has_content() for k in self.kids)


@dataclass(frozen=True, slots=True)
class MarkedContent:
    page: int  # 0-based
    mcid: int


@dataclass(frozen=True, slots=True)
class LinkAnnot:
    page: int
    index: int  # position in the page's /Annots


class Tagger:
    """Writes the marked-content operators into a reportlab canvas and records them."""

    def __init__(self) -> None:
        self.root = Elem("Document")
        self.pages: list[list[Elem]] = []  # per page: the element of each MCID
        self.stack: list[Elem] = []

    def _page(self, page: int) -> list[Elem]:
        while len(self.pages) <= page:
            self.pages.append([])
        return self.pages[page]

    def begin(self, code: list[str], page: int, elem: Elem) -> None:
        owners = self._page(page)
        mcid = len(owners)
        owners.append(elem)
        elem.kids.append(MarkedContent(page, mcid))
        code.append(f"/{elem.role} <</MCID {mcid}>> BDC")
        self.stack.append(elem)

    def end(self, code: list[str]) -> None:
        code.append("EMC")
        self.stack.pop()

    def undo(self, code: list[str], mark: int, page: int, elem: Elem) -> None:
        """Take back a ``begin`` whose flowable did not fit (nothing was drawn)."""
        del code[mark:]
        self.pages[page].pop()
        elem.kids.pop()
        self.stack.pop()

    @staticmethod
    def artifact(code: list[str], kind: str = "Layout", subtype: str | None = None) -> None:
        props = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
        code.append(f"/Artifact <<{props}>> BDC")

    @staticmethod
    def end_artifact(code: list[str]) -> None:
        code.append("EMC")

    def link(self, page: int, index: int) -> None:
        """A link annotation drawn inside the current element: a Link child with its OBJR."""
        owner = self.stack[-1] if self.stack else self.root
        owner.child("Link").kids.append(LinkAnnot(page, index))


# --- the flowables' roles ---------------------------------------------------


def set_role(flowable: Flowable, role: str, *, alt: str | None = None) -> Flowable:
    """Give a flowable an explicit role (a chart's Figure with its text alternative)."""
    _put(flowable, "pdf_role", role)
    _put(flowable, "pdf_alt", alt)
    return flowable


def _put(f: Flowable, name: str, value: object) -> None:
    # past the attribute checks of reportlab's graphics (a Drawing refuses new names)
    f.__dict__[name] = value


def _role(f: Flowable) -> str | None:
    explicit = getattr(f, "pdf_role", None)
    if explicit:
        return str(explicit)
    level = getattr(f, "outline_level", None)
    if level is not None:
        return f"H{min(3, int(level) + 1)}"
    if isinstance(f, Paragraph):
        return HEADING_STYLES.get(f.style.name, "P")
    return None


def _assign(f: Flowable, parent: Elem) -> None:
    from eccp_desktop.pdf import table_tags

    if isinstance(f, KeepTogether):
        for inner in f._content:
            _assign(inner, parent)
        return
    cells = table_tags.cell_tags(f)
    if cells is not None:  # a data table: Table/TR/TH/TD made as it is drawn
        cells.elem = parent.child("Table")
        return
    if isinstance(f, Table):  # a layout table: no element of its own, its cells' elements
        table_tags.layout(f)
        for row in f._cellvalues:
            for cell in row:
                for inner in cell if isinstance(cell, list | tuple) else [cell]:
                    if isinstance(inner, Flowable):
                        _assign(inner, parent)
        return
    role = _role(f)
    if role is None:
        return  # draws nothing (spacers, page-break logic) or only artifacts
    _put(
        f,
        "pdf_elem",
        parent.child(
            role,
            alt=getattr(f, "pdf_alt", None),
            lang="en" if getattr(f, "fallback", False) else None,
        ),
    )


def tag_story(story: Sequence[Flowable], tagger: Tagger) -> None:
    """Give every flowable of the finished story its structure element, in reading order."""
    items: list[Flowable | list[Flowable]] = []
    for f in story:  # runs of list items become one L
        if getattr(f, "pdf_role", None) == "LI":
            if items and isinstance(items[-1], list):
                items[-1].append(f)
                continue
            items.append([f])
        else:
            items.append(f)
    for item in items:
        if isinstance(item, list):
            lst = tagger.root.child("L")
            for f in item:
                li = lst.child("LI")
                body = li.child("LBody", lang="en" if getattr(f, "fallback", False) else None)
                _put(f, "pdf_elem", body)
        else:
            _assign(item, tagger.root)


class TaggingFrame(Frame):  # type: ignore[misc]
    """A frame that wraps each flowable it draws in its element's marked content."""

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        elem: Elem | None = getattr(flowable, "pdf_elem", None)
        tagger: Tagger | None = getattr(canv, "tagger", None)
        if elem is None or tagger is None:
            return int(super().add(flowable, canv, trySplit=trySplit))
        page, mark = canv.page_index, len(canv._code)
        tagger.begin(canv._code, page, elem)
        if super().add(flowable, canv, trySplit=trySplit):
            tagger.end(canv._code)
            return 1
        tagger.undo(canv._code, mark, page, elem)
        return 0

    def split(self, flowable: Flowable, canv: Any) -> list[Flowable]:
        pieces: list[Flowable] = super().split(flowable, canv)
        elem = getattr(flowable, "pdf_elem", None)
        if elem is not None:  # both halves of a paragraph are the one P
            for p in pieces:
                if getattr(p, "pdf_elem", None) is None and not isinstance(p, Table):
                    _put(p, "pdf_elem", elem)
        return pieces


def flowables_with_role(story: Iterable[Flowable], role: str) -> list[Flowable]:
    return [f for f in story if getattr(f, "pdf_role", None) == role]
