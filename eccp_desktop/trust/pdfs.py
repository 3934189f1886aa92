"""Signed PDFs: a PAdES B-B certification signature that still allows comments.

The signature *certifies* the document with DocMDP level 3: readers (Acrobat,
poppler's ``pdfsig``) keep it valid when experts add annotations or fill
forms, and report any other change. Offline, no timestamp server (B-B).

Signing is an incremental update after the PDF/UA post-processing, so the
tagged structure stays as it was. The same PDF, key and signing time give
the same bytes: the trailer's second ID and the modification dates are
derived from those inputs instead of the clock and a random number.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import hashlib
import io
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.trust.errors import TrustError
from eccp_desktop.trust.keys import SigningKey
from eccp_desktop.trust.signers import describe_certificate
from eccp_desktop.trust.trustfile import TrustSettings
from eccp_desktop.trust.verdict import State, Verdict

FIELD_NAME = "ECCP-Signature"


def sign_pdf(data: bytes, key: SigningKey, at: dt.datetime, reason: str) -> bytes:
    """``data`` with a certification signature by ``key`` at ``at``."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.metadata.model import DocumentMetadata
    from pyhanko.sign import fields, signers

    @dataclasses.dataclass
    class PinnedMetadata(DocumentMetadata):  # type: ignore[misc]
        """The writer stamps "now" as the modification date: pin it to the signing time."""

        def __setattr__(self, name: str, value: Any) -> None:
            if name == "last_modified" and value == "now":
                value = at
            object.__setattr__(self, name, value)

    class PinnedSigner(signers.PdfSigner):  # type: ignore[misc]
        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only)
            session.system_time = at  # the CMS signing time and the /M of the signature
            return session

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except Exception as e:
        raise TrustError(
            _("the PDF cannot be read for signing: {reason}").format(reason=e)
        ) from None
    meta = writer._meta
    writer._meta = PinnedMetadata(
        **{f.name: getattr(meta, f.name) for f in dataclasses.fields(DocumentMetadata)}
    )
    first_id = writer._document_id[0]
    seed = hashlib.sha256(data + at.isoformat().encode() + key.certificate.dump()).digest()
    writer._document_id = generic.ArrayObject([first_id, generic.ByteStringObject(seed[:16])])

    meta_spec = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=reason,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.ANNOTATE,  # P=3: forms, signing and comments allowed
    )
    signer = PinnedSigner(
        meta_spec, signer=key.signer, new_field_spec=fields.SigFieldSpec(FIELD_NAME)
    )
    # Room for the CMS: the chain, the signature and the attributes, with a margin.
    # Given, pyHanko skips the dry-run signature it would make to estimate it.
    chain = [key.certificate, *key.signer.cert_registry]
    reserved = 2 * (sum(len(c.dump()) for c in chain) + 3 * 1024)  # hex digits, even
    out = io.BytesIO()
    try:
        signer.sign_pdf(writer, bytes_reserved=reserved, output=out)
    except TrustError:
        raise
    except Exception as e:
        raise TrustError(
            _("signing failed: {reason}").format(reason=e or type(e).__name__)
        ) from None
    signed = out.getvalue()
    check = verify_pdf(signed, TrustSettings(), country="")
    if not check.intact:
        raise TrustError(
            _("the key does not match the certificate of {who}").format(
                who=describe_certificate(key.certificate).name
            )
        )
    return signed


def verify_pdf(data: bytes, trust: TrustSettings, country: str) -> Verdict:
    """The verdict on the PDF's (first) signature; comments added later keep it valid."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature

    from eccp_desktop.trust.chains import key_usage, validation_context
    from eccp_desktop.trust.packages import judge

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
    except Exception as e:
        return Verdict(State.MALFORMED, _("not a readable PDF: {reason}").format(reason=e))
    if not sigs:
        return Verdict(State.UNSIGNED)
    sig = sigs[0]
    try:
        status = asyncio.run(
            async_validate_pdf_signature(
                sig,
                signer_validation_context=validation_context(trust, sig.signed_data),
                key_usage_settings=key_usage(),
            )
        )
    except Exception as e:
        return Verdict(
            State.MALFORMED, _("the signature cannot be checked: {reason}").format(reason=e)
        )
    if status.intact and status.valid and status.docmdp_ok is False:
        signer = describe_certificate(status.signing_cert)
        return Verdict(
            State.ALTERED,
            # pyHanko cannot tell comments (allowed by DocMDP 3) from other changes
            _("the PDF was changed after signing (comments or other changes)"),
            signer,
            status.signer_reported_dt,
        )
    certs = sig.signed_data["certificates"] or []
    pool = [c.chosen for c in certs if c.name == "certificate"]
    return judge(status, trust, country, pool)
