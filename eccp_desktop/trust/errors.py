"""The one error this package raises: a reason in one line, for a person."""

from __future__ import annotations


class TrustError(Exception):
    """Signing or verifying cannot go on; ``str(e)`` says why in one line."""
