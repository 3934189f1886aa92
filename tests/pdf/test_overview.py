"""The state of play: figures computed from the store, and the PDF that prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.domain.model import Factsheet, Policy
from eccp_desktop.pdf import PdfError
from eccp_desktop.pdf.overview import render_overview
from eccp_desktop.pdf.state_of_play import latest_editions, state_of_play
from eccp_desktop.store import Store
from tests.pdf import factories
from tests.pdf.reading import all_text


def sheets() -> list[Factsheet]:
    se = Factsheet("SE", 2023, policies=[Policy("a", type="broad", priorities=["green"])])
    return [factories.polish_demo(), factories.greek(), factories.bulgarian(), se]


def test_figures() -> None:
    s = state_of_play(sheets())
    assert s.factsheets == 4 and s.countries == ["BG", "GR", "PL", "SE"]
    assert s.policies_by_type["national_cluster"] == 4 + 1 + 1
    assert s.policies_by_type["regional_cluster"] == 2 and s.policies_by_type["broad"] == 1
    assert s.dedicated == ["BG", "GR", "PL"]  # SE has only a broad policy
    assert s.cohesion_countries == ["BG", "GR", "PL"]
    assert s.cohesion_budget == 2 * 9_200_000 and s.cohesion_budget_approximate
    # PL (EU13): one policy with green; BG (EU13) and GR (EU15): one each; SE (EU15): one
    assert s.priorities_by_group["green"]["EU13"] == 2
    assert s.priorities_by_group["green"]["EU15"] == 2
    assert s.priorities_by_group["skills"]["EU13"] == 1


def test_latest_edition_per_country() -> None:
    old, new = Factsheet("PL", 2021), Factsheet("PL", 2023)
    assert latest_editions([old, new, Factsheet("DK", 2021)]) == [Factsheet("DK", 2021), new]
    assert latest_editions([old, new], 2021) == [old]


def test_pdf_prints_the_figures() -> None:
    text = all_text(render_overview(sheets(), "en"))
    assert "State of play across Europe" in text
    assert "3 of 4 countries have a national and/or regional cluster policy" in text
    assert "Bulgaria, Greece, Poland" in text
    assert "approx. €18.4M" in text
    for h in (
        "1 Policies by type",
        "2 Countries with a dedicated cluster policy",
        "4 Priorities addressed, by EU15 and EU13",
    ):
        assert h in text


def test_country_names_in_the_target_language() -> None:
    assert "България, Гърция, Полша" in all_text(render_overview(sheets(), "bg"))


def test_bad_language() -> None:
    with pytest.raises(PdfError):
        render_overview(sheets(), "xx")


def test_command(demo_store: Store, store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "overview.pdf"
    assert main(["--db", str(store_path), "overview", "--lang", "de", "--out", str(out)]) == 0
    assert "Polen" in all_text(out.read_bytes())
    assert (
        main(
            ["--db", str(store_path), "overview", "--lang", "xx", "--out", str(tmp_path / "x.pdf")]
        )
        == 2
    )
    assert (
        main(
            [
                "--db",
                str(store_path),
                "overview",
                "--edition",
                "1999",
                "--out",
                str(tmp_path / "y.pdf"),
            ]
        )
        == 2
    )
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
