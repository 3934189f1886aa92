"""A corpus of annotated exports whose remarks are placed WITHOUT the layout map.

The layout map is what the import places remarks with, so remarks placed
from the map would only check the map against itself. Here each remark is
put where a reader's user would put it: on the printed value of an item,
found in the words ``pdftotext -bbox-layout`` (poppler, a PDF text extractor
that is not ours) reads off the exported page. The item a remark is about is
known from the factsheet itself (the cluster named "Cluster BG-0007" is
``/clusters/7/name``; its members are the number printed on the same row), so
accuracy is the share of remarks the import maps onto that path.

``build_corpus`` makes the annotated files; ``accuracy`` imports them (the
preview only: nothing is written) and counts. Used by
``tests/bench/annotations_bench.py`` and, small, by ``test_corpus.py``.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eccp_desktop.annotations import LOW, exports, plan_import
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n.formatting import format_integer
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, Rect

_NS = "{http://www.w3.org/1999/xhtml}"
ROW_TOLERANCE = 3.0  # pt: a value stands on its row's line when their middles are this close
# How a reader's user marks an item; text markup takes the words' boxes as quads.
KINDS = ["Highlight", "Text", "Underline", "Square", "StrikeOut", "Text", "Squiggly", "Highlight"]
MARKUP = {"Highlight", "Underline", "StrikeOut", "Squiggly"}
# How readers put a sticky note's icon where the user clicks: (size in pt, the click at its
# top left corner or its middle).
ICONS = {"acrobat": (20.0, "corner"), "evince": (24.0, "corner"), "okular": (20.0, "middle")}


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    box: Rect  # PDF user space (origin bottom left)
    line: int  # which pdftotext line it is on (one quad per line)


def page_words(pdf: bytes) -> list[list[Word]]:
    """Every page's words with their boxes, as ``pdftotext -bbox-layout`` reads them."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.pdf")
        src.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-bbox-layout", str(src), "-"], check=True, capture_output=True
        ).stdout
    root = ET.fromstring(out)
    pages: list[list[Word]] = []
    line_id = 0
    for page in root.iter(f"{_NS}page"):
        height = float(page.get("height", "0"))
        words: list[Word] = []
        for line in page.iter(f"{_NS}line"):
            line_id += 1
            for w in line.iter(f"{_NS}word"):
                x0, y0, x1, y1 = (float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax"))
                # pdftotext counts y from the top of the page, PDF user space from the bottom
                words.append(Word(w.text or "", (x0, height - y1, x1, height - y0), line_id))
        pages.append(words)
    return pages


def _squash(text: str) -> str:
    return "".join(text.split()).replace("\u00ad", "").casefold()


class Finder:
    """Where a text is printed: runs of whole words whose letters spell it."""

    def __init__(self, pages: list[list[Word]]) -> None:
        self.pages = pages
        self.streams: list[tuple[str, list[int], list[int]]] = []
        for words in pages:
            text, starts, ends = "", [], []
            for i, w in enumerate(words):
                s = _squash(w.text)
                last_of_line = i + 1 == len(words) or words[i + 1].line != w.line
                if last_of_line and s.endswith("-") and len(s) > 1:
                    s = s[:-1]  # hyphenated at the line end: the word goes on below
                starts.append(len(text))
                text += s
                ends.append(len(text))
            self.streams.append((text, starts, ends))

    def find(self, needle: str) -> list[tuple[int, list[Word]]]:
        """Every (1-based page, words) where ``needle`` is printed, starting and ending on word edges."""
        want = _squash(needle)
        found: list[tuple[int, list[Word]]] = []
        if not want:
            return found
        for number, (text, starts, ends) in enumerate(self.streams, start=1):
            at = text.find(want)
            while at >= 0:
                if at in starts and at + len(want) in ends:
                    first, last = starts.index(at), ends.index(at + len(want))
                    found.append((number, self.pages[number - 1][first : last + 1]))
                at = text.find(want, at + 1)
        return found

    def on_row(self, anchor: str, value: str) -> list[tuple[int, list[Word]]]:
        """Each ``value`` printed right of ``anchor`` on the same line (a table row)."""
        want = _squash(value)
        found: list[tuple[int, list[Word]]] = []
        for number, words in self.find(anchor):
            first = words[0].box
            middle = (first[1] + first[3]) / 2
            found.extend(
                (number, [w])
                for w in self.pages[number - 1]
                if _squash(w.text) == want
                and abs((w.box[1] + w.box[3]) / 2 - middle) <= ROW_TOLERANCE
                and w.box[0] > words[-1].box[2]
            )
        return found


@dataclass(frozen=True, slots=True)
class Target:
    """An item and how to find it printed: its text, or its value on the row of ``row``."""

    path: str
    text: str
    times: int = 1  # how often the item itself is printed (titles: in a table and as a heading)
    row: str | None = None


def _local(text: dict[str, str], lang: str) -> str:
    return text.get(lang) or text.get("en") or ""


def _opening(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def targets(fs: Factsheet, lang: str) -> Iterator[Target]:
    """The items of ``fs`` a remark can be put on, from the factsheet alone."""
    for i, c in enumerate(fs.clusters):
        yield Target(f"/clusters/{i}/name", c.name)
        if c.members is not None:
            yield Target(f"/clusters/{i}/members", format_integer(c.members, lang), row=c.name)
        if c.sme_members is not None:
            yield Target(
                f"/clusters/{i}/sme_members", format_integer(c.sme_members, lang), row=c.name
            )
        if c.region:
            yield Target(f"/clusters/{i}/region", c.region, row=c.name)
    for i, p in enumerate(fs.policies):
        yield Target(f"/policies/{i}/title", _local(p.title, lang), times=2)
        yield Target(f"/policies/{i}/description", _local(p.description, lang))
        for j, prog in enumerate(p.programmes):
            yield Target(f"/policies/{i}/programmes/{j}/title", _local(prog.title, lang))
    for key, text in fs.sections.items():
        yield Target(f"/sections/{key}", _local(text, lang))
    for dim, assessment in fs.policy_assessment.items():
        yield Target(f"/policy_assessment/{dim}/text", _local(assessment.text, lang))
    for i, e in enumerate(fs.ecosystems):
        if e.employment is not None:
            yield Target(f"/ecosystems/{i}/employment", format_integer(e.employment, lang))
    for i, cp in enumerate(fs.cohesion_programmes):
        if cp.cci:
            yield Target(f"/cohesion_programmes/{i}/cci", cp.cci)
    for i, r in enumerate(fs.recommendations):
        yield Target(f"/recommendations/{i}/text", _local(r.text, lang))
    for s, scheme in enumerate(fs.tier_schemes):
        for j, tier in enumerate(scheme.tiers):
            name = _local(tier.name, lang)
            if tier.min_members is not None:
                yield Target(
                    f"/tier_schemes/{s}/tiers/{j}/min_members",
                    format_integer(tier.min_members, lang),
                    row=name,
                )
    for i, source in enumerate(fs.sources):
        if source.url:
            yield Target(f"/sources/{i}", source.url)


def locate(finder: Finder, target: Target) -> tuple[int, list[Word]] | None:
    """Where a remark on ``target`` goes, or None when it cannot be told apart on the page.

    A long text is looked for by its first words, one more until they are
    printed exactly as often as the item is (else another item prints them too).
    """
    if not target.text.strip():
        return None  # not printed
    if target.row is not None:  # the row's name may be printed elsewhere too, its value not
        found = finder.on_row(target.row, target.text)
        return found[0] if len(found) == 1 else None
    words = target.text.split()
    for n in range(min(3, len(words)), min(len(words), 12) + 1):
        found = finder.find(_opening(target.text, n))
        if len(found) == target.times:
            return found[0]
        if len(found) < target.times:
            return None  # not printed as a run of words (wrapped across table cells)
    return None


def _union(boxes: list[Rect]) -> Rect:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def remark(
    kind: str, page: int, words: list[Word], text: str, order: str, reader: str = "acrobat"
) -> Note:
    """The annotation a reader writes over ``words``: quads per line, a box, or a note icon.

    ``order``: the quad point order; ``reader``: how the note icon sits at the click.
    """
    lines: dict[int, list[Rect]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w.box)
    quads = [_union(boxes) for boxes in lines.values()]
    whole = _union(quads)
    if kind in MARKUP:
        return Note(kind, page, whole, text, quads=quads, quad_order=order)
    if kind == "Text":  # clicked on the middle of the first word
        x0, y0, x1, y1 = words[0].box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        size, at = ICONS[reader]
        if at == "middle":
            cx, cy = cx - size / 2, cy + size / 2
        return Note(kind, page, (cx, cy - size, cx + size, cy), text)
    x0, y0, x1, y1 = whole  # Square: a box drawn just around the words
    return Note(kind, page, (x0 - 1.5, y0 - 1.5, x1 + 1.5, y1 + 1.5), text)


@dataclass(slots=True)
class Annotated:
    """One exported factsheet and the remarks put on it, each with the path it is about."""

    label: str
    pdf: bytes
    notes: list[Note]
    paths: list[str]
    candidates: int  # targets the factsheet has
    located: int  # of those, found printed unambiguously


def annotate_export(
    store: Store, fs: Factsheet, lang: str, count: int, rng: random.Random, label: str
) -> Annotated:
    """Export ``fs`` in ``lang`` (its map kept in ``store``) and put ``count`` remarks on it."""
    rendered = exports.render(fs, lang)
    assert exports.keep(store, rendered) is None
    finder = Finder(page_words(rendered.pdf))
    every = list(targets(fs, lang))
    placed = [(t, where) for t in every if (where := locate(finder, t)) is not None]
    chosen = rng.sample(placed, min(count, len(placed)))
    notes, paths = [], []
    for i, (target, (page, words)) in enumerate(chosen):
        order = rng.choice(["spec", "acrobat", "ccw"])
        reader = rng.choice(sorted(ICONS))
        notes.append(remark(KINDS[i % len(KINDS)], page, words, f"remark {i}", order, reader))
        paths.append(target.path)
    return Annotated(label, rendered.pdf, notes, paths, len(every), len(placed))


@dataclass(frozen=True, slots=True)
class Tally:
    exact: int  # remarks mapped onto the path they were written on
    total: int
    low: int  # remarks the preview marks as low confidence
    misses: list[tuple[str, str, str, str]]  # (file, kind, expected path, mapped path)

    @property
    def share(self) -> float:
        return self.exact / self.total if self.total else 0.0


def accuracy(
    store: Store, corpus: list[Annotated], annotate: Callable[[bytes, list[Note]], bytes]
) -> Tally:
    """Annotate every file with ``annotate`` (a writer of ``annotate.py``), plan its import, count."""
    exact = total = low = 0
    misses: list[tuple[str, str, str, str]] = []
    for item in corpus:
        plan = plan_import(store, annotate(item.pdf, item.notes), f"{item.label}.pdf")
        # each remark's text says which one it is ("remark 7")
        got = {int(c.comment.text.split()[1]): c for c in plan.comments}
        for i, (note, path) in enumerate(zip(item.notes, item.paths, strict=True)):
            planned = got.get(i)
            mapped = planned.comment.path if planned else "(not imported)"
            total += 1
            if mapped == path:
                exact += 1
            else:
                misses.append((item.label, note.kind, path, mapped))
            low += planned is not None and planned.confidence == LOW
    return Tally(exact, total, low, misses)
