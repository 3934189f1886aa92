"""One validation finding: which rule, how bad, what, and where."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from eccp_desktop.domain.codes import ASSESSMENT_DIMENSIONS, SECTION_KEYS
from eccp_desktop.domain.model import Factsheet

ERROR: Final = "error"  # blocks the sign-off as validated
WARNING: Final = "warning"
INFO: Final = "info"
SEVERITIES: Final = (ERROR, WARNING, INFO)

# Top-level keys in the exchange format's order: the order of the report.
SECTION_ORDER: Final[dict[str, int]] = {
    name: i for i, name in enumerate(["", *(f.name for f in dataclasses.fields(Factsheet))])
}
# Keys with an order of their own (text sections as numbered, the four
# dimensions as printed); other keys sort by name.
_KEY_ORDER: Final[dict[str, int]] = {
    k: i for keys in (SECTION_KEYS, ASSESSMENT_DIMENSIONS) for i, k in enumerate(keys)
}


@dataclass(frozen=True, slots=True)
class Result:
    rule: str  # stable id, e.g. "cluster.members_below_tier_minimum"
    severity: str  # "error" | "warning" | "info"
    message: str  # localised, says what is wrong and what is expected
    path: str  # exchange-format path of the offending value, "/clusters/3/members"

    @property
    def section(self) -> str:
        """The top-level key of the path ("clusters"); "" for the whole factsheet."""
        return self.path.split("/", 2)[1] if self.path.startswith("/") else ""

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
        }


@lru_cache(maxsize=65536)
def path_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a path: section order first, list indices numerically."""
    parts = path.split("/")[1:] if path.startswith("/") else []
    section = SECTION_ORDER.get(parts[0], len(SECTION_ORDER)) if parts else 0
    key: list[tuple[int, int, str]] = [(0, section, "")]
    for part in parts[1:]:
        if part.isdigit():
            key.append((0, int(part), ""))
        else:
            key.append((1, _KEY_ORDER.get(part, len(_KEY_ORDER)), part))
    return tuple(key)


def sort_key(result: Result) -> tuple[tuple[tuple[int, int, str], ...], str, str]:
    return (path_key(result.path), result.rule, result.message)


def sort_results(results: list[Result]) -> list[Result]:
    results.sort(key=sort_key)
    return results
