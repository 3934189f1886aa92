"""``validate`` on the command line, and the summary ``import`` prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.exchange import write_package
from eccp_desktop.store import Store
from tests.validation.builders import complete_factsheet


def run(store_path: Path, *args: str) -> int:
    return main(["--db", str(store_path), *args])


@pytest.fixture
def broken_store(store: Store) -> Store:
    fs = complete_factsheet()
    fs.clusters[2].members, fs.clusters[2].sme_members = 40, 20  # Key National needs 51
    fs.sources = []
    store.import_factsheets([fs], actor="test")
    return store


def test_demo_factsheet_has_warnings_only(
    demo_store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(store_path, "validate", "pl") == 0
    out = capsys.readouterr().out
    assert out.startswith("PL 2023 (Poland), draft, reference date")
    assert "0 errors" in out
    assert (
        "State of cluster policy\n  warning  State of cluster policy \u203a Evaluation \u203a Rating"
        in out
    )
    assert "[assessment.rating_missing, /policy_assessment/evaluation/rating]" in out


def test_errors_give_exit_1_and_a_report_by_section(
    broken_store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(store_path, "validate", "PL", "--edition", "2023") == 1
    out = capsys.readouterr().out
    assert "1 error, 1 warning, 0 notes" in out
    clusters = out.index("\nCluster organisations\n")
    sources = out.index("\nSources\n")
    assert clusters < out.index("Cluster organisations \u203a Key Ltd \u203a Members") < sources
    assert ", /clusters/2/members]" in out
    assert (
        "Key National Cluster requires at least 51 members; this cluster has 40 "
        "[cluster.members_below_tier_minimum, /clusters/2/members]" in out
    )


def test_json_is_a_list_of_rule_severity_message_path(
    broken_store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(store_path, "validate", "PL", "--json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "rule": "cluster.members_below_tier_minimum",
            "severity": "error",
            "message": "Key National Cluster requires at least 51 members; this cluster has 40",
            "path": "/clusters/2/members",
        },
        {
            "rule": "factsheet.no_sources",
            "severity": "warning",
            "message": "The factsheet names no source; expected at least one",
            "path": "/sources",
        },
    ]


def test_clean_factsheet_json_is_an_empty_list(
    store: Store, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.import_factsheets([complete_factsheet()], actor="test")
    assert run(store_path, "validate", "PL", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "XX"],
        ["validate", "PL", "--edition", "1999"],
        ["validate", "PL", "--edition", "next"],
        ["validate"],
    ],
)
def test_bad_input_gives_exit_2_and_one_line(
    demo_store: Store, store_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert run(store_path, *args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip()


def test_import_prints_the_validation_summary(
    store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fs = complete_factsheet()
    fs.clusters[0].members, fs.clusters[0].sme_members = 5, 1
    package = tmp_path / "pl.eccp.json"
    write_package(fs, package)
    assert run(store_path, "import", str(package)) == 0  # errors do not block an import
    out = capsys.readouterr().out
    assert "PL 2023: added from" in out
    assert "  validation: 1 error, 0 warnings, 0 notes" in out


def test_first_use_of_the_default_store_validates_the_demo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", "PL"]) == 0
    assert capsys.readouterr().out.startswith("PL 2023 (Poland)")
