"""Format rules in detail: NUTS prefixes (EL for Greece), CCI codes, URLs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.validation import Result, validate
from eccp_desktop.validation.formats import _url_ok, url_ok
from tests.validation.builders import complete_factsheet


def region_results(country: str, code: str) -> list[Result]:
    fs = complete_factsheet()
    fs.country = country
    fs.languages = ["en"]
    fs.clusters = fs.clusters[:1]
    fs.clusters[0].region = code
    return [r for r in validate(fs) if r.path == "/clusters/0/region"]


@pytest.mark.parametrize(
    ("country", "code"),
    [("PL", "PL"), ("PL", "PL9"), ("PL", "PL91"), ("PL", "PL911"), ("GR", "EL30"), ("DE", "DE21A")],
)
def test_good_nuts_codes(country: str, code: str) -> None:
    assert region_results(country, code) == []


def test_greece_uses_el_not_gr() -> None:
    (result,) = region_results("GR", "GR30")
    assert result.message == "NUTS codes for Greece start with EL, not GR: expected “EL30”"
    assert result.path == "/clusters/0/region"


@pytest.mark.parametrize("code", ["pl91", "PL9123", "P", "Mazowieckie", "PL-91"])
def test_bad_nuts_codes(code: str) -> None:
    assert len(region_results("PL", code)) == 1


def test_third_countries_have_no_nuts_codes() -> None:
    assert region_results("US", "California") == []


def cci_results(fs: Factsheet, code: str) -> list[Result]:
    fs.cohesion_programmes[0].cci = code
    return [r for r in validate(fs) if r.rule.startswith("format.cci")]


@pytest.mark.parametrize("code", ["2021PL16RFPR001", "2021TC16IPCB001", "2021PL05SFPR001"])
def test_good_cci_codes(code: str) -> None:
    assert cci_results(complete_factsheet(), code) == []


def test_greek_cci_codes_use_el() -> None:
    fs = complete_factsheet()
    fs.country = "GR"
    fs.cohesion_programmes[0].region = "EL30"
    assert cci_results(fs, "2021EL16FFPR008") == []
    (result,) = cci_results(fs, "2021GR16FFPR008")
    assert "expected EL" in result.message


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://clustercollaboration.eu/in-focus", True),
        ("http://www.gov.pl/web?a=1", True),
        ("https://localhost", True),
        ("www.gov.pl", False),
        ("https://gov", False),
        ("mailto:a@b.pl", False),
        (" https://gov.pl", False),
        ("https://[::1", False),
    ],
)
def test_urls(url: str, ok: bool) -> None:
    assert url_ok(url) is ok


@settings(
    suppress_health_check=[HealthCheck.too_slow], deadline=None
)  # regex generation is slow on a loaded machine
@given(
    st.from_regex(r"https?://[a-z0-9.\[:-]{0,12}[/?#]?.{0,8}", fullmatch=True)
    | st.text(max_size=30)
)
def test_the_fast_url_check_agrees_with_parsing(url: str) -> None:
    assert url_ok(url) == _url_ok(url)
