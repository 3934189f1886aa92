"""Mapping accuracy over a generated corpus and the import time of a 50-remark PDF.

Five demo factsheets, each exported and annotated with remarks on randomly
chosen printed items (seeded: the same corpus every run) of every kind, once
as an incremental update (pypdf) and once rewritten (pikepdf). A remark counts
as exact when it lands on the item it was written on. Run by
``python -m tests.bench layout`` (``make bench``).
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eccp_desktop.annotations import exports, plan_import
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import demo_packages
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, with_pikepdf, with_pypdf

KINDS = ["Text", "Highlight", "Underline", "StrikeOut", "Squiggly", "Square", "Circle", "Ink"]
PER_FACTSHEET = 44  # 5 x 44 = 220 remarks


def _inside(e: list[Any], rng: random.Random) -> tuple[float, float, float, float]:
    """A mark well inside an item's rectangle, as a reader's user would draw it."""
    _p, x0, y0, x1, y1 = e[:5]
    w, h = x1 - x0, y1 - y0
    ax = x0 + w * rng.uniform(0.1, 0.4)
    bx = x1 - w * rng.uniform(0.1, 0.4)
    ay = y0 + h * rng.uniform(0.15, 0.35)
    by = y1 - h * rng.uniform(0.15, 0.35)
    return (ax, ay, bx, by)


def corpus(store: Store, seed: int = 2024) -> list[tuple[bytes, list[Note], list[str]]]:
    """(exported PDF annotated, the path each remark was written on) per factsheet."""
    rng = random.Random(seed)
    out: list[tuple[bytes, list[Note], list[str]]] = []
    sheets = [read_package(p) for p in demo_packages()][:5]
    store.import_factsheets(sheets, actor="bench")
    for fs in sheets:
        lang = next((lg for lg in fs.languages if lg != "en"), "en")
        rendered = exports.render(fs, lang)
        exports.keep(store, rendered)
        items = [list(e) for e in rendered.layout.items if e[3] - e[1] > 8 and e[4] - e[2] > 6]
        chosen = rng.sample(items, min(PER_FACTSHEET, len(items)))
        notes: list[Note] = []
        targets: list[str] = []
        for i, e in enumerate(chosen):
            kind = KINDS[i % len(KINDS)]
            box = _inside(e, rng)
            quads = [box] if kind in ("Highlight", "Underline", "StrikeOut", "Squiggly") else []
            order = rng.choice(["spec", "acrobat", "ccw"])
            notes.append(Note(kind, e[0], box, f"remark {i}", quads=quads, quad_order=order))
            targets.append(e[5])
        out.append((rendered.pdf, notes, targets))
    return out


def accuracy(store: Store, files: list[tuple[bytes, list[str]]]) -> tuple[int, int]:
    exact = total = 0
    for data, targets in files:
        plan = plan_import(store, data, "corpus.pdf")
        # each remark's text says which target it was written on ("remark 7")
        got = {int(c.comment.text.split()[1]): c.comment.path for c in plan.comments}
        exact += sum(got.get(i) == target for i, target in enumerate(targets))
        total += len(targets)
    return exact, total


def import_bench(median_ms: Callable[..., float]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.sqlite3") as store:
        made = corpus(store)
        for name, annotate in (
            ("incremental (pypdf)", with_pypdf),
            ("rewritten (pikepdf)", with_pikepdf),
        ):
            files = [(annotate(pdf, notes), targets) for pdf, notes, targets in made]
            exact, total = accuracy(store, files)
            print(
                f"  mapping accuracy, {name}: {exact}/{total} = {100 * exact / total:.1f} % exact"
            )
        pdf, notes, _targets = made[0]
        fifty = with_pypdf(pdf, (notes * 2)[:50])
        ms = median_ms(lambda: plan_import(store, fifty, "fifty.pdf"), 5)
        print(f"  import plan of a 50-remark PDF: {ms:.0f} ms median of 5 (target <= 300 ms)")
