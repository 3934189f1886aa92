"""The synthetic store generator the benchmarks share."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eccp_desktop.exchange import dumps, parse
from eccp_desktop.validation import validate
from tests.bench.synthetic import build_store, synthetic_factsheet


def test_synthetic_factsheet_is_deterministic_and_schema_valid() -> None:
    fs = synthetic_factsheet("GR")
    assert (len(fs.clusters), len(fs.policies)) == (500, 20)
    assert dumps(fs) == dumps(synthetic_factsheet("GR"))
    assert dumps(fs) != dumps(synthetic_factsheet("GR", seed=1))
    assert parse(dumps(fs)) == fs
    assert all(c.region and c.region.startswith("EL") for c in fs.clusters)


def test_synthetic_factsheet_breaks_a_few_rules_only() -> None:
    counts = Counter(r.rule for r in validate(synthetic_factsheet("PL")))
    assert 0 < counts["cluster.members_below_tier_minimum"] < 50
    assert 0 < counts["cluster.months_below_tier_minimum"] < 50
    assert not any(rule.startswith("format.") for rule in counts)


def test_build_store_holds_every_country(tmp_path: Path) -> None:
    with build_store(tmp_path / "s.sqlite3", clusters=3, policies=1) as store:
        summaries = store.list()
    assert len(summaries) == 56
    assert {(s.clusters, s.policies) for s in summaries} == {(3, 1)}
