"""PDF factsheets: one factsheet in one language per call (reportlab, Qt-free).

``render_factsheet`` loads reportlab on first use, so importing the package
(for ``PdfError``, say) costs nothing at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eccp_desktop.pdf.errors import PdfError

if TYPE_CHECKING:
    from eccp_desktop.pdf.render import render_factsheet, render_with_layout


def __getattr__(name: str) -> Any:
    if name in ("render_factsheet", "render_with_layout"):
        from eccp_desktop.gcpause import gc_paused

        with gc_paused():  # reportlab's and pikepdf's modules: long-lived, nothing to collect
            from eccp_desktop.pdf import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PdfError", "render_factsheet", "render_with_layout"]
