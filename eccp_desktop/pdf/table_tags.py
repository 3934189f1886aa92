"""Tagging of tables: Table/TR/TH/TD for data tables, nothing but artifacts for layout.

reportlab calls a table's ``renderCB`` around the backgrounds, each cell and
the rules, and hands the same callback to every piece when it splits a table
over pages; so one callback object follows a table through its pages. It maps
each piece's rows back to the table's rows: the header row repeated on a later
page is an artifact (the structure has it once), and a row that was cut in two
(``splitInRow``) continues its TR on the next page.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, LongTable, Table

from eccp_desktop.pdf.tagging import Elem, Tagger


def _tagger(table: Table) -> Tagger | None:
    return getattr(table.canv, "tagger", None)


def _is_fallback(cell: object) -> bool:
    cells = cell if isinstance(cell, list | tuple) else [cell]
    return any(getattr(c, "fallback", False) for c in cells)


class CellTags:
    """The renderCB of a data table: one TR per row, TH (with /Scope) or TD per cell."""

    def __init__(self, header_rows: int = 1, row_headers: bool = False) -> None:
        self.header_rows = header_rows
        self.row_headers = row_headers  # the first column names its row
        self.elem: Elem | None = None  # set by tag_story
        self.pieces = 0
        self.next_row = 0  # the table row the next piece's first body row is
        self.start = 0
        self.rows: dict[int, Elem] = {}
        self.cells: dict[tuple[int, int], Elem] = {}
        self.in_artifact = False

    def _cell(self, row: int, col: int, value: object) -> Elem:
        key = (row, col)
        if key not in self.cells:
            assert self.elem is not None
            tr = self.rows.get(row) or self.elem.child("TR")
            self.rows[row] = tr
            if row < self.header_rows:
                elem = tr.child("TH", scope="Column")
            elif self.row_headers and col == 0:
                elem = tr.child("TH", scope="Row")
            else:
                elem = tr.child("TD")
            if _is_fallback(value):
                elem.lang = "en"
            self.cells[key] = elem
        return self.cells[key]

    def __call__(self, table: Table, event: str, *args: Any) -> None:
        tagger = _tagger(table)
        if tagger is None or self.elem is None:
            return
        code: list[str] = table.canv._code
        if event in ("startBG", "startLines"):
            tagger.artifact(code)
        elif event in ("endBG", "endLines"):
            tagger.end_artifact(code)
        elif event == "startTable":
            continues = getattr(table, "pdf_continues_row", False)
            self.start = self.next_row - (1 if continues and self.pieces else 0)
        elif event == "startCell":
            row, col, value = args[0], args[1], args[2]
            if self.pieces and row < self.header_rows:  # the repeated header
                tagger.artifact(code, "Pagination", "Header")
                self.in_artifact = True
                return
            logical = row if not self.pieces else self.start + row - self.header_rows
            tagger.begin(code, table.canv.page_index, self._cell(logical, col, value))
        elif event == "endCell":
            if self.in_artifact:
                tagger.end_artifact(code)
                self.in_artifact = False
            else:
                tagger.end(code)
        elif event == "endTable":
            rows = len(table._cellvalues)
            self.next_row = rows if not self.pieces else self.start + rows - self.header_rows
            self.pieces += 1


class DataTable(LongTable):  # type: ignore[misc]
    """A LongTable that tells its pieces when a row was cut between them."""

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Flowable]:
        pieces: list[Flowable] = super()._splitRows(availHeight, doInRowSplit=doInRowSplit)
        if len(pieces) == 2:
            if getattr(self, "pdf_continues_row", False):
                pieces[0].pdf_continues_row = True
            pieces[1].pdf_continues_row = bool(doInRowSplit)
        return pieces


def _cell_elem(value: object) -> Elem | None:
    values = value if isinstance(value, list | tuple) else [value]
    for v in values:
        elem = getattr(v, "pdf_elem", None)
        if isinstance(elem, Elem):
            return elem
    return None


class LayoutCells:
    """The renderCB of a layout table: rules and backgrounds are artifacts; each cell's
    flowable is marked as its own element (a chart's Figure, a paragraph's P)."""

    def __init__(self) -> None:
        self.open: list[bool] = []  # endCell does not say which cell it ends

    def __call__(self, table: Table, event: str, *args: Any) -> None:
        tagger = _tagger(table)
        if tagger is None:
            return
        code: list[str] = table.canv._code
        if event in ("startBG", "startLines"):
            tagger.artifact(code)
        elif event in ("endBG", "endLines"):
            tagger.end_artifact(code)
        elif event == "startCell":
            elem = _cell_elem(args[2])
            self.open.append(elem is not None)
            if elem is not None:
                tagger.begin(code, table.canv.page_index, elem)
        elif event == "endCell" and self.open.pop():
            tagger.end(code)


def layout(table: Table) -> None:
    """Make ``table`` (already built) a layout table."""
    table._renderCB = LayoutCells()


def cell_tags(f: Flowable) -> CellTags | None:
    cb = getattr(f, "_renderCB", None)
    return cb if isinstance(cb, CellTags) else None
