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
# Plainly good addresses, accepted without parsing (every cluster has one);
# anything else goes through urlsplit.
SIMPLE_URL: Final = re.compile(
    r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?"
)
EARLIEST: Final = dt.date(1800, 1, 1)
LATEST: Final = dt.date(2100, 12, 31)


def _uses_nuts(ctx: Context) -> bool:
    # Third countries have no NUTS regions; their region is free text.
    return ctx.country is None or ctx.country.group != "third"


def nuts_problem(ctx: Context, code: str, path: str) -> Result | None:
    """The problem with a NUTS code, if any (None for a good code)."""
    message = nuts_message(ctx, code)
    return None if message is None else Result("format.nuts_code", ERROR, message, path)


def nuts_message(ctx: Context, code: str) -> str | None:
    if not _uses_nuts(ctx):
        return None
    if code.startswith(ctx.eu_prefix) and NUTS.fullmatch(code):
        return None  # the common case, without filling the cache with good codes
    return _nuts_message(code, ctx.eu_prefix, ctx.factsheet.country, ctx.lang)


@lru_cache(maxsize=4096)
def _nuts_message(code: str, prefix: str, country: str, lang: str) -> str | None:
    # ``lang`` keys the cache: the message is in the UI language.
    match = NUTS.fullmatch(code)
    if match is None:
        return _(
            "“{code}” is not a NUTS code; expected the country prefix {prefix} and up to three levels, e.g. {prefix}12"
        ).format(code=code, prefix=prefix)
    if match.group(1) == prefix:
        return None
    if prefix == "EL" and match.group(1) == "GR":
        return _("NUTS codes for Greece start with EL, not GR: expected “{fixed}”").format(
            fixed="EL" + code[2:]
        )
    return _("The NUTS code “{code}” is not in {country}; expected the prefix {prefix}").format(
        code=code, country=country, prefix=prefix
    )


def url_ok(url: str) -> bool:
    """Whether ``url`` is an http(s) address with a host name."""
    return SIMPLE_URL.fullmatch(url) is not None or _url_ok(url)


@lru_cache(maxsize=1024)
def _url_ok(url: str) -> bool:
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
    return Result("format.url", ERROR, url_message(url), path)


def url_message(url: str) -> str:
    return _("“{url}” is not a web address; expected one starting with https:// or http://").format(
        url=url
    )


def date_problem(value: object, path: str) -> Result | None:
    if value is None or (type(value) is dt.date and EARLIEST <= value <= LATEST):
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
    # Paths are built only for a problem: this runs for every cluster.
    out: list[Result] = []
    if c.region:
        message = nuts_message(ctx, c.region)
        if message is not None:
            out.append(Result("format.nuts_code", ERROR, message, f"/clusters/{i}/region"))
    if c.url and not url_ok(c.url):
        out.append(Result("format.url", ERROR, url_message(c.url), f"/clusters/{i}/url"))
    founded = c.founded
    if founded is not None and not (type(founded) is dt.date and EARLIEST <= founded <= LATEST):
        found = date_problem(founded, f"/clusters/{i}/founded")
        if found is not None:
            out.append(found)
    return out or NONE


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
