"""The engine: results, ordering, the registry and incremental re-validation."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from eccp_desktop.domain.model import Cluster
from eccp_desktop.i18n import set_language
from eccp_desktop.validation import REGISTRY, Result, Validator, validate
from tests.validation.builders import complete_factsheet


def test_result_section_and_dict() -> None:
    r = Result("cluster.members_below_tier_minimum", "error", "msg", "/clusters/3/members")
    assert r.section == "clusters"
    assert Result("x", "info", "m", "").section == ""
    assert r.as_dict() == {
        "rule": "cluster.members_below_tier_minimum",
        "severity": "error",
        "message": "msg",
        "path": "/clusters/3/members",
    }


def test_registry_checks_are_named_and_declare_their_rules() -> None:
    names = [(c.kind, c.name) for c in REGISTRY]
    assert len(names) == len(set(names))
    kinds = {c.kind for c in REGISTRY}
    assert kinds == {
        "required",
        "formats",
        "ranges",
        "consistency",
        "tiers",
        "cross_record",
        "completeness",
        "printable",
    }
    for check in REGISTRY:
        assert check.rules
        assert check.collection is None or check.collection not in check.depends


def test_validator_follows_edits_of_one_cluster() -> None:
    fs = complete_factsheet()
    v = Validator(fs)
    assert v.results == []
    fs.clusters[1].members = 30
    assert [r.rule for r in v.revalidate("/clusters/1/members")] == [
        "cluster.members_below_tier_minimum"
    ]
    fs.clusters[1].members = 40
    assert v.revalidate("/clusters/1/members") == []


def test_validator_follows_added_and_removed_items_whatever_the_path() -> None:
    fs = complete_factsheet()
    v = Validator(fs)
    fs.clusters.insert(0, Cluster("Key Ltd", "PL22", dt.date(2010, 1, 1), 60, 10, "kkk", "growing"))
    # an index path after an insertion still re-runs the whole list
    assert v.revalidate("/clusters/0") == validate(fs)
    assert {r.rule for r in v.results} == {"cluster.duplicate_name", "cluster.meets_higher_tier"}
    del fs.clusters[0]
    assert v.revalidate("/clusters/0") == []


def test_validator_notices_moved_items_even_when_the_path_names_one() -> None:
    fs = complete_factsheet()
    fs.clusters[0].members, fs.clusters[0].sme_members = 10, 5
    v = Validator(fs)
    fs.clusters[0], fs.clusters[1] = fs.clusters[1], fs.clusters[0]
    assert [r.path for r in v.revalidate("/clusters/0/members")] == ["/clusters/1/members"]


def test_validator_reruns_cluster_checks_when_a_tier_changes() -> None:
    fs = complete_factsheet()
    v = Validator(fs)
    fs.tier_schemes[0].tiers[2].min_members = 100
    results = v.revalidate("/tier_schemes/0/tiers/2/min_members")
    assert [(r.rule, r.path) for r in results] == [
        ("cluster.members_below_tier_minimum", "/clusters/2/members")
    ]


@pytest.mark.parametrize("path", ["", "/", "/nonsense", "/clusters/x/members", "/status"])
def test_validator_accepts_any_path(path: str) -> None:
    fs = complete_factsheet()
    v = Validator(fs)
    fs.status = "validated"
    fs.clusters[0].name = ""
    assert v.revalidate(path) == v.results
    if path in ("", "/", "/status"):
        assert v.results == validate(fs)


def test_results_is_a_copy() -> None:
    fs = complete_factsheet()
    fs.sources = []
    v = Validator(fs)
    v.results.clear()
    assert v.results == validate(fs) != []


def test_messages_come_in_the_ui_language_given() -> None:
    fs = complete_factsheet()
    fs.clusters[2].members = 40
    set_language("pl")
    try:
        (result,) = validate(fs)
    finally:
        set_language("en")
    # the tier's Polish name, inside the Polish sentence of the catalog
    assert "„Krajowy Klaster Kluczowy”" in result.message and "51" in result.message
    assert "requires" not in result.message
    (result,) = validate(fs)
    assert result.message.startswith("Key National Cluster")


def test_validate_does_not_change_the_factsheet() -> None:
    fs = complete_factsheet()
    fs.clusters[0].founded = dt.date(2030, 1, 1)
    before = copy.deepcopy(fs)
    validate(fs)
    Validator(fs).revalidate("")
    assert fs == before
