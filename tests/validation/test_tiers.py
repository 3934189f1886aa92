"""Tier minimums at the Polish thresholds (18/20, 24/35, 36/51), on the reference date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from eccp_desktop.i18n import set_language
from eccp_desktop.validation import Result, validate
from tests.validation.builders import cluster, complete_factsheet

D = dt.date
MONTHS = "cluster.months_below_tier_minimum"
MEMBERS = "cluster.members_below_tier_minimum"


def check(tier: str, founded: dt.date, members: int, on: dt.date) -> list[Result]:
    fs = complete_factsheet()
    fs.reference_date = on
    fs.clusters = [cluster("Only", tier, founded, members)]
    return [r for r in validate(fs) if r.path.startswith("/clusters/")]


def rules(results: list[Result]) -> set[str]:
    return {r.rule for r in results}


@pytest.mark.parametrize(
    ("tier", "founded", "members"),
    [
        # the latest founding dates with 18, 24 and 36 full months on 31 December 2023
        ("emerging", D(2022, 6, 30), 20),
        ("growing", D(2021, 12, 31), 35),
        ("key_national", D(2020, 12, 31), 51),
    ],
)
def test_exact_minimums_pass_and_one_less_fails(tier: str, founded: dt.date, members: int) -> None:
    on = D(2023, 12, 31)
    assert MONTHS not in rules(check(tier, founded, members, on))
    assert MEMBERS not in rules(check(tier, founded, members, on))
    assert MEMBERS in rules(check(tier, founded, members - 1, on))
    assert MONTHS in rules(check(tier, founded + dt.timedelta(days=1), members, on))


@pytest.mark.parametrize(
    ("founded", "on", "meets"),
    [
        (D(2022, 6, 30), D(2023, 12, 30), True),  # exactly 18 months
        (D(2022, 6, 30), D(2023, 12, 29), False),  # one day short
        (D(2022, 8, 31), D(2024, 2, 29), True),  # month end into a leap February
        (D(2022, 8, 31), D(2024, 2, 28), False),
        (D(2022, 7, 31), D(2023, 1, 31), False),  # only 6 months
    ],
)
def test_emerging_18_months_at_month_ends(founded: dt.date, on: dt.date, meets: bool) -> None:
    assert (MONTHS not in rules(check("emerging", founded, 20, on))) is meets


@pytest.mark.parametrize(
    ("on", "meets"),
    [(D(2023, 2, 28), True), (D(2023, 2, 27), False), (D(2023, 3, 1), True)],
)
def test_key_national_founded_on_a_leap_day(on: dt.date, meets: bool) -> None:
    # 29 February 2020 + 36 months = 28 February 2023.
    assert (MONTHS not in rules(check("key_national", D(2020, 2, 29), 51, on))) is meets


def test_age_is_judged_on_the_reference_date_not_today() -> None:
    founded = D(2023, 1, 1)  # long past 18 months by "today", not by the reference date
    assert MONTHS in rules(check("emerging", founded, 20, D(2023, 12, 31)))
    assert MONTHS not in rules(check("emerging", founded, 20, D(2024, 7, 1)))


def test_messages_say_what_is_wrong_and_what_is_expected() -> None:
    results = check("key_national", D(2021, 7, 1), 40, D(2023, 12, 31))
    messages = {r.rule: r.message for r in results}
    assert (
        messages[MEMBERS]
        == "Key National Cluster requires at least 51 members; this cluster has 40"
    )
    assert messages[MONTHS].startswith(
        "Key National Cluster requires at least 36 months of operation; this cluster has operated 29 months on"
    )
    assert {r.path for r in results} == {"/clusters/0/members", "/clusters/0/founded"}


@pytest.fixture
def polish() -> Iterator[None]:
    set_language("pl")
    try:
        yield
    finally:
        set_language("en")


@pytest.mark.usefixtures("polish")
def test_tier_names_come_in_the_ui_language() -> None:
    results = check("key_national", D(2012, 1, 1), 40, D(2023, 12, 31))
    (members,) = [r for r in results if r.rule == MEMBERS]
    assert "Krajowy Klaster Kluczowy" in members.message


def test_higher_tier_met_is_reported_as_info_naming_the_highest() -> None:
    results = check("emerging", D(2012, 1, 1), 80, D(2023, 12, 31))
    assert [(r.rule, r.severity) for r in results] == [("cluster.meets_higher_tier", "info")]
    assert "Key National Cluster" in results[0].message
    assert "Emerging cluster" in results[0].message


def test_higher_tier_not_met_gives_no_info() -> None:
    assert check("emerging", D(2012, 1, 1), 34, D(2023, 12, 31)) == []
    assert check("key_national", D(2012, 1, 1), 500, D(2023, 12, 31)) == []


def test_stricter_tiers_need_no_strict_growth_in_both() -> None:
    fs = complete_factsheet()
    fs.tier_schemes[0].tiers[1].min_operating_months = 18  # same months, more members: fine
    assert validate(fs) == []


def test_scheme_and_tier_errors_stop_further_tier_checks() -> None:
    results = check("gold", D(2023, 12, 1), 1, D(2023, 12, 31))
    assert rules(results) == {"cluster.unknown_tier"}
