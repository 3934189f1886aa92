"""gettext catalogs: the UI language, and a translator for any language.

One domain (``eccp_desktop``) for the whole application, compiled from
``translations/<lang>/LC_MESSAGES/eccp_desktop.po`` by ``make translations``.
A missing catalog falls back to English (the source strings), never fails.
"""

from __future__ import annotations

import gettext
import os
from functools import cache

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n.pseudo import PSEUDO, PseudoTranslations
from eccp_desktop.paths import translations_dir

DOMAIN = "eccp_desktop"
DEFAULT_LANGUAGE = "en"


@cache
def translator(lang: str) -> gettext.NullTranslations:
    """The catalog for ``lang`` (cached); English source strings if none."""
    if lang == PSEUDO:
        return PseudoTranslations()
    if lang == DEFAULT_LANGUAGE:  # the source strings themselves: no catalog to look for
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(translations_dir()), [lang], fallback=True)


def _initial_language() -> str:
    for var in ("ECCP_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        code = value.split(":")[0].split("_")[0].split(".")[0].lower()
        if code in EU_LANGUAGES or code == PSEUDO:
            return code
    return DEFAULT_LANGUAGE


_language = _initial_language()


def current_language() -> str:
    return _language


def set_language(lang: str) -> None:
    """Switch the language of every later ``_()`` call (UI, messages)."""
    global _language
    if lang not in EU_LANGUAGES and lang != PSEUDO:
        raise ValueError(f"not an official EU language code: {lang!r}")
    _language = lang


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translator(_language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_language).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction; translate later with ``_()``."""
    return message
