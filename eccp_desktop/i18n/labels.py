"""Reader-facing names of the exchange format's codes, marked for the catalogs.

The one table of names for the window, the validation messages and the PDFs.
Strings are marked with ``N_`` and translated where they are shown, in that
place's language (a PDF's language need not be the UI's).
"""

from __future__ import annotations

from collections.abc import Callable

from eccp_desktop.i18n import N_

Gettext = Callable[[str], str]

POLICY_TYPES = {
    "national_cluster": N_("National cluster policy"),
    "regional_cluster": N_("Regional cluster policy"),
    "sectoral": N_("Sectoral policy"),
    "broad": N_("Broad policy with a cluster component"),
}
PRIORITIES = {
    "green": N_("Green transition"),
    "digital": N_("Digital transition"),
    "resilience": N_("Resilience building"),
    "skills": N_("Skills development"),
    "innovation": N_("Innovation system"),
}
# The factsheet's text sections, numbered as in the published factsheets.
TEXT_SECTIONS = {
    "economic_context": N_("1 Introduction and economic policy context"),
    "cluster_landscape": N_("2 Industrial ecosystems and cluster landscape"),
    "regional_agglomerations": N_("2 Regional agglomerations"),
    "cluster_organisations": N_("2 Cluster organisations and interregional cooperation"),
    "policy_overview": N_("3 National cluster policy, programmes and initiatives"),
    "policy_state": N_("4.1 The state of cluster policy"),
    "semester_impact": N_("4.2 Impact on the challenges of the European Semester"),
    "annex": N_("Annex"),
}
RATINGS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
STATUSES = {
    "draft": N_("Draft"),
    "submitted": N_("Submitted"),
    "validated": N_("Validated"),
    "reviewed": N_("Reviewed"),
    "published": N_("Published"),
}
DIMENSIONS = {
    "evaluation": N_("Evaluation"),
    "approach": N_("Approach"),
    "continuity": N_("Continuity"),
    "consistency": N_("Consistency"),
}
SUPPORT_LEVELS = {"regional": N_("regional"), "national": N_("national")}
# One-letter marks in the support matrix, as on the Polish slide (R, N).
SUPPORT_MARKS = {"regional": N_("R"), "national": N_("N")}
SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
ECOSYSTEMS = {
    "aerospace_defence": N_("Aerospace & defence"),
    "agri_food": N_("Agri-food"),
    "construction": N_("Construction"),
    "cultural_creative": N_("Cultural & creative industries"),
    "digital": N_("Digital"),
    "electronics": N_("Electronics"),
    "energy_intensive": N_("Energy-intensive industries"),
    "energy_renewables": N_("Energy – renewables"),
    "health": N_("Health"),
    "mobility_transport_automotive": N_("Mobility – transport – automotive"),
    "proximity_social_economy": N_("Proximity & social economy"),
    "retail": N_("Retail"),
    "textile": N_("Textile"),
    "tourism": N_("Tourism"),
}
# Cohesion policy 2021-2027: codes are the norm, so they are shown with their meaning.
POLICY_OBJECTIVES = {
    "PO1": N_("A more competitive and smarter Europe"),
    "PO2": N_("A greener, low-carbon Europe"),
    "PO3": N_("A more connected Europe"),
    "PO4": N_("A more social and inclusive Europe"),
    "PO5": N_("Europe closer to citizens"),
}
FUNDS = {
    "ERDF": N_("European Regional Development Fund"),
    "ESF+": N_("European Social Fund Plus"),
    "CF": N_("Cohesion Fund"),
    "JTF": N_("Just Transition Fund"),
}
# The funds' abbreviations as each language writes them (EFRE, FEDER, ΕΤΠΑ…);
# the exchange format keeps the English codes.
FUND_ABBREVIATIONS = {
    "ERDF": N_("ERDF"),
    "ESF+": N_("ESF+"),
    "CF": N_("CF"),
    "JTF": N_("JTF"),
}
# The kinds of remark PDF readers make (an annotation's /Subtype), as the import preview names them.
ANNOTATION_KINDS = {
    "Text": N_("Sticky note"),
    "FreeText": N_("Text box"),
    "Highlight": N_("Highlight"),
    "Underline": N_("Underline"),
    "StrikeOut": N_("Strike-out"),
    "Squiggly": N_("Squiggly underline"),
    "Square": N_("Rectangle"),
    "Circle": N_("Ellipse"),
    "Ink": N_("Freehand drawing"),
    "Line": N_("Line"),
    "Polygon": N_("Polygon"),
    "PolyLine": N_("Polyline"),
    "Caret": N_("Insertion mark"),
    "Stamp": N_("Stamp"),
    "FileAttachment": N_("Attached file"),
}
# Statuses that carry no "DRAFT" mark.
SIGNED_OFF = ("validated", "reviewed", "published")


def name(table: dict[str, str], code: str | None, gettext: Gettext) -> str:
    """The translated name of ``code`` in ``table``; unknown codes are printed as they are."""
    if code is None:
        return ""
    source = table.get(code)
    return gettext(source) if source else code


def coded(table: dict[str, str], code: str, gettext: Gettext) -> str:
    """A code with its meaning: "PO1 – A more competitive and smarter Europe"."""
    source = table.get(code)
    return f"{code} \u2013 {gettext(source)}" if source else code
