"""The registry of checks: every rule module adds its functions here.

A *check* is a small function that reports one or a few closely related
rules (their stable ids are declared with it). Sheet checks look at the
factsheet as a whole; item checks look at one item of a list (one cluster,
one policy with its programmes) so that an edit re-runs them for that item
only. ``depends`` names the other top-level keys a check reads: a change
there re-runs it in full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from eccp_desktop.validation.context import Context
from eccp_desktop.validation.result import Result

# Keys every rule may read (severity by status, country prefixes, languages,
# the reference date): a change to one of them re-runs everything.
GLOBAL_KEYS: Final = frozenset({"country", "edition", "reference_date", "status", "languages"})

Found = Sequence[Result]
SheetFn = Callable[[Context], Found]
ItemFn = Callable[[Context, int, Any], Found]
F = TypeVar("F", bound=Callable[..., Found])

NONE: Final[tuple[Result, ...]] = ()


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    kind: str  # the module it lives in: required, formats, ranges, ...
    rules: tuple[str, ...]  # the rule ids it reports
    collection: str | None  # item checks: the list they run over
    depends: frozenset[str]
    fn: Callable[..., Found]

    def reruns_on(self, key: str) -> bool:
        return key in GLOBAL_KEYS or key in self.depends


REGISTRY: list[Check] = []


def _add(fn: Callable[..., Found], rules: tuple[str, ...], collection: str | None,
         depends: Sequence[str]) -> None:  # fmt: skip
    kind = fn.__module__.rsplit(".", 1)[-1]
    REGISTRY.append(Check(fn.__name__, kind, rules, collection, frozenset(depends), fn))


def sheet_check(*rules: str, depends: Sequence[str]) -> Callable[[F], F]:
    """Register a check of the whole factsheet that reads the keys ``depends``."""

    def register(fn: F) -> F:
        _add(fn, rules, None, depends)
        return fn

    return register


def item_check(collection: str, *rules: str, depends: Sequence[str] = ()) -> Callable[[F], F]:
    """Register a check of one item of ``collection`` (also reading ``depends``)."""

    def register(fn: F) -> F:
        _add(fn, rules, collection, depends)
        return fn

    return register


def rule_ids() -> list[str]:
    """Every rule id the registry can report, sorted."""
    return sorted({rule for check in REGISTRY for rule in check.rules})
