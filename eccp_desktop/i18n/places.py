"""Places and values as an officer reads them, not as the exchange format spells them.

``place_label(fs, "/clusters/0/members", "en")`` gives "Cluster organisations ›
Mazovia ICT Cluster › Members" and ``format_change(60, 45, ...)`` gives
"60 → 45": the Problems dock, the history, the review comments and the
command line's text report all show these. The JSON report keeps the path.

Qt-free; works on the domain objects or on exchange dictionaries (history
values are stored as exchange JSON).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eccp_desktop.i18n import N_, labels
from eccp_desktop.i18n.catalog import translator
from eccp_desktop.i18n.formatting import (
    format_date,
    format_datetime,
    format_eur,
    format_integer,
    format_percent,
    language_name,
)

SEPARATOR = " \u203a "  # " › "
ARROW = " \u2192 "  # " → "
SHORT_TEXT = 40  # characters of a text shown in a history line

# Top-level keys and list names: the titles the window's pages and tables use.
_TOP = {
    "reference_date": N_("Reference date"),
    "status": N_("Status"),
    "languages": N_("Languages"),
    "sections": N_("Section texts"),
    "policy_assessment": N_("State of cluster policy"),
    "ecosystems": N_("Industrial ecosystems"),
    "policies": N_("Policies"),
    "cohesion_programmes": N_("Cohesion programmes"),
    "recommendations": N_("Country-specific recommendations"),
    "tier_schemes": N_("Tier schemes"),
    "clusters": N_("Cluster organisations"),
    "sources": N_("Sources"),
    "validation": N_("Sign-off"),
    "review_comments": N_("Review comments"),
    "programmes": N_("Programmes and initiatives"),
    "tiers": N_("Tiers (entry to top)"),
    "support": N_("Support matrix"),
}
# Field names, the same words as the table columns (same catalog entries).
_FIELDS = {
    "ecosystem": N_("Ecosystem"),
    "employment": N_("Employment"),
    "employment_share": N_("Share of employment"),
    "relevance": N_("Relevance"),
    "note": N_("Note"),
    "key": N_("Key"),
    "title": N_("Title"),
    "type": N_("Type"),
    "region": N_("Region (NUTS)"),
    "authority": N_("Responsible body"),
    "start_year": N_("Start year"),
    "end_year": N_("End year"),
    "budget_eur": N_("Budget (EUR)"),
    "budget_approximate": N_("Approximate"),
    "priorities": N_("Priorities"),
    "description": N_("Description"),
    "url": N_("Web address"),
    "cci": N_("CCI code"),
    "funds": N_("Funds"),
    "policy_objectives": N_("Policy objectives"),
    "cluster_support": N_("How clusters are supported"),
    "year": N_("Year"),
    "priority": N_("Priority"),
    "text": N_("Recommendation"),
    "response": N_("Response of cluster policy"),
    "name": N_("Name"),
    "min_operating_months": N_("Minimum months of operation"),
    "min_members": N_("Minimum members"),
    "criteria": N_("Further criteria"),
    "dimension": N_("Support dimension"),
    "founded": N_("Founded"),
    "members": N_("Members"),
    "sme_members": N_("SME members"),
    "scheme": N_("Scheme"),
    "tier": N_("Tier"),
    "accessed": N_("Accessed"),
    "rating": N_("Rating"),
    "by": N_("Name"),
    "organisation": N_("Organisation"),
    "on": N_("Date"),
    "author": N_("Author"),
    "resolved": N_("Resolved"),
    "role": N_("Role"),
    "path": N_("Place"),
    "created": N_("Created"),
}
# The same field name means something else in some lists.
_FIELDS_IN = {
    ("cohesion_programmes", "budget_eur"): N_("Budget for clusters (EUR)"),
    ("policy_assessment", "text"): N_("Justification"),
    ("review_comments", "text"): N_("Comment"),
}
_CODES: dict[str, dict[str, str]] = {
    "type": labels.POLICY_TYPES,
    "priorities": labels.PRIORITIES,
    "priority": labels.PRIORITIES,
    "relevance": labels.RATINGS,
    "rating": labels.RATINGS,
    "status": labels.STATUSES,
    "ecosystem": labels.ECOSYSTEMS,
    "ecosystems": labels.ECOSYSTEMS,
}
_DATES = ("reference_date", "founded", "accessed", "on")
_YEARS = ("year", "start_year", "end_year")


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(key)
    return getattr(obj, key, None)


def _step(obj: Any, part: str) -> Any:
    if isinstance(obj, list):
        try:
            return obj[int(part)]
        except (ValueError, IndexError):
            return None
    return _get(obj, part)


def _is_lang(part: str) -> bool:
    # a language code, not a short field name such as "url"
    return 2 <= len(part) <= 3 and part.isalpha() and part.islower() and part not in _FIELDS


def _text(value: Any, lang: str) -> str:
    """The item's localised name in ``lang``, else English, else any."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for code in (lang, "en", *value):
            text = value.get(code)
            if isinstance(text, str) and text.strip():
                return text.strip()
    return ""


