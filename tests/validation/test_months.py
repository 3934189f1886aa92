"""Month arithmetic at month ends and leap days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.validation.months import add_months, full_months, plain_date

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2020, 2, 29), 12, D(2021, 2, 28)),
        (D(2020, 2, 29), 48, D(2024, 2, 29)),
        (D(2023, 3, 31), -1, D(2023, 2, 28)),
        (D(2023, 12, 15), 1, D(2024, 1, 15)),
        (D(2022, 8, 31), 18, D(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2022, 6, 30), D(2023, 12, 30), 18),
        (D(2022, 6, 30), D(2023, 12, 29), 17),
        (D(2022, 7, 1), D(2023, 12, 31), 17),
        (D(2023, 1, 31), D(2023, 2, 28), 1),
        (D(2023, 1, 31), D(2023, 2, 27), 0),
        (D(2020, 2, 29), D(2021, 2, 28), 12),
        (D(2020, 2, 29), D(2021, 2, 27), 11),
        (D(2020, 2, 29), D(2023, 2, 28), 36),
        (D(2023, 5, 5), D(2023, 5, 5), 0),
        (D(2023, 5, 5), D(2023, 3, 10), -1),
    ],
)
def test_full_months(start: dt.date, end: dt.date, expected: int) -> None:
    assert full_months(start, end) == expected


dates = st.dates(D(1900, 1, 1), D(2100, 12, 31))


@given(dates, dates)
def test_full_months_is_the_largest_whole_number_of_months(start: dt.date, end: dt.date) -> None:
    n = full_months(start, end)
    if end >= start:
        assert add_months(start, n) <= end < add_months(start, n + 1)
    else:
        assert n <= 0


def test_plain_date() -> None:
    assert plain_date(dt.datetime(2023, 5, 1, 12, 0)) == D(2023, 5, 1)
    assert plain_date(D(2023, 5, 1)) == D(2023, 5, 1)
    assert plain_date("2023-05-01") is None
