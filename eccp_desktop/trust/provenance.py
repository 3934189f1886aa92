"""Which signed package a factsheet in the store came from, for the Validation page.

Importing keeps the factsheet, not the package: the verdict on its signature
is recorded here (``signatures.json`` in the user's data folder, per store and
per factsheet, with the store's version after the import). The record holds
while that version is current; any later edit means the content is no longer
what was signed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.paths import user_data_dir
from eccp_desktop.trust.verdict import MARKS, State, Verdict

FILE_NAME = "signatures.json"


def _path() -> Path:
    return user_data_dir() / FILE_NAME


def _read() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # missing or damaged: nothing is known, nothing breaks
    return data if isinstance(data, dict) else {}


def record(store_key: str, country: str, edition: int, version: int, verdict: Verdict) -> None:
    """Remember the verdict on the package just imported as ``version``."""
    data = _read()
    entry: dict[str, Any] = {"version": version, "state": verdict.state.value}
    if verdict.signer is not None:
        entry |= {"name": verdict.signer.name, "organisation": verdict.signer.organisation}
    if verdict.signed_at is not None:
        entry["date"] = verdict.signed_at.date().isoformat()
    if verdict.reason:
        entry["reason"] = verdict.reason
    data.setdefault(store_key, {})[f"{country} {edition}"] = entry
    target = _path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".signatures-", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:
        pass  # a note for the window, not the factsheet: never fail an import over it


@dataclass(frozen=True)
class SignatureState:
    mark: str
    text: str  # one line, the mark in front


def state_of(store_key: str, country: str, edition: int, version: int) -> SignatureState:
    entry = _read().get(store_key, {}).get(f"{country} {edition}")
    if not isinstance(entry, dict) or entry.get("state") == State.UNSIGNED.value:
        mark = MARKS[State.UNSIGNED]
        return SignatureState(mark, f"{mark} " + _("not signed"))
    try:
        state = State(entry.get("state"))
    except ValueError:
        state = State.MALFORMED
    who = _("signed by {name} of {organisation}").format(
        name=entry.get("name", "?"), organisation=entry.get("organisation") or "?"
    )
    if entry.get("date"):
        who = _("{who} on {date}").format(who=who, date=entry["date"])
    if entry.get("version") != version:
        mark = MARKS[State.UNTRUSTED]
        return SignatureState(
            mark,
            f"{mark} " + _("changed since the signed package was imported ({who})").format(who=who),
        )
    mark = MARKS[state]
    if state is State.VALID:
        return SignatureState(mark, f"{mark} {who}")
    return SignatureState(mark, f"{mark} {who} — {entry.get('reason', '')}")


def store_key(store: Any) -> str:
    """One name per store: its file, or its URL without the password."""
    location = store.location
    return str(location.path.resolve() if location.path is not None else location.display)
