"""Signed packages: what verifies, what is altered, and each bad key refused in one line."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.exchange import parse
from eccp_desktop.trust.canonical import canonical_bytes
from eccp_desktop.trust.errors import TrustError
from eccp_desktop.trust.files import verify_file
from eccp_desktop.trust.keys import pkcs12_key
from eccp_desktop.trust.packages import sign_document, verify_document
from eccp_desktop.trust.trustfile import TrustSettings, load_trust, read_trust_file
from eccp_desktop.trust.verdict import State
from tests.trust.conftest import demo_document
from tests.trust.pki import NOW, PASSWORD, Party, Pki


def signed(p: Pki, who: Party, folder: Path, code: str = "PL") -> dict[str, Any]:
    key = pkcs12_key(p.p12(who, folder), PASSWORD, NOW)
    return sign_document(demo_document(code), key, NOW)


@pytest.fixture
def pl_signed(test_pki: Pki, tmp_path: Path) -> dict[str, Any]:
    return signed(test_pki, test_pki.pl, tmp_path)


def verdict(doc: dict[str, Any]) -> Any:
    return verify_document(doc, load_trust(), doc.get("country", ""))


def test_pl_signer_verifies_with_who_and_when(pl_signed: dict[str, Any], trust_file: Path) -> None:
    v = verdict(pl_signed)
    assert v.state is State.VALID and v.exit_code == 0
    assert v.signer is not None
    assert (v.signer.name, v.signer.country, v.signer.issuer) == (
        "Anna Kowalska",
        "PL",
        "ECCP Test Issuing CA",
    )
    assert v.signed_at == NOW
    assert v.headline() == (
        "✔ signed by Anna Kowalska of Ministry of Development and Technology on 2026-06-01"
    )
    # A signed package is still a valid package: the schema knows `signature`.
    assert parse(json.dumps(pl_signed)).country == "PL"


def test_the_signature_member_is_detached_cms(pl_signed: dict[str, Any]) -> None:
    from asn1crypto import cms

    member = pl_signed["signature"]
    assert (member["type"], member["canonicalization"]) == ("cms-detached", "rfc8785")
    info = cms.ContentInfo.load(base64.b64decode(member["value"]))
    sd = info["content"]
    assert sd["encap_content_info"]["content"].native is None  # detached
    subjects = {c.chosen.subject.native["common_name"] for c in sd["certificates"]}
    assert subjects == {"Anna Kowalska", "ECCP Test Issuing CA"}  # the chain travels along


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1), indent=st.sampled_from([None, 0, 1, 4, "\t"]))
def test_reordering_and_reindenting_keep_it_valid(
    pl_signed: dict[str, Any], trust_file: Path, seed: int, indent: Any
) -> None:
    rng = random.Random(seed)

    def shuffle(value: Any) -> Any:
        if isinstance(value, dict):
            items = list(value.items())
            rng.shuffle(items)
            return {k: shuffle(v) for k, v in items}
        if isinstance(value, list):
            return [shuffle(v) for v in value]  # list order is content: kept
        return value

    text = json.dumps(shuffle(pl_signed), indent=indent, ensure_ascii=rng.random() < 0.5)
    assert verdict(json.loads(text)).state is State.VALID


def _first_text(doc: dict[str, Any]) -> tuple[dict[str, Any], str]:
    section = next(s for s in doc["sections"].values() if s.get("en"))
    return section, "en"


def test_tampering_is_detected(pl_signed: dict[str, Any], trust_file: Path) -> None:
    changed_value = copy.deepcopy(pl_signed)
    changed_value["edition"] += 1
    one_char = copy.deepcopy(pl_signed)
    section, lang = _first_text(one_char)
    section[lang] = ("X" if section[lang][0] != "X" else "Y") + section[lang][1:]
    added_key = copy.deepcopy(pl_signed)
    added_key["policies"][0]["note"] = "added"
    dropped = copy.deepcopy(pl_signed)
    dropped["policies"] = dropped["policies"][1:]
    for doc in (changed_value, one_char, added_key, dropped):
        v = verdict(doc)
        assert v.state is State.ALTERED and v.exit_code == 2
        assert v.reason == "the content was changed after it was signed"


def test_a_flipped_byte_in_the_signature(pl_signed: dict[str, Any], trust_file: Path) -> None:
    der = bytearray(base64.b64decode(pl_signed["signature"]["value"]))
    # the last bytes are the RSA signature value itself: flipping one breaks the maths
    der[-5] ^= 0x01
    doc = copy.deepcopy(pl_signed)
    doc["signature"]["value"] = base64.b64encode(bytes(der)).decode()
    v = verdict(doc)
    assert v.state is State.ALTERED and v.exit_code == 2
    # Anywhere in the DER: a verdict, never an exception. Anywhere in the RSA value
    # (the last 256 bytes): never valid. The certificate bag is not signed, so a flip in
    # the intermediate's copy may still verify through the trust file's intermediate.
    original = base64.b64decode(pl_signed["signature"]["value"])
    for i in [*range(0, len(original), 61), *range(len(original) - 256, len(original), 17)]:
        flipped = bytearray(original)
        flipped[i] ^= 0x40
        doc["signature"]["value"] = base64.b64encode(bytes(flipped)).decode()
        v = verdict(doc)
        assert v.state in State
        if i >= len(original) - 256:
            assert v.exit_code == 2, i


@pytest.mark.parametrize(
    ("member", "reason"),
    [
        ("MII", "the signature member is not an object"),
        ({"type": "pgp", "canonicalization": "rfc8785", "value": "x"}, "unknown signature type"),
        ({"type": "cms-detached", "canonicalization": "c14n", "value": "x"}, "unknown canonical"),
        ({"type": "cms-detached", "canonicalization": "rfc8785", "value": "%%%"}, "damaged"),
        ({"type": "cms-detached", "canonicalization": "rfc8785", "value": "aGVsbG8="}, "damaged"),
    ],
)
def test_garbage_signature_members(member: Any, reason: str, trust_file: Path) -> None:
    doc = demo_document("PL") | {"signature": member}
    v = verdict(doc)
    assert v.state is State.MALFORMED and v.exit_code == 2
    assert reason in v.reason


def test_a_truncated_signature(pl_signed: dict[str, Any], trust_file: Path) -> None:
    value = pl_signed["signature"]["value"]
    for cut in (len(value) // 2 // 4 * 4, len(value) - 8):
        doc = copy.deepcopy(pl_signed)
        doc["signature"]["value"] = value[:cut]
        v = verdict(doc)
        assert v.state is State.MALFORMED, cut


def test_a_signature_over_another_package(test_pki: Pki, tmp_path: Path, trust_file: Path) -> None:
    pl = signed(test_pki, test_pki.pl, tmp_path, "PL")
    hr = demo_document("HR") | {"signature": pl["signature"]}
    assert verdict(hr).state is State.ALTERED


def test_signer_not_authorised_for_the_country(
    test_pki: Pki, tmp_path: Path, trust_file: Path
) -> None:
    v = verdict(signed(test_pki, test_pki.hr, tmp_path, "PL"))
    assert v.state is State.NOT_AUTHORISED and v.exit_code == 1
    assert v.reason == "Ivan Horvat is not authorised to sign for PL in the trust file"
    # …while the same signer is authorised for HR by fingerprint
    assert verdict(signed(test_pki, test_pki.hr, tmp_path, "HR")).state is State.VALID


def test_no_trust_file_means_untrusted(pl_signed: dict[str, Any]) -> None:
    v = verdict(pl_signed)
    assert v.state is State.UNTRUSTED and v.exit_code == 1
    assert v.reason == "no trust file, so no signer is trusted"


def test_a_chain_to_an_unknown_root(test_pki: Pki, tmp_path: Path, trust_file: Path) -> None:
    v = verdict(signed(test_pki, test_pki.stranger, tmp_path))
    assert v.state is State.UNTRUSTED
    assert v.reason == "the certificate chain does not lead to a root in the trust file"


def test_unsigned_package(trust_file: Path) -> None:
    v = verdict(demo_document("PL"))
    assert (v.state, v.exit_code, v.headline()) == (State.UNSIGNED, 1, "⚠ not signed")


# --- bad keys: one line each, nothing signed ---------------------------------------------


def test_wrong_password_and_not_a_p12(test_pki: Pki, tmp_path: Path) -> None:
    p12 = test_pki.p12(test_pki.pl, tmp_path)
    with pytest.raises(TrustError, match=r": wrong password$"):
        pkcs12_key(p12, "wrong", NOW)
    with pytest.raises(TrustError, match=r"needs a password"):
        pkcs12_key(p12, None, NOW)
    junk = tmp_path / "junk.p12"
    junk.write_bytes(b"PK\x03\x04 not a certificate")
    with pytest.raises(TrustError, match=r"not a PKCS#12"):
        pkcs12_key(junk, PASSWORD, NOW)
    with pytest.raises(TrustError, match=r"cannot be read"):
        pkcs12_key(tmp_path / "missing.p12", PASSWORD, NOW)


def test_expired_and_not_yet_valid_certificates(test_pki: Pki, tmp_path: Path) -> None:
    with pytest.raises(TrustError, match=r"^the certificate of Jan Nowak expired on 2026-05-02$"):
        pkcs12_key(test_pki.p12(test_pki.expired, tmp_path), PASSWORD, NOW)
    early = NOW - dt.timedelta(days=400)
    with pytest.raises(TrustError, match=r"Anna Kowalska is not valid before 2025-06-01"):
        pkcs12_key(test_pki.p12(test_pki.pl, tmp_path), PASSWORD, early)


def test_certificate_without_signing_usage(test_pki: Pki, tmp_path: Path) -> None:
    with pytest.raises(TrustError, match=r"Ewa Zielinska is not for signing"):
        pkcs12_key(test_pki.p12(test_pki.no_usage, tmp_path), PASSWORD, NOW)


def test_key_that_does_not_match_the_certificate(test_pki: Pki) -> None:
    """cryptography will not even write such a PKCS#12; a token can hold such a pair.
    The signature is checked before it leaves: refused in one line."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from eccp_desktop.trust.keys import SigningKey

    cert = asn1_x509.Certificate.load(test_pki.pl.cert.public_bytes(serialization.Encoding.DER))
    wrong = asn1_keys.PrivateKeyInfo.load(
        test_pki.hr.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key = SigningKey(SimpleSigner(cert, wrong, SimpleCertificateStore()), cert)
    with pytest.raises(TrustError, match=r"^the key does not match the certificate of Anna"):
        sign_document(demo_document("PL"), key, NOW)


# --- the trust file -------------------------------------------------------------------


def test_broken_trust_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "trust.json"
    cases = [
        ("{", "is not valid JSON"),
        ('{"format": "other"}', "/format: expected 'eccp-trust'"),
        ('{"format": "eccp-trust", "roots": ["nope.pem"]}', "/roots/0: nope.pem"),
        (
            '{"format": "eccp-trust", "roots": ["-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"]}',
            "/roots/0: not a certificate",
        ),
        (
            '{"format": "eccp-trust", "countries": {"PL": {"signers": [1]}}}',
            "/countries/PL/signers",
        ),
        ('{"format": "eccp-trust", "colour": 1}', "unknown key 'colour'"),
    ]
    for text, message in cases:
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(TrustError) as e:
            read_trust_file(bad)
        assert message in str(e.value) and str(bad) in str(e.value)
        assert "\n" not in str(e.value)


def test_verify_file_reads_the_file_as_written(
    pl_signed: dict[str, Any], tmp_path: Path, trust_file: Path
) -> None:
    path = tmp_path / "pl.eccp.json"
    path.write_text(json.dumps(pl_signed, indent=3), encoding="utf-8")
    assert verify_file(path).state is State.VALID
    path.write_text(json.dumps(pl_signed)[:-10], encoding="utf-8")
    assert verify_file(path).state is State.MALFORMED
    assert verify_file(tmp_path / "none.eccp.json").state is State.MALFORMED


def test_canonical_form_ignores_only_the_signature() -> None:
    doc = demo_document("PL")
    assert canonical_bytes(doc) == canonical_bytes(doc | {"signature": {"x": 1}})
    assert canonical_bytes(doc) != canonical_bytes(doc | {"edition": 2024})
    assert canonical_bytes({"b": 1, "a": [1.5, "é"]}) == b'{"a":[1.5,"\xc3\xa9"],"b":1}'
    with pytest.raises(TrustError, match="canonical form"):
        canonical_bytes({"n": 2**60})


def test_trust_settings_without_file_trust_nobody(test_pki: Pki, tmp_path: Path) -> None:
    assert load_trust() == TrustSettings()
