"""Comments from annotated PDFs: mapping accuracy, import time, what the layout map costs.

``python -m tests.bench annotations`` (``make bench``):

- accuracy over a generated corpus: five factsheets in five languages (the
  Polish and French demos, synthetic Greek, Hungarian and a 500-cluster
  Bulgarian one), remarks put on printed values found with pdftotext, not
  with the layout map (``tests/annotations/corpus.py``); written as an
  incremental update (pypdf), rewritten (pikepdf full save) and by MuPDF;
  accuracy is the share the import maps onto the item each was written on;
- the import (preview and write, into a fresh store each time) of a
  50-remark PDF of the Polish demo and of the 500-cluster factsheet;
- the render cost of the layout map: the same factsheets rendered with and
  without it (``mapped=False``) in turns, CPU time.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eccp_desktop.annotations import apply_import, exports, plan_import
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import resource
from eccp_desktop.pdf import render_factsheet
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, mutool_available, with_mutool, with_pikepdf, with_pypdf
from tests.annotations.corpus import Annotated, accuracy, annotate_export
from tests.bench import targets
from tests.bench.synthetic import synthetic_factsheet

SEED = 2026
PER_FILE = 60  # remarks per factsheet (the demos have fewer items to put them on)
IMPORT_REPEAT = 7
RENDER_REPEAT = 15
BIG_RENDER_REPEAT = 9


def _demo(name: str) -> Factsheet:
    return read_package(resource("demo", f"{name}.eccp.json"))


def factsheets() -> list[tuple[str, Factsheet, str]]:
    """(label, factsheet, language) of the corpus: five countries, five languages."""
    return [
        ("PL demo (pl)", _demo("pl-2023"), "pl"),
        ("FR demo (fr)", _demo("fr-2023"), "fr"),
        ("GR, 60 clusters (el)", synthetic_factsheet("GR", clusters=60), "el"),
        ("HU, 120 clusters (hu)", synthetic_factsheet("HU", clusters=120), "hu"),
        ("BG, 500 clusters (bg)", synthetic_factsheet("BG", clusters=500), "bg"),
    ]


def _load() -> str:
    if not hasattr(os, "getloadavg"):
        return "load unknown"
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} (1 / 5 min) on {os.cpu_count() or 0} cores"


def accuracy_bench(store: Store, corpus: list[Annotated]) -> None:
    writers: list[tuple[str, Callable[[bytes, list[Note]], bytes], float | None]] = [
        ("incremental (pypdf)", with_pypdf, 100.0),
        ("rewritten (pikepdf full save)", with_pikepdf, 95.0),
    ]
    if mutool_available():
        # no target: MuPDF redraws a note icon 18 pt wide around the middle of the
        # rectangle it is given, so its notes sit a few points off the click they model
        writers.append(("incremental (MuPDF mutool)", with_mutool, None))
    for name, writer, target in writers:
        tally = accuracy(store, corpus, writer)
        percent = 100 * tally.share
        print(
            f"  mapping accuracy, {name}: {tally.exact}/{tally.total} = {percent:.1f} % "
            f"onto the expected path; {tally.low} marked low confidence"
        )
        for label, kind, want, got in tally.misses[:8]:
            print(f"    missed: {label}, {kind} on {want} -> {got}")
        if target is not None:
            targets.record(f"mapping accuracy, {name}", percent, target, "%", higher_is_better=True)


def _fifty(item: Annotated) -> list[Note]:
    """50 remarks on ``item``'s items (its own, repeated with new texts when it has fewer)."""
    notes = []
    for i in range(50):
        n = item.notes[i % len(item.notes)]
        notes.append(
            Note(n.kind, n.page, n.rect, f"remark {i}", quads=n.quads, quad_order=n.quad_order)
        )
    return notes


