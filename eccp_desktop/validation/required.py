"""Required values: what a factsheet must say before it is validated.

Missing required values are warnings while the factsheet is a draft or
submitted and errors from ``validated`` on (see ``context.REQUIRED_FROM``),
so the sign-off is refused while one is missing. A few values without which
an item cannot be identified at all are errors at every status.
"""

from __future__ import annotations

from eccp_desktop.domain.codes import ASSESSMENT_DIMENSIONS, FUNDS, POLICY_OBJECTIVES
from eccp_desktop.domain.model import (
    Cluster,
    CohesionProgramme,
    EcosystemEntry,
    Policy,
    Recommendation,
    Source,
    TierScheme,
)
from eccp_desktop.i18n import _
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.labels import dimension_name, text_section_title
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import ERROR, Result
from eccp_desktop.validation.texts import has_text

# Sections every published factsheet has (1, 2, 3 and 4.1).
REQUIRED_SECTIONS = ("economic_context", "cluster_landscape", "policy_overview", "policy_state")
VALIDATED_STATUSES = ("validated", "reviewed", "published")


def _missing(ctx: Context, rule: str, path: str, message: str) -> Result:
    return Result(rule, ctx.required_severity, message, path)


@sheet_check("section.missing", depends=["sections"])
def sections_present(ctx: Context) -> Found:
    out = []
    for key in REQUIRED_SECTIONS:
        if not has_text(ctx.factsheet.sections.get(key)):
            message = _(
                "Section “{section}” is empty; it is required before the factsheet is validated"
            ).format(section=text_section_title(key))
            out.append(_missing(ctx, "section.missing", f"/sections/{key}", message))
    return out


@sheet_check("assessment.rating_missing", "assessment.text_missing", depends=["policy_assessment"])
def assessment_present(ctx: Context) -> Found:
    out = []
    for dim in ASSESSMENT_DIMENSIONS:
        entry = ctx.factsheet.policy_assessment.get(dim)
        name = dimension_name(dim)
        if entry is None or not entry.rating:
            message = _(
                "The {dimension} of cluster policy has no rating; expected high, medium or low"
            ).format(dimension=name)
            out.append(
                _missing(
                    ctx, "assessment.rating_missing", f"/policy_assessment/{dim}/rating", message
                )
            )
        if entry is None or not has_text(entry.text):
            message = _(
                "The rating of the {dimension} of cluster policy needs a justification"
            ).format(dimension=name)
            out.append(
                _missing(ctx, "assessment.text_missing", f"/policy_assessment/{dim}/text", message)
            )
    return out


@sheet_check("factsheet.no_policies", "factsheet.no_sources", depends=["policies", "sources"])
def lists_present(ctx: Context) -> Found:
    out = []
    if not ctx.factsheet.policies:
        message = _("The factsheet names no policy; expected at least one")
        out.append(_missing(ctx, "factsheet.no_policies", "/policies", message))
    if not ctx.factsheet.sources:
        message = _("The factsheet names no source; expected at least one")
        out.append(_missing(ctx, "factsheet.no_sources", "/sources", message))
    return out


@sheet_check("validation.record_missing", depends=["validation"])
def validation_record(ctx: Context) -> Found:
    fs = ctx.factsheet
    if fs.status not in VALIDATED_STATUSES:
        return NONE
    record = fs.validation
    if record is None:
        message = _(
            "A {status} factsheet needs a validation record: who signed it off, for which organisation, when"
        ).format(status=fs.status)
        return [Result("validation.record_missing", ERROR, message, "/validation")]
    out = []
    for field, message in (
        ("by", _("The validation record does not say who signed the factsheet off")),
        ("organisation", _("The validation record does not name the organisation")),
        ("on", _("The validation record has no date")),
    ):
        if not getattr(record, field):
            out.append(Result("validation.record_missing", ERROR, message, f"/validation/{field}"))
    return out


@item_check(
    "policies",
    "policy.title_missing",
    "policy.description_missing",
    "policy.start_year_missing",
    "policy.authority_missing",
    "programme.title_missing",
)
def policy_required(ctx: Context, i: int, p: Policy) -> Found:
    out = []
    base = f"/policies/{i}"
    if not has_text(p.title):
        out.append(
            _missing(ctx, "policy.title_missing", base + "/title", _("The policy has no title"))
        )
    if not has_text(p.description):
        message = _("The policy has no description")
        out.append(_missing(ctx, "policy.description_missing", base + "/description", message))
    if p.start_year is None:
        message = _("The policy has no start year; expected the year it began")
        out.append(_missing(ctx, "policy.start_year_missing", base + "/start_year", message))
    if not (p.authority and p.authority.strip()):
        message = _("The policy names no responsible body")
        out.append(_missing(ctx, "policy.authority_missing", base + "/authority", message))
    for j, prog in enumerate(p.programmes):
        if not has_text(prog.title):
            message = _("The programme has no title")
            out.append(
                _missing(ctx, "programme.title_missing", f"{base}/programmes/{j}/title", message)
            )
    return out


