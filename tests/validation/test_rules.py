"""Every rule: a change that triggers it (rule, severity, path), and clean data passes."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from eccp_desktop.domain.model import Factsheet, ReviewComment
from eccp_desktop.validation import rule_ids, validate
from tests.validation.builders import complete_factsheet, kkk_scheme
from tests.validation.paths import set_at

D = dt.date


@dataclass(frozen=True)
class Case:
    rule: str
    severity: str
    path: str
    change: Callable[[Factsheet], None]
    id: str = ""


def put(path: str, value: object) -> Callable[[Factsheet], None]:
    return lambda fs: set_at(fs, path, value)


def steps(*changes: Callable[[Factsheet], None]) -> Callable[[Factsheet], None]:
    def apply(fs: Factsheet) -> None:
        for change in changes:
            change(fs)

    return apply


def untiered(i: int) -> Callable[[Factsheet], None]:
    return steps(put(f"/clusters/{i}/scheme", None), put(f"/clusters/{i}/tier", None))


def append(attr: str, index: int) -> Callable[[Factsheet], None]:
    return lambda fs: getattr(fs, attr).append(copy.deepcopy(getattr(fs, attr)[index]))


CASES = [
    # required
    Case("section.missing", "warning", "/sections/cluster_landscape", put("/sections/cluster_landscape", {"en": " "})),
    Case("assessment.rating_missing", "warning", "/policy_assessment/approach/rating", put("/policy_assessment/approach/rating", None)),
    Case("assessment.text_missing", "warning", "/policy_assessment/approach/text", put("/policy_assessment/approach/text", {})),
    Case("factsheet.no_policies", "warning", "/policies", put("/policies", [])),
    Case("factsheet.no_sources", "warning", "/sources", put("/sources", [])),
    Case("validation.record_missing", "error", "/validation", put("/status", "validated")),
    Case("policy.title_missing", "warning", "/policies/0/title", put("/policies/0/title", {})),
    Case("policy.description_missing", "warning", "/policies/0/description", put("/policies/0/description", {})),
    Case("policy.start_year_missing", "warning", "/policies/0/start_year", put("/policies/0/start_year", None)),
    Case("policy.authority_missing", "warning", "/policies/0/authority", put("/policies/0/authority", "")),
    Case("programme.title_missing", "warning", "/policies/0/programmes/0/title", put("/policies/0/programmes/0/title", {})),
    Case("cohesion.cci_missing", "warning", "/cohesion_programmes/0/cci", put("/cohesion_programmes/0/cci", None)),
    Case("cohesion.title_missing", "warning", "/cohesion_programmes/0/title", put("/cohesion_programmes/0/title", {})),
    Case("cohesion.funds_missing", "warning", "/cohesion_programmes/0/funds", put("/cohesion_programmes/0/funds", [])),
    Case("cohesion.objectives_missing", "warning", "/cohesion_programmes/0/policy_objectives", put("/cohesion_programmes/0/policy_objectives", [])),
    Case("recommendation.year_missing", "warning", "/recommendations/0/year", put("/recommendations/0/year", None)),
    Case("recommendation.text_missing", "warning", "/recommendations/0/text", put("/recommendations/0/text", {})),
    Case("tier_scheme.name_missing", "warning", "/tier_schemes/0/name", put("/tier_schemes/0/name", {})),
    Case("tier_scheme.no_tiers", "warning", "/tier_schemes/0/tiers", steps(put("/tier_schemes/0/tiers", []), put("/tier_schemes/0/support", []))),
    Case("tier.name_missing", "warning", "/tier_schemes/0/tiers/0/name", put("/tier_schemes/0/tiers/0/name", {})),
    Case("tier.minimum_missing", "warning", "/tier_schemes/0/tiers/0/min_members", put("/tier_schemes/0/tiers/0/min_members", None)),
    Case("cluster.name_missing", "error", "/clusters/0/name", put("/clusters/0/name", "")),
    Case("cluster.region_missing", "warning", "/clusters/0/region", put("/clusters/0/region", None)),
    Case("cluster.founded_missing", "warning", "/clusters/0/founded", steps(untiered(0), put("/clusters/0/founded", None))),
    Case("cluster.members_missing", "warning", "/clusters/0/members", steps(untiered(0), put("/clusters/0/members", None), put("/clusters/0/sme_members", None))),
    Case("source.title_missing", "error", "/sources/0/title", put("/sources/0/title", "")),
    Case("source.url_missing", "warning", "/sources/0/url", put("/sources/0/url", None)),
    Case("ecosystem.relevance_missing", "warning", "/ecosystems/0/relevance", put("/ecosystems/0/relevance", None)),
    # formats
    Case("format.nuts_code", "error", "/clusters/0/region", put("/clusters/0/region", "Mazovia"), "not-a-code"),
    Case("format.nuts_code", "error", "/policies/1/region", put("/policies/1/region", "DE21"), "other-country"),
    Case("format.nuts_code", "error", "/cohesion_programmes/0/region", put("/cohesion_programmes/0/region", "PL9123"), "four-levels"),
    Case("format.url", "error", "/policies/0/url", put("/policies/0/url", "www.gov.pl"), "no-scheme"),
    Case("format.url", "error", "/sources/0/url", put("/sources/0/url", "https://gov pl"), "space"),
    Case("format.url", "error", "/clusters/0/url", put("/clusters/0/url", "ftp://x.pl"), "ftp"),
    Case("format.cci_code", "error", "/cohesion_programmes/0/cci", put("/cohesion_programmes/0/cci", "2021PL16RFPR01"), "short"),
    Case("format.cci_code", "error", "/cohesion_programmes/0/cci", put("/cohesion_programmes/0/cci", "2021CZ16RFPR001"), "other-country"),
    Case("format.cci_period", "warning", "/cohesion_programmes/0/cci", put("/cohesion_programmes/0/cci", "2014PL16RFOP001")),
    Case("format.date", "error", "/clusters/0/founded", put("/clusters/0/founded", D(1700, 1, 1)), "too-early"),
    Case("format.date", "error", "/sources/0/accessed", put("/sources/0/accessed", "15.11.2023"), "not-a-date"),
    Case("format.language_code", "error", "/languages/2", put("/languages", ["en", "pl", "xx"]), "listed"),
    Case("format.language_code", "error", "/sections/annex/qq", put("/sections/annex", {"en": "a", "pl": "b", "qq": "c"}), "text-key"),
    # ranges
    Case("range.year", "error", "/policies/0/start_year", put("/policies/0/start_year", 1800)),
    Case("range.budget_negative", "error", "/policies/0/programmes/0/budget_eur", put("/policies/0/programmes/0/budget_eur", -1.0)),
    Case("range.count_negative", "error", "/clusters/2/sme_members", put("/clusters/2/sme_members", -1), "cluster"),
    Case("range.count_negative", "error", "/tier_schemes/0/tiers/0/min_members", put("/tier_schemes/0/tiers/0/min_members", -5), "tier"),
    Case("range.count_negative", "error", "/ecosystems/0/employment", put("/ecosystems/0/employment", -5), "employment"),
    Case("range.employment_share", "error", "/ecosystems/0/employment_share", put("/ecosystems/0/employment_share", 2.6)),
    Case("recommendation.year_after_edition", "warning", "/recommendations/0/year", put("/recommendations/0/year", 2024)),
    Case("factsheet.reference_date_outside_edition", "warning", "/reference_date", put("/reference_date", D(2030, 12, 31))),
    # consistency
    Case("policy.end_before_start", "error", "/policies/1/end_year", put("/policies/1/end_year", 2010)),
    Case("programme.end_before_start", "error", "/policies/0/programmes/0/end_year", put("/policies/0/programmes/0/end_year", 2020)),
    Case("policy.region_missing", "error", "/policies/1/region", put("/policies/1/region", None)),
    Case("cluster.sme_exceeds_members", "error", "/clusters/0/sme_members", put("/clusters/0/sme_members", 26)),
    Case("cluster.founded_after_reference_date", "error", "/clusters/0/founded", put("/clusters/0/founded", D(2024, 1, 1))),
    # tiers
    Case("tier_scheme.not_stricter", "error", "/tier_schemes/0/tiers/1/min_members", put("/tier_schemes/0/tiers/1/min_members", 19), "members"),
    Case("tier_scheme.not_stricter", "error", "/tier_schemes/0/tiers/2/min_operating_months", put("/tier_schemes/0/tiers/2/min_operating_months", 23), "months"),
    Case("tier_scheme.not_stricter", "error", "/tier_schemes/0/tiers/1", steps(put("/tier_schemes/0/tiers/1/min_members", 20), put("/tier_schemes/0/tiers/1/min_operating_months", 18)), "equal"),
    Case("tier_scheme.support_unknown_tier", "error", "/tier_schemes/0/support/0/levels/gold", put("/tier_schemes/0/support/0/levels/gold", ["national"])),
    Case("cluster.unknown_scheme", "error", "/clusters/0/scheme", put("/clusters/0/scheme", "xyz"), "unknown"),
    Case("cluster.unknown_scheme", "error", "/clusters/0/scheme", put("/clusters/0/scheme", None), "tier-without-scheme"),
    Case("cluster.unknown_tier", "error", "/clusters/0/tier", put("/clusters/0/tier", "gold")),
    Case("cluster.tier_missing", "error", "/clusters/0/tier", put("/clusters/0/tier", None)),
    Case("cluster.tier_unverifiable", "error", "/clusters/0/founded", put("/clusters/0/founded", None), "founded"),
    Case("cluster.tier_unverifiable", "error", "/clusters/0/members", steps(put("/clusters/0/members", None), put("/clusters/0/sme_members", None)), "members"),
    Case("cluster.months_below_tier_minimum", "error", "/clusters/0/founded", put("/clusters/0/founded", D(2022, 7, 1))),
    Case("cluster.members_below_tier_minimum", "error", "/clusters/0/members", steps(put("/clusters/0/members", 19), put("/clusters/0/sme_members", 5))),
    Case("cluster.meets_higher_tier", "info", "/clusters/0/tier", steps(put("/clusters/0/members", 35), put("/clusters/0/founded", D(2021, 12, 31)))),
    # cross-record
    Case("cohesion.duplicate_cci", "error", "/cohesion_programmes/1/cci", append("cohesion_programmes", 0)),
    Case("cluster.duplicate_name", "error", "/clusters/1/name", put("/clusters/1/name", " emerging  LTD")),
    Case("policy.duplicate_key", "error", "/policies/1/key", put("/policies/1/key", "kkk")),
    Case("tier_scheme.duplicate_key", "error", "/tier_schemes/1/key", lambda fs: fs.tier_schemes.append(kkk_scheme())),
    Case("tier.duplicate_key", "error", "/tier_schemes/0/tiers/1/key", put("/tier_schemes/0/tiers/1/key", "emerging")),
    Case("ecosystem.duplicate", "error", "/ecosystems/1/ecosystem", append("ecosystems", 0)),
    Case("programme.outside_policy_period", "warning", "/policies/1/programmes/0/start_year", put("/policies/1/programmes/0/start_year", 2013), "early"),
    Case("programme.outside_policy_period", "warning", "/policies/1/programmes/0/end_year", put("/policies/1/programmes/0/end_year", 2021), "late"),
    Case("review_comment.dangling_path", "warning", "/review_comments/0/path", lambda fs: fs.review_comments.append(ReviewComment("/clusters/9/members", text="?"))),
    # completeness
    Case("text.english_missing", "warning", "/sections/annex/en", put("/sections/annex", {"pl": "tylko po polsku"})),
    Case("text.translation_missing", "warning", "/policies/0/programmes/0/title/pl", put("/policies/0/programmes/0/title", {"en": "only English"})),
    Case("text.language_not_listed", "warning", "/tier_schemes/0/name/de", put("/tier_schemes/0/name/de", "Wettbewerb")),
    Case("factsheet.english_missing", "error", "/languages", put("/languages", ["pl"])),
    Case("factsheet.country_language_missing", "info", "/languages", put("/languages", ["en"])),
    # printable (issue #10): what the PDF cannot print as typed
    Case("text.script_not_printable", "warning", "/policies/0/title/en", put("/policies/0/title/en", "שלום")),
    Case("text.too_long_for_pdf", "warning", "/clusters/0/name", put("/clusters/0/name", "x" * 3_001)),
]  # fmt: skip


def test_complete_factsheet_passes_every_rule() -> None:
    for status in ("draft", "submitted", "validated", "reviewed", "published"):
        assert validate(complete_factsheet(status)) == []


def test_every_rule_has_a_triggering_case() -> None:
    assert sorted({c.rule for c in CASES}) == rule_ids()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.id}" if c.id else c.rule for c in CASES])
def test_rule_triggers(case: Case) -> None:
    fs = complete_factsheet()
    case.change(fs)
    found = [(r.rule, r.severity, r.path) for r in validate(fs)]
    assert (case.rule, case.severity, case.path) in found


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.severity == "warning" and c.rule.split(".")[1].endswith("missing")],
    ids=lambda c: c.rule,
)
def test_required_values_are_errors_once_validated(case: Case) -> None:
    fs = complete_factsheet("validated")
    case.change(fs)
    found = {(r.rule, r.path): r.severity for r in validate(fs)}
    expected = "warning" if case.rule == "text.translation_missing" else "error"
    assert found[(case.rule, case.path)] == expected


def test_results_are_sorted_by_section_order_then_path() -> None:
    fs = complete_factsheet()
    for i in (10, 2):
        fs.clusters.append(copy.deepcopy(fs.clusters[0]))
        fs.clusters[-1].name = f"Cluster {i}"
        fs.clusters[-1].members = -1
    fs.policies[0].start_year = None
    fs.sections["annex"] = {}
    fs.sections["economic_context"] = {}
    fs.languages = ["en", "pl", "xx"]
    paths = [r.path for r in validate(fs)]
    assert paths.index("/languages/2") < paths.index("/sections/economic_context")
    assert paths.index("/sections/economic_context") < paths.index("/policies/0/start_year")
    assert paths.index("/clusters/3/members") < paths.index("/clusters/4/members")
    assert [r.section for r in validate(fs)][-1] == "clusters"
