"""The factsheet as plain data: one country x one edition year.

Field names are the exchange format's (product design) so that a validation
path such as ``/clusters/3/members`` is also an attribute path here. The
classes carry no behaviour beyond small derived helpers; rules live in
``eccp_desktop.validation``, persistence in ``eccp_desktop.store``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# One text per language code; English is the reference language.
LocalizedText = dict[str, str]


def text_in(text: LocalizedText | None, lang: str) -> tuple[str, bool]:
    """The text in ``lang``, else the English one; second item: fell back."""
    if text:
        if text.get(lang):
            return text[lang], False
        if text.get("en"):
            return text["en"], lang != "en"
    return "", False


@dataclass(slots=True)
class Assessment:
    """One dimension of "the state of cluster policy" (section 4.1)."""

    rating: str | None = None  # high / medium / low
    text: LocalizedText = field(default_factory=dict)


@dataclass(slots=True)
class EcosystemEntry:
    ecosystem: str
    employment: int | None = None
    employment_share: float | None = None  # 0..1 of national employment
    relevance: str | None = None
    note: LocalizedText = field(default_factory=dict)


@dataclass(slots=True)
class Programme:
    """A programme or initiative run under a policy."""

    title: LocalizedText = field(default_factory=dict)
    description: LocalizedText = field(default_factory=dict)
    start_year: int | None = None
    end_year: int | None = None
    budget_eur: float | None = None
    budget_approximate: bool = False


@dataclass(slots=True)
class Policy:
    key: str
    title: LocalizedText = field(default_factory=dict)
    type: str = "national_cluster"
    region: str | None = None  # NUTS code, for regional policies
    authority: str | None = None
    start_year: int | None = None
    end_year: int | None = None  # None: open-ended
    budget_eur: float | None = None
    budget_approximate: bool = False
    priorities: list[str] = field(default_factory=list)
    description: LocalizedText = field(default_factory=dict)
    url: str | None = None
    programmes: list[Programme] = field(default_factory=list)


@dataclass(slots=True)
class CohesionProgramme:
    """A cohesion-policy programme 2021-2027 that supports clusters."""

    cci: str | None = None
    title: LocalizedText = field(default_factory=dict)
    region: str | None = None
    funds: list[str] = field(default_factory=list)
    policy_objectives: list[str] = field(default_factory=list)
    cluster_support: LocalizedText = field(default_factory=dict)
    budget_eur: float | None = None
    budget_approximate: bool = False


@dataclass(slots=True)
class Recommendation:
    """A country-specific recommendation of the European Semester."""

    year: int | None = None
    text: LocalizedText = field(default_factory=dict)
    priority: str | None = None
    response: LocalizedText = field(default_factory=dict)


@dataclass(slots=True)
class Tier:
    key: str
    name: LocalizedText = field(default_factory=dict)
    min_operating_months: int | None = None
    min_members: int | None = None
    criteria: LocalizedText = field(default_factory=dict)


@dataclass(slots=True)
class SupportRow:
    """One support dimension: tier key -> levels, the first one primary."""

    dimension: LocalizedText = field(default_factory=dict)
    levels: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class TierScheme:
    key: str
    name: LocalizedText = field(default_factory=dict)
    tiers: list[Tier] = field(default_factory=list)  # entry -> top
    support: list[SupportRow] = field(default_factory=list)

    def tier(self, key: str) -> Tier | None:
        return next((t for t in self.tiers if t.key == key), None)


@dataclass(slots=True)
class Cluster:
    name: str = ""
    region: str | None = None
    founded: dt.date | None = None
    members: int | None = None
    sme_members: int | None = None
    scheme: str | None = None
    tier: str | None = None
    ecosystems: list[str] = field(default_factory=list)
    url: str | None = None


@dataclass(slots=True)
class Source:
    title: str = ""
    url: str | None = None
    accessed: dt.date | None = None


@dataclass(slots=True)
class ValidationRecord:
    """Who signed the factsheet off as validated, for which organisation, when."""

    by: str = ""
    organisation: str = ""
    on: dt.date | None = None


@dataclass(slots=True)
class ReviewComment:
    path: str  # exchange-format path of the item or field commented on
    author: str = ""
    role: str = "expert"
    text: str = ""
    resolved: bool = False
    created: dt.datetime | None = None
    # A comment's identity, for replies and for not importing a remark twice
    # (from a PDF annotation: "pdf:<export id>:<annotation name or digest>").
    key: str | None = None
    reply_to: str | None = None  # the key of the comment this one answers
    quote: str | None = None  # the text the remark marks (a highlight's words)
    placed_by_page: bool = False  # over no item: attached to the section of its page


def _assessment() -> dict[str, Assessment]:
    return {}


@dataclass(slots=True)
class Factsheet:
    country: str
    edition: int
    # Every time-dependent rule is judged on this date, never on today.
    reference_date: dt.date | None = None  # None: 31 December of the edition
    status: str = "draft"
    languages: list[str] = field(default_factory=lambda: ["en"])
    sections: dict[str, LocalizedText] = field(default_factory=dict)
    policy_assessment: dict[str, Assessment] = field(default_factory=_assessment)
    ecosystems: list[EcosystemEntry] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    cohesion_programmes: list[CohesionProgramme] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    tier_schemes: list[TierScheme] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    validation: ValidationRecord | None = None
    review_comments: list[ReviewComment] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.reference_date is None:
            self.reference_date = dt.date(self.edition, 12, 31)

    @property
    def as_of(self) -> dt.date:
        """The reference date (always set once constructed)."""
        assert self.reference_date is not None
        return self.reference_date

    @property
    def ident(self) -> tuple[str, int]:
        return (self.country, self.edition)

    def scheme(self, key: str | None) -> TierScheme | None:
        return next((s for s in self.tier_schemes if s.key == key), None)
