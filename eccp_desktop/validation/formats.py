"""Formats: NUTS and CCI codes, URLs, dates, language codes."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

from eccp_desktop.domain.model import Cluster, CohesionProgramme, Policy, ReviewComment, Source
from eccp_desktop.i18n import _
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import ERROR, WARNING, Result
from eccp_desktop.validation.texts import known_language

# Country prefix plus up to three levels (PL, PL9, PL91, PL911; EL30 for Greece).
NUTS: Final = re.compile(r"([A-Z]{2})[0-9A-Z]{0,3}")
# Year, country, DG, fund, type, sequence: 2021PL16RFPR001.
CCI: Final = re.compile(r"(\d{4})([A-Z]{2})\d{2}[A-Z]{4}\d{3}")
CCI_COOPERATION: Final = "TC"  # Interreg programmes span several countries
CCI_YEARS: Final = range(2021, 2028)  # the 2021-2027 period
EARLIEST: Final = dt.date(1800, 1, 1)
LATEST: Final = dt.date(2100, 12, 31)


def _uses_nuts(ctx: Context) -> bool:
    # Third countries have no NUTS regions; their region is free text.
    return ctx.country is None or ctx.country.group != "third"


def nuts_problem(ctx: Context, code: str, path: str) -> Result | None:
    """The problem with a NUTS code, if any (None for a good code)."""
    if not _uses_nuts(ctx):
        return None
    prefix = ctx.eu_prefix
    match = NUTS.fullmatch(code)
    if match is None:
        message = _(
            "“{code}” is not a NUTS code; expected the country prefix {prefix} and up to three levels, e.g. {prefix}12"
        ).format(code=code, prefix=prefix)
        return Result("format.nuts_code", ERROR, message, path)
    if match.group(1) != prefix:
        if prefix == "EL" and match.group(1) == "GR":
            message = _("NUTS codes for Greece start with EL, not GR: expected “{fixed}”").format(
                fixed="EL" + code[2:]
            )
        else:
            message = _(
                "The NUTS code “{code}” is not in {country}; expected the prefix {prefix}"
            ).format(code=code, country=ctx.factsheet.country, prefix=prefix)
        return Result("format.nuts_code", ERROR, message, path)
    return None


@lru_cache(maxsize=4096)
def url_ok(url: str) -> bool:
    if url != url.strip() or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost")


def url_problem(url: str | None, path: str) -> Result | None:
    if not url or url_ok(url):
        return None
    message = _(
        "“{url}” is not a web address; expected one starting with https:// or http://"
    ).format(url=url)
    return Result("format.url", ERROR, message, path)


def date_problem(value: object, path: str) -> Result | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and EARLIEST <= _as_date(value) <= LATEST:
        return None
    message = _(
        "“{value}” is not a plausible date; expected an ISO date (YYYY-MM-DD) between 1800 and 2100"
    ).format(value=value)
    return Result("format.date", ERROR, message, path)


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


@item_check("policies", "format.nuts_code", "format.url")
def policy_formats(ctx: Context, i: int, p: Policy) -> Found:
    found = [
        nuts_problem(ctx, p.region, f"/policies/{i}/region") if p.region else None,
        url_problem(p.url, f"/policies/{i}/url"),
    ]
    return [r for r in found if r is not None]


@item_check("cohesion_programmes", "format.nuts_code", "format.cci_code", "format.cci_period")
def cohesion_formats(ctx: Context, i: int, c: CohesionProgramme) -> Found:
    out = []
    if c.region:
        found = nuts_problem(ctx, c.region, f"/cohesion_programmes/{i}/region")
        if found:
            out.append(found)
    if c.cci:
        path = f"/cohesion_programmes/{i}/cci"
        match = CCI.fullmatch(c.cci)
        if match is None:
            message = _(
                "“{code}” is not a CCI code; expected year, country, DG, fund, type and number, e.g. {example}"
            ).format(code=c.cci, example=f"2021{ctx.eu_prefix}16RFPR001")
            out.append(Result("format.cci_code", ERROR, message, path))
        else:
            year, country = int(match.group(1)), match.group(2)
            if country not in (ctx.eu_prefix, CCI_COOPERATION):
                message = _(
                    "The CCI code “{code}” is for country {found}; expected {prefix} (or TC for Interreg)"
                ).format(code=c.cci, found=country, prefix=ctx.eu_prefix)
                out.append(Result("format.cci_code", ERROR, message, path))
            if year not in CCI_YEARS:
                message = _(
                    "The CCI code “{code}” is from {year}; expected a programme of the 2021-2027 period"
                ).format(code=c.cci, year=year)
                out.append(Result("format.cci_period", WARNING, message, path))
    return out


@item_check("clusters", "format.nuts_code", "format.url", "format.date")
def cluster_formats(ctx: Context, i: int, c: Cluster) -> Found:
    if c.url is None and c.region is None and c.founded is None:
        return NONE
    found = [
        nuts_problem(ctx, c.region, f"/clusters/{i}/region") if c.region else None,
        url_problem(c.url, f"/clusters/{i}/url"),
        date_problem(c.founded, f"/clusters/{i}/founded"),
    ]
    return [r for r in found if r is not None]


@item_check("sources", "format.url", "format.date")
def source_formats(ctx: Context, i: int, s: Source) -> Found:
    found = [
        url_problem(s.url, f"/sources/{i}/url"),
        date_problem(s.accessed, f"/sources/{i}/accessed"),
    ]
    return [r for r in found if r is not None]


@item_check("review_comments", "format.date")
def comment_formats(ctx: Context, i: int, c: ReviewComment) -> Found:
    found = date_problem(c.created, f"/review_comments/{i}/created")
    return [found] if found else NONE


@sheet_check("format.date", "format.language_code", depends=["validation"])
def factsheet_formats(ctx: Context) -> Found:
    fs = ctx.factsheet
    found = [date_problem(fs.reference_date, "/reference_date")]
    if fs.validation is not None:
        found.append(date_problem(fs.validation.on, "/validation/on"))
    for j, code in enumerate(fs.languages):
        if not known_language(code):
            message = _(
                "“{code}” is not a language code; expected an ISO 639-1 code such as en or pl"
            ).format(code=code)
            found.append(Result("format.language_code", ERROR, message, f"/languages/{j}"))
    return [r for r in found if r is not None]
