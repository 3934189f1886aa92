"""The benchmark's corpus, small: remarks placed from pdftotext's words, not from the map.

``tests/bench/annotations_bench.py`` measures accuracy over five factsheets
with this code; here one factsheet and 20 remarks keep it from rotting and
hold the incremental case to its target (every remark on its item).
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from eccp_desktop.annotations import plan_import
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, with_pikepdf, with_pypdf
from tests.annotations.conftest import Exporter, entry
from tests.annotations.corpus import Finder, Target, accuracy, annotate_export, locate, page_words
from tests.pdf.factories import polish_demo


def test_twenty_remarks_placed_by_pdftotext_all_land_on_their_items(pl_store: Store) -> None:
    fs = polish_demo()
    corpus = [annotate_export(pl_store, fs, "pl", 20, random.Random(7), "pl")]
    item = corpus[0]
    assert len(item.notes) == 20
    assert {n.kind for n in item.notes} >= {"Highlight", "Text", "Square", "StrikeOut"}
    assert len(set(item.paths)) == 20  # twenty different items
    tally = accuracy(pl_store, corpus, with_pypdf)
    assert tally.total == 20
    assert tally.misses == []
    assert tally.exact == 20
    rewritten = accuracy(pl_store, corpus, with_pikepdf)
    assert rewritten.exact >= 19  # the target for rewritten files: 95 %


def test_the_finder_reads_the_printed_words_not_the_map(export: Exporter) -> None:
    pdf, layout = export()
    finder = Finder(page_words(pdf))
    title = entry(layout, "/policies/2/title")
    found = locate(finder, Target("/policies/2/title", title[6], times=2))
    assert found is not None
    page, words = found
    # the words pdftotext found stand inside the rectangle the map has for the item
    x0 = min(w.box[0] for w in words)
    y1 = max(w.box[3] for w in words)
    assert page == title[0]
    assert title[1] <= x0 <= title[3] and title[2] <= y1 <= title[4] + 1
    # a text printed in several items cannot be told apart: no remark is put on it
    assert locate(finder, Target("/x", "Krajowa polityka klastrowa")) is None
    assert locate(finder, Target("/x", "printed nowhere at all")) is None


def _icon(e: list[Any], size: float, at: str) -> Note:
    """A sticky note clicked on the first word of a short row, the icon drawn as a reader does."""
    cx, cy = e[1] + 12, e[4] - 6
    if at == "middle":  # Okular: the icon's middle at the click
        cx, cy = cx - size / 2, cy + size / 2
    return Note("Text", e[0], (cx, cy - size, cx + size, cy), "Which year?")


@pytest.mark.parametrize(("size", "at"), [(20, "corner"), (24, "corner"), (20, "middle")])
def test_a_sticky_note_is_about_where_it_was_clicked(
    pl_store: Store, export: Exporter, size: float, at: str
) -> None:
    """The icon spills onto the next rows of a 15 pt table: the click decides, not its area."""
    pdf, layout = export()
    row = entry(layout, "/policies/1/programmes/3/title")
    assert row[4] - row[2] < size  # shorter than the icon
    plan = plan_import(pl_store, with_pypdf(pdf, [_icon(row, size, at)]), "note.pdf")
    assert [c.comment.path for c in plan.comments] == ["/policies/1/programmes/3/title"]


@pytest.mark.parametrize(
    ("reader", "rect"),
    [
        ("Acrobat: the icon's top left at the click, 20 pt", (100, 480, 120, 500)),
        ("Evince: 24 pt", (100, 476, 124, 500)),
        ("Okular: the icon's middle at the click", (90, 490, 110, 510)),
        ("MuPDF redraws Acrobat's at 18 pt, centred", (101, 481, 119, 499)),
        ("MuPDF redraws Evince's at 18 pt, centred", (103, 479, 121, 497)),
    ],
)
def test_a_note_icon_is_placed_by_its_click_however_the_reader_drew_it(
    reader: str, rect: tuple[float, float, float, float]
) -> None:
    """The click at (100, 500) lies in the box the note is placed by, for every reader."""
    from eccp_desktop.annotations.reader import _anchor

    x0, y0, x1, y1 = _anchor(rect)
    assert x0 <= 100 <= x1 and y0 <= 500 <= y1, (reader, (x0, y0, x1, y1))
    assert (x1 - x0) * (y1 - y0) <= 12 * 12  # a quarter of the icon, not the rows below it