@item_check(
    "cohesion_programmes",
    "cohesion.cci_missing",
    "cohesion.title_missing",
    "cohesion.funds_missing",
    "cohesion.objectives_missing",
)
def cohesion_required(ctx: Context, i: int, c: CohesionProgramme) -> Found:
    out = []
    base = f"/cohesion_programmes/{i}"
    if not (c.cci and c.cci.strip()):
        message = _("The programme has no CCI code; expected e.g. {example}").format(
            example=f"2021{ctx.eu_prefix}16RFPR001"
        )
        out.append(_missing(ctx, "cohesion.cci_missing", base + "/cci", message))
    if not has_text(c.title):
        message = _("The programme has no title")
        out.append(_missing(ctx, "cohesion.title_missing", base + "/title", message))
    if not c.funds:
        message = _("The programme names no fund; expected one or more of {codes}").format(
            codes=", ".join(FUNDS)
        )
        out.append(_missing(ctx, "cohesion.funds_missing", base + "/funds", message))
    if not c.policy_objectives:
        message = _(
            "The programme names no policy objective; expected one or more of {codes}"
        ).format(codes=", ".join(POLICY_OBJECTIVES))
        out.append(
            _missing(ctx, "cohesion.objectives_missing", base + "/policy_objectives", message)
        )
    return out


@item_check("recommendations", "recommendation.year_missing", "recommendation.text_missing")
def recommendation_required(ctx: Context, i: int, r: Recommendation) -> Found:
    out = []
    if r.year is None:
        message = _("The recommendation has no year")
        out.append(
            _missing(ctx, "recommendation.year_missing", f"/recommendations/{i}/year", message)
        )
    if not has_text(r.text):
        message = _("The recommendation has no text")
        out.append(
            _missing(ctx, "recommendation.text_missing", f"/recommendations/{i}/text", message)
        )
    return out


@item_check(
    "tier_schemes",
    "tier_scheme.name_missing",
    "tier_scheme.no_tiers",
    "tier.name_missing",
    "tier.minimum_missing",
)
def tier_scheme_required(ctx: Context, i: int, s: TierScheme) -> Found:
    out = []
    base = f"/tier_schemes/{i}"
    if not has_text(s.name):
        message = _("The tier scheme “{key}” has no name").format(key=s.key)
        out.append(_missing(ctx, "tier_scheme.name_missing", base + "/name", message))
    if not s.tiers:
        message = _("The tier scheme “{key}” has no tiers; expected at least one").format(key=s.key)
        out.append(_missing(ctx, "tier_scheme.no_tiers", base + "/tiers", message))
    for j, tier in enumerate(s.tiers):
        tier_path = f"{base}/tiers/{j}"
        if not has_text(tier.name):
            message = _("The tier “{key}” has no name").format(key=tier.key)
            out.append(_missing(ctx, "tier.name_missing", tier_path + "/name", message))
        name = ctx.name(tier.name, tier.key)
        if tier.min_operating_months is None:
            message = _("{tier} has no minimum months of operation; expected a number").format(
                tier=name
            )
            out.append(
                _missing(ctx, "tier.minimum_missing", tier_path + "/min_operating_months", message)
            )
        if tier.min_members is None:
            message = _("{tier} has no minimum number of members; expected a number").format(
                tier=name
            )
            out.append(_missing(ctx, "tier.minimum_missing", tier_path + "/min_members", message))
    return out


@item_check(
    "clusters",
    "cluster.name_missing",
    "cluster.region_missing",
    "cluster.founded_missing",
    "cluster.members_missing",
)
def cluster_required(ctx: Context, i: int, c: Cluster) -> Found:
    if c.name.strip() and c.region and c.founded is not None and c.members is not None:
        return NONE  # the common case, kept fast
    out = []
    base = f"/clusters/{i}"
    if not c.name.strip():
        message = _("The cluster organisation has no name")
        out.append(Result("cluster.name_missing", ERROR, message, base + "/name"))
    if not (c.region and c.region.strip()):
        message = _("The cluster organisation has no region; expected a NUTS code")
        out.append(_missing(ctx, "cluster.region_missing", base + "/region", message))
    # For a cluster that holds a tier, tiers.py reports these as errors.
    if c.tier is None:
        if c.founded is None:
            message = _("The cluster organisation has no founding date")
            out.append(_missing(ctx, "cluster.founded_missing", base + "/founded", message))
        if c.members is None:
            message = _("The cluster organisation has no number of members")
            out.append(_missing(ctx, "cluster.members_missing", base + "/members", message))
    return out


@item_check("sources", "source.title_missing", "source.url_missing")
def source_required(ctx: Context, i: int, s: Source) -> Found:
    out = []
    if not s.title.strip():
        message = _("The source has no title")
        out.append(Result("source.title_missing", ERROR, message, f"/sources/{i}/title"))
    if not (s.url and s.url.strip()):
        message = _("The source has no URL; expected the address where it can be found")
        out.append(_missing(ctx, "source.url_missing", f"/sources/{i}/url", message))
    return out


@item_check("ecosystems", "ecosystem.relevance_missing")
def ecosystem_required(ctx: Context, i: int, e: EcosystemEntry) -> Found:
    if e.relevance:
        return NONE
    message = _("The ecosystem has no relevance; expected high, medium or low")
    return [_missing(ctx, "ecosystem.relevance_missing", f"/ecosystems/{i}/relevance", message)]
