"""The issue's targets, collected while the benchmarks run and printed together at the end.

Each benchmark calls ``record`` for the figure a target is about; ``make bench``
prints every recorded figure beside its target once all modules have run, so
one run shows them side by side. Wall-clock figures on a shared machine drift
with the other work on it, so a figure may carry a steadier CPU-time twin.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


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
    FIGURES.append(Figure(label, value, target, unit, higher_is_better, note))


def summary() -> None:
    if not FIGURES:
        return
    load = ""
    if hasattr(os, "getloadavg"):
        load = f" (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count() or 0} cores)"
    print(f"== targets{load}")
    for figure in FIGURES:
        print(figure.line())
