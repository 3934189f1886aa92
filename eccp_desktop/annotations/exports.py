"""Rendering a PDF and keeping its layout map in the store, in one step.

Every PDF the app writes (command line or window) goes through here, so
that the comments experts write on it can come back (``plan_import``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eccp_desktop.i18n import _

if TYPE_CHECKING:
    from eccp_desktop.domain.model import Factsheet
    from eccp_desktop.pdf.render import Rendered
    from eccp_desktop.store import Store


def render(
    factsheet: Factsheet, lang: str, *, problems: Sequence[object] | None = None
) -> Rendered:
    from eccp_desktop.pdf.render import render_with_layout

    return render_with_layout(factsheet, lang, problems=problems)


def keep(store: Store, rendered: Rendered) -> str | None:
    """Record the export; the reason when the store cannot keep it (None: kept)."""
    from eccp_desktop.pdf.digest import digest_of

    pdf = rendered.pdf
    return keep_map(store, digest_of(pdf), len(pdf), rendered.layout.to_json())


def keep_map(store: Store, digest: str, size: int, layout: dict[str, Any]) -> str | None:
    """``keep`` from a PDF's digest and size (what a batch worker sends back)."""
    from eccp_desktop.store import StoreError
    from eccp_desktop.store.exports import keep_export

    try:
        keep_export(store, digest, size, layout)
    except StoreError as e:
        return _(
            "the store did not keep this PDF's layout map ({reason}): comments written on it cannot be imported into this store"
        ).format(reason=e)
    return None
