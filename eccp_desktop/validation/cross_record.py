"""Across records: duplicates, and programmes outside their policy's period."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from eccp_desktop.domain.model import Factsheet, Policy, TierScheme
from eccp_desktop.i18n import _
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import ERROR, WARNING, Result

TOP_LEVEL = tuple(f.name for f in dataclasses.fields(Factsheet))


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _duplicates(values: Iterable[str | None]) -> list[tuple[int, int]]:
    """(index, index of the first occurrence) for every repeated value."""
    first: dict[str, int] = {}
    out = []
    for i, value in enumerate(values):
        if not value:
            continue
        if value in first:
            out.append((i, first[value]))
        else:
            first[value] = i
    return out


@sheet_check("cohesion.duplicate_cci", depends=["cohesion_programmes"])
def duplicate_cci(ctx: Context) -> Found:
    codes = (c.cci.strip().upper() if c.cci else None for c in ctx.factsheet.cohesion_programmes)
    out = []
    for i, first in _duplicates(codes):
        cci = ctx.factsheet.cohesion_programmes[i].cci
        message = _(
            "The CCI code {code} is also given for programme {other}; expected each programme once"
        ).format(code=cci, other=first + 1)
        out.append(
            Result("cohesion.duplicate_cci", ERROR, message, f"/cohesion_programmes/{i}/cci")
        )
    return out


@sheet_check("cluster.duplicate_name", depends=["clusters"])
def duplicate_cluster(ctx: Context) -> Found:
    clusters = ctx.factsheet.clusters
    out = []
    for i, first in _duplicates(_normal(c.name) for c in clusters):
        message = _(
            "The cluster organisation “{name}” is listed twice (also as number {other}); expected each cluster once"
        ).format(name=clusters[i].name, other=first + 1)
        out.append(Result("cluster.duplicate_name", ERROR, message, f"/clusters/{i}/name"))
    return out


@sheet_check("policy.duplicate_key", depends=["policies"])
def duplicate_policy(ctx: Context) -> Found:
    out = []
    for i, first in _duplicates(p.key for p in ctx.factsheet.policies):
        message = _(
            "The policy key “{key}” is also used by policy {other}; expected a unique key"
        ).format(key=ctx.factsheet.policies[i].key, other=first + 1)
        out.append(Result("policy.duplicate_key", ERROR, message, f"/policies/{i}/key"))
    return out


@sheet_check("tier_scheme.duplicate_key", depends=["tier_schemes"])
def duplicate_scheme(ctx: Context) -> Found:
    out = []
    for i, first in _duplicates(s.key for s in ctx.factsheet.tier_schemes):
        message = _(
            "The tier scheme key “{key}” is also used by scheme {other}; expected a unique key"
        ).format(key=ctx.factsheet.tier_schemes[i].key, other=first + 1)
        out.append(Result("tier_scheme.duplicate_key", ERROR, message, f"/tier_schemes/{i}/key"))
    return out


@item_check("tier_schemes", "tier.duplicate_key")
def duplicate_tier(ctx: Context, i: int, s: TierScheme) -> Found:
    out = []
    for j, first in _duplicates(t.key for t in s.tiers):
        message = _(
            "The tier key “{key}” is also used by tier {other} of this scheme; expected a unique key"
        ).format(key=s.tiers[j].key, other=first + 1)
        out.append(Result("tier.duplicate_key", ERROR, message, f"/tier_schemes/{i}/tiers/{j}/key"))
    return out


@sheet_check("ecosystem.duplicate", depends=["ecosystems"])
def duplicate_ecosystem(ctx: Context) -> Found:
    out = []
    for i, _first in _duplicates(e.ecosystem for e in ctx.factsheet.ecosystems):
        message = _("The ecosystem “{key}” is listed twice; expected each ecosystem once").format(
            key=ctx.factsheet.ecosystems[i].ecosystem
        )
        out.append(Result("ecosystem.duplicate", ERROR, message, f"/ecosystems/{i}/ecosystem"))
    return out


@item_check("policies", "programme.outside_policy_period")
def programme_in_policy_period(ctx: Context, i: int, p: Policy) -> Found:
    if p.start_year is None and p.end_year is None:
        return NONE
    out = []
    for j, prog in enumerate(p.programmes):
        path = f"/policies/{i}/programmes/{j}"
        if (
            prog.start_year is not None
            and p.start_year is not None
            and prog.start_year < p.start_year
        ):
            message = _(
                "The programme starts in {year}, before its policy ({start}); expected {start} or later"
            ).format(year=prog.start_year, start=p.start_year)
            out.append(
                Result("programme.outside_policy_period", WARNING, message, path + "/start_year")
            )
        if prog.end_year is not None and p.end_year is not None and prog.end_year > p.end_year:
            message = _(
                "The programme ends in {year}, after its policy ({end}); expected {end} or earlier"
            ).format(year=prog.end_year, end=p.end_year)
            out.append(
                Result("programme.outside_policy_period", WARNING, message, path + "/end_year")
            )
    return out


def resolves(root: Any, path: str) -> bool:
    """Whether an exchange-format path points at something in ``root``."""
    node = root
    for part in path.split("/")[1:]:
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                return False
            node = node[int(part)]
        elif isinstance(node, dict):
            if part not in node:
                return False
            node = node[part]
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            if part not in {f.name for f in dataclasses.fields(node)}:
                return False
            node = getattr(node, part)
        else:
            return False
    return True


@sheet_check("review_comment.dangling_path", depends=TOP_LEVEL)
def comment_targets(ctx: Context) -> Found:
    out = []
    for i, comment in enumerate(ctx.factsheet.review_comments):
        if comment.path and not resolves(ctx.factsheet, comment.path):
            message = _(
                "The comment is attached to {path}, which the factsheet no longer has; expected the path of an item or field"
            ).format(path=comment.path)
            out.append(
                Result(
                    "review_comment.dangling_path", WARNING, message, f"/review_comments/{i}/path"
                )
            )
    return out
