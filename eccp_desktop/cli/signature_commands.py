"""``verify``, and the signing options of ``export`` and ``pdf``; ``import``'s signature check."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from eccp_desktop.cli.common import err, fail
from eccp_desktop.i18n import _

if TYPE_CHECKING:
    from eccp_desktop.domain.model import Factsheet
    from eccp_desktop.trust.keys import SigningKey


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "verify",
        help=_("check a package's signature: who signed, when, trusted and authorised or not"),
    )
    p.add_argument("file", metavar="FILE", help=_("a *.eccp.json package"))
    p.set_defaults(handler=cmd_verify)


def add_signing_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(_("signing"))
    g.add_argument("--sign", metavar="FILE.p12", help=_("sign with the key in a PKCS#12 file"))
    g.add_argument(
        "--password-file", metavar="F", help=_("the PKCS#12 password, on the file's first line")
    )
    g.add_argument(
        "--sign-pkcs11",
        metavar="MODULE",
        help=_("sign with a key on a PKCS#11 token (module .so/.dll)"),
    )
    g.add_argument("--token", metavar="LABEL", help=_("with --sign-pkcs11: the token's label"))
    g.add_argument("--key", metavar="LABEL", help=_("with --sign-pkcs11: the key's label"))
    g.add_argument(
        "--pin-file", metavar="F", help=_("with --sign-pkcs11: the PIN, on the first line")
    )
    g.add_argument(
        "--signing-time",
        metavar="YYYY-MM-DDTHH:MM:SSZ",
        help=_("the signing time to record (default: now); the same time gives the same bytes"),
    )


def wants_signature(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "sign", None) or getattr(args, "sign_pkcs11", None))


def check_signing_options(args: argparse.Namespace) -> dt.datetime:
    """Refuse contradicting options before any work is done; the signing time."""
    if args.sign and args.sign_pkcs11:
        fail(_("error: --sign and --sign-pkcs11 exclude each other"))
    if args.sign_pkcs11 and not (args.token and args.key):
        fail(_("error: --sign-pkcs11 needs --token LABEL and --key LABEL"))
    if not args.sign_pkcs11 and (args.token or args.key or args.pin_file):
        fail(_("error: --token, --key and --pin-file go with --sign-pkcs11"))
    if args.password_file and not args.sign:
        fail(_("error: --password-file goes with --sign"))
    if args.signing_time and not wants_signature(args):
        fail(_("error: --signing-time goes with --sign or --sign-pkcs11"))
    if not args.signing_time:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        at = dt.datetime.fromisoformat(args.signing_time.replace("Z", "+00:00"))
    except ValueError:
        fail(
            _("error: --signing-time {value!r} is not an ISO date and time").format(
                value=args.signing_time
            )
        )
    if at.tzinfo is None:
        fail(_("error: --signing-time needs a time zone (e.g. Z for UTC)"))
    return at.astimezone(dt.UTC)


@contextmanager
def signing_key(args: argparse.Namespace, at: dt.datetime) -> Iterator[SigningKey]:
    """The key the options name, checked; a one-line reason (exit 2) when it is unusable."""
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.keys import pkcs11_key, pkcs12_key, read_secret

    try:
        if args.sign:
            if args.password_file:
                password: str | None = read_secret(args.password_file, _("password"))
            elif sys.stdin.isatty():
                password = getpass.getpass(_("password for {file}: ").format(file=args.sign))
            else:
                password = None
            yield pkcs12_key(args.sign, password, at)
            return
        pin = read_secret(args.pin_file, _("PIN")) if args.pin_file else None
        if pin is None and sys.stdin.isatty():
            pin = getpass.getpass(_("PIN for token {token}: ").format(token=args.token))
        with pkcs11_key(args.sign_pkcs11, args.token, args.key, pin, at) as key:
            yield key
    except TrustError as e:
        fail(str(e))


def signed_package_text(
    fs: Factsheet, args: argparse.Namespace, at: dt.datetime, *, base: dict[str, Any] | None = None
) -> str:
    """The package of ``fs`` (with its editions ``base``), signed with the key the options name."""
    from eccp_desktop.exchange import factsheet_to_dict
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.packages import sign_document

    document = factsheet_to_dict(fs)
    if base is not None:
        document["base"] = base  # signed too: who exported it from where is part of the claim
    with signing_key(args, at) as key:
        try:
            signed = sign_document(document, key, at)
        except TrustError as e:
            fail(str(e))
    return json.dumps(signed, indent=2, ensure_ascii=False) + "\n"


def signed_pdf(data: bytes, args: argparse.Namespace, at: dt.datetime, reason: str) -> bytes:
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.pdfs import sign_pdf

    with signing_key(args, at) as key:
        try:
            return sign_pdf(data, key, at, reason)
        except TrustError as e:
            fail(str(e))


def cmd_verify(args: argparse.Namespace) -> int:
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.files import verify_file

    try:
        verdict = verify_file(args.file)
    except TrustError as e:
        fail(str(e))
    for line in verdict.details():
        print(line)
    if verdict.reason and verdict.exit_code == 2:
        err(f"{args.file}: {verdict.reason}")
    return verdict.exit_code


def check_import_signatures(files: list[str], require: bool) -> list[str]:
    """Refuse altered packages (and, by policy, unsigned or untrusted ones).

    Returns a line per package let through (who signed it, or the warning);
    raises BadInput
    (exit 2, nothing written) with one line per refused file.
    """
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.files import verify_file
    from eccp_desktop.trust.trustfile import load_trust
    from eccp_desktop.trust.verdict import State

    try:
        trust = load_trust()
    except TrustError as e:
        fail(str(e))
    require = require or trust.require_signature
    refused, warnings = [], []
    for name in files:
        v = verify_file(name, trust)
        if v.state is State.VALID:
            warnings.append(f"{name}: {v.headline()}")  # not a warning: who signed it
            continue
        if not v.intact and v.state is not State.UNSIGNED:
            refused.append(_("{file}: refused: {reason}").format(file=name, reason=v.reason))
        elif require:
            why = _("not signed") if v.state is State.UNSIGNED else v.reason
            refused.append(
                _("{file}: refused, signatures are required: {reason}").format(
                    file=name, reason=why
                )
            )
        else:
            warnings.append(_("{file}: warning: {what}").format(file=name, what=_warning(v)))
    if refused:
        fail(*refused, _("nothing was imported"))
    return warnings


def _warning(v: Any) -> str:
    from eccp_desktop.trust.verdict import State

    if v.state is State.UNSIGNED:
        return _("the package is not signed")
    return str(v.headline()).removeprefix(v.mark + " ")
