"""Long texts in the PDF (issue #10): one 1,000,000-character field, in a table cell,
a column-heading tier name and a body section, against the typical factsheet.

Target: a factsheet with a 1,000,000-character field in a table renders in
at most 5 s (before the limits of ``pdf.limits``: over 60 s, and a long tier
name could not be laid out at all).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import resource
from eccp_desktop.pdf import render_factsheet

N = 1_000_000
WORDS = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "


def _text(n: int) -> str:
    return (WORDS * (n // len(WORDS) + 1))[:n]


def _cases() -> dict[str, Callable[[Factsheet], None]]:
    def cell(fs: Factsheet) -> None:
        fs.cohesion_programmes[0].cluster_support = {"en": _text(N)}

    def unbroken(fs: Factsheet) -> None:
        fs.policies[0].title = {"en": "x" * N}

    def header(fs: Factsheet) -> None:
        fs.tier_schemes[0].tiers[0].name = {"en": _text(N)}

    def section(fs: Factsheet) -> None:
        fs.sections["annex"] = {"en": _text(N)}

    return {
        "table cell": cell,
        "cell, no spaces": unbroken,
        "tier name": header,
        "section": section,
    }


def seconds(fs: Factsheet) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        render_factsheet(fs, "en")
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    base = read_package(resource("demo", "pl-2023.eccp.json"))
    typical = seconds(base)
    print(f"  typical Polish factsheet (en): {typical:.2f} s")
    for name, change in _cases().items():
        fs = read_package(resource("demo", "pl-2023.eccp.json"))
        change(fs)
        took = seconds(fs)
        print(
            f"  {N:,} characters, {name}: {took:.2f} s ({took / typical:.1f}x typical; target <= 5 s)"
        )


if __name__ == "__main__":
    main()
