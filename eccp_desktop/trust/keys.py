"""Signing keys: a PKCS#12 file with its password, or a key on a PKCS#11 token.

Both give a pyHanko ``Signer``. Before anything is signed the certificate is
checked here, so a wrong password, an expired certificate or one without a
signing key usage is a one-line reason and not a signature nobody can trust.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from eccp_desktop.i18n import _
from eccp_desktop.trust.errors import TrustError
from eccp_desktop.trust.signers import describe_certificate

if TYPE_CHECKING:
    from pyhanko.sign.signers import Signer


@dataclass(frozen=True)
class SigningKey:
    """A ready signer and the certificate it signs with."""

    signer: Signer
    certificate: asn1_x509.Certificate


def read_secret(path: str | Path, what: str) -> str:
    """A password or PIN from a file: its first line, without the line end."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise TrustError(
            _("{path}: the {what} file cannot be read: {reason}").format(
                path=path, what=what, reason=e.strerror or e
            )
        ) from None
    except UnicodeDecodeError:
        raise TrustError(
            _("{path}: the {what} file is not UTF-8 text").format(path=path, what=what)
        ) from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def check_certificate(cert: asn1_x509.Certificate, at: dt.datetime) -> None:
    """Refuse a certificate that cannot make a signature valid at ``at``."""
    who = describe_certificate(cert).name
    validity = cert["tbs_certificate"]["validity"]
    not_before = validity["not_before"].native
    not_after = validity["not_after"].native
    if at < not_before:
        raise TrustError(
            _("the certificate of {who} is not valid before {date}").format(
                who=who, date=not_before.date().isoformat()
            )
        )
    if at > not_after:
        raise TrustError(
            _("the certificate of {who} expired on {date}").format(
                who=who, date=not_after.date().isoformat()
            )
        )
    usage = cert.key_usage_value
    if usage is not None and not ({"digital_signature", "non_repudiation"} & set(usage.native)):
        raise TrustError(
            _("the certificate of {who} is not for signing (its key usage is {usage})").format(
                who=who, usage=", ".join(sorted(usage.native))
            )
        )


def _asn1_cert(cert: object) -> asn1_x509.Certificate:
    der = cert.public_bytes(serialization.Encoding.DER)  # type: ignore[attr-defined]
    return asn1_x509.Certificate.load(der)


def _is_pfx(data: bytes) -> bool:
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in (
            "data",
            "signed_data",
        )
    except (ValueError, TypeError, KeyError):
        return False


def pkcs12_key(path: str | Path, password: str | None, at: dt.datetime) -> SigningKey:
    """The signer in a PKCS#12 file (``.p12``/``.pfx``), checked for signing at ``at``."""
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise TrustError(
            _("{path}: the certificate file cannot be read: {reason}").format(
                path=path, reason=e.strerror or e
            )
        ) from None
    secret = password.encode("utf-8") if password else None
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        # cryptography does not tell a wrong password from a damaged file: asn1crypto can
        if not _is_pfx(data):
            raise TrustError(
                _("{path}: not a PKCS#12 (.p12/.pfx) file").format(path=path)
            ) from None
        if not secret:
            raise TrustError(
                _("{path}: the file needs a password (--password-file)").format(path=path)
            ) from None
        raise TrustError(_("{path}: wrong password").format(path=path)) from None
    except Exception as e:  # unsupported algorithms and the like
        raise TrustError(
            _("{path}: not a usable PKCS#12 file ({reason})").format(path=path, reason=e)
        ) from None
    if key is None or cert is None:
        raise TrustError(_("{path}: holds no private key with its certificate").format(path=path))
    certificate = _asn1_cert(cert)
    if cert.public_key().public_numbers() != key.public_key().public_numbers():  # type: ignore[union-attr]
        raise TrustError(
            _("{path}: the private key does not match the certificate").format(path=path)
        )
    check_certificate(certificate, at)
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    signer = _signer_class()(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(c) for c in extra]),
        embed_roots=False,
    )
    signer.pyca_key = key
    return SigningKey(signer, certificate)


@cache
def _signer_class() -> type:
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class CachedKeySigner(SimpleSigner):  # type: ignore[misc]
        """pyHanko re-parses the private key for every signature, and cryptography checks
        an RSA key's primes on each parse (0.3 s): sign with the key already loaded."""

        pyca_key: Any = None

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if isinstance(self.pyca_key, RSAPrivateKey) and (
                mechanism.signature_algo == "rsassa_pkcs1v15"
            ):
                hash_algo = get_pyca_cryptography_hash(digest_algorithm)
                return bytes(self.pyca_key.sign(data, PKCS1v15(), hash_algo))
            return bytes(super().sign_raw(data, digest_algorithm))

    return CachedKeySigner


@contextmanager
def pkcs11_key(
    module: str | Path, token: str, key: str, pin: str | None, at: dt.datetime
) -> Iterator[SigningKey]:
    """The signer on a PKCS#11 token (smart card, HSM), open while the block runs.

    The certificate is looked up under the key's label on the token; the
    session is closed afterwards whatever happens.
    """
    try:
        from pkcs11 import PKCS11Error as LowLevelError  # python-pkcs11
        from pyhanko.config.errors import ConfigurationError
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.general import SigningError
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
    except ImportError as e:  # pragma: no cover - a build without python-pkcs11
        raise TrustError(
            _("PKCS#11 tokens are not supported by this build ({reason})").format(reason=e)
        ) from None
    if not Path(module).is_file():
        raise TrustError(_("{path}: no such PKCS#11 module").format(path=module))
    try:
        session = open_pkcs11_session(
            str(module), token_criteria=TokenCriteria(label=token), user_pin=pin
        )
    except (LowLevelError, ConfigurationError, OSError, RuntimeError) as e:
        raise TrustError(_pkcs11_reason(e, token)) from None
    try:
        signer = PKCS11Signer(session, key_label=key, cert_label=key, embed_roots=False)
        try:
            certificate = signer.signing_cert
            signer._load_objects()
        except (LowLevelError, ConfigurationError, SigningError, RuntimeError) as e:
            raise TrustError(
                _("token {token}: no key and certificate labelled {key!r} ({reason})").format(
                    token=token, key=key, reason=_pkcs11_detail(e)
                )
            ) from None
        check_certificate(certificate, at)
        yield SigningKey(signer, certificate)
    finally:
        session.close()


def _pkcs11_detail(e: BaseException) -> str:
    return str(e) or type(e).__name__


def _pkcs11_reason(e: BaseException, token: str) -> str:
    name = type(e).__name__
    if name == "PinIncorrect":
        return _("token {token}: wrong PIN").format(token=token)
    if name == "PinLocked":
        return _("token {token}: the PIN is locked").format(token=token)
    if "No token" in str(e):
        return _("no PKCS#11 token labelled {token!r}").format(token=token)
    return _("token {token} cannot be opened: {reason}").format(
        token=token, reason=_pkcs11_detail(e)
    )
