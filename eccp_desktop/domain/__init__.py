"""The factsheet domain: plain data and code lists, free of Qt and SQL."""

from eccp_desktop.domain.model import (
    Assessment,
    Cluster,
    CohesionProgramme,
    EcosystemEntry,
    Factsheet,
    LocalizedText,
    Policy,
    Programme,
    Recommendation,
    ReviewComment,
    Source,
    SupportRow,
    Tier,
    TierScheme,
    ValidationRecord,
    text_in,
)

__all__ = [
    "Assessment",
    "Cluster",
    "CohesionProgramme",
    "EcosystemEntry",
    "Factsheet",
    "LocalizedText",
    "Policy",
    "Programme",
    "Recommendation",
    "ReviewComment",
    "Source",
    "SupportRow",
    "Tier",
    "TierScheme",
    "ValidationRecord",
    "text_in",
]
