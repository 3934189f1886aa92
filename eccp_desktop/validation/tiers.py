"""Tier schemes: tiers grow stricter, and clusters meet the tier they hold.

A cluster's months of operation are counted on the factsheet's reference
date, never today, so the same factsheet always validates the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eccp_desktop.domain.model import Cluster, Tier, TierScheme
from eccp_desktop.i18n import _
from eccp_desktop.i18n.formatting import format_date
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.months import full_months, plain_date
from eccp_desktop.validation.registry import NONE, Found, item_check
from eccp_desktop.validation.result import ERROR, INFO, Result


@item_check("tier_schemes", "tier_scheme.not_stricter", "tier_scheme.support_unknown_tier")
def scheme_grows_stricter(ctx: Context, i: int, s: TierScheme) -> Found:
    out = []
    base = f"/tier_schemes/{i}"
    for j in range(1, len(s.tiers)):
        lower, upper = s.tiers[j - 1], s.tiers[j]
        months = (lower.min_operating_months, upper.min_operating_months)
        members = (lower.min_members, upper.min_members)
        upper_name, lower_name = ctx.name(upper.name, upper.key), ctx.name(lower.name, lower.key)
        path = f"{base}/tiers/{j}"
        if months[0] is not None and months[1] is not None and months[1] < months[0]:
            message = _(
                "{upper} asks for fewer months of operation ({upper_months}) than the tier below it, {lower} ({lower_months}); expected at least {lower_months}"
            ).format(
                upper=upper_name, lower=lower_name, upper_months=months[1], lower_months=months[0]
            )
            out.append(
                Result("tier_scheme.not_stricter", ERROR, message, path + "/min_operating_months")
            )
        if members[0] is not None and members[1] is not None and members[1] < members[0]:
            message = _(
                "{upper} asks for fewer members ({upper_members}) than the tier below it, {lower} ({lower_members}); expected at least {lower_members}"
            ).format(
                upper=upper_name,
                lower=lower_name,
                upper_members=members[1],
                lower_members=members[0],
            )
            out.append(Result("tier_scheme.not_stricter", ERROR, message, path + "/min_members"))
        if months[0] == months[1] and members[0] == members[1] and None not in months + members:
            message = _(
                "{upper} asks for the same minimums as the tier below it, {lower}; expected more months or more members"
            ).format(upper=upper_name, lower=lower_name)
            out.append(Result("tier_scheme.not_stricter", ERROR, message, path))
    keys = {t.key for t in s.tiers}
    for r, row in enumerate(s.support):
        for key in row.levels:
            if key not in keys:
                message = _(
                    "The support matrix names the tier “{key}”, which the scheme does not have; expected one of: {keys}"
                ).format(key=key, keys=", ".join(t.key for t in s.tiers))
                path = f"{base}/support/{r}/levels/{key}"
                out.append(Result("tier_scheme.support_unknown_tier", ERROR, message, path))
    return out


@dataclass(slots=True)
class _Table:
    """One scheme's tiers as the per-cluster check needs them, built once per run."""

    positions: dict[str, int]
    minimums: list[tuple[int, int]]  # (months, members); a missing minimum is 0
    infos: dict[tuple[int, int], str] = field(default_factory=dict)  # (held, met) -> message


def _table(ctx: Context, scheme: TierScheme) -> _Table:
    table = ctx.memo.get(id(scheme))
    if not isinstance(table, _Table):
        positions: dict[str, int] = {}
        for n, t in enumerate(scheme.tiers):
            positions.setdefault(t.key, n)
        minimums = [(t.min_operating_months or 0, t.min_members or 0) for t in scheme.tiers]
        table = ctx.memo[id(scheme)] = _Table(positions, minimums)
    return table


def _higher_tier_message(ctx: Context, scheme: TierScheme, held: int, met: int) -> str:
    table = _table(ctx, scheme)
    message = table.infos.get((held, met))
    if message is None:
        top = scheme.tiers[met]
        message = table.infos[(held, met)] = _(
            "The cluster meets the minimums of {higher} ({months} months, {members} members), a higher tier than the one it holds, {tier}"
        ).format(
            higher=ctx.tier_name(top),
            months=top.min_operating_months or 0,
            members=top.min_members or 0,
            tier=ctx.tier_name(scheme.tiers[held]),
        )
    return message


