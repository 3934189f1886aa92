"""Ranges: years, budgets and counts that cannot be what they say."""

from __future__ import annotations

from typing import Final

from eccp_desktop.domain.model import (
    Cluster,
    CohesionProgramme,
    EcosystemEntry,
    Policy,
    Recommendation,
    TierScheme,
)
from eccp_desktop.i18n import _
from eccp_desktop.i18n.formatting import format_number
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import ERROR, WARNING, Result

FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2100


def _year(value: int | None, path: str) -> Result | None:
    if value is None or FIRST_YEAR <= value <= LAST_YEAR:
        return None
    message = _("The year {year} is out of range; expected a year from {first} to {last}").format(
        year=value, first=FIRST_YEAR, last=LAST_YEAR
    )
    return Result("range.year", ERROR, message, path)


def _budget(value: float | None, path: str) -> Result | None:
    if value is None or value >= 0:
        return None
    message = _("A budget cannot be negative ({amount} EUR); expected 0 or more").format(
        amount=value
    )
    return Result("range.budget_negative", ERROR, message, path)


def _count(value: int | None, message: str, path: str, lang: str) -> Result | None:
    """``message``: a whole translated sentence with ``{value}`` (no pieced-together text)."""
    if value is None or value >= 0:
        return None
    text = message.format(value=format_number(value, lang))
    return Result("range.count_negative", ERROR, text, path)


def _keep(found: list[Result | None]) -> Found:
    return [r for r in found if r is not None]


@sheet_check("range.year", depends=[])
def edition_year(ctx: Context) -> Found:
    return _keep([_year(ctx.factsheet.edition, "/edition")])


@sheet_check("factsheet.reference_date_outside_edition", depends=[])
def reference_date_in_edition(ctx: Context) -> Found:
    fs = ctx.factsheet
    if fs.reference_date is None or fs.reference_date.year in (fs.edition, fs.edition + 1):
        return NONE
    message = _(
        "The reference date {date} is far from the {edition} edition; expected a date in {edition} (31 December by default)"
    ).format(date=fs.reference_date.isoformat(), edition=fs.edition)
    return [Result("factsheet.reference_date_outside_edition", WARNING, message, "/reference_date")]


@item_check("policies", "range.year", "range.budget_negative")
def policy_ranges(ctx: Context, i: int, p: Policy) -> Found:
    base = f"/policies/{i}"
    found = [
        _year(p.start_year, base + "/start_year"),
        _year(p.end_year, base + "/end_year"),
        _budget(p.budget_eur, base + "/budget_eur"),
    ]
    for j, prog in enumerate(p.programmes):
        sub = f"{base}/programmes/{j}"
        found += [
            _year(prog.start_year, sub + "/start_year"),
            _year(prog.end_year, sub + "/end_year"),
            _budget(prog.budget_eur, sub + "/budget_eur"),
        ]
    return _keep(found)


@item_check("cohesion_programmes", "range.budget_negative")
def cohesion_ranges(ctx: Context, i: int, c: CohesionProgramme) -> Found:
    return _keep([_budget(c.budget_eur, f"/cohesion_programmes/{i}/budget_eur")])


@item_check("recommendations", "range.year", "recommendation.year_after_edition")
def recommendation_ranges(ctx: Context, i: int, r: Recommendation) -> Found:
    path = f"/recommendations/{i}/year"
    found = _year(r.year, path)
    if found:
        return [found]
    if r.year is not None and r.year > ctx.factsheet.edition:
        message = _(
            "The recommendation is dated {year}, after the {edition} edition; expected {edition} or earlier"
        ).format(year=r.year, edition=ctx.factsheet.edition)
        return [Result("recommendation.year_after_edition", WARNING, message, path)]
    return NONE


@item_check("ecosystems", "range.count_negative", "range.employment_share")
def ecosystem_ranges(ctx: Context, i: int, e: EcosystemEntry) -> Found:
    out = []
    if e.employment is not None and e.employment < 0:
        message = _("Employment cannot be negative ({value}); expected 0 or more").format(
            value=format_number(e.employment, ctx.lang)
        )
        out.append(Result("range.count_negative", ERROR, message, f"/ecosystems/{i}/employment"))
    share = e.employment_share
    if share is not None and not 0 <= share <= 1:
        message = _(
            "The share of national employment must lie between 0 and 1 (0.026 is 2.6 %); found {value}"
        ).format(value=format_number(share, ctx.lang))
        out.append(
            Result("range.employment_share", ERROR, message, f"/ecosystems/{i}/employment_share")
        )
    return out


@item_check("tier_schemes", "range.count_negative")
def tier_ranges(ctx: Context, i: int, s: TierScheme) -> Found:
    out = []
    for j, tier in enumerate(s.tiers):
        for field, value in (
            ("min_operating_months", tier.min_operating_months),
            ("min_members", tier.min_members),
        ):
            if value is not None and value < 0:
                message = _(
                    "A tier minimum cannot be negative ({value}); expected 0 or more"
                ).format(value=format_number(value, ctx.lang))
                path = f"/tier_schemes/{i}/tiers/{j}/{field}"
                out.append(Result("range.count_negative", ERROR, message, path))
    return out


@item_check("clusters", "range.count_negative")
def cluster_ranges(ctx: Context, i: int, c: Cluster) -> Found:
    if (c.members is None or c.members >= 0) and (c.sme_members is None or c.sme_members >= 0):
        return NONE
    return _keep(
        [
            _count(
                c.members,
                _("The number of members cannot be negative ({value}); expected 0 or more"),
                f"/clusters/{i}/members",
                ctx.lang,
            ),
            _count(
                c.sme_members,
                _("The number of SME members cannot be negative ({value}); expected 0 or more"),
                f"/clusters/{i}/sme_members",
                ctx.lang,
            ),
        ]
    )
