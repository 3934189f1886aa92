"""A synthetic store for benchmarks: 56 countries, 500 clusters and 20 policies each.

``synthetic_factsheet(country)`` builds one deterministic, realistic factsheet
(the Polish tier scheme, clusters of every tier with a few percent breaking a
rule, policies with programmes, texts in English and the national language);
``build_store(path)`` writes all 56 into a new store. Other benchmarks reuse it.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

from eccp_desktop.domain import codes
from eccp_desktop.domain.countries import COUNTRIES
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
)
from eccp_desktop.store import Store

EDITION = 2023
_TIERS = (("emerging", 18, 20), ("growing", 24, 35), ("key_national", 36, 51))
_REGION_CHARS = "123456789ABC"


def _text(rng: random.Random, lang: str, words: int = 12) -> dict[str, str]:
    body = " ".join(
        rng.choice(("cluster", "policy", "support", "SME", "region")) for _ in range(words)
    )
    text = {"en": body.capitalize() + "."}
    if lang != "en" and rng.random() < 0.9:
        text[lang] = text["en"] + f" ({lang})"
    return text


def _scheme(lang: str) -> TierScheme:
    return TierScheme(
        key="national",
        name={"en": "National cluster tiers", lang: "Tiers"},
        tiers=[
            Tier(
                key,
                {"en": key.replace("_", " ").capitalize(), lang: key},
                months,
                members,
                {"en": "", lang: ""},
            )
            for key, months, members in _TIERS
        ],
        support=[
            SupportRow(
                {"en": "Internationalisation", lang: "Int."},
                {"emerging": [], "growing": ["regional", "national"], "key_national": ["national"]},
            )
        ],
    )


def _cluster(rng: random.Random, i: int, prefix: str, as_of: dt.date) -> Cluster:
    tier_index = rng.randrange(3)
    key, months, members = _TIERS[tier_index]
    age_days = int(months * 30.5) + rng.randrange(0, 3000)
    count = members + rng.randrange(0, 60)
    if rng.random() < 0.03:  # a few clusters below their tier's minimum
        count = members - 1 - rng.randrange(5)
    if rng.random() < 0.03:
        age_days = int(months * 30.4) - 40
    region = prefix + "".join(rng.choice(_REGION_CHARS) for _ in range(rng.randrange(1, 4)))
    return Cluster(
        name=f"Cluster {prefix}-{i:04d}",
        region=region,
        founded=as_of - dt.timedelta(days=age_days),
        members=count,
        sme_members=count * 2 // 3,
        scheme="national",
        tier=key,
        ecosystems=rng.sample(codes.ECOSYSTEMS, 2),
        url=f"https://cluster-{i}.example.eu" if rng.random() < 0.8 else None,
    )


def _policy(rng: random.Random, i: int, lang: str, prefix: str) -> Policy:
    start = rng.randrange(2000, 2022)
    end = start + rng.randrange(3, 10) if rng.random() < 0.6 else None
    kind = rng.choice(codes.POLICY_TYPES)
    return Policy(
        key=f"policy-{i}",
        title=_text(rng, lang, 4),
        type=kind,
        region=f"{prefix}1" if kind == "regional_cluster" else None,
        authority="Ministry of the Economy",
        start_year=start,
        end_year=end,
        budget_eur=float(rng.randrange(1, 500)) * 100_000,
        budget_approximate=rng.random() < 0.5,
        priorities=rng.sample(codes.PRIORITIES, 2),
        description=_text(rng, lang),
        url=f"https://gov.example.eu/policy/{i}",
        programmes=[
            Programme(_text(rng, lang, 3), _text(rng, lang), start, end, None) for _ in range(2)
        ],
    )


def synthetic_factsheet(
    country: str, clusters: int = 500, policies: int = 20, seed: int = 0
) -> Factsheet:
    """One deterministic factsheet of ``country`` (a code of ``COUNTRIES``)."""
    rng = random.Random(f"{country}-{seed}")
    info = COUNTRIES[country]
    prefix = info.eu_prefix
    lang = next((lang for lang in info.languages if lang in codes.EU_LANGUAGES), "en")
    as_of = dt.date(EDITION, 12, 31)
    return Factsheet(
        country=country,
        edition=EDITION,
        reference_date=as_of,
        status="draft",
        languages=sorted({"en", lang}),
        sections={key: _text(rng, lang, 60) for key in codes.SECTION_KEYS},
        policy_assessment={
            dim: Assessment(rng.choice(codes.RATINGS), _text(rng, lang))
            for dim in codes.ASSESSMENT_DIMENSIONS
        },
        ecosystems=[
            EcosystemEntry(
                e,
                rng.randrange(1000, 500_000),
                rng.random() / 20,
                rng.choice(codes.RATINGS),
                _text(rng, lang, 5),
            )
            for e in codes.ECOSYSTEMS
        ],
        policies=[_policy(rng, i, lang, prefix) for i in range(policies)],
        cohesion_programmes=[
            CohesionProgramme(
                cci=f"2021{prefix}16RFPR{i:03d}",
                title=_text(rng, lang, 4),
                region=f"{prefix}{i % 9 + 1}",
                funds=["ERDF"],
                policy_objectives=["PO1"],
                cluster_support=_text(rng, lang),
                budget_eur=float(rng.randrange(1, 100)) * 1_000_000,
                budget_approximate=True,
            )
            for i in range(1, 6)
        ],
        recommendations=[
            Recommendation(
                EDITION, _text(rng, lang), rng.choice(codes.PRIORITIES), _text(rng, lang)
            )
            for _ in range(3)
        ],
        tier_schemes=[_scheme(lang)],
        clusters=[_cluster(rng, i, prefix, as_of) for i in range(clusters)],
        sources=[
            Source(f"Source {i}", f"https://source.example.eu/{i}", dt.date(EDITION, 11, 1))
            for i in range(3)
        ],
    )


def all_factsheets(clusters: int = 500, policies: int = 20, seed: int = 0) -> list[Factsheet]:
    return [synthetic_factsheet(c, clusters, policies, seed) for c in sorted(COUNTRIES)]


def build_store(path: str | os.PathLike[str], *, clusters: int = 500, policies: int = 20) -> Store:
    """A new store at ``path`` holding the 56 synthetic factsheets."""
    if Path(path).exists():
        raise FileExistsError(path)
    store = Store.open(path)
    store.import_factsheets(all_factsheets(clusters, policies), actor="synthetic")
    return store
