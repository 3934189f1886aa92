"""Diff item by item: identity not position, per-language texts, moves, words."""

from __future__ import annotations

import copy
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster, Factsheet, Policy, Programme
from eccp_desktop.editions import identity as ident
from eccp_desktop.editions.compare import compare
from eccp_desktop.editions.words import render, word_diff
from eccp_desktop.exchange.codec import factsheet_to_dict
from tests.editions.edits import applied, field_edits
from tests.strategies import factsheets

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shuffled(value: Any, rng: random.Random, pattern: str = "") -> Any:
    """Every record list and every unordered code list in another order."""
    if isinstance(value, dict):
        return {k: shuffled(v, rng, ident.child_pattern(pattern, k)) for k, v in value.items()}
    if isinstance(value, list):
        items = [shuffled(v, rng, pattern) for v in value]
        if ident.is_record_list(pattern):
            # items of the same identity keep their order among themselves
            groups: dict[Any, list[Any]] = {}
            for i, item in zip(ident.identities(pattern, items), items, strict=True):
                groups.setdefault(i[:-1], []).append(item)
            keys = list(groups)
            rng.shuffle(keys)
            return [item for k in keys for item in groups[k]]
        if not ident.is_ordered_codes(pattern):
            rng.shuffle(items)
        return items
    return value


@SETTINGS
@given(factsheets(), st.randoms(use_true_random=False))
def test_a_factsheet_against_itself_or_any_reordering_is_no_difference(
    fs: Factsheet, rng: random.Random
) -> None:
    doc = factsheet_to_dict(fs)
    assert compare(doc, copy.deepcopy(doc)) == []
    assert compare(doc, shuffled(doc, rng)) == []


@SETTINGS
@given(st.data())
def test_every_edited_field_is_reported_at_its_place(data: st.DataObject) -> None:
    doc = factsheet_to_dict(data.draw(factsheets()))
    edits = data.draw(field_edits(doc))
    found = {d.path for d in compare(doc, applied(doc, edits))}
    for path, value in edits.items():
        where = "/" + "/".join(map(str, path))
        old = doc
        for p in path:
            old = old[p]
        if (
            isinstance(old, list)
            and isinstance(value, list)
            and sorted(map(repr, old)) == sorted(map(repr, value))
        ):
            continue  # a code list reordered: no change
        if old in (None, "", [], {}) and value in (None, "", [], {}):
            continue  # "nothing" for "nothing"
        assert where in found
    assert len(found) <= len(edits)


def _fs() -> Factsheet:
    return Factsheet(
        "PL",
        2023,
        sections={"economic_context": {"en": "The economy grew by two percent in 2023."}},
        policies=[
            Policy("a", programmes=[Programme({"en": "Go abroad"}, start_year=2021)]),
            Policy("b"),
        ],
        clusters=[Cluster("Mazovia ICT", members=60), Cluster("Silesia Energy", members=40)],
    )


def test_items_are_matched_by_identity() -> None:
    old = factsheet_to_dict(_fs())
    new = copy.deepcopy(old)
    new["clusters"].reverse()
    new["clusters"][1]["members"] = 45  # Mazovia, now second
    new["clusters"].append({**new["clusters"][0], "name": "Baltic Sea"})
    del new["policies"][1]
    got = [(d.path, d.change, d.old, d.new) for d in compare(old, new)]
    assert ("/clusters/1/members", "changed", 60, 45) in got
    assert ("/clusters/2", "added", None, new["clusters"][2]) in got
    assert ("/policies/1", "removed", old["policies"][1], None) in got
    assert len(got) == 3


def test_a_programme_moved_to_another_policy_is_one_move() -> None:
    old = factsheet_to_dict(_fs())
    new = copy.deepcopy(old)
    programme = new["policies"][0]["programmes"].pop()
    programme["start_year"] = 2022
    new["policies"][1]["programmes"].append(programme)
    got = [(d.path, d.change, d.old, d.new) for d in compare(old, new)]
    assert got == [
        (
            "/policies/1/programmes/0",
            "moved",
            "/policies/0/programmes/0",
            "/policies/1/programmes/0",
        ),
        ("/policies/1/programmes/0/start_year", "changed", 2021, 2022),
    ]


def test_texts_differ_per_language_and_show_the_words() -> None:
    old = factsheet_to_dict(_fs())
    new = copy.deepcopy(old)
    new["sections"]["economic_context"]["en"] = "The economy grew by three percent in 2023."
    new["sections"]["economic_context"]["pl"] = "Gospodarka wzrosła."
    got = compare(old, new)
    assert [(d.path, d.change) for d in got] == [
        ("/sections/economic_context/en", "changed"),
        ("/sections/economic_context/pl", "added"),
    ]
    assert render(word_diff(got[0].old, got[0].new)) == (
        "The economy grew by [-two-]{+three+} percent in 2023."
    )


def test_word_diff_keeps_long_unchanged_runs_short() -> None:
    before = " ".join(f"w{i}" for i in range(40))
    after = before.replace("w20", "twenty")
    line = render(word_diff(before, after), context=3)
    assert line == "… w17 w18 w19 [-w20-]{+twenty+} w21 w22 w23 …"
    segments = word_diff(before, after)
    assert "".join(t for op, t in segments if op != "+") == before
    assert "".join(t for op, t in segments if op != "-") == after
