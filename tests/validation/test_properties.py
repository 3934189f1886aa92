"""Properties: validate never raises on a schema-valid package, and the
incremental Validator always agrees with a full run."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.exchange import parse
from eccp_desktop.validation import SEVERITIES, Validator, rule_ids, validate
from tests.validation import strategies as s
from tests.validation.builders import complete_factsheet
from tests.validation.paths import set_at

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(s.packages)
def test_validate_never_raises_on_a_schema_valid_package(data: dict[str, Any]) -> None:
    fs = parse(json.dumps(data))
    results = validate(fs)
    known = set(rule_ids())
    for r in results:
        assert r.rule in known
        assert r.severity in SEVERITIES
        assert r.message
        assert r.path == "" or r.path.startswith("/")
    assert Validator(fs).results == results


def _edit(fs: Factsheet, data: st.DataObject) -> str:
    """One edit as the window would make it; returns the path it changed."""
    kind = data.draw(
        st.sampled_from(
            ["cluster", "add_cluster", "remove_cluster", "swap_clusters", "tier", "policy", "programme",
             "cci", "status", "languages", "reference_date", "section", "source", "scheme_key"]
        )
    )  # fmt: skip
    n = len(fs.clusters)
    if kind == "cluster" and n:
        i = data.draw(st.integers(0, n - 1))
        field, value = data.draw(
            st.sampled_from(
                [
                    ("members", data.draw(s.counts)),
                    ("sme_members", data.draw(s.counts)),
                    ("founded", data.draw(st.dates(dt.date(2015, 1, 1), dt.date(2026, 1, 1)))),
                    ("tier", data.draw(st.sampled_from([*s.TIER_KEYS, None]))),
                    ("scheme", data.draw(st.sampled_from([*s.KEYS, None]))),
                    ("name", data.draw(st.sampled_from(["Alpha", "Delta", ""]))),
                    ("region", data.draw(s.nuts)),
                ]
            )
        )
        path = f"/clusters/{i}/{field}"
        set_at(fs, path, value)
        return path
    if kind == "add_cluster":
        fs.clusters.append(Cluster("Alpha", "PL91", dt.date(2020, 1, 1), 30, 10, "kkk", "emerging"))
        return data.draw(st.sampled_from(["/clusters", f"/clusters/{n}"]))
    if kind == "swap_clusters" and n > 1:
        i, j = data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1))
        fs.clusters[i], fs.clusters[j] = fs.clusters[j], fs.clusters[i]
        return f"/clusters/{i}"  # names one item only: the Validator must notice the move
    if kind == "remove_cluster" and n:
        del fs.clusters[data.draw(st.integers(0, n - 1))]
        return "/clusters"
    if kind == "tier" and fs.tier_schemes and fs.tier_schemes[0].tiers:
        field = data.draw(st.sampled_from(["min_members", "min_operating_months"]))
        path = f"/tier_schemes/0/tiers/0/{field}"
        set_at(fs, path, data.draw(st.integers(0, 60)))
        return path
    if kind == "scheme_key" and fs.tier_schemes:
        path = "/tier_schemes/0/key"
        set_at(fs, path, data.draw(st.sampled_from(s.KEYS)))
        return path
    if kind == "policy" and fs.policies:
        field = data.draw(st.sampled_from(["start_year", "end_year", "key", "region", "type"]))
        value = {
            "start_year": data.draw(s.years),
            "end_year": data.draw(s.years),
            "key": data.draw(st.sampled_from(["p1", "p2"])),
            "region": data.draw(st.none() | s.nuts),
            "type": data.draw(st.sampled_from(["regional_cluster", "broad"])),
        }[field]
        path = f"/policies/0/{field}"
        set_at(fs, path, value)
        return path
    if kind == "programme" and fs.policies and fs.policies[0].programmes:
        path = "/policies/0/programmes/0/start_year"
        set_at(fs, path, data.draw(s.years))
        return path
    if kind == "cci" and fs.cohesion_programmes:
        path = "/cohesion_programmes/0/cci"
        set_at(fs, path, data.draw(s.cci))
        return path
    if kind == "status":
        fs.status = data.draw(st.sampled_from(["draft", "validated", "published"]))
        return "/status"
    if kind == "languages":
        fs.languages = data.draw(st.lists(st.sampled_from(s.LANGS), unique=True, max_size=3))
        return "/languages"
    if kind == "reference_date":
        fs.reference_date = data.draw(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
        return "/reference_date"
    if kind == "section":
        path = "/sections/annex"
        set_at(fs, path, data.draw(s.texts))
        return path
    if kind == "source" and fs.sources:
        path = "/sources/0/url"
        set_at(fs, path, data.draw(s.urls))
        return path
    return ""


@FAST
@given(
    st.one_of(s.packages.map(lambda d: parse(json.dumps(d))), st.builds(complete_factsheet)),
    st.data(),
)
def test_revalidate_after_edits_equals_a_full_validation(
    fs: Factsheet, data: st.DataObject
) -> None:
    v = Validator(fs)
    for _ in range(data.draw(st.integers(1, 4))):
        path = _edit(fs, data)
        assert v.revalidate(path) == validate(fs)
    assert v.results == validate(fs)
