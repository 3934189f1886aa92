"""Validation speed: the whole synthetic store, one factsheet, one re-validation.

Targets (issue 3): one 500-cluster factsheet <= 10 ms, re-validation after a
single-field edit <= 5 ms; issue 16: the whole store (56 x 500 clusters)
<= 500 ms including loading it from the store. Beside the wall clock, the CPU
time of the same runs: a shared machine stretches the first, hardly the second.
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from eccp_desktop.validation import Validator, validate
from tests.bench import targets
from tests.bench.synthetic import build_store, synthetic_factsheet


def _times(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _line(label: str, times: list[float], target: float) -> None:
    best, median = min(times), statistics.median(times)
    verdict = "ok" if median <= target else "OVER TARGET"
    print(
        f"  {label:<46} median {median:8.2f} ms  best {best:8.2f} ms  (target {target:g} ms, {verdict})"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build_store(Path(tmp) / "synthetic.sqlite3")
        print(f"  synthetic store built in {time.perf_counter() - start:.1f} s (56 x 500 clusters)")
        with store:
            loads: list[float] = []
            checks: list[float] = []
            cpus: list[float] = []
            whole: list[float] = []

            def whole_store() -> None:
                gc.collect()  # each run from the same heap (not part of the figure)
                c0, t0 = time.process_time(), time.perf_counter()
                sheets = store.load_all()
                t1 = time.perf_counter()
                for fs in sheets:
                    validate(fs)
                t2 = time.perf_counter()
                loads.append((t1 - t0) * 1000)
                checks.append((t2 - t1) * 1000)
                whole.append((t2 - t0) * 1000)
                cpus.append((time.process_time() - c0) * 1000)

            for _run in range(7):
                whole_store()
            _line("whole store validated (incl. loading)", whole, 500)
            _line("  the same, CPU time", cpus, 500)
            targets.record(
                "whole store validated incl. loading, wall", statistics.median(whole), 500, "ms"
            )
            targets.record(
                "whole store validated incl. loading, CPU time", statistics.median(cpus), 500, "ms"
            )
            for label, part in (("loading (Store.load_all)", loads), ("validating", checks)):
                print(
                    f"    of which {label:<37} median {statistics.median(part):8.2f} ms"
                    f"  best {min(part):8.2f} ms"
                )

    fs = synthetic_factsheet("PL")
    results = validate(fs)
    print(f"  one factsheet: {len(fs.clusters)} clusters, {len(results)} results")
    _line("one 500-cluster factsheet validated", _times(lambda: validate(fs), 50), 10)

    v = Validator(fs)
    counter = iter(range(10**9))

    def edit() -> None:
        n = next(counter)
        cluster = fs.clusters[n % len(fs.clusters)]
        cluster.members = (cluster.members or 0) + (1 if n % 2 else -1)
        v.revalidate(f"/clusters/{n % len(fs.clusters)}/members")

    _line("re-validated after a single-field edit", _times(edit, 200), 5)
    assert v.results == validate(fs)
