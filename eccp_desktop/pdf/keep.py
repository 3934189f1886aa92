"""A heading keeps with the *start* of the table after it, not with all of it.

reportlab's ``keepWithNext`` wraps a heading and the next flowable in a
KeepTogether, which breaks the frame whenever the pair is taller than the
space left: a heading followed by a long table (500 clusters, or one row with
a 1,859-character name) jumped to the next page and left most of the page
blank. Here the heading stays where it is when it fits together with the first
piece of the table (its header row and at least part of one row); only when
not even that fits does the pair move on.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import KeepTogether, Table
from reportlab.platypus.flowables import _listWrapOn


class KeepWithStart(KeepTogether):  # type: ignore[misc]
    def split(self, aW: float, aH: float) -> list[Any]:
        *heads, last = self._content
        if heads and isinstance(last, Table):
            _w, used = _listWrapOn(heads, aW, self.canv)
            room = aH - used - last.getSpaceBefore()
            if room > 0:
                parts = last.split(aW, room)
                if len(parts) > 1:  # the table's start fits below the heading
                    return [*heads, *parts]
        return list(super().split(aW, aH))
