"""The closed code lists of the exchange format (product design, "Codes").

They live in the domain because validation, the exchange schema, the store
and the GUI all speak them; the JSON Schema in ``resources/`` is checked
against these tuples by a test so the two never drift apart.
"""

from __future__ import annotations

from typing import Final

FORMAT_NAME: Final = "eccp-factsheet"
FORMAT_VERSION: Final = 1

COUNTRY_GROUPS: Final = ("EU15", "EU13", "COSME", "third")

POLICY_TYPES: Final = ("national_cluster", "regional_cluster", "sectoral", "broad")
PRIORITIES: Final = ("green", "digital", "resilience", "skills", "innovation")
RATINGS: Final = ("high", "medium", "low")
STATUSES: Final = ("draft", "submitted", "validated", "reviewed", "published")
FUNDS: Final = ("ERDF", "ESF+", "CF", "JTF")
POLICY_OBJECTIVES: Final = ("PO1", "PO2", "PO3", "PO4", "PO5")
SUPPORT_LEVELS: Final = ("regional", "national")
ASSESSMENT_DIMENSIONS: Final = ("evaluation", "approach", "continuity", "consistency")
REVIEW_ROLES: Final = ("expert", "authority", "eccp")

# Section keys in the order of the published 2023 factsheets.
SECTION_KEYS: Final = (
    "economic_context",  # 1
    "cluster_landscape",  # 2
    "regional_agglomerations",  # 2
    "cluster_organisations",  # 2
    "policy_overview",  # 3
    "policy_state",  # 4.1
    "semester_impact",  # 4.2
    "annex",
)

ECOSYSTEMS: Final = (
    "aerospace_defence",
    "agri_food",
    "construction",
    "cultural_creative",
    "digital",
    "electronics",
    "energy_intensive",
    "energy_renewables",
    "health",
    "mobility_transport_automotive",
    "proximity_social_economy",
    "retail",
    "textile",
    "tourism",
)

# The 24 official EU languages (ISO 639-1).
EU_LANGUAGES: Final = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip
