"""The one error the PDF package raises to its callers."""

from __future__ import annotations


class PdfError(Exception):
    """A factsheet cannot be rendered: bad language, missing fonts, broken data."""
