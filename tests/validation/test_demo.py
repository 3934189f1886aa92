"""The demo packages validate with what a reader of the seed would expect."""

from __future__ import annotations

from pathlib import Path

from eccp_desktop.exchange import read_package
from eccp_desktop.validation import validate
from eccp_desktop.workflow import blocking_problems


def test_demo_packages_have_no_errors_but_show_what_the_seed_does_not_give(
    demo_files: list[Path],
) -> None:
    found = {}
    for path in demo_files:
        fs = read_package(path)
        results = validate(fs)
        assert all(r.severity != "error" for r in results), path.name
        found[fs.country] = {(r.rule, r.path) for r in results}
    # The seed rates no dimension of the state of cluster policy.
    assert ("assessment.rating_missing", "/policy_assessment/evaluation/rating") in found["PL"]
    # It names the Czech policies without their years, and gives no CCI codes.
    assert ("policy.start_year_missing", "/policies/0/start_year") in found["CZ"]
    assert ("cohesion.cci_missing", "/cohesion_programmes/0/cci") in found["HR"]
    # Denmark's slides name no policy; the texts are in English only.
    assert ("factsheet.no_policies", "/policies") in found["DK"]
    assert ("text.translation_missing", "/sections/economic_context/pl") in found["PL"]
    # The Polish tier scheme of the seed is consistent.
    assert not any(rule.startswith("tier") for rule, _path in found["PL"])


def test_demo_packages_cannot_be_signed_off_yet(demo_files: list[Path]) -> None:
    for path in demo_files:
        assert blocking_problems(read_package(path), "validated"), path.name
