"""The issue's targets, collected while the benchmarks run and printed together at the end.

Each benchmark calls ``record`` for the figure a target is about; ``make bench``
prints every recorded figure beside its target once all modules have run, so
one run shows them side by side. Wall-clock figures on a shared machine drift
with the other work on it, so a figure may carry a steadier CPU-time twin.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

# ``make bench`` runs each module in a process of its own; they append their
# figures to this file, which the summary then reads.
FIGURES_ENV = "ECCP_BENCH_FIGURES"


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: float
    target: float
    unit: str  # "x" (a ratio), "ms" or "%"
    higher_is_better: bool = False
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value >= self.target if self.higher_is_better else self.value <= self.target

    def line(self) -> str:
        sign = ">=" if self.higher_is_better else "<="
        value = {"x": f"{self.value:.2f}x", "%": f"{self.value:.1f} %"}.get(
            self.unit, f"{self.value:.0f} ms"
        )
        target = {"x": f"{self.target:g}x", "%": f"{self.target:g} %"}.get(
            self.unit, f"{self.target:g} ms"
        )
        verdict = "met" if self.met else "NOT MET"
        note = f"  ({self.note})" if self.note else ""
        return f"  {self.label:<58} {value:>9}  target {sign} {target:<7} {verdict}{note}"


FIGURES: list[Figure] = []


def record(
    label: str,
    value: float,
    target: float,
    unit: str = "x",
    *,
    higher_is_better: bool = False,
    note: str = "",
) -> None:
    figure = Figure(label, value, target, unit, higher_is_better, note)
    shared = os.environ.get(FIGURES_ENV)
    if shared:
        with Path(shared).open("a", encoding="utf-8") as f:
            f.write(json.dumps(asdict(figure)) + "\n")
    else:
        FIGURES.append(figure)


def recorded(path: Path) -> list[Figure]:
    """The figures the modules' processes appended to ``path``."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Figure(**json.loads(line)) for line in lines if line]


def summary(figures: list[Figure] | None = None) -> None:
    figures = FIGURES if figures is None else figures
    if not figures:
        return
    load = ""
    if hasattr(os, "getloadavg"):
        load = f" (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count() or 0} cores)"
    print(f"== targets{load}")
    for figure in figures:
        print(figure.line())
