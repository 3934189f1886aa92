"""Hypothesis strategies: schema-valid exchange dictionaries of small factsheets.

Values are drawn near the rules' edges (NUTS-like and CCI-like codes that may
or may not be valid, scheme and tier keys that may or may not resolve,
founding dates around the reference date) so that every rule gets exercised.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from eccp_desktop.domain import codes

LANGS = ["en", "pl", "de", "xx", "sq"]
KEYS = ["kkk", "other", "a"]
TIER_KEYS = ["emerging", "growing", "key_national", "gold"]

dates = st.dates(dt.date(1990, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)
words = st.sampled_from(["", " ", "Cluster", "cluster", "Ąę ß", "x" * 30])
maybe = st.none
texts = st.dictionaries(st.sampled_from(LANGS), words, max_size=3)
years = st.integers(1990, 2030)
nuts = st.sampled_from(["PL91", "PL", "EL30", "GR30", "DE21", "PL9123", "Mazovia", "", "pl91"])
cci = st.sampled_from(
    ["2021PL16RFPR001", "2014PL16RFOP001", "2021TC16IPCB001", "2021CZ16RFPR001", "x", ""]
)
urls = st.sampled_from(
    ["https://x.pl", "www.x.pl", "http://localhost", "https://a b", "", "ftp://x.eu"]
)
counts = st.integers(0, 120)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _object(
    required: dict[str, Any], optional: dict[str, Any]
) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(required, optional=optional)


programmes = _object(
    {},
    {
        "title": texts,
        "description": texts,
        "start_year": _optional(years),
        "end_year": _optional(years),
        "budget_eur": _optional(st.floats(0, 1e9)),
        "budget_approximate": st.booleans(),
    },
)
policies = _object(
    {"key": st.sampled_from(["p1", "p2", "p3"]), "type": st.sampled_from(codes.POLICY_TYPES)},
    {
        "title": texts,
        "region": _optional(nuts),
        "authority": _optional(words),
        "start_year": _optional(years),
        "end_year": _optional(years),
        "budget_eur": _optional(st.integers(0, 10**9)),
        "priorities": st.lists(st.sampled_from(codes.PRIORITIES), unique=True, max_size=3),
        "description": texts,
        "url": _optional(urls),
        "programmes": st.lists(programmes, max_size=3),
    },
)
cohesion = _object(
    {},
    {
        "cci": _optional(cci),
        "title": texts,
        "region": _optional(nuts),
        "funds": st.lists(st.sampled_from(codes.FUNDS), unique=True, max_size=2),
        "policy_objectives": st.lists(
            st.sampled_from(codes.POLICY_OBJECTIVES), unique=True, max_size=2
        ),
        "cluster_support": texts,
        "budget_eur": _optional(st.integers(0, 10**8)),
    },
)
tiers = _object(
    {"key": st.sampled_from(TIER_KEYS)},
    {
        "name": texts,
        "min_operating_months": _optional(st.integers(0, 60)),
        "min_members": _optional(st.integers(0, 80)),
        "criteria": texts,
    },
)
support = _object(
    {},
    {
        "dimension": texts,
        "levels": st.dictionaries(
            st.sampled_from(TIER_KEYS),
            st.lists(st.sampled_from(codes.SUPPORT_LEVELS), unique=True),
            max_size=3,
        ),
    },
)
schemes = _object(
    {"key": st.sampled_from(KEYS)},
    {"name": texts, "tiers": st.lists(tiers, max_size=4), "support": st.lists(support, max_size=2)},
)
clusters = _object(
    {"name": st.sampled_from(["", "Alpha", "alpha ", "Beta", "Gamma"])},
    {
        "region": _optional(nuts),
        "founded": _optional(dates),
        "members": _optional(counts),
        "sme_members": _optional(counts),
        "scheme": _optional(st.sampled_from(KEYS)),
        "tier": _optional(st.sampled_from(TIER_KEYS)),
        "ecosystems": st.lists(st.sampled_from(codes.ECOSYSTEMS), unique=True, max_size=2),
        "url": _optional(urls),
    },
)
ecosystems = _object(
    {"ecosystem": st.sampled_from(codes.ECOSYSTEMS[:3])},
    {
        "employment": _optional(counts),
        "employment_share": _optional(st.floats(0, 1)),
        "relevance": _optional(st.sampled_from(codes.RATINGS)),
        "note": texts,
    },
)
recommendations = _object(
    {},
    {
        "year": _optional(years),
        "text": texts,
        "priority": _optional(st.sampled_from(codes.PRIORITIES)),
        "response": texts,
    },
)
sources = _object({"title": words}, {"url": _optional(urls), "accessed": _optional(dates)})
assessment = _object({}, {"rating": _optional(st.sampled_from(codes.RATINGS)), "text": texts})
comments = _object(
    {
        "path": st.sampled_from(["", "/clusters/0/members", "/policies/9", "/sections/annex"]),
        "text": words,
    },
    {"resolved": st.booleans(), "role": st.sampled_from(codes.REVIEW_ROLES)},
)
validation = _optional(_object({}, {"by": words, "organisation": words, "on": _optional(dates)}))

packages = _object(
    {
        "format": st.just(codes.FORMAT_NAME),
        "format_version": st.just(codes.FORMAT_VERSION),
        "country": st.sampled_from(["PL", "GR", "US", "DE", "BE"]),
        "edition": st.integers(2020, 2025),
    },
    {
        "reference_date": dates,
        "status": st.sampled_from(codes.STATUSES),
        "languages": st.lists(st.sampled_from(LANGS), unique=True, max_size=3),
        "sections": st.dictionaries(st.sampled_from(codes.SECTION_KEYS), texts, max_size=3),
        "policy_assessment": st.dictionaries(
            st.sampled_from(codes.ASSESSMENT_DIMENSIONS), assessment, max_size=4
        ),
        "ecosystems": st.lists(ecosystems, max_size=3),
        "policies": st.lists(policies, max_size=3),
        "cohesion_programmes": st.lists(cohesion, max_size=3),
        "recommendations": st.lists(recommendations, max_size=2),
        "tier_schemes": st.lists(schemes, max_size=2),
        "clusters": st.lists(clusters, max_size=6),
        "sources": st.lists(sources, max_size=2),
        "validation": validation,
        "review_comments": st.lists(comments, max_size=2),
    },
)
