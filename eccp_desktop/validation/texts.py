"""Looking into localised texts: is anything said, and in which languages."""

from __future__ import annotations

from functools import lru_cache

from eccp_desktop.domain.model import LocalizedText
from eccp_desktop.i18n.formatting import language_name, locale


def said(text: LocalizedText | None, lang: str) -> bool:
    """Whether ``text`` has a non-blank text in ``lang``."""
    if not text:
        return False
    value = text.get(lang)
    return bool(value and value.strip())


def has_text(text: LocalizedText | None) -> bool:
    """Whether ``text`` says anything in any language."""
    if not text:
        return False
    return any(v.strip() for v in text.values() if v)


@lru_cache(maxsize=512)
def known_language(code: str) -> bool:
    """An ISO 639 code CLDR knows (``pl``, ``sq``), not just any two letters."""
    return code in locale("en").languages


def language(code: str, ui_lang: str) -> str:
    return language_name(code, ui_lang)
