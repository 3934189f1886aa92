"""Three-way merge: properties over random factsheets and edits, and the item cases."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editions.compare import compare
from eccp_desktop.editions.merge import merge
from eccp_desktop.exchange.codec import factsheet_to_dict
from tests.editions.edits import applied, field_edits, get, overlapping_edits
from tests.strategies import factsheets

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return compare(a, b) == []


@st.composite
def three_versions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[Any, Any], dict[Any, Any]]:
    base = factsheet_to_dict(draw(factsheets()))
    mine = draw(field_edits(base))
    return base, mine, draw(overlapping_edits(base, mine))


@SETTINGS
@given(three_versions())
def test_no_local_change_gives_the_incoming_package(
    v: tuple[dict[str, Any], dict[Any, Any], dict[Any, Any]],
) -> None:
    base, _, theirs = v
    incoming = applied(base, theirs)
    result = merge(base, copy.deepcopy(base), incoming)
    assert result.clean
    assert same(result.merged, incoming)


@SETTINGS
@given(three_versions())
def test_no_incoming_change_gives_the_local_factsheet(
    v: tuple[dict[str, Any], dict[Any, Any], dict[Any, Any]],
) -> None:
    base, mine, _ = v
    here = applied(base, mine)
    result = merge(base, here, copy.deepcopy(base))
    assert result.clean
    assert same(result.merged, here)


@SETTINGS
@given(three_versions())
def test_every_edit_is_kept_or_listed_as_a_conflict(
    v: tuple[dict[str, Any], dict[Any, Any], dict[Any, Any]],
) -> None:
    base, mine, theirs = v
    here, incoming = applied(base, mine), applied(base, theirs)
    result = merge(base, here, incoming)
    conflicted = {c.path for c in result.conflicts}
    expected_conflicts = set()
    for path, value in mine.items():
        if path in theirs and theirs[path] != value:
            expected_conflicts.add("/" + "/".join(map(str, path)))
        else:  # mine only, or the same change on both sides: taken
            assert get(result.merged, path) == value
    for path, value in theirs.items():
        if path not in mine:
            assert get(result.merged, path) == value
    # code lists compare as sets: a conflict there may be a reordering only
    assert conflicted <= expected_conflicts
    for path in expected_conflicts - conflicted:
        assert sorted(map(repr, mine[_key(path, mine)])) == sorted(
            map(repr, theirs[_key(path, theirs)])
        )


def _key(path: str, edits: dict[Any, Any]) -> Any:
    return next(k for k in edits if "/" + "/".join(map(str, k)) == path)


@SETTINGS
@given(three_versions())
def test_the_merge_is_the_same_whichever_side_is_here(
    v: tuple[dict[str, Any], dict[Any, Any], dict[Any, Any]],
) -> None:
    base, mine, theirs = v
    here, incoming = applied(base, mine), applied(base, theirs)
    one = merge(base, here, incoming)
    other = merge(base, incoming, here)
    assert {c.key for c in one.conflicts} == {c.key for c in other.conflicts}
    for a in one.conflicts:
        b = next(c for c in other.conflicts if c.key == a.key)
        assert (a.here, a.incoming, a.base) == (b.incoming, b.here, b.base)
    # settled the same way round, both give the same factsheet
    assert same(merge(base, here, incoming, prefer="here").merged,
                merge(base, incoming, here, prefer="incoming").merged)  # fmt: skip


# -- items: added, removed, edited on one side and removed on the other ------------


def _pl() -> dict[str, Any]:
    fs = Factsheet("PL", 2023, languages=["en", "pl"])
    from eccp_desktop.domain.model import Cluster, Tier, TierScheme

    fs.tier_schemes = [
        TierScheme("kkk", {"en": "KKK"}, [Tier("growing", {"en": "Growing"}, 24, 35)])
    ]
    fs.clusters = [Cluster("A", members=10), Cluster("B", members=20), Cluster("C", members=30)]
    fs.sections = {"economic_context": {"en": "Poland grows.", "pl": "Polska rośnie."}}
    return factsheet_to_dict(fs)


def test_the_demo_conflict_names_the_three_values() -> None:
    base = _pl()
    here, incoming = copy.deepcopy(base), copy.deepcopy(base)
    here["tier_schemes"][0]["tiers"][0]["min_members"] = 38
    incoming["tier_schemes"][0]["tiers"][0]["min_members"] = 40
    incoming["sections"]["economic_context"]["pl"] = "Polska rośnie szybko."
    here["sections"]["economic_context"]["en"] = "Poland grows fast."
    result = merge(base, here, incoming)
    (c,) = result.conflicts
    assert (c.path, c.base, c.here, c.incoming) == (
        "/tier_schemes/0/tiers/0/min_members",
        35,
        38,
        40,
    )
    text = result.merged["sections"]["economic_context"]
    assert text == {"en": "Poland grows fast.", "pl": "Polska rośnie szybko."}  # per language
    chosen = merge(base, here, incoming, choices={c.key: "incoming"})
    assert chosen.clean and chosen.resolved[0].side == "incoming"
    assert chosen.merged["tier_schemes"][0]["tiers"][0]["min_members"] == 40


def test_items_added_on_either_side_are_both_kept_in_order() -> None:
    base = _pl()
    here, incoming = copy.deepcopy(base), copy.deepcopy(base)
    here["clusters"].append({**base["clusters"][0], "name": "Here"})
    incoming["clusters"].insert(1, {**base["clusters"][0], "name": "Incoming"})
    names = [c["name"] for c in merge(base, here, incoming).merged["clusters"]]
    assert names == ["A", "Incoming", "B", "C", "Here"]


def test_an_item_removed_on_one_side_and_untouched_on_the_other_is_removed() -> None:
    base = _pl()
    here, incoming = copy.deepcopy(base), copy.deepcopy(base)
    del here["clusters"][1]
    incoming["clusters"][2]["members"] = 31
    incoming["clusters"].reverse()  # order alone is no change
    result = merge(base, here, incoming)
    assert result.clean
    assert [(c["name"], c["members"]) for c in result.merged["clusters"]] == [("A", 10), ("C", 31)]


def test_an_item_edited_on_one_side_and_removed_on_the_other_is_a_conflict() -> None:
    base = _pl()
    here, incoming = copy.deepcopy(base), copy.deepcopy(base)
    del here["clusters"][1]
    incoming["clusters"][1]["members"] = 21
    (c,) = merge(base, here, incoming).conflicts
    assert c.path == "/clusters/1" and c.here is None and c.incoming["members"] == 21
    kept = merge(base, here, incoming, prefer="incoming").merged["clusters"]
    assert [x["name"] for x in kept] == ["A", "B", "C"]
    dropped = merge(base, here, incoming, prefer="here").merged["clusters"]
    assert [x["name"] for x in dropped] == ["A", "C"]


def test_the_same_item_added_on_both_sides_differently_conflicts_per_field() -> None:
    base = _pl()
    here, incoming = copy.deepcopy(base), copy.deepcopy(base)
    here["clusters"].append(
        {**base["clusters"][0], "name": "New", "members": 5, "url": "https://a"}
    )
    incoming["clusters"].append(
        {**base["clusters"][0], "name": "New", "members": 6, "url": "https://a"}
    )
    (c,) = merge(base, here, incoming).conflicts
    assert (c.path, c.base, c.here, c.incoming) == ("/clusters/3/members", None, 5, 6)


def test_different_factsheets_are_refused() -> None:
    base = _pl()
    other = {**base, "country": "NL"}
    try:
        merge(base, base, other)
    except ValueError:
        return
    raise AssertionError("merging PL with NL should be refused")
