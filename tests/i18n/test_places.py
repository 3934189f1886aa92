"""Places and values read as an officer reads them (i18n.places)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.domain.model import (
    Cluster,
    Factsheet,
    Policy,
    Programme,
    SupportRow,
    Tier,
    TierScheme,
)
from eccp_desktop.exchange import read_package
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.i18n.places import format_change, format_value, place_label
from eccp_desktop.paths import demo_packages


def _sheet() -> Factsheet:
    return Factsheet(
        country="PL",
        edition=2023,
        languages=["en", "pl"],
        clusters=[Cluster(name="Mazovia ICT Cluster", members=60), Cluster(name="")],
        policies=[
            Policy(
                key="kkk",
                title={"en": "Key National Clusters", "pl": "Krajowe Klastry Kluczowe"},
                programmes=[Programme(title={"en": "Cluster support"})],
            )
        ],
        tier_schemes=[
            TierScheme(
                key="kkk",
                tiers=[Tier(key="growing", name={"en": "Growing cluster", "de": "Wachsend"})],
                support=[SupportRow(dimension={"en": "Internationalisation"})],
            )
        ],
    )


@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/clusters/0/members", "Cluster organisations › Mazovia ICT Cluster › Members"),
        ("/clusters/1/name", "Cluster organisations › No. 2 › Name"),
        (
            "/policies/0/programmes/0/title/en",
            "Policies › Key National Clusters › Programmes and initiatives › Cluster support › Title › English",
        ),
        (
            "/sections/economic_context/pl",
            "Section texts › 1 Introduction and economic policy context › Polish",
        ),
        (
            "/policy_assessment/continuity/text",
            "State of cluster policy › Continuity › Justification",
        ),
        (
            "/tier_schemes/0/support/0/levels/growing",
            "Tier schemes › kkk › Support matrix › Internationalisation › Growing cluster",
        ),
        ("/languages/1", "Languages › Polish"),
        ("", "The whole factsheet"),
        ("/", "The whole factsheet"),
        ("/clusters/7/members", "Cluster organisations › No. 8 › Members"),
    ],
)
def test_places_in_english(path: str, label: str) -> None:
    assert place_label(_sheet(), path, "en") == label


def test_places_follow_the_language_and_the_item_names_too() -> None:
    fs = _sheet()
    assert (
        place_label(fs, "/clusters/0/members", "de")
        == "Clusterorganisationen › Mazovia ICT Cluster › Mitglieder"
    )
    # the policy is named in the UI language where the factsheet has it
    assert place_label(fs, "/policies/0/key", "pl").startswith(
        "Polityki › Krajowe Klastry Kluczowe"
    )


def test_the_exchange_dictionary_reads_the_same() -> None:
    fs = _sheet()
    as_dict = factsheet_to_dict(fs)
    for path in ("/clusters/0/members", "/policies/0/programmes/0/title/en", "/languages/1"):
        assert place_label(as_dict, path, "en") == place_label(fs, path, "en")


def test_every_validation_path_of_the_demo_reads_without_json_pointers() -> None:
    from eccp_desktop.validation import validate

    for f in demo_packages():
        fs = read_package(Path(f))
        for r in validate(fs):
            label = place_label(fs, r.path, "en")
            assert "/" not in label.replace("N/A", ""), (r.path, label)
            assert "_" not in label, (r.path, label)


@given(
    st.lists(
        st.sampled_from(["clusters", "0", "x", "12", "en", "policies", "levels", ""]), max_size=6
    )
)
def test_any_path_gives_a_label_never_an_error(parts: list[str]) -> None:
    assert isinstance(place_label(_sheet(), "/" + "/".join(parts), "de"), str)


@pytest.mark.parametrize(
    ("old", "new", "path", "lang", "text"),
    [
        (60, 45, "/clusters/0/members", "en", "60 → 45"),
        (1200, 45000, "/clusters/0/members", "de", "1.200 → 45.000"),
        (None, 20000000, "/policies/0/budget_eur", "en", "— → €20,000,000"),
        ("2012-05-01", None, "/clusters/0/founded", "en", "1 May 2012 → —"),
        ("draft", "submitted", "/status", "de", "Entwurf → Eingereicht"),
        (
            ["green"],
            ["green", "digital"],
            "/policies/0/priorities",
            "en",
            "Green transition → Green transition, Digital transition",
        ),
        (False, True, "/policies/0/budget_approximate", "en", "no → yes"),
        ("old", "new text", "/sections/annex/pl", "en", "“old” (pl) → “new text” (pl)"),
        (
            None,
            {"name": "Mazovia ICT Cluster", "region": None},
            "/clusters/3",
            "en",
            "+ Mazovia ICT Cluster",
        ),
        ({"name": "", "region": None}, None, "/clusters/3", "en", "− No. 4"),
        (0.026, 0.03, "/ecosystems/0/employment_share", "en", "2.6% → 3.0%"),
    ],
)
def test_history_values_read_as_in_the_editor(old, new, path, lang, text) -> None:  # type: ignore[no-untyped-def]
    assert format_change(old, new, path, lang) == text


def test_long_texts_are_shortened_with_their_language() -> None:
    shown = format_value("word " * 200, "/sections/annex/de", "en")
    assert len(shown) < 60 and shown.endswith("(de)") and "…" in shown


def test_no_python_repr_reaches_the_reader() -> None:
    record = {"name": "", "region": None, "founded": None, "members": None}
    shown = format_change(record, None, "/clusters/0", "en")
    assert "{" not in shown and "None" not in shown