@item_check(
    "clusters",
    "cluster.unknown_scheme",
    "cluster.unknown_tier",
    "cluster.tier_missing",
    "cluster.tier_unverifiable",
    "cluster.months_below_tier_minimum",
    "cluster.members_below_tier_minimum",
    "cluster.meets_higher_tier",
    depends=["tier_schemes"],
)
def cluster_meets_tier(ctx: Context, i: int, c: Cluster) -> Found:
    if c.scheme is None and c.tier is None:
        return NONE
    base = f"/clusters/{i}"
    scheme = ctx.schemes.get(c.scheme) if c.scheme is not None else None
    if scheme is None:
        if c.scheme is None:
            message = _("The cluster holds the tier “{tier}” but names no tier scheme").format(
                tier=c.tier
            )
        else:
            known = ", ".join(ctx.schemes) or _("none")
            message = _(
                "The cluster refers to the tier scheme “{scheme}”, which this factsheet does not have; expected one of: {known}"
            ).format(scheme=c.scheme, known=known)
        return [Result("cluster.unknown_scheme", ERROR, message, base + "/scheme")]
    if c.tier is None:
        scheme_name = ctx.name(scheme.name, scheme.key)
        message = _(
            "The cluster is in the {scheme} but holds no tier; expected one of: {tiers}"
        ).format(scheme=scheme_name, tiers=", ".join(ctx.name(t.name, t.key) for t in scheme.tiers))
        return [Result("cluster.tier_missing", ERROR, message, base + "/tier")]
    table = _table(ctx, scheme)
    position = table.positions.get(c.tier)
    if position is None:
        scheme_name = ctx.name(scheme.name, scheme.key)
        message = _("The {scheme} has no tier “{tier}”; expected one of: {tiers}").format(
            scheme=scheme_name, tier=c.tier, tiers=", ".join(t.key for t in scheme.tiers)
        )
        return [Result("cluster.unknown_tier", ERROR, message, base + "/tier")]
    founded = c.founded if type(c.founded) is dt.date else plain_date(c.founded)
    members = c.members
    if founded is None or members is None:
        return _unverifiable(ctx, scheme.tiers[position], founded, members, base)
    if founded > ctx.as_of:
        return NONE  # a founding date after the reference date: consistency.py
    months = full_months(founded, ctx.as_of)
    minimums = table.minimums
    min_months, min_members = minimums[position]
    if months < min_months or members < min_members:
        return _below(ctx, scheme.tiers[position], founded, months, members, base)
    for met in range(len(minimums) - 1, position, -1):
        if minimums[met][0] <= months and minimums[met][1] <= members:
            message = _higher_tier_message(ctx, scheme, position, met)
            return [Result("cluster.meets_higher_tier", INFO, message, base + "/tier")]
    return NONE


def _unverifiable(
    ctx: Context, tier: Tier, founded: dt.date | None, members: int | None, base: str
) -> Found:
    out = []
    if founded is None:
        message = _(
            "The cluster holds the tier {tier} but has no founding date to check it against"
        ).format(tier=ctx.tier_name(tier))
        out.append(Result("cluster.tier_unverifiable", ERROR, message, base + "/founded"))
    if members is None:
        message = _(
            "The cluster holds the tier {tier} but has no number of members to check it against"
        ).format(tier=ctx.tier_name(tier))
        out.append(Result("cluster.tier_unverifiable", ERROR, message, base + "/members"))
    return out


def _below(
    ctx: Context, tier: Tier, founded: dt.date, months: int, members: int, base: str
) -> Found:
    out = []
    tier_name = ctx.tier_name(tier)
    minimum = tier.min_operating_months
    if minimum is not None and months < minimum:
        message = _(
            "{tier} requires at least {minimum} months of operation; this cluster has operated {months} months on {date} (founded {founded})"
        ).format(
            tier=tier_name,
            minimum=minimum,
            months=months,
            date=format_date(ctx.as_of, ctx.lang),
            founded=format_date(founded, ctx.lang),
        )
        out.append(Result("cluster.months_below_tier_minimum", ERROR, message, base + "/founded"))
    minimum = tier.min_members
    if minimum is not None and members < minimum:
        message = _(
            "{tier} requires at least {minimum} members; this cluster has {members}"
        ).format(tier=tier_name, minimum=minimum, members=members)
        out.append(Result("cluster.members_below_tier_minimum", ERROR, message, base + "/members"))
    return out
