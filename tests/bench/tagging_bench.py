"""What the PDF/UA tagging costs: untagged and tagged rendering in turns, in one run.

The untagged baseline is the same renderer with ``tagged=False`` (no marked
content, no structure tree, no pikepdf pass): the Polish demo factsheet, and
the batch of the 7 demo factsheets in 6 languages (42 PDFs, one process).
"""

from __future__ import annotations

import statistics
import time

from eccp_desktop.exchange import read_package
from eccp_desktop.paths import demo_packages, resource
from eccp_desktop.pdf import render_factsheet

LANGS = ["en", "pl", "de", "fr", "el", "bg"]
REPEAT = 15
BATCH_RUNS = 3


def _ms(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def main() -> None:
    typical = read_package(resource("demo", "pl-2023.eccp.json"))
    sheets = [read_package(p) for p in demo_packages()]
    render_factsheet(typical, "pl")  # fonts, catalogs, imports: not part of the figures
    plain, tagged = [], []
    for _ in range(REPEAT):
        plain.append(_ms(lambda: render_factsheet(typical, "pl", tagged=False)))
        tagged.append(_ms(lambda: render_factsheet(typical, "pl")))
    p, t = statistics.median(plain), statistics.median(tagged)
    print(
        f"  Polish demo (pl), median of {REPEAT}: untagged {p:.1f} ms, tagged {t:.1f} ms, "
        f"{t / p:.2f}×"
    )

    def batch(flag: bool) -> None:
        for fs in sheets:
            for lang in LANGS:
                render_factsheet(fs, lang, tagged=flag)

    plain_b, tagged_b = [], []
    for _ in range(BATCH_RUNS):
        plain_b.append(_ms(lambda: batch(False)))
        tagged_b.append(_ms(lambda: batch(True)))
    pb, tb = min(plain_b), min(tagged_b)
    n = len(sheets) * len(LANGS)
    print(
        f"  batch of {n} PDFs, best of {BATCH_RUNS}: untagged {pb / 1000:.2f} s, "
        f"tagged {tb / 1000:.2f} s, {tb / pb:.2f}×"
    )
