"""PDF factsheets: one factsheet in one language per call (reportlab, Qt-free)."""

from eccp_desktop.pdf.errors import PdfError
from eccp_desktop.pdf.render import render_factsheet

__all__ = ["PdfError", "render_factsheet"]
