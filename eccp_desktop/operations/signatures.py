"""Signatures around imports and PDFs, shared by the window and the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eccp_desktop.domain.model import Factsheet

__all__ = ["pdf_reason", "remember_signatures"]


def pdf_reason(fs: Factsheet, version: int, lang: str) -> str:
    """The signature's reason, in the PDF's language: country, edition and version."""
    from eccp_desktop.i18n import translator
    from eccp_desktop.i18n.formatting import country_name

    gettext = translator(lang).gettext
    return gettext("Factsheet {country} {edition}, version {version}").format(
        country=country_name(fs.country, lang), edition=fs.edition, version=version
    )


def remember_signatures(store: Any, files: list[str], outcomes: list[Any]) -> None:
    """For the window's Validation page: the signature each factsheet was imported with."""
    from eccp_desktop.exchange import PackageError, read_package
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.files import verify_file
    from eccp_desktop.trust.provenance import record, store_key

    by_ident = {(o.country, o.edition): o for o in outcomes}
    for name in files:
        try:
            fs = read_package(name)
            verdict = verify_file(name)
        except (PackageError, TrustError):
            continue
        o = by_ident.get(fs.ident)
        if o is not None:
            record(store_key(store), o.country, o.edition, o.version, verdict)
