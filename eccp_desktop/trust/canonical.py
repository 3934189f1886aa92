"""The bytes a package signature covers: RFC 8785 (JCS) of the package minus ``signature``.

JCS sorts keys and fixes number and string forms, so re-indenting or
reordering a package keeps its signature valid while any changed value breaks it.
"""

from __future__ import annotations

from typing import Any

import rfc8785

from eccp_desktop.i18n import _
from eccp_desktop.trust.errors import TrustError

SIGNATURE_KEY = "signature"


def canonical_bytes(document: dict[str, Any]) -> bytes:
    """The canonical form of ``document`` without its ``signature`` member."""
    content = {k: v for k, v in document.items() if k != SIGNATURE_KEY}
    try:
        return rfc8785.dumps(content)
    except rfc8785.CanonicalizationError as e:
        # e.g. an integer beyond ±2^53, which JSON readers cannot all represent exactly
        raise TrustError(
            _("the package cannot be put in canonical form: {reason}").format(reason=e)
        ) from None
