"""The trust file: which roots the central team trusts and who may sign for which country.

``trust.json`` in the user's configuration folder, else in the site's (or
the file named by ``ECCP_TRUST_FILE``)::

    {"format": "eccp-trust", "format_version": 1,
     "require_signature": false,
     "roots": ["roots/eccp-root.pem"],          # files beside the trust file, or PEM text
     "intermediates": [],
     "countries": {"PL": {"signers": ["<SHA-256 of the certificate>"],
                          "organisations": ["VATPL-5260250995"]}}}

No trust file means nobody is trusted: signatures still verify as intact,
but as "untrusted", never as a crash.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509

from eccp_desktop.i18n import _
from eccp_desktop.paths import site_config_dir, user_config_dir
from eccp_desktop.trust.errors import TrustError
from eccp_desktop.trust.signers import SignerInfo

TRUST_FILE_NAME = "trust.json"
TRUST_FORMAT = "eccp-trust"


@dataclass(frozen=True)
class CountryRule:
    signers: frozenset[str] = frozenset()  # certificate SHA-256 fingerprints
    organisations: frozenset[str] = frozenset()  # organizationIdentifier values


@dataclass(frozen=True)
class TrustSettings:
    roots: tuple[asn1_x509.Certificate, ...] = ()
    intermediates: tuple[asn1_x509.Certificate, ...] = ()
    countries: dict[str, CountryRule] = field(default_factory=dict)
    require_signature: bool = False
    source: Path | None = None  # None: no trust file was found

    def authorises(self, signer: SignerInfo, country: str) -> bool:
        rule = self.countries.get(country)
        if rule is None:
            return False
        return signer.fingerprint in rule.signers or (
            bool(signer.organisation_id) and signer.organisation_id in rule.organisations
        )


def candidates() -> list[Path]:
    """Where a trust file is looked for, first found wins."""
    explicit = os.environ.get("ECCP_TRUST_FILE")
    if explicit:
        return [Path(explicit)]
    return [user_config_dir() / TRUST_FILE_NAME, site_config_dir() / TRUST_FILE_NAME]


def load_trust() -> TrustSettings:
    """The trust settings in force; a missing file trusts nobody, a broken one is bad input.

    A site file that requires signatures keeps requiring them even when a
    user's own trust file is the one read.
    """
    found = [p for p in candidates() if p.is_file()]
    if not found:
        return TrustSettings()
    settings = read_trust_file(found[0])
    site = site_config_dir() / TRUST_FILE_NAME
    if not settings.require_signature and found[0] != site and site.is_file():
        if read_trust_file(site).require_signature:
            settings = TrustSettings(
                settings.roots, settings.intermediates, settings.countries, True, settings.source
            )
    return settings


def _bad(path: Path, where: str, why: str) -> TrustError:
    return TrustError(
        _("trust file {path}: {where}: {why}").format(path=path, where=where, why=why)
    )


def _certificates(path: Path, entries: Any, where: str) -> tuple[asn1_x509.Certificate, ...]:
    if not isinstance(entries, list):
        raise _bad(path, where, _("expected a list of certificates"))
    certs: list[asn1_x509.Certificate] = []
    for i, entry in enumerate(entries):
        place = f"{where}/{i}"
        if not isinstance(entry, str):
            raise _bad(path, place, _("expected a file name or PEM text"))
        if "-----BEGIN" in entry:
            data = entry.encode("ascii", "replace")
        else:
            try:
                data = (path.parent / entry).read_bytes()
            except OSError as e:
                raise _bad(path, place, f"{entry}: {e.strerror or e}") from None
        try:
            if pem.detect(data):
                certs += [
                    asn1_x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, True)
                ]
            else:
                cert = asn1_x509.Certificate.load(data)
                cert.native  # noqa: B018 - parse now: a damaged file fails here
                certs.append(cert)
        except (ValueError, TypeError):
            raise _bad(path, place, _("not a certificate (PEM or DER)")) from None
    return tuple(certs)


def _strings(path: Path, value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(path, where, _("expected a list of texts"))
    return frozenset(value)


def read_trust_file(path: Path) -> TrustSettings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise TrustError(
            _("trust file {path} cannot be read: {reason}").format(
                path=path, reason=e.strerror or e
            )
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise TrustError(
            _("trust file {path} is not valid JSON: {reason}").format(path=path, reason=e)
        ) from None
    if not isinstance(data, dict) or data.get("format") != TRUST_FORMAT:
        raise _bad(path, "/format", _("expected {name!r}").format(name=TRUST_FORMAT))
    known = {"format", "format_version", "require_signature", "roots", "intermediates", "countries"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _bad(path, "/", _("unknown key {names}").format(names=", ".join(map(repr, unknown))))
    require = data.get("require_signature", False)
    if not isinstance(require, bool):
        raise _bad(path, "/require_signature", _("expected true or false"))
    countries: dict[str, CountryRule] = {}
    raw_countries = data.get("countries", {})
    if not isinstance(raw_countries, dict):
        raise _bad(path, "/countries", _("expected an object keyed by country code"))
    for code, rule in raw_countries.items():
        where = f"/countries/{code}"
        if not isinstance(rule, dict) or set(rule) - {"signers", "organisations"}:
            raise _bad(path, where, _("expected an object with 'signers' and 'organisations'"))
        countries[code] = CountryRule(
            signers=frozenset(
                s.lower().replace(":", "")
                for s in _strings(path, rule.get("signers", []), f"{where}/signers")
            ),
            organisations=_strings(path, rule.get("organisations", []), f"{where}/organisations"),
        )
    return TrustSettings(
        roots=_certificates(path, data.get("roots", []), "/roots"),
        intermediates=_certificates(path, data.get("intermediates", []), "/intermediates"),
        countries=countries,
        require_signature=require,
        source=path,
    )