def import_bench(label: str, fs: Factsheet, lang: str, item: Annotated, *, record: bool) -> None:
    """Median of the whole import (preview + write) of a 50-remark PDF, a fresh store each time."""
    rendered = exports.render(fs, lang)
    data = with_pypdf(rendered.pdf, _fifty(item))
    plans, wholes, cpus = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(IMPORT_REPEAT + 1):
            with Store.open(Path(tmp) / f"s{k}.sqlite3") as store:
                store.import_factsheets([fs], actor="bench")
                assert exports.keep(store, rendered) is None
                start, cpu = time.perf_counter(), time.process_time()
                plan = plan_import(store, data, "fifty.pdf")
                planned = time.perf_counter()
                outcome = apply_import(store, plan, actor="bench")
                end, cpu_end = time.perf_counter(), time.process_time()
                assert outcome.added == 50, outcome
                if k:  # the first one warms the imports and fonts
                    plans.append((planned - start) * 1000)
                    wholes.append((end - start) * 1000)
                    cpus.append((cpu_end - cpu) * 1000)
    whole, plan_ms, cpu_ms = (statistics.median(v) for v in (wholes, plans, cpus))
    print(
        f"  import of a 50-remark PDF, {label}: {whole:.0f} ms median of {IMPORT_REPEAT} "
        f"(preview {plan_ms:.0f} ms, write {whole - plan_ms:.0f} ms; CPU {cpu_ms:.0f} ms)"
    )
    if record:
        targets.record(f"import of a 50-remark PDF, {label}", whole, 300, "ms")


def _cpu_ms(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return (time.process_time() - start) * 1000


def _map_share(fs: Factsheet, lang: str, repeat: int) -> float:
    """The layout map's own work as a share of the rest of a rendering (median).

    Timed inside the one rendering: the map's calls (cells and flowables
    recorded, the map embedded) against everything else. On a shared machine
    two renderings' CPU times differ by ±10 % for the same work, more than
    the map costs; this share does not move with them.
    """
    from eccp_desktop.pdf import layout_map, para

    spent = [0.0]

    def timed(fn: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start

        return wrapper

    saved = (layout_map.record_cells, layout_map.embed, para.record_flowable)
    layout_map.record_cells = timed(saved[0])  # type: ignore[assignment]
    layout_map.embed = timed(saved[1])  # type: ignore[assignment]
    para.record_flowable = timed(saved[2])  # type: ignore[assignment]
    try:
        shares = []
        for _ in range(repeat):
            spent[0] = 0.0
            start = time.process_time()
            render_factsheet(fs, lang)
            total = time.process_time() - start
            shares.append(spent[0] / (total - spent[0]))
    finally:
        layout_map.record_cells, layout_map.embed, para.record_flowable = saved  # type: ignore[assignment]
    return statistics.median(shares)


def render_bench(label: str, fs: Factsheet, lang: str, repeat: int) -> None:
    """Rendering with and without the layout map, in turns, and the map's own share."""
    render_factsheet(fs, lang)  # fonts, catalogs, imports
    plain, mapped = [], []
    for _ in range(repeat):
        plain.append(_cpu_ms(lambda: render_factsheet(fs, lang, mapped=False)))
        mapped.append(_cpu_ms(lambda: render_factsheet(fs, lang)))
    p, m = statistics.median(plain), statistics.median(mapped)
    share = _map_share(fs, lang, repeat)
    print(
        f"  render {label}, CPU time, median of {repeat} in turns: without the map {p:.0f} ms, "
        f"with it {m:.0f} ms, {m / p:.3f}x; the map's own work inside a rendering: "
        f"{share * 100:.1f} % of the rest ({1 + share:.3f}x)"
    )
    targets.record(f"render cost of the layout map, {label}", 1 + share, 1.1)


def main() -> None:
    print(f"  {_load()}")
    sheets = factsheets()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.sqlite3") as store:
        store.import_factsheets([fs for _label, fs, _lang in sheets], actor="bench")
        corpus = [
            annotate_export(store, fs, lang, PER_FILE, rng, label) for label, fs, lang in sheets
        ]
        for item in corpus:
            print(
                f"  {item.label}: {len(item.notes)} remarks on items found printed "
                f"({item.located} of its {item.candidates} items told apart by pdftotext)"
            )
        accuracy_bench(store, corpus)
    (pl_label, pl, pl_lang), (bg_label, bg, bg_lang) = sheets[0], sheets[-1]
    import_bench(pl_label, pl, pl_lang, corpus[0], record=True)
    import_bench(bg_label, bg, bg_lang, corpus[-1], record=False)
    render_bench(pl_label, pl, pl_lang, RENDER_REPEAT)
    render_bench(bg_label, bg, bg_lang, BIG_RENDER_REPEAT)
    print(f"  {_load()}")


if __name__ == "__main__":
    main()
