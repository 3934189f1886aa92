"""Who the simulated clients are and what the store holds before they start.

Officers of five countries edit their own country's factsheet; several
officers share each one (so they conflict), the central team edits any of
them, readers look at the state of play and the list and comment as
reviewers. The store starts as the demo store plus synthetic factsheets
with clusters (numbers to edit), as an officer's first start would.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from eccp_desktop.domain.model import Factsheet

# The factsheets the officers edit: demo ones (texts, ratings, policies) and
# synthetic ones with clusters (numbers).
EDITED = ("PL", "HR", "FR", "DE", "IT")
SYNTHETIC = ("DE", "IT")
EDITION = 2023


@dataclass(frozen=True, slots=True)
class Role:
    index: int
    kind: str  # "officer", "central" or "reader"
    country: str | None  # the officer's country
    actor: str

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def roles(clients: int) -> list[Role]:
    """Every 5th client a reader, every 7th a central-team member, the rest officers.

    Officers come in pairs per country (0 and 1 are both Polish), so even two
    clients share a factsheet and meet conflicts.
    """
    out: list[Role] = []
    officers = 0
    for i in range(clients):
        if i % 5 == 4:
            out.append(Role(i, "reader", None, f"reader {i}"))
        elif i % 7 == 6:
            out.append(Role(i, "central", None, f"central team {i}"))
        else:
            country = EDITED[(officers // 2) % len(EDITED)]
            officers += 1
            out.append(Role(i, "officer", country, f"officer {country} {i}"))
    return out


def seed_factsheets() -> list[Factsheet]:
    """The demo factsheets plus small synthetic ones with clusters."""
    from eccp_desktop.exchange import read_package
    from eccp_desktop.paths import demo_packages
    from tests.bench.synthetic import synthetic_factsheet

    sheets = [read_package(p) for p in demo_packages()]
    have = {fs.country for fs in sheets}
    sheets += [
        synthetic_factsheet(code, clusters=40, policies=6) for code in SYNTHETIC if code not in have
    ]
    missing = set(EDITED) - {fs.country for fs in sheets}
    assert not missing, f"no seed factsheet for {sorted(missing)}"
    return sheets
