"""Completeness of localised texts: English present, translations there.

English is the reference language: a text given only in other languages
lacks it (required before validation). A text with English but without one
of the factsheet's other languages is a missing translation (warning).
"""

from __future__ import annotations

from collections.abc import Iterator

from eccp_desktop.domain.countries import COUNTRIES
from eccp_desktop.domain.model import (
    CohesionProgramme,
    EcosystemEntry,
    LocalizedText,
    Policy,
    Recommendation,
    TierScheme,
)
from eccp_desktop.i18n import _
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import ERROR, INFO, WARNING, Result
from eccp_desktop.validation.texts import known_language, language, said

Texts = Iterator[tuple[str, LocalizedText]]


def check_text(ctx: Context, text: LocalizedText, path: str) -> list[Result]:
    out: list[Result] = []
    if not text:
        return out
    listed = ctx.factsheet.languages
    for code, value in text.items():
        if not (value and value.strip()):
            continue
        if not known_language(code):
            message = _(
                "“{code}” is not a language code; expected an ISO 639-1 code such as en or pl"
            ).format(code=code)
            out.append(Result("format.language_code", ERROR, message, f"{path}/{code}"))
        elif code not in listed and code != "en":  # English is always implied
            message = _(
                "The text is also given in {language}, which is not among the factsheet's languages; add the language or remove the text"
            ).format(language=language(code, ctx.lang))
            out.append(Result("text.language_not_listed", WARNING, message, f"{path}/{code}"))
    if not said(text, "en"):
        if any(v and v.strip() for v in text.values()):
            message = _(
                "The text has no English version; English is required before the factsheet is validated"
            )
            out.append(Result("text.english_missing", ctx.required_severity, message, f"{path}/en"))
        return out
    for code in ctx.languages:
        if not said(text, code):
            message = _(
                "The {language} translation is missing; the factsheet is published in {language} too"
            ).format(language=language(code, ctx.lang))
            out.append(Result("text.translation_missing", WARNING, message, f"{path}/{code}"))
    return out


def _check_all(ctx: Context, texts: Texts) -> Found:
    out: list[Result] = []
    for path, text in texts:
        if text:
            out += check_text(ctx, text, path)
    return out or NONE


TEXT_RULES = (
    "text.english_missing",
    "text.translation_missing",
    "text.language_not_listed",
    "format.language_code",
)


@sheet_check(*TEXT_RULES, depends=["sections", "policy_assessment"])
def factsheet_texts(ctx: Context) -> Found:
    fs = ctx.factsheet

    def texts() -> Texts:
        for key, text in fs.sections.items():
            yield f"/sections/{key}", text
        for dim, entry in fs.policy_assessment.items():
            yield f"/policy_assessment/{dim}/text", entry.text

    return _check_all(ctx, texts())


@item_check("policies", *TEXT_RULES)
def policy_texts(ctx: Context, i: int, p: Policy) -> Found:
    def texts() -> Texts:
        yield f"/policies/{i}/title", p.title
        yield f"/policies/{i}/description", p.description
        for j, prog in enumerate(p.programmes):
            yield f"/policies/{i}/programmes/{j}/title", prog.title
            yield f"/policies/{i}/programmes/{j}/description", prog.description

    return _check_all(ctx, texts())


@item_check("cohesion_programmes", *TEXT_RULES)
def cohesion_texts(ctx: Context, i: int, c: CohesionProgramme) -> Found:
    base = f"/cohesion_programmes/{i}"
    return _check_all(
        ctx, iter([(base + "/title", c.title), (base + "/cluster_support", c.cluster_support)])
    )


@item_check("recommendations", *TEXT_RULES)
def recommendation_texts(ctx: Context, i: int, r: Recommendation) -> Found:
    base = f"/recommendations/{i}"
    return _check_all(ctx, iter([(base + "/text", r.text), (base + "/response", r.response)]))


@item_check("ecosystems", *TEXT_RULES)
def ecosystem_texts(ctx: Context, i: int, e: EcosystemEntry) -> Found:
    return _check_all(ctx, iter([(f"/ecosystems/{i}/note", e.note)]))


@item_check("tier_schemes", *TEXT_RULES)
def scheme_texts(ctx: Context, i: int, s: TierScheme) -> Found:
    def texts() -> Texts:
        yield f"/tier_schemes/{i}/name", s.name
        for j, tier in enumerate(s.tiers):
            yield f"/tier_schemes/{i}/tiers/{j}/name", tier.name
            yield f"/tier_schemes/{i}/tiers/{j}/criteria", tier.criteria
        for r, row in enumerate(s.support):
            yield f"/tier_schemes/{i}/support/{r}/dimension", row.dimension

    return _check_all(ctx, texts())


@sheet_check("factsheet.english_missing", "factsheet.country_language_missing", depends=[])
def factsheet_languages(ctx: Context) -> Found:
    fs = ctx.factsheet
    out = []
    if "en" not in fs.languages:
        message = _("The factsheet's languages do not include English; English is always required")
        out.append(Result("factsheet.english_missing", ERROR, message, "/languages"))
    country = COUNTRIES.get(fs.country)
    for code in country.languages if country else ():
        if code not in fs.languages:
            message = _(
                "{language} is an official language of the country but not among the factsheet's languages"
            ).format(language=language(code, ctx.lang))
            out.append(Result("factsheet.country_language_missing", INFO, message, "/languages"))
    return out or NONE
