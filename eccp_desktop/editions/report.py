"""Differences as lines a reader scans: place, what happened, old → new, words.

Places and values read as in the editor (``i18n.places``): "Policies › Key
National Clusters › Budget: 20 Mio. € → 21 Mio. €"; a changed text shows
the words that changed, in wdiff's marks.
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.editions.compare import Difference
from eccp_desktop.editions.words import render, word_diff
from eccp_desktop.i18n import _
from eccp_desktop.i18n.places import ARROW, format_value, place_label


def kind_label(change: str) -> str:
    return {
        # nouns: no agreement with whatever item the line is about
        "added": _("Addition"),
        "removed": _("Removal"),
        "changed": _("Change"),
        "moved": _("Move"),
    }.get(change, change)


def item_name(value: dict[str, Any]) -> str:
    """What an added or removed item is called: its name, code, title, text or signer."""
    for key in ("name", "cci", "key", "ecosystem", "title", "dimension", "text", "by", "url"):
        v = value.get(key)
        if isinstance(v, dict):
            v = v.get("en") or next((t for t in v.values() if t), None)
        if v:
            text = " ".join(str(v).split())
            return f"\u201c{text[:59] + '…' if len(text) > 60 else text}\u201d"
    return "\u2014"


def _is_prose(d: Difference) -> bool:
    """One language of a text, or a few words: worth showing word by word."""
    last = d.path.rsplit("/", 1)[-1]
    return last in EU_LANGUAGES or len(str(d.old).split()) + len(str(d.new).split()) > 4


def describe(d: Difference, old_doc: Any, new_doc: Any, lang: str) -> str:
    """``old → new`` for a change, the words for a text, the item for an addition."""
    if d.change == "moved":
        return place_label(old_doc, d.old, lang) + ARROW + place_label(new_doc, d.new, lang)
    if d.change in ("added", "removed"):
        value = d.new if d.change == "added" else d.old
        return item_name(value) if isinstance(value, dict) else format_value(value, d.path, lang)
    if isinstance(d.old, str) and isinstance(d.new, str) and _is_prose(d):
        return render(word_diff(d.old, d.new))
    return format_value(d.old, d.path, lang) + ARROW + format_value(d.new, d.path, lang)


def place_of(d: Difference, old_doc: Any, new_doc: Any, lang: str) -> str:
    """Where the difference is, named in the version that has it."""
    return place_label(old_doc if d.change == "removed" else new_doc, d.path, lang)


def lines(differences: list[Difference], old_doc: Any, new_doc: Any, lang: str) -> list[str]:
    return [
        f"{kind_label(d.change)}: {place_of(d, old_doc, new_doc, lang)}: "
        f"{describe(d, old_doc, new_doc, lang)}"
        for d in differences
    ]
