"""The identity of a PDF's bytes: what the store keeps of an export, and what a
PDF coming back is matched by.

Its own module, with nothing but hashlib: a batch worker computes it for every
PDF it writes and must not load the store's stack (SQLAlchemy) to do so.
"""

from __future__ import annotations

import hashlib


def digest_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()
