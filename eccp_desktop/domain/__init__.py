"""The factsheet domain: plain data and code lists, free of Qt and SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    """The model's classes, imported on first use.

    ``domain.codes`` is needed before the window paints (the languages), the
    model's dataclasses (~25 ms to build) only once a factsheet is read.
    """
    if name in __all__:
        from eccp_desktop.domain import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
