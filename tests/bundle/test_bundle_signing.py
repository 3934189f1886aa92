"""Signing from the bundle: a PKCS#12-signed package and PDF, verified (pyHanko bundled)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.bundle.conftest import Bundle
from tests.trust.conftest import write_trust_file
from tests.trust.pki import PASSWORD, pki

pytestmark = pytest.mark.bundle


def test_sign_verify_and_pdf_from_the_bundle(bundle: Bundle, demo_db: Path, tmp_path: Path) -> None:
    p12 = pki().p12(pki().pl, tmp_path)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD, encoding="utf-8")
    folder = tmp_path / "trust"
    folder.mkdir()
    env = bundle.env(ECCP_TRUST_FILE=str(write_trust_file(folder, pki())))
    out = tmp_path / "pl.eccp.json"
    sign = [
        "--sign",
        str(p12),
        "--password-file",
        str(pw),
        "--signing-time",
        "2026-06-01T12:00:00Z",
    ]
    r = bundle.run("--db", demo_db, "export", "PL", "--out", out, *sign, env=env)
    assert r.returncode == 0, r.stderr
    r = bundle.run("verify", out, env=env)
    assert r.returncode == 0, r.stderr
    assert "signer: Anna Kowalska" in r.stdout and "chain: trusted" in r.stdout
    pdf = tmp_path / "pl.pdf"
    r = bundle.run("--db", demo_db, "pdf", "PL", "--lang", "pl", "--out", pdf, *sign, env=env)
    assert r.returncode == 0, r.stderr
    report = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in report
