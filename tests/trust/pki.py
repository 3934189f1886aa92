"""A throwaway PKI for the signing tests: root, intermediate and signers.

Everything is made here with ``cryptography`` when the tests run; no private
key is committed. RSA keys, because PKCS#1 v1.5 signatures are deterministic
(the same inputs and signing time give the same bytes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
PASSWORD = "correct horse"


@dataclass(frozen=True)
class Party:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        return self.cert.fingerprint(hashes.SHA256()).hex()


@cache
def _key(name: str) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(cn: str, org: str, country: str, org_id: str | None = None) -> x509.Name:
    attrs = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ]
    if org_id:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, org_id))
    return x509.Name(attrs)


def _issue(
    subject: x509.Name,
    key: rsa.RSAPrivateKey,
    issuer: Party | None,
    *,
    ca: bool,
    not_before: dt.datetime,
    not_after: dt.datetime,
    signing_usage: bool = True,
) -> Party:
    issuer_name = issuer.cert.subject if issuer else subject
    issuer_key = issuer.key if issuer else key
    b = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer:
        b = b.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), False
        )
    b = b.add_extension(
        x509.KeyUsage(
            digital_signature=signing_usage and not ca,
            content_commitment=signing_usage and not ca,
            key_encipherment=not signing_usage,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=ca,
            crl_sign=ca,
            encipher_only=False,
            decipher_only=False,
        ),
        critical=True,
    )
    return Party(key, b.sign(issuer_key, hashes.SHA256()))


@dataclass(frozen=True)
class Pki:
    root: Party
    intermediate: Party
    pl: Party  # Polish ministry officer, authorised for PL
    hr: Party  # Croatian officer, authorised for HR
    expired: Party  # PL, expired before NOW
    no_usage: Party  # PL, key usage for encryption only
    stranger: Party  # self-signed, no trusted chain

    def chain(self) -> list[x509.Certificate]:
        return [self.intermediate.cert]

    def p12(self, who: Party, folder: Path, password: str | None = PASSWORD) -> Path:
        """``who``'s key, certificate and the intermediate as a PKCS#12 file."""
        enc = (
            serialization.BestAvailableEncryption(password.encode())
            if password
            else serialization.NoEncryption()
        )
        data = pkcs12.serialize_key_and_certificates(
            b"signer", who.key, who.cert, self.chain(), enc
        )
        path = folder / f"{who.cert.serial_number:x}.p12"
        path.write_bytes(data)
        return path


@cache
def pki() -> Pki:
    day = dt.timedelta(days=1)
    root = _issue(
        _name("ECCP Test Root CA", "ECCP test PKI", "BE"),
        _key("root"),
        None,
        ca=True,
        not_before=NOW - 3650 * day,
        not_after=NOW + 3650 * day,
    )
    inter = _issue(
        _name("ECCP Test Issuing CA", "ECCP test PKI", "BE"),
        _key("inter"),
        root,
        ca=True,
        not_before=NOW - 3000 * day,
        not_after=NOW + 3000 * day,
    )

    def signer(cn: str, org: str, c: str, org_id: str, key: str, **kw: object) -> Party:
        nb = kw.pop("not_before", NOW - 365 * day)
        na = kw.pop("not_after", NOW + 365 * day)
        return _issue(
            _name(cn, org, c, org_id),
            _key(key),
            inter,
            ca=False,
            not_before=nb,
            not_after=na,
            **kw,  # type: ignore[arg-type]
        )

    return Pki(
        root=root,
        intermediate=inter,
        pl=signer(
            "Anna Kowalska",
            "Ministry of Development and Technology",
            "PL",
            "VATPL-5260250995",
            "pl",
        ),
        hr=signer("Ivan Horvat", "Ministry of Economy", "HR", "VATHR-12345678901", "hr"),
        expired=signer(
            "Jan Nowak",
            "Ministry of Development and Technology",
            "PL",
            "VATPL-5260250995",
            "old",
            not_before=NOW - 800 * day,
            not_after=NOW - 30 * day,
        ),
        no_usage=signer(
            "Ewa Zielinska",
            "Ministry of Development and Technology",
            "PL",
            "VATPL-5260250995",
            "enc",
            signing_usage=False,
        ),
        stranger=_issue(
            _name("Mallory", "Nobody", "PL", "VATPL-0000000000"),
            _key("stranger"),
            None,
            ca=False,
            not_before=NOW - 365 * day,
            not_after=NOW + 365 * day,
        ),
    )
