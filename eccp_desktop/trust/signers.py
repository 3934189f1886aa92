"""Who signed: name, organisation, country and issuer, read from a certificate."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509


@dataclass(frozen=True, slots=True)
class SignerInfo:
    name: str
    organisation: str
    country: str
    organisation_id: str  # eIDAS organizationIdentifier (e.g. VATPL-5260250995), or ""
    issuer: str
    fingerprint: str  # SHA-256 of the certificate, lower-case hex

    def label(self) -> str:
        """``Anna Kowalska, Ministry …, PL`` — the parts that are there."""
        return ", ".join(p for p in (self.name, self.organisation, self.country) if p)


def _attr(name: asn1_x509.Name, key: str) -> str:
    value = name.native.get(key, "")
    if isinstance(value, list):  # a name may repeat an attribute
        value = value[0] if value else ""
    return str(value)


def describe_certificate(cert: asn1_x509.Certificate) -> SignerInfo:
    subject = cert.subject
    issuer = cert.issuer
    return SignerInfo(
        name=_attr(subject, "common_name") or subject.human_friendly,
        organisation=_attr(subject, "organization_name"),
        country=_attr(subject, "country_name"),
        organisation_id=_attr(subject, "organization_identifier"),
        issuer=_attr(issuer, "common_name") or issuer.human_friendly,
        fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
    )
