"""Certificate chains, checked offline with pyhanko-certvalidator against the trust file.

The chain is judged at the signing time the signature states: a package
signed while the certificate was valid stays verifiable after it expires.
That time is the signer's own claim (no timestamp server: PAdES/CAdES B-B).
No revocation lists are fetched (offline laptops): revocation is "soft-fail".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509

from eccp_desktop.i18n import _
from eccp_desktop.trust.signers import SignerInfo
from eccp_desktop.trust.trustfile import TrustSettings


def signing_time(signed: cms.SignedData) -> dt.datetime | None:
    from pyhanko.sign.validation.generic_cms import extract_self_reported_ts

    try:
        return extract_self_reported_ts(signed["signer_infos"][0])
    except Exception:  # a malformed attribute: judge at the present time
        return None


def validation_context(trust: TrustSettings, signed: cms.SignedData | None) -> Any:
    from pyhanko_certvalidator import ValidationContext

    moment = (signing_time(signed) if signed is not None else None) or dt.datetime.now(dt.UTC)
    return ValidationContext(
        trust_roots=list(trust.roots),  # an empty list trusts nobody (None would mean the OS)
        other_certs=list(trust.intermediates),
        moment=moment,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )


def key_usage() -> Any:
    """Either usage makes a signing certificate (eIDAS ones have non-repudiation)."""
    from pyhanko.sign.validation.settings import KeyUsageConstraints

    return KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
    )


def reaches_trusted_root(
    cert: asn1_x509.Certificate, pool: list[asn1_x509.Certificate], trust: TrustSettings
) -> bool:
    """Whether issuer names lead from ``cert`` to a root of the trust file (no maths here:
    this only picks the words for a failure pyhanko-certvalidator already found)."""
    roots = {r.dump() for r in trust.roots}
    by_subject: dict[bytes, list[asn1_x509.Certificate]] = {}
    for c in [*pool, *trust.intermediates, *trust.roots]:
        by_subject.setdefault(c.subject.dump(), []).append(c)
    todo, seen = [cert], set()
    while todo:
        current = todo.pop()
        if current.dump() in roots:
            return True
        if current.dump() in seen:
            continue
        seen.add(current.dump())
        todo += [c for c in by_subject.get(current.issuer.dump(), []) if c.dump() not in seen]
    return False


def trust_reason(
    status: Any, trust: TrustSettings, signer: SignerInfo, pool: list[asn1_x509.Certificate]
) -> str:
    """One line on why an intact signature is not trusted."""
    if trust.source is None:
        return _("no trust file, so no signer is trusted")
    indic = getattr(status.trust_problem_indic, "name", "")
    if not reaches_trusted_root(status.signing_cert, pool, trust):
        return _("the certificate chain does not lead to a root in the trust file")
    if indic in ("EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"):
        return _("the certificate of {name} was not valid when it signed (expired)").format(
            name=signer.name
        )
    if indic == "NOT_YET_VALID":
        return _("the certificate of {name} was not yet valid when it signed").format(
            name=signer.name
        )
    if indic in ("REVOKED_NO_POE", "REVOKED_CA_NO_POE"):
        return _("the certificate of {name} is revoked").format(name=signer.name)
    if indic == "NO_CERTIFICATE_CHAIN_FOUND":
        return _("the certificate chain does not lead to a root in the trust file")
    if indic in ("SIG_CONSTRAINTS_FAILURE", "CHAIN_CONSTRAINTS_FAILURE") and not getattr(
        status, "key_usage_ok", True
    ):
        return _("the certificate of {name} is not for signing").format(name=signer.name)
    return _("the certificate chain is not valid ({problem})").format(
        problem=indic.lower().replace("_", " ") or "?"
    )
