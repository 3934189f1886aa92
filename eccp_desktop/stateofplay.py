"""The state of play across Europe, computed from the store's factsheets.

The figures of the ECCP's "State of Play" slides: policies by type, Member
States with a dedicated cluster policy, Member States whose clusters get
cohesion-policy support, and priorities addressed by EU15 and EU13. Counts
are over the EU27 (groups EU15 and EU13), as in the published figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from eccp_desktop.domain.codes import POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.countries import COUNTRIES
from eccp_desktop.domain.model import Factsheet

EU_GROUPS = ("EU15", "EU13")
DEDICATED_TYPES = ("national_cluster", "regional_cluster")


@dataclass(frozen=True, slots=True)
class CountryLine:
    """One country's row in the overview table."""

    country: str
    edition: int
    group: str
    status: str
    policies_by_type: dict[str, int]
    cohesion_programmes: int


@dataclass(frozen=True, slots=True)
class StateOfPlay:
    edition: int | None  # None: the latest edition of each country
    lines: tuple[CountryLine, ...]  # every factsheet considered, EU27 or not
    member_states: tuple[str, ...]  # EU27 countries among them
    policies_by_type: dict[str, int]  # EU27 policies
    dedicated: tuple[str, ...]  # Member States with a national and/or regional cluster policy
    cohesion: tuple[str, ...]  # Member States with cohesion programmes supporting clusters
    priorities_by_group: dict[str, dict[str, int]] = field(default_factory=dict)
    as_of: dt.date | None = None  # the latest reference date: the report's date

    @property
    def policy_count(self) -> int:
        return sum(self.policies_by_type.values())


def select_editions(factsheets: Iterable[Factsheet], edition: int | None) -> list[Factsheet]:
    """The given edition of each country, or each country's latest."""
    chosen: dict[str, Factsheet] = {}
    for fs in factsheets:
        if edition is not None and fs.edition != edition:
            continue
        if fs.country not in chosen or fs.edition > chosen[fs.country].edition:
            chosen[fs.country] = fs
    return [chosen[c] for c in sorted(chosen)]


def compute(factsheets: Iterable[Factsheet], edition: int | None = None) -> StateOfPlay:
    sheets = select_editions(factsheets, edition)
    lines = []
    by_type: Counter[str] = Counter()
    priorities: dict[str, Counter[str]] = {p: Counter() for p in PRIORITIES}
    member_states, dedicated, cohesion = [], [], []
    for fs in sheets:
        group = COUNTRIES[fs.country].group if fs.country in COUNTRIES else "third"
        types = Counter(p.type for p in fs.policies)
        lines.append(
            CountryLine(
                fs.country,
                fs.edition,
                group,
                fs.status,
                {t: types[t] for t in POLICY_TYPES},
                len(fs.cohesion_programmes),
            )
        )
        if group not in EU_GROUPS:
            continue
        member_states.append(fs.country)
        by_type.update(types)
        if any(types[t] for t in DEDICATED_TYPES):
            dedicated.append(fs.country)
        if fs.cohesion_programmes:
            cohesion.append(fs.country)
        for policy in fs.policies:
            for priority in set(policy.priorities):
                priorities.setdefault(priority, Counter())[group] += 1
    return StateOfPlay(
        edition=edition,
        lines=tuple(lines),
        member_states=tuple(member_states),
        policies_by_type={t: by_type[t] for t in POLICY_TYPES},
        dedicated=tuple(dedicated),
        cohesion=tuple(cohesion),
        priorities_by_group={p: {g: c[g] for g in EU_GROUPS} for p, c in priorities.items()},
        as_of=max((fs.as_of for fs in sheets), default=None),
    )
