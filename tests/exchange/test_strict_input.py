"""Regression tests for issue #10's package classes: each refused with what, where, why.

One test per class the external mutation harness found (deep nesting, "DK\\n",
unchecked timestamps, 2023.0, lone surrogates, huge integers and amounts,
NaN/Infinity, duplicate keys), plus the properties behind them.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.exchange import PackageError, parse
from eccp_desktop.exchange.package import schema
from eccp_desktop.exchange.schema_checks import (
    MAX_AMOUNT,
    MAX_INTEGER,
    date_time_problem,
    ecma_pattern,
)
from eccp_desktop.exchange.strict_json import MAX_DEPTH, StrictJSONError, loads


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "format": "eccp-factsheet",
        "format_version": 1,
        "country": "PL",
        "edition": 2023,
        **extra,
    }


def refusal(text: str) -> list[str]:
    with pytest.raises(PackageError) as caught:
        parse(text, "p.eccp.json")
    return [str(p) for p in caught.value.problems]


def refusal_of(data: Any) -> list[str]:
    return refusal(json.dumps(data, ensure_ascii=True))


# -- deep nesting ----------------------------------------------------------
@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_deep_nesting_is_refused_with_its_place(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = '{"format": "eccp-factsheet", "x": ' + opener * 100_000 + "1" + closer * 100_000 + "}"
    (msg,) = refusal(text)
    assert f"nested deeper than {MAX_DEPTH} levels at line 1, column" in msg


def test_deep_nesting_in_a_truncated_file_is_still_a_clear_message() -> None:
    (msg,) = refusal("[" * 200_000)
    assert "nested deeper than" in msg


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    fs = parse(json.dumps(minimal(sections={"annex": {"en": "[" * 10_000 + '"{'}})))
    assert fs.sections["annex"]["en"].startswith("[[[")


def test_the_nesting_the_schema_allows_is_read() -> None:
    # The deepest real structure: tier scheme -> support -> levels -> list.
    data = minimal(
        tier_schemes=[
            {"key": "k", "tiers": [{"key": "t"}], "support": [{"levels": {"t": ["national"]}}]}
        ]
    )
    assert parse(json.dumps(data)).tier_schemes[0].support[0].levels == {"t": ["national"]}


# -- patterns: "$" before a final newline ----------------------------------
def test_country_with_a_final_newline_is_a_malformed_code() -> None:
    assert refusal_of(minimal(country="DK\n")) == ["/country: malformed code 'DK\\n'"]


def test_language_key_with_a_final_newline_is_refused() -> None:
    msgs = refusal_of(minimal(languages=["en\n"], sections={"annex": {"pl\n": "x"}}))
    assert msgs == [
        "/languages/0: malformed code 'en\\n'",
        "/sections/annex: malformed code 'pl\\n'",
    ]


def _patterns(node: Any) -> list[str]:
    found, stack = [], [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if isinstance(n.get("pattern"), str):
                found.append(n["pattern"])
            stack += n.values()
        elif isinstance(n, list):
            stack += n
    return found


def test_every_pattern_of_the_schema_has_full_match_semantics() -> None:
    patterns = _patterns(schema())
    assert len(patterns) >= 4  # country, languages (twice), review-comment path
    # A value each pattern takes, and the same with a final newline it must not take
    # (None: the pattern allows newlines anywhere, so only the end anchor is checked).
    samples = {
        "^[a-z]{2,3}$": ("en", "en\n"),
        "^[A-Z]{2}$": ("DK", "DK\n"),
        "^(/[^/]+)*$": ("/clusters/0/name", "/clusters/0/name/\n/"),
    }
    for p in patterns:
        rx = ecma_pattern(p)
        good, bad = samples[p]
        assert rx.search(good), p
        assert not rx.search(bad), p
        assert "$" not in rx.pattern.replace("\\$", ""), p  # no "$" left to misread


def test_ecma_digits_are_ascii() -> None:
    assert ecma_pattern(r"^\d{4}$").search("2023")
    assert not ecma_pattern(r"^\d{4}$").search("٢٠٢٣")  # Arabic-Indic digits
    assert ecma_pattern(r"^[$]\$$").search("$$")  # "$" in a class or escaped stays literal


# -- timestamps and dates ---------------------------------------------------
def comment(created: Any) -> dict[str, Any]:
    return minimal(review_comments=[{"path": "/country", "text": "t", "created": created}])


@pytest.mark.parametrize(
    ("created", "reason"),
    [
        ("yesterday", "not an ISO date and time"),
        ("2024-02-30T10:00:00Z", "no such date and time"),
        ("2024-02-01T10:00:00", "has no time zone"),
        ("2024-02-01T25:00:00Z", "no such date and time"),
        ("2024-02-01T10:00:00+25:00", "no such date and time"),
        ("0001-01-01T00:00:00+01:00", "no such date and time"),
        ("2024-02-01", "not an ISO date and time"),
        ("2024-02-01T10:00:00Z\n", "not an ISO date and time"),
    ],
)
def test_timestamps_are_really_checked(created: str, reason: str) -> None:
    (msg,) = refusal_of(comment(created))
    assert msg.startswith("/review_comments/0/created: ") and reason in msg


def test_a_timestamp_with_a_zone_is_read_as_aware() -> None:
    fs = parse(json.dumps(comment("2024-02-01T10:00:00.5+01:00")))
    created = fs.review_comments[0].created
    assert created is not None and created.utcoffset() is not None


@pytest.mark.parametrize("founded", ["2023-02-29", "2023-13-01", "20230101", "2023-01-01\n"])
def test_dates_are_really_checked(founded: str) -> None:
    (msg,) = refusal_of(minimal(clusters=[{"name": "A", "founded": founded}]))
    assert msg.startswith("/clusters/0/founded: ")


@given(st.datetimes(timezones=st.timezones()))
def test_every_aware_timestamp_python_writes_is_accepted(moment: Any) -> None:
    text = moment.isoformat()
    offset = moment.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        return  # RFC 3339 offsets are whole minutes
    try:
        moment.astimezone(__import__("datetime").UTC)
    except OverflowError:
        return  # cannot be held in UTC: refused, tested above
    assert date_time_problem(text) is None, text


# -- integers that are integers ----------------------------------------------
def test_edition_2023_point_0_is_not_an_integer() -> None:
    assert refusal(
        '{"format": "eccp-factsheet", "format_version": 1, "country": "PL", "edition": 2023.0}'
    ) == ["/edition: expected integer, found number"]


def test_members_in_exponent_notation_are_not_an_integer() -> None:
    (msg,) = refusal_of(minimal(clusters=[{"name": "A", "members": 5e1}]))
    assert msg == "/clusters/0/members: expected integer or null, found number"


# -- surrogates ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("field", "pointer"),
    [
        ({"clusters": [{"name": "A\ud800"}]}, "/clusters/0/name"),
        ({"sections": {"annex": {"en": "ok \udfff"}}}, "/sections/annex/en"),
        ({"sections": {"annex": {"e\ud800": "x"}}}, "/sections/annex/e\\ud800"),
    ],
)
def test_lone_surrogates_are_refused_with_their_place(field: dict[str, Any], pointer: str) -> None:
    msgs = refusal_of(minimal(**field))
    assert any(m.startswith(pointer + ": ") and "lone surrogate" in m for m in msgs), msgs


def test_a_surrogate_pair_is_one_character_and_accepted() -> None:
    fs = parse(json.dumps(minimal(sections={"annex": {"en": "\U0001f600"}}), ensure_ascii=True))
    assert fs.sections["annex"]["en"] == "\U0001f600"


# -- numbers beyond what the store holds ---------------------------------------
@pytest.mark.parametrize(
    ("cluster", "needle"),
    [
        ({"members": 2**63}, f"must be at most {MAX_INTEGER}"),
        ({"members": -(2**63)}, "must be at least 0"),
        ({"sme_members": 2**31}, f"must be at most {MAX_INTEGER}"),
    ],
)
def test_integers_beyond_the_store_are_refused(cluster: dict[str, Any], needle: str) -> None:
    (msg,) = refusal_of(minimal(clusters=[{"name": "A", **cluster}]))
    assert msg.startswith("/clusters/0/") and needle in msg


def test_a_ten_thousand_digit_integer_is_refused_not_a_crash() -> None:
    text = json.dumps(minimal()).replace('"edition": 2023', '"edition": ' + "9" * 10_000)
    (msg,) = refusal(text)
    assert msg.startswith("/edition: a number with 10000 digits")


@pytest.mark.parametrize("budget", ["1e308", "1e400", "-1e400", "1e16"])
def test_huge_budgets_are_refused(budget: str) -> None:
    text = json.dumps(minimal(policies=[{"key": "k", "type": "broad", "budget_eur": 0}]))
    (msg,) = refusal(text.replace('"budget_eur": 0', '"budget_eur": ' + budget))
    assert msg.startswith("/policies/0/budget_eur: ")
    assert "too large" in msg or f"must be at most {MAX_AMOUNT}" in msg


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(constant: str) -> None:
    text = json.dumps(minimal(policies=[{"key": "k", "type": "broad", "budget_eur": 0}]))
    (msg,) = refusal(text.replace('"budget_eur": 0', '"budget_eur": ' + constant))
    assert (
        msg
        == f"/policies/0/budget_eur: {constant} is not a JSON number (JSON has no NaN or infinity)"
    )


# -- duplicates, NUL, many problems --------------------------------------------
def test_duplicate_keys_are_named_with_their_object() -> None:
    text = '{"format": "eccp-factsheet", "clusters": [{"name": "a", "name": "b"}]}'
    assert refusal(text) == ["/clusters/0: the key 'name' appears twice in one object"]


def test_a_flood_of_problems_is_capped() -> None:
    text = json.dumps(minimal(clusters=[{"name": "\ud800"} for _ in range(10_000)]))
    msgs = refusal(text)
    assert 0 < len(msgs) <= 50


def test_strict_loads_is_json_for_json() -> None:
    @given(
        st.recursive(
            st.none()
            | st.booleans()
            | st.integers(-(2**53), 2**53)
            | st.floats(allow_nan=False, allow_infinity=False)
            | st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")),
            lambda kids: (
                st.lists(kids, max_size=4)
                | st.dictionaries(
                    st.text(
                        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                        max_size=5,
                    ),
                    kids,
                    max_size=4,
                )
            ),
            max_leaves=20,
        )
    )
    def roundtrip(value: Any) -> None:
        assert loads(json.dumps(value)) == value

    roundtrip()


def test_strict_errors_are_value_errors_with_problems() -> None:
    with pytest.raises(StrictJSONError) as caught:
        loads('{"a": NaN}')
    assert [str(p) for p in caught.value.problems] == [
        "/a: NaN is not a JSON number (JSON has no NaN or infinity)"
    ]
    assert re.search("NaN", str(caught.value))
