"""A complete Polish factsheet that passes every rule, to break one thing at a time."""

from __future__ import annotations

import datetime as dt

from eccp_desktop.domain.codes import SECTION_KEYS
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
    SupportRow,
    Tier,
    TierScheme,
    ValidationRecord,
)


def t(en: str) -> dict[str, str]:
    return {"en": en, "pl": en + " (pl)"}


def kkk_scheme() -> TierScheme:
    """Poland's Key National Clusters scheme: 18/20, 24/35, 36/51."""
    return TierScheme(
        key="kkk",
        name={"en": "Key National Clusters competition", "pl": "Konkurs KKK"},
        tiers=[
            Tier("emerging", t("Emerging cluster"), 18, 20, t("operating mainly locally")),
            Tier("growing", t("Growing cluster"), 24, 35, t("growth potential")),
            Tier(
                "key_national",
                {"en": "Key National Cluster", "pl": "Krajowy Klaster Kluczowy"},
                36,
                51,
                t("meets the competition criteria"),
            ),
        ],
        support=[
            SupportRow(
                t("Internationalisation"),
                {"emerging": [], "growing": ["regional", "national"], "key_national": ["national"]},
            )
        ],
    )


def cluster(name: str, tier: str, founded: dt.date, members: int) -> Cluster:
    return Cluster(
        name=name,
        region="PL22",
        founded=founded,
        members=members,
        sme_members=members // 2,
        scheme="kkk",
        tier=tier,
        ecosystems=["digital"],
        url="https://cluster.example.pl",
    )


def complete_factsheet(status: str = "draft") -> Factsheet:
    fs = Factsheet(
        country="PL",
        edition=2023,
        reference_date=dt.date(2023, 12, 31),
        status=status,
        languages=["en", "pl"],
        sections={key: t(f"Text of {key}") for key in SECTION_KEYS},
        policy_assessment={
            dim: Assessment("medium", t(f"Why {dim}"))
            for dim in ("evaluation", "approach", "continuity", "consistency")
        },
        ecosystems=[EcosystemEntry("digital", 412000, 0.026, "high", t("Strong"))],
        policies=[
            Policy(
                key="kkk",
                title=t("Key National Clusters"),
                type="national_cluster",
                authority="Ministry of Development and Technology",
                start_year=2015,
                end_year=None,
                budget_eur=20_000_000,
                budget_approximate=True,
                priorities=["digital"],
                description=t("The KKK competition"),
                url="https://www.gov.pl/web/rozwoj-technologia",
                programmes=[
                    Programme(t("FENG 2.17"), t("Support for KKK"), 2021, 2027, 5_000_000),
                ],
            ),
            Policy(
                key="mazovia",
                title=t("Mazovian cluster policy"),
                type="regional_cluster",
                region="PL91",
                authority="Mazovia region",
                start_year=2014,
                end_year=2020,
                description=t("Regional support"),
                programmes=[Programme(t("RPO 1.2"), t("Calls"), 2015, 2020)],
            ),
        ],
        cohesion_programmes=[
            CohesionProgramme(
                cci="2021PL16RFPR001",
                title=t("European Funds for Mazovia"),
                region="PL91",
                funds=["ERDF"],
                policy_objectives=["PO1"],
                cluster_support=t("Calls for clusters"),
                budget_eur=9_200_000,
                budget_approximate=True,
            )
        ],
        recommendations=[Recommendation(2023, t("Improve skills"), "skills", t("Clusters train"))],
        tier_schemes=[kkk_scheme()],
        clusters=[
            cluster("Emerging Ltd", "emerging", dt.date(2022, 1, 1), 25),
            cluster("Growing Ltd", "growing", dt.date(2021, 6, 1), 40),
            cluster("Key Ltd", "key_national", dt.date(2012, 5, 1), 80),
        ],
        sources=[
            Source("ECCP factsheets", "https://clustercollaboration.eu", dt.date(2023, 11, 15))
        ],
    )
    if status in ("validated", "reviewed", "published"):
        fs.validation = ValidationRecord("Anna Nowak", "Ministry", dt.date(2024, 1, 15))
    return fs
