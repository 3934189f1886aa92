"""What the factsheet's tables show: one column spec per exchange field.

A column names the item's field, a deferred title (``N_``) and a kind that
picks the display format and the editor (see ``ui.delegates``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from eccp_desktop.domain import codes
from eccp_desktop.domain.model import (
    Cluster,
    CohesionProgramme,
    EcosystemEntry,
    Policy,
    Programme,
    Recommendation,
    Source,
    SupportRow,
    Tier,
    TierScheme,
)
from eccp_desktop.i18n import N_
from eccp_desktop.i18n import labels as L

# Kinds: text, ltext (localized, edited in the content language), int, year,
# amount, share, bool, date, choice, choices (several), nuts, cci, key,
# scheme and tier (keys of this factsheet's tier schemes, completed).


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    title: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    # Reader-facing names of the choices (i18n.labels, N_); codes shown as they are if None.
    labels: Mapping[str, str] | None = None
    # Codes are the norm (PO1, ERDF): show the code, with its meaning beside it in lists.
    coded: bool = False


@dataclass(frozen=True, slots=True)
class TableSpec:
    path: str  # the list, relative to the owner ("/clusters" or "programmes")
    title: str
    columns: tuple[Column, ...]
    factory: type


ECOSYSTEMS = TableSpec(
    "ecosystems",
    N_("Industrial ecosystems"),
    (
        Column("ecosystem", N_("Ecosystem"), "choice", codes.ECOSYSTEMS, L.ECOSYSTEMS),
        Column("employment", N_("Employment"), "int"),
        Column("employment_share", N_("Share of employment"), "share"),
        Column("relevance", N_("Relevance"), "choice", codes.RATINGS, L.RATINGS),
        Column("note", N_("Note"), "ltext"),
    ),
    lambda: EcosystemEntry(ecosystem=codes.ECOSYSTEMS[0]),  # type: ignore[arg-type]
)

POLICIES = TableSpec(
    "policies",
    N_("Policies"),
    (
        Column("key", N_("Key"), "key"),
        Column("title", N_("Title"), "ltext"),
        Column("type", N_("Type"), "choice", codes.POLICY_TYPES, L.POLICY_TYPES_SHORT),
        Column("region", N_("Region (NUTS)"), "nuts"),
        Column("authority", N_("Responsible body")),
        Column("start_year", N_("Start year"), "year"),
        Column("end_year", N_("End year"), "year"),
        Column("budget_eur", N_("Budget (EUR)"), "amount"),
        Column("budget_approximate", N_("Approximate"), "bool"),
        Column("priorities", N_("Priorities"), "choices", codes.PRIORITIES, L.PRIORITIES),
        Column("description", N_("Description"), "ltext"),
        Column("url", N_("Web address")),
    ),
    lambda: Policy(key="new"),  # type: ignore[arg-type]
)

PROGRAMMES = TableSpec(
    "programmes",
    N_("Programmes and initiatives"),
    (
        Column("title", N_("Title"), "ltext"),
        Column("start_year", N_("Start year"), "year"),
        Column("end_year", N_("End year"), "year"),
        Column("budget_eur", N_("Budget (EUR)"), "amount"),
        Column("budget_approximate", N_("Approximate"), "bool"),
        Column("description", N_("Description"), "ltext"),
    ),
    Programme,
)

COHESION = TableSpec(
    "cohesion_programmes",
    N_("Cohesion policy programmes 2021-2027"),
    (
        Column("cci", N_("CCI code"), "cci"),
        Column("title", N_("Title"), "ltext"),
        Column("region", N_("Region (NUTS)"), "nuts"),
        Column("funds", N_("Funds"), "choices", codes.FUNDS, L.FUNDS, coded=True),
        Column(
            "policy_objectives",
            N_("Policy objectives"),
            "choices",
            codes.POLICY_OBJECTIVES,
            L.POLICY_OBJECTIVES,
            coded=True,
        ),
        Column("budget_eur", N_("Budget for clusters (EUR)"), "amount"),
        Column("budget_approximate", N_("Approximate"), "bool"),
        Column("cluster_support", N_("How clusters are supported"), "ltext"),
    ),
    CohesionProgramme,
)

RECOMMENDATIONS = TableSpec(
    "recommendations",
    N_("Country-specific recommendations"),
    (
        Column("year", N_("Year"), "year"),
        Column("priority", N_("Priority"), "choice", codes.PRIORITIES, L.PRIORITIES),
        Column("text", N_("Recommendation"), "ltext"),
        Column("response", N_("Response of cluster policy"), "ltext"),
    ),
    Recommendation,
)

SCHEMES = TableSpec(
    "tier_schemes",
    N_("Tier schemes"),
    (Column("key", N_("Key"), "key"), Column("name", N_("Name"), "ltext")),
    lambda: TierScheme(key="new"),  # type: ignore[arg-type]
)

TIERS = TableSpec(
    "tiers",
    N_("Tiers (entry to top)"),
    (
        Column("key", N_("Key"), "key"),
        Column("name", N_("Name"), "ltext"),
        Column("min_operating_months", N_("Minimum months of operation"), "int"),
        Column("min_members", N_("Minimum members"), "int"),
        Column("criteria", N_("Further criteria"), "ltext"),
    ),
    lambda: Tier(key="new"),  # type: ignore[arg-type]
)

SUPPORT = TableSpec(
    "support",
    N_("Support matrix"),
    (Column("dimension", N_("Support dimension"), "ltext"),),
    SupportRow,
)

CLUSTERS = TableSpec(
    "clusters",
    N_("Cluster organisations"),
    (
        Column("name", N_("Name")),
        Column("region", N_("Region (NUTS)"), "nuts"),
        Column("founded", N_("Founded"), "date"),
        Column("members", N_("Members"), "int"),
        Column("sme_members", N_("SME members"), "int"),
        Column("scheme", N_("Scheme"), "scheme"),
        Column("tier", N_("Tier"), "tier"),
        Column("ecosystems", N_("Ecosystems"), "choices", codes.ECOSYSTEMS, L.ECOSYSTEMS),
        Column("url", N_("Web address")),
    ),
    Cluster,
)

SOURCES = TableSpec(
    "sources",
    N_("Sources"),
    (
        Column("title", N_("Title")),
        Column("url", N_("Web address")),
        Column("accessed", N_("Accessed"), "date"),
    ),
    Source,
)
