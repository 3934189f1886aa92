"""Render cost of the layout map and the comments import (``python -m tests.bench layout``).

Times the Polish demo and a 500-cluster factsheet (median of several renders)
and the import of an annotated PDF; compare the render figures with a run on
a commit before the layout map to see its cost.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from eccp_desktop.exchange import read_package
from eccp_desktop.paths import resource
from eccp_desktop.pdf import render_factsheet
from tests.pdf.factories import with_clusters

REPEAT = 9


def median_ms(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    fn()  # warm: fonts, catalogs
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    polish = read_package(resource("demo", "pl-2023.eccp.json"))
    big = with_clusters(read_package(resource("demo", "pl-2023.eccp.json")), 500)
    for name, fs in (("Polish demo", polish), ("500 clusters", big)):
        ms = median_ms(lambda fs=fs: render_factsheet(fs, "pl"))  # type: ignore[misc]
        print(f"  render {name} (pl): {ms:.1f} ms median of {REPEAT}")
    try:
        from tests.annotations.bench_import import import_bench
    except ImportError:
        return
    import_bench(median_ms)


if __name__ == "__main__":
    main()
