"""Signed packages: a detached CMS (CAdES-style) signature inside the package itself.

The ``signature`` member holds the base64 DER of a CMS SignedData over the
RFC 8785 canonical form of the rest of the package, with the signer's
certificate chain and the signing time among its signed attributes::

    "signature": {"type": "cms-detached", "canonicalization": "rfc8785", "value": "MIIG…"}
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
from typing import Any

from asn1crypto import cms

from eccp_desktop.i18n import _
from eccp_desktop.trust.canonical import SIGNATURE_KEY, canonical_bytes
from eccp_desktop.trust.errors import TrustError
from eccp_desktop.trust.keys import SigningKey
from eccp_desktop.trust.signers import describe_certificate
from eccp_desktop.trust.trustfile import TrustSettings
from eccp_desktop.trust.verdict import State, Verdict

SIGNATURE_TYPE = "cms-detached"
CANONICALIZATION = "rfc8785"
DIGEST = "sha256"


def sign_document(document: dict[str, Any], key: SigningKey, at: dt.datetime) -> dict[str, Any]:
    """``document`` with a fresh ``signature`` member (any old one is replaced)."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    data = canonical_bytes(document)
    try:
        content_info = asyncio.run(
            key.signer.async_sign_general_data(
                data,
                DIGEST,
                detached=True,
                use_cades=True,
                signed_attr_settings=PdfCMSSignedAttributes(signing_time=at),
            )
        )
    except TrustError:
        raise
    except Exception as e:  # the token refused, an unsupported key type…
        raise TrustError(
            _("signing failed: {reason}").format(reason=e or type(e).__name__)
        ) from None
    signed = {k: v for k, v in document.items() if k != SIGNATURE_KEY}
    signed[SIGNATURE_KEY] = {
        "type": SIGNATURE_TYPE,
        "canonicalization": CANONICALIZATION,
        "value": base64.b64encode(content_info.dump()).decode("ascii"),
    }
    # A key that does not belong to its certificate makes a signature nobody can verify:
    # check ours before it leaves the machine.
    check = verify_document(signed, TrustSettings(), country="")
    if not check.intact:
        raise TrustError(
            _("the key does not match the certificate of {who}").format(
                who=describe_certificate(key.certificate).name
            )
        )
    return signed


def _malformed(reason: str) -> Verdict:
    return Verdict(State.MALFORMED, reason)


def signed_data_of(document: dict[str, Any]) -> cms.SignedData | Verdict:
    """The CMS SignedData in the ``signature`` member, or the verdict why it is unusable."""
    member = document.get(SIGNATURE_KEY)
    if not isinstance(member, dict):
        return _malformed(_("the signature member is not an object"))
    if member.get("type") != SIGNATURE_TYPE:
        return _malformed(
            _("unknown signature type {found!r} (expected {expected!r})").format(
                found=member.get("type"), expected=SIGNATURE_TYPE
            )
        )
    if member.get("canonicalization") != CANONICALIZATION:
        return _malformed(
            _("unknown canonicalization {found!r} (expected {expected!r})").format(
                found=member.get("canonicalization"), expected=CANONICALIZATION
            )
        )
    value = member.get("value")
    try:
        if not isinstance(value, str):
            raise TypeError("not text")
        der = base64.b64decode(value, validate=True)
        info = cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed = info["content"]
        signed.native  # noqa: B018 - parse it all now: a truncated signature fails here
        if len(signed["signer_infos"]) != 1:
            return _malformed(_("the signature must have exactly one signer"))
    except (binascii.Error, ValueError, TypeError, KeyError):
        return _malformed(_("the signature value is damaged (not base64 DER CMS)"))
    return signed  # type: ignore[no-any-return]


def verify_document(document: dict[str, Any], trust: TrustSettings, country: str) -> Verdict:
    """The verdict on a parsed package's signature (``UNSIGNED`` when it has none)."""
    if SIGNATURE_KEY not in document:
        return Verdict(State.UNSIGNED)
    signed = signed_data_of(document)
    if isinstance(signed, Verdict):
        return signed
    try:
        data = canonical_bytes(document)
    except TrustError as e:
        return _malformed(str(e))
    return verify_cms(data, signed, trust, country)


def verify_cms(data: bytes, signed: cms.SignedData, trust: TrustSettings, country: str) -> Verdict:
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    from eccp_desktop.trust.chains import key_usage, validation_context

    try:
        status = asyncio.run(
            async_validate_detached_cms(
                data,
                signed,
                signer_validation_context=validation_context(trust, signed),
                key_usage_settings=key_usage(),
            )
        )
    except Exception as e:  # asn1 oddities deep inside a well-formed-looking signature
        return _malformed(_("the signature cannot be checked: {reason}").format(reason=e))
    pool = [c.chosen for c in signed["certificates"] or [] if c.name == "certificate"]
    return judge(status, trust, country, pool)


def judge(status: Any, trust: TrustSettings, country: str, pool: list[Any]) -> Verdict:
    """Turn pyHanko's status into our verdict (shared with the PDF checks)."""
    from eccp_desktop.trust.chains import trust_reason

    signer = describe_certificate(status.signing_cert)
    at = status.signer_reported_dt
    if not status.intact:
        return Verdict(
            State.ALTERED,
            _("the content was changed after it was signed"),
            signer,
            at,
        )
    if not status.valid:
        return Verdict(
            State.ALTERED, _("the signature does not match the signer's certificate"), signer, at
        )
    if not status.trusted:
        return Verdict(State.UNTRUSTED, trust_reason(status, trust, signer, pool), signer, at)
    if not trust.authorises(signer, country):
        return Verdict(
            State.NOT_AUTHORISED,
            _("{name} is not authorised to sign for {country} in the trust file").format(
                name=signer.name, country=country
            ),
            signer,
            at,
            trusted=True,
        )
    return Verdict(State.VALID, "", signer, at, trusted=True, authorised=True)
