"""Factsheets built for the PDF tests: the demo has no clusters, Greek or Cyrillic text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eccp_desktop.domain.model import (
    Assessment,
    Cluster,
    CohesionProgramme,
    EcosystemEntry,
    Factsheet,
    Policy,
    Programme,
    Recommendation,
    Source,
    Tier,
    TierScheme,
)
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import resource

GREEK_TEXT = "Η πολιτική συστάδων στην Ελλάδα στηρίζει την καινοτομία και την εξωστρέφεια."
GREEK_POLICY = "Εθνική Στρατηγική Έξυπνης Εξειδίκευσης"
BULGARIAN_TEXT = "Клъстерната политика в България подкрепя иновациите и интернационализацията."
BULGARIAN_POLICY = "Програма „Конкурентоспособност и иновации в предприятията“"


def polish_demo() -> Factsheet:
    return read_package(resource("demo", "pl-2023.eccp.json"))


def with_clusters(fs: Factsheet, count: int) -> Factsheet:
    """``fs`` with ``count`` cluster organisations in its first tier scheme."""
    scheme = fs.tier_schemes[0] if fs.tier_schemes else None
    tiers = [t.key for t in scheme.tiers] if scheme else [None]
    fs.clusters = [
        Cluster(
            name=f"Klaster Testowy {i:03d} – Łódź",
            region=f"PL{71 + i % 9}",
            founded=dt.date(2010 + i % 12, 1 + i % 12, 1),
            members=20 + i % 90,
            sme_members=10 + i % 20,
            scheme=scheme.key if scheme else None,
            tier=tiers[i % len(tiers)],
            ecosystems=["digital", "health"][: 1 + i % 2],
            url=f"https://klaster{i}.example.pl/",
        )
        for i in range(count)
    ]
    return fs


def rich(country: str, lang: str, text: str, policy_title: str) -> Factsheet:
    """A factsheet with every part filled, its texts in ``lang`` and English."""
    both = {"en": "English text for " + country, lang: text}
    return Factsheet(
        country=country,
        edition=2023,
        status="validated",
        languages=["en", lang],
        sections={
            k: dict(both)
            for k in (
                "economic_context",
                "cluster_landscape",
                "policy_overview",
                "policy_state",
                "semester_impact",
                "annex",
            )
        },
        policy_assessment={
            "evaluation": Assessment("medium", dict(both)),
            "approach": Assessment("high", {"en": "Tiered."}),
        },
        ecosystems=[
            EcosystemEntry("digital", 412000, 0.026, "high", {lang: text}),
            EcosystemEntry("tourism", 250000, 0.061, "medium"),
        ],
        policies=[
            Policy(
                key="p1",
                title={"en": "National strategy", lang: policy_title},
                type="national_cluster",
                authority="Ministry",
                start_year=2021,
                budget_eur=20_000_000,
                budget_approximate=True,
                priorities=["green", "digital"],
                description=dict(both),
                url="https://example.org/policy",
                programmes=[
                    Programme({lang: policy_title + " I"}, dict(both), 2021, 2027, 1_500_000)
                ],
            ),
            Policy(
                key="p2",
                title={"en": "Regional support"},
                type="regional_cluster",
                region="EL30",
                start_year=2019,
                end_year=2025,
            ),
        ],
        cohesion_programmes=[
            CohesionProgramme(
                "2021EL16FFPR008",
                {lang: policy_title},
                "EL30",
                ["ERDF"],
                ["PO1"],
                {lang: text},
                9_200_000,
                True,
            )
        ],
        recommendations=[
            Recommendation(2023, {lang: text}, "skills", {"en": "Training via clusters."})
        ],
        tier_schemes=[
            TierScheme(
                "s",
                {lang: policy_title},
                [Tier("a", {lang: "Α/А"}, 12, 10), Tier("b", {"en": "Top"}, 36, 51)],
            )
        ],
        sources=[
            Source("Source " + text[:20], "https://example.org/source", dt.date(2023, 11, 15))
        ],
    )


def greek() -> Factsheet:
    return rich("GR", "el", GREEK_TEXT, GREEK_POLICY)


def bulgarian() -> Factsheet:
    return rich("BG", "bg", BULGARIAN_TEXT, BULGARIAN_POLICY)


HOSTILE = [
    "<b>not bold</b>",
    '<img src="http://example.com/tracker.png"/>',
    "<para>no para</para>",
    "Fish & Chips &amp; &lt;entity&gt;",
    "bell\x07 null\x00 escape\x1b done",
    '<a href="javascript:alert(1)">link</a>',
    "<font size=80>huge</font>",
]


def hostile() -> Factsheet:
    """Markup, control characters, a 20,000-character paragraph, 500-row tables."""
    long_para = " ".join(f"Wort{i:05d}" for i in range(2200))[:20000]
    fs = Factsheet(country="DE", edition=2023, languages=["en"])
    fs.sections = {
        "economic_context": {"en": "\n\n".join(HOSTILE)},
        "cluster_landscape": {"en": long_para},
        "annex": {"en": "x" * 20000},  # one word of 20,000 characters
    }
    fs.policies = [
        Policy(
            key=f"p{i}",
            title={"en": f"{HOSTILE[i % len(HOSTILE)]} #{i}"},
            type="broad",
            description={"en": HOSTILE[i % len(HOSTILE)]},
        )
        for i in range(500)
    ]
    fs.cohesion_programmes = [
        CohesionProgramme(
            cci="<b>CCI</b>", title={"en": long_para}, cluster_support={"en": long_para}
        )
    ]
    fs.sources = [Source(title=h, url=h) for h in HOSTILE]
    return fs


@dataclass
class Problem:
    """Shaped like a validation result (the validation package is written elsewhere)."""

    rule: str
    severity: str
    message: str
    path: str
