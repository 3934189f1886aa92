"""The state-of-play figures: what the ECCP's slides count, computed from factsheets."""

from __future__ import annotations

from eccp_desktop.domain.model import CohesionProgramme, Factsheet, Policy
from eccp_desktop.stateofplay import compute


def fs(
    country: str,
    edition: int = 2023,
    *types: str,
    cohesion: int = 0,
    priorities: tuple[str, ...] = (),
) -> Factsheet:
    return Factsheet(
        country, edition,
        policies=[Policy(f"p{i}", type=t, priorities=list(priorities)) for i, t in enumerate(types)],
        cohesion_programmes=[CohesionProgramme() for _ in range(cohesion)],
    )  # fmt: skip


def test_counts_over_the_eu27_only() -> None:
    state = compute([
        fs("PL", 2023, "national_cluster", "broad", cohesion=1, priorities=("green", "digital")),
        fs("FR", 2023, "regional_cluster", priorities=("green",)),
        fs("DK", 2023, "broad"),
        fs("NO", 2023, "national_cluster", cohesion=2, priorities=("green",)),  # COSME: listed, not counted
    ])  # fmt: skip
    assert state.member_states == ("DK", "FR", "PL")
    assert state.policies_by_type == {
        "national_cluster": 1,
        "regional_cluster": 1,
        "sectoral": 0,
        "broad": 2,
    }
    assert state.policy_count == 4
    assert state.dedicated == ("FR", "PL")
    assert state.cohesion == ("PL",)
    assert state.priorities_by_group["green"] == {"EU15": 1, "EU13": 2}
    assert state.priorities_by_group["digital"] == {"EU15": 0, "EU13": 2}
    assert [line.country for line in state.lines] == ["DK", "FR", "NO", "PL"]


def test_latest_edition_of_each_country_unless_one_is_asked() -> None:
    sheets = [
        fs("PL", 2021, "broad"),
        fs("PL", 2023, "national_cluster"),
        fs("CZ", 2021, "sectoral"),
    ]
    latest = compute(sheets)
    assert [(line.country, line.edition) for line in latest.lines] == [("CZ", 2021), ("PL", 2023)]
    assert latest.dedicated == ("PL",)
    only_2021 = compute(sheets, 2021)
    assert only_2021.dedicated == () and only_2021.policies_by_type["broad"] == 1


def test_empty_store() -> None:
    state = compute([])
    assert state.lines == () and state.policy_count == 0 and state.as_of is None
