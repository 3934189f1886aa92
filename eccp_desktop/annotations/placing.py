"""Which item a remark is about: the layout-map entry it overlaps most.

A remark over no item (in a margin, over a chart) goes to the section its
page position falls in: the last heading printed above it, "placed by page".
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from eccp_desktop.annotations.reader import Box
from eccp_desktop.pdf.layout_map import Entry, LayoutMap

TOP = "/country"  # above the first heading: the title block, the factsheet as a whole


@dataclass(frozen=True, slots=True)
class Placement:
    path: str
    by_page: bool  # no item overlapped: the section of the page position
    entry: Entry | None  # the item chosen (None when placed by page)


def _overlap(a: Box, b: tuple[float, float, float, float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


class Placer:
    """Places remarks with one layout map (entries indexed by page once)."""

    def __init__(self, layout: LayoutMap) -> None:
        self.layout = layout
        self.by_page: dict[int, list[Entry]] = {}
        for e in layout.items:
            self.by_page.setdefault(e[0], []).append(e)
        # headings in reading order: page by page, top to bottom
        self.sections = sorted(layout.sections, key=lambda e: (e[0], -e[4]))

    def place(self, page: int, boxes: list[Box]) -> Placement:
        best: Entry | None = None
        best_key = (0.0, 0.0)
        for e in self.by_page.get(page, ()):
            rect = (e[1], e[2], e[3], e[4])
            area = sum(_overlap(b, rect) for b in boxes)
            if area <= 0:
                continue
            size = (e[3] - e[1]) * (e[4] - e[2])
            key = (area, -size)  # most overlap; of equals, the most specific item
            if best is None or key > best_key:
                best, best_key = e, key
        if best is not None:
            return Placement(best[5], False, best)
        for e in self.sections:  # on a heading: about that part, placed directly
            if e[0] == page and sum(_overlap(b, (e[1], e[2], e[3], e[4])) for b in boxes) > 0:
                return Placement(e[5], False, e)
        return Placement(self.section_at(page, boxes), True, None)

    def section_at(self, page: int, boxes: list[Box]) -> str:
        """The section whose heading is the last one that starts above the boxes' middle."""
        middle = sum((b[1] + b[3]) / 2 for b in boxes) / len(boxes) if boxes else 0.0
        found = TOP
        for p, _x0, _y0, _x1, y1, path, _text in self.sections:
            if p < page or (p == page and y1 >= middle):
                found = path
            else:
                break
        return found


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def same_text(printed: str, found: str) -> bool:
    """Does the text found in a copy's rectangle match what the map says was printed there?

    ``printed`` is shortened in the map, so it is compared with the start of
    what was found; line breaks and hyphenation differ between extractors.
    """
    want, got = _squash(printed), _squash(found)
    if not want:
        return not got or len(got) < 4  # an empty cell stays empty (or a stray mark)
    if got.startswith(want):
        return True
    return SequenceMatcher(None, want, got[: len(want) + 8], autojunk=False).ratio() >= 0.8
