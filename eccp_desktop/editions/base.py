"""The ``base`` of a package: which stored version it was exported from.

``export`` writes ``"base": {"version", "exported", "digest"}`` — the
factsheet's version counter at export, when, and a ``sha256:`` digest of the
canonical content — and the store keeps that content as the *base snapshot*.
When the package comes back, the snapshot is the common ancestor of the
three-way merge. Packages without ``base`` stay valid (they are replaced
after a preview, as before).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

# Keys that are about the package, not the factsheet: never part of the digest.
_PACKAGE_KEYS = frozenset({"base", "signature"})


def canonical(content: dict[str, Any]) -> bytes:
    """The content as bytes that do not depend on key order or indentation."""
    body = {k: v for k, v in content.items() if k not in _PACKAGE_KEYS}
    return json.dumps(
        body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def digest(content: dict[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical(content)).hexdigest()


@dataclass(frozen=True, slots=True)
class BaseRef:
    version: int
    exported: dt.datetime
    digest: str

    def as_json(self) -> dict[str, Any]:
        stamp = self.exported.astimezone(dt.UTC).replace(microsecond=0)
        return {
            "version": self.version,
            "exported": stamp.isoformat().replace("+00:00", "Z"),
            "digest": self.digest,
        }

    @classmethod
    def from_package(cls, data: dict[str, Any]) -> BaseRef | None:
        """The package's ``base`` (already checked by the schema), if it has one."""
        raw = data.get("base")
        if raw is None:
            return None
        exported = dt.datetime.fromisoformat(str(raw["exported"]).replace("Z", "+00:00"))
        return cls(int(raw["version"]), exported, str(raw["digest"]))
