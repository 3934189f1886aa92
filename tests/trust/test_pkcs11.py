"""Signing with a key on a PKCS#11 token, for real: SoftHSM2 with a token made here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from eccp_desktop.cli.app import main
from tests.trust.pki import Pki

MODULES = [
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
]
TOKEN, PIN, LABEL = "eccp-test", "4711", "anna"
TIME = "2026-06-01T12:00:00Z"


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory, test_pki: Pki) -> Iterator[str]:
    """A fresh SoftHSM2 token holding the PL signer's key and certificate; the module path."""
    module = next((m for m in MODULES if Path(m).is_file()), None)
    if module is None or shutil.which("softhsm2-util") is None:
        pytest.fail("SoftHSM2 is missing: `make system-deps` installs softhsm2")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    # SoftHSM reads its configuration when the module is first loaded in this process
    os.environ["SOFTHSM2_CONF"] = str(conf)
    util = ["softhsm2-util"]
    subprocess.run(
        [*util, "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "0000"],
        check=True, capture_output=True,
    )  # fmt: skip
    key_pem = folder / "key.pem"
    key_pem.write_bytes(
        test_pki.pl.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [*util, "--import", str(key_pem), "--token", TOKEN, "--label", LABEL, "--id", "01",
         "--pin", PIN],
        check=True, capture_output=True,
    )  # fmt: skip
    key_pem.unlink()
    # The certificate goes on the token too, as on a smart card (softhsm2-util imports keys only)
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    lib = pkcs11.lib(module)
    with lib.get_token(token_label=TOKEN).open(user_pin=PIN, rw=True) as session:
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: LABEL,
                Attribute.ID: b"\x01",
                Attribute.VALUE: test_pki.pl.cert.public_bytes(serialization.Encoding.DER),
                Attribute.SUBJECT: test_pki.pl.cert.subject.public_bytes(),
                Attribute.ISSUER: test_pki.pl.cert.issuer.public_bytes(),
            }
        )
    yield module


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, demo_files: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "store.sqlite3")
    assert main(["--db", path, "import", *map(str, demo_files)]) == 0
    capsys.readouterr()
    return path


def test_export_signed_on_the_token_verifies(
    capsys: pytest.CaptureFixture[str], softhsm: str, db: str, tmp_path: Path, trust_file: Path
) -> None:
    pin = tmp_path / "pin.txt"
    pin.write_text(PIN + "\n", encoding="utf-8")
    out = tmp_path / "pl.eccp.json"
    code, _, err = run(
        capsys, "--db", db, "export", "PL", "--out", str(out), "--sign-pkcs11", softhsm,
        "--token", TOKEN, "--key", LABEL, "--pin-file", str(pin), "--signing-time", TIME,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["signature"]["type"] == "cms-detached"
    code, stdout, _ = run(capsys, "verify", str(out))
    assert code == 0
    assert "signer: Anna Kowalska" in stdout and "chain: trusted" in stdout
    # and a PDF with the same key on the token
    pdf = tmp_path / "pl.pdf"
    code, _, err = run(
        capsys, "--db", db, "pdf", "PL", "--lang", "en", "--out", str(pdf), "--sign-pkcs11",
        softhsm, "--token", TOKEN, "--key", LABEL, "--pin-file", str(pin),
    )  # fmt: skip
    assert code == 0, err
    report = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in report


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--token", TOKEN, "--key", LABEL, "--pin-file", "WRONG"], "wrong PIN"),
        (["--token", "no-such-token", "--key", LABEL, "--pin-file", "PIN"], "no PKCS#11 token"),
        (["--token", TOKEN, "--key", "nobody", "--pin-file", "PIN"], "no key and certificate"),
        (["--token", TOKEN, "--pin-file", "PIN"], "needs --token LABEL and --key LABEL"),
    ],
)
def test_token_problems_are_one_line(
    capsys: pytest.CaptureFixture[str],
    softhsm: str,
    db: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    good, wrong = tmp_path / "pin.txt", tmp_path / "wrong.txt"
    good.write_text(PIN, encoding="utf-8")
    wrong.write_text("0000", encoding="utf-8")
    args = [str(wrong) if a == "WRONG" else str(good) if a == "PIN" else a for a in args]
    out = tmp_path / "x.eccp.json"
    code, _, err = run(
        capsys, "--db", db, "export", "PL", "--out", str(out), "--sign-pkcs11", softhsm, *args
    )
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1, err
    assert not out.exists()
