"""Signature checks on package files, for ``verify``, ``import`` and the window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from eccp_desktop.exchange import strict_json
from eccp_desktop.i18n import _
from eccp_desktop.trust.packages import verify_document
from eccp_desktop.trust.trustfile import TrustSettings, load_trust
from eccp_desktop.trust.verdict import State, Verdict


def read_document(path: str | os.PathLike[str]) -> dict[str, Any] | Verdict:
    """A package's JSON object as written (not via the domain), or the verdict why not."""
    try:
        raw = Path(path).read_bytes()
        data = strict_json.loads(raw.decode("utf-8-sig"))
    except OSError as e:
        return Verdict(
            State.MALFORMED, _("cannot be read: {reason}").format(reason=e.strerror or e)
        )
    except UnicodeDecodeError:
        return Verdict(State.MALFORMED, _("not UTF-8 text"))
    except strict_json.StrictJSONError as e:
        return Verdict(State.MALFORMED, str(e.problems[0]) if e.problems else _("not valid JSON"))
    if not isinstance(data, dict):
        return Verdict(State.MALFORMED, _("expected a JSON object at the top level"))
    return data


def verify_file(path: str | os.PathLike[str], trust: TrustSettings | None = None) -> Verdict:
    """The verdict on one package file, judged against the trust file in force."""
    data = read_document(path)
    if isinstance(data, Verdict):
        return data
    if trust is None:
        trust = load_trust()  # a broken trust file is the caller's bad input (TrustError)
    country = data.get("country")
    return verify_document(data, trust, country if isinstance(country, str) else "")
