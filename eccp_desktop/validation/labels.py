"""Reader's names of the factsheet's parts, for messages and report headings."""

from __future__ import annotations

from typing import Final

from eccp_desktop.i18n import N_, _
from eccp_desktop.i18n.labels import TEXT_SECTIONS

_SECTIONS: Final = {
    "": N_("Factsheet"),
    "country": N_("Country"),
    "edition": N_("Edition"),
    "reference_date": N_("Reference date"),
    "status": N_("Status"),
    "languages": N_("Languages"),
    "sections": N_("Texts"),
    "policy_assessment": N_("State of cluster policy"),
    "ecosystems": N_("Industrial ecosystems"),
    "policies": N_("Policies"),
    "cohesion_programmes": N_("Cohesion policy programmes"),
    "recommendations": N_("Country-specific recommendations"),
    "tier_schemes": N_("Cluster tier schemes"),
    "clusters": N_("Cluster organisations"),
    "sources": N_("Sources"),
    "validation": N_("Validation record"),
    "review_comments": N_("Review comments"),
}

_DIMENSIONS: Final = {
    "evaluation": N_("evaluation"),
    "approach": N_("approach"),
    "continuity": N_("continuity"),
    "consistency": N_("consistency"),
}


def section_title(key: str) -> str:
    """Heading for a top-level key of the exchange format."""
    return _(_SECTIONS[key]) if key in _SECTIONS else key


def text_section_title(key: str) -> str:
    return _(TEXT_SECTIONS[key]) if key in TEXT_SECTIONS else key


def dimension_name(key: str) -> str:
    return _(_DIMENSIONS[key]) if key in _DIMENSIONS else key
