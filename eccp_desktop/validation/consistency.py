"""Consistency within one item: periods, regions, members, dates."""

from __future__ import annotations

from eccp_desktop.domain.model import Cluster, Policy
from eccp_desktop.i18n import _
from eccp_desktop.i18n.formatting import format_date
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.months import plain_date
from eccp_desktop.validation.registry import NONE, Found, item_check
from eccp_desktop.validation.result import ERROR, Result


def _period(rule: str, start: int | None, end: int | None, path: str) -> Result | None:
    if start is None or end is None or end >= start:
        return None
    message = _(
        "The end year {end} is before the start year {start}; expected {start} or later"
    ).format(end=end, start=start)
    return Result(rule, ERROR, message, path)


@item_check(
    "policies", "policy.end_before_start", "programme.end_before_start", "policy.region_missing"
)
def policy_consistency(ctx: Context, i: int, p: Policy) -> Found:
    base = f"/policies/{i}"
    found = [_period("policy.end_before_start", p.start_year, p.end_year, base + "/end_year")]
    for j, prog in enumerate(p.programmes):
        path = f"{base}/programmes/{j}/end_year"
        found.append(_period("programme.end_before_start", prog.start_year, prog.end_year, path))
    if p.type == "regional_cluster" and not (p.region and p.region.strip()):
        message = _("A regional cluster policy needs its region; expected a NUTS code")
        found.append(Result("policy.region_missing", ERROR, message, base + "/region"))
    return [r for r in found if r is not None]


@item_check("clusters", "cluster.sme_exceeds_members", "cluster.founded_after_reference_date")
def cluster_consistency(ctx: Context, i: int, c: Cluster) -> Found:
    out = []
    if c.sme_members is not None and c.members is not None and c.sme_members > c.members:
        message = _(
            "The cluster has more SME members ({sme}) than members ({members}); expected at most {members}"
        ).format(sme=c.sme_members, members=c.members)
        out.append(
            Result("cluster.sme_exceeds_members", ERROR, message, f"/clusters/{i}/sme_members")
        )
    founded = plain_date(c.founded)
    if founded is not None and founded > ctx.as_of:
        message = _(
            "The cluster was founded on {founded}, after the reference date {date}; expected a date on or before it"
        ).format(founded=format_date(founded, ctx.lang), date=format_date(ctx.as_of, ctx.lang))
        out.append(
            Result("cluster.founded_after_reference_date", ERROR, message, f"/clusters/{i}/founded")
        )
    return out or NONE
