"""The state of play across the store: the figures of the seed's "State of Play" slides."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from eccp_desktop.domain.codes import POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.countries import country
from eccp_desktop.domain.model import Factsheet

DEDICATED = ("national_cluster", "regional_cluster")
GROUPS = ("EU15", "EU13", "other")


def group_of(code: str) -> str:
    c = country(code)
    return c.group if c is not None and c.group in ("EU15", "EU13") else "other"


@dataclass(slots=True)
class StateOfPlay:
    factsheets: int = 0
    editions: list[int] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    as_of: dt.date = dt.date(2000, 1, 1)
    policies: int = 0
    policies_by_type: Counter[str] = field(default_factory=Counter)
    countries_by_type: dict[str, list[str]] = field(default_factory=dict)
    dedicated: list[str] = field(default_factory=list)  # countries with a cluster policy
    cohesion_countries: list[str] = field(default_factory=list)
    cohesion_programmes: int = 0
    cohesion_budget: float = 0.0
    cohesion_budget_approximate: bool = False
    policies_by_group: Counter[str] = field(default_factory=Counter)
    priorities_by_group: dict[str, Counter[str]] = field(default_factory=dict)


def latest_editions(sheets: Iterable[Factsheet], edition: int | None = None) -> list[Factsheet]:
    """One factsheet per country: the given edition, or each country's latest."""
    chosen: dict[str, Factsheet] = {}
    for fs in sheets:
        if edition is not None and fs.edition != edition:
            continue
        if fs.country not in chosen or fs.edition > chosen[fs.country].edition:
            chosen[fs.country] = fs
    return [chosen[c] for c in sorted(chosen)]


def state_of_play(sheets: Iterable[Factsheet]) -> StateOfPlay:
    s = StateOfPlay()
    by_type: dict[str, set[str]] = defaultdict(set)
    s.priorities_by_group = {p: Counter() for p in PRIORITIES}
    for fs in sheets:
        s.factsheets += 1
        s.as_of = max(s.as_of, fs.as_of)
        group = group_of(fs.country)
        for p in fs.policies:
            s.policies += 1
            s.policies_by_type[p.type] += 1
            by_type[p.type].add(fs.country)
            s.policies_by_group[group] += 1
            for k in p.priorities:
                s.priorities_by_group.setdefault(k, Counter())[group] += 1
        if fs.cohesion_programmes:
            s.cohesion_countries.append(fs.country)
        for c in fs.cohesion_programmes:
            s.cohesion_programmes += 1
            if c.budget_eur is not None:
                s.cohesion_budget += c.budget_eur
                s.cohesion_budget_approximate |= c.budget_approximate
        s.countries.append(fs.country)
        s.editions.append(fs.edition)
    s.countries = sorted(set(s.countries))
    s.editions = sorted(set(s.editions))
    s.cohesion_countries = sorted(set(s.cohesion_countries))
    s.countries_by_type = {t: sorted(by_type.get(t, ())) for t in POLICY_TYPES}
    s.dedicated = sorted(set().union(*(by_type.get(t, set()) for t in DEDICATED)))
    return s
