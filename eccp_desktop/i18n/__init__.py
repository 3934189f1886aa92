"""Translations (gettext catalogs) and locale formatting (Babel/CLDR)."""

from eccp_desktop.i18n.catalog import (
    N_,
    _,
    current_language,
    ngettext,
    set_language,
    translator,
)

__all__ = ["N_", "_", "current_language", "ngettext", "set_language", "translator"]