def _shorten(text: str, limit: int = SHORT_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def item_label(list_key: str, item: Any, index: int, lang: str) -> str:
    """What an officer calls an item of a list: its name, code, or "No. 3"."""
    gettext = translator(lang).gettext
    name = ""
    if list_key == "languages" and isinstance(item, str):
        name = language_name(item, lang)
    elif list_key == "clusters":
        name = _text(_get(item, "name"), lang)
    elif list_key == "cohesion_programmes":
        name = _get(item, "cci") or _text(_get(item, "title"), lang)
    elif list_key == "ecosystems":
        name = labels.name(labels.ECOSYSTEMS, _get(item, "ecosystem"), gettext)
    elif list_key in ("policies", "programmes", "sources"):
        name = _text(_get(item, "title"), lang) or (_get(item, "key") or "")
    elif list_key in ("tier_schemes", "tiers"):
        name = _text(_get(item, "name"), lang) or (_get(item, "key") or "")
    elif list_key == "review_comments":
        author, text = _get(item, "author") or "", _get(item, "text") or ""
        name = f"{author}: {text}" if author and text else author or text
    elif list_key == "support":
        name = _text(_get(item, "dimension"), lang)
    elif list_key == "recommendations":
        year, priority = _get(item, "year"), _get(item, "priority")
        name = " ".join(
            p
            for p in (str(year) if year else "", labels.name(labels.PRIORITIES, priority, gettext))
            if p
        )
    if name:
        return _shorten(name)
    return gettext("No. {n}").format(n=index + 1)


def place_label(factsheet: Any, path: str, lang: str) -> str:
    """``/clusters/0/members`` → "Cluster organisations › Mazovia ICT Cluster › Members".

    ``factsheet`` is a domain Factsheet or its exchange dictionary (or None:
    items are then numbered). An unknown part is shown as it is, never raised.
    """
    gettext = translator(lang).gettext
    parts = [p for p in path.split("/") if p != ""]
    if not parts:
        return gettext("The whole factsheet")
    words: list[str] = []
    obj: Any = factsheet
    parent_key = ""  # the list or dict the current part is in
    top = parts[0]
    for i, part in enumerate(parts):
        child = _step(obj, part) if obj is not None else None
        if isinstance(obj, list) and part.isdigit():
            words.append(item_label(parent_key, child, int(part), lang))
        elif i == 0:
            words.append(gettext(_TOP[part]) if part in _TOP else part)
        elif parent_key == "sections" and i == 1:
            words.append(gettext(labels.TEXT_SECTIONS.get(part, part)))
        elif parent_key == "policy_assessment" and i == 1:
            words.append(gettext(labels.DIMENSIONS.get(part, part)))
        elif parent_key == "levels":  # support matrix: a tier key
            words.append(_tier_name(factsheet, parts, part, lang))
        elif part == "levels" and parent_key.isdigit():
            pass  # the support row's tier levels: the tier names follow
        elif part in _TOP and part not in ("status",):
            words.append(gettext(_TOP[part]))
        elif (top, part) in _FIELDS_IN:
            words.append(gettext(_FIELDS_IN[(top, part)]))
        elif part in _FIELDS:
            words.append(gettext(_FIELDS[part]))
        elif _is_lang(part) and i == len(parts) - 1:
            words.append(language_name(part, lang))
        else:
            words.append(part)
        obj = child
        parent_key = part
    return SEPARATOR.join(w for w in words if w)


def _tier_name(factsheet: Any, parts: list[str], key: str, lang: str) -> str:
    try:
        scheme = _step(_get(factsheet, "tier_schemes"), parts[1])
    except IndexError:
        return key
    for tier in _get(scheme, "tiers") or []:
        if _get(tier, "key") == key:
            return _text(_get(tier, "name"), lang) or key
    return key


def field_of(path: str) -> str:
    """The field a path ends in, skipping list indexes and language codes."""
    parts = [p for p in path.split("/") if p and not p.isdigit()]
    while len(parts) > 1 and _is_lang(parts[-1]) and parts[-2] not in ("levels",):
        parts.pop()
    return parts[-1] if parts else ""


def format_value(value: Any, path: str, lang: str) -> str:
    """A history value as the editor shows it: numbers, amounts, dates, names, texts."""
    gettext = translator(lang).gettext
    parts = [p for p in path.split("/") if p != ""]
    field = field_of(path)
    if value is None or value == "" or value == [] or value == {}:
        return "\u2014"  # — : empty
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if field in _CODES and isinstance(value, str):
        return labels.name(_CODES[field], value, gettext)
    if field in _CODES and isinstance(value, list):
        return ", ".join(labels.name(_CODES[field], v, gettext) for v in value)
    if isinstance(value, int | float):
        if field == "budget_eur":
            return format_eur(float(value), lang)
        if field == "employment_share":
            return format_percent(float(value), lang)
        if field in _YEARS:
            return str(value)
        if isinstance(value, int):
            return format_integer(value, lang)
        return str(value)
    if isinstance(value, str):
        if field in _DATES:
            try:
                return format_date(dt.date.fromisoformat(value[:10]), lang)
            except ValueError:
                return value
        if field == "created":
            try:
                return format_datetime(dt.datetime.fromisoformat(value), lang)
            except ValueError:
                return value
        last = parts[-1] if parts else ""
        text = f"\u201c{_shorten(value)}\u201d"
        return f"{text} ({last})" if _is_lang(last) else text
    if isinstance(value, dict):
        if value and all(_is_lang(k) and isinstance(v, str) for k, v in value.items()):
            return (
                "; ".join(f"\u201c{_shorten(v)}\u201d ({k})" for k, v in value.items() if v.strip())
                or "\u2014"
            )
        list_key = next((p for p in reversed(parts) if not p.isdigit()), "")
        index = int(parts[-1]) if parts and parts[-1].isdigit() else 0
        return item_label(list_key, value, index, lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def format_change(old: Any, new: Any, path: str, lang: str) -> str:
    """ "60 → 45"; an added item "+ Mazovia ICT Cluster", a removed one "− …"."""
    parts = [p for p in path.split("/") if p != ""]
    if not parts and old is None and isinstance(new, str):
        return new  # an import: the factsheet it brought ("PL 2023")
    if parts and parts[-1].isdigit():
        if old is None and new is not None:
            return "+ " + format_value(new, path, lang)
        if new is None and old is not None:
            return "\u2212 " + format_value(old, path, lang)
    return format_value(old, path, lang) + ARROW + format_value(new, path, lang)


ACTIONS = {
    "edit": N_("edit"),
    "status": N_("status change"),
    "import": N_("import"),
    "comment": N_("comment"),
    "new_edition": N_("started from an earlier edition"),  # old: that edition's year
    "new": N_("started as a new factsheet"),
    "merge": N_("merged from a package"),
    "merge_choice": N_("merge conflict settled"),  # old: the value not taken
}


def action_label(action: str, lang: str) -> str:
    source = ACTIONS.get(action)
    return translator(lang).gettext(source) if source else action
