"""``export --sign``, ``verify`` and ``import`` on signed packages, through the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from tests.trust.conftest import write_trust_file
from tests.trust.pki import Pki

TIME = "2026-06-01T12:00:00Z"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, demo_files: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "store.sqlite3")
    assert main(["--db", path, "import", *map(str, demo_files)]) == 0
    capsys.readouterr()
    return path


def export_signed(
    capsys: pytest.CaptureFixture[str],
    db: str,
    p12: Path,
    password_file: Path,
    out: Path,
    country: str = "PL",
) -> None:
    code, stdout, err = run(
        capsys, "--db", db, "export", country, "--out", str(out),
        "--sign", str(p12), "--password-file", str(password_file), "--signing-time", TIME,
    )  # fmt: skip
    assert code == 0, err
    assert f"written to {out}" in stdout


def test_sign_verify_import_and_refuse_a_tampered_copy(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    password_file: Path,
    trust_file: Path,
) -> None:
    out = tmp_path / "pl.eccp.json"
    export_signed(capsys, db, test_pki.p12(test_pki.pl, tmp_path), password_file, out)
    code, stdout, err = run(capsys, "verify", str(out))
    assert code == 0, err
    lines = stdout.splitlines()
    assert "signer: Anna Kowalska" in lines
    assert "organisation: Ministry of Development and Technology" in lines
    assert "country: PL" in lines
    assert "issuer: ECCP Test Issuing CA" in lines
    assert "signed at: 2026-06-01 12:00:00 UTC" in lines
    assert "chain: trusted" in lines and "authorised for the country: yes" in lines
    assert lines[-1].startswith("✔ signed by Anna Kowalska")

    # Importing it: no warning line.
    code, stdout, err = run(capsys, "--db", db, "import", str(out))
    assert code == 0, err
    assert "warning:" not in stdout
    assert stdout.splitlines()[-1] == (
        f"{out}: ✔ signed by Anna Kowalska of Ministry of Development and Technology on 2026-06-01"
    )

    # A tampered copy is refused, the reason named, nothing written.
    data = json.loads(out.read_text(encoding="utf-8"))
    data["policies"][0]["budget_eur"] = 1
    tampered = tmp_path / "tampered.eccp.json"
    tampered.write_text(json.dumps(data, indent=2), encoding="utf-8")
    before = digest(Path(db))
    code, stdout, err = run(capsys, "verify", str(tampered))
    assert code == 2
    assert "the content was changed after it was signed" in err
    code, _, err = run(capsys, "--db", db, "import", str(tampered))
    assert code == 2
    assert err.splitlines() == [
        f"{tampered}: refused: the content was changed after it was signed",
        "nothing was imported",
    ]
    assert digest(Path(db)) == before


def test_signed_export_is_deterministic(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    password_file: Path,
) -> None:
    p12 = test_pki.p12(test_pki.pl, tmp_path)
    a, b = tmp_path / "a.eccp.json", tmp_path / "b.eccp.json"
    export_signed(capsys, db, p12, password_file, a)
    export_signed(capsys, db, p12, password_file, b)
    assert a.read_bytes() == b.read_bytes()
    # and it is the plain export plus one `signature` member
    plain = tmp_path / "plain.eccp.json"
    assert run(capsys, "--db", db, "export", "PL", "--out", str(plain))[0] == 0
    signed = json.loads(a.read_text(encoding="utf-8"))
    assert signed.pop("signature")
    assert signed == json.loads(plain.read_text(encoding="utf-8"))


def test_unauthorised_untrusted_and_unsigned_import_with_one_warning(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    password_file: Path,
    trust_file: Path,
) -> None:
    hr_signed = tmp_path / "pl-by-hr.eccp.json"
    export_signed(capsys, db, test_pki.p12(test_pki.hr, tmp_path), password_file, hr_signed)
    code, stdout, _ = run(capsys, "verify", str(hr_signed))
    assert code == 1
    assert "authorised for the country: no" in stdout
    code, stdout, err = run(capsys, "--db", db, "import", str(hr_signed))
    assert code == 0, err
    warnings = [line for line in stdout.splitlines() if "warning:" in line]
    assert warnings == [
        f"{hr_signed}: warning: signed by Ivan Horvat of Ministry of Economy on 2026-06-01"
        " — Ivan Horvat is not authorised to sign for PL in the trust file"
    ]
    unsigned = tmp_path / "unsigned.eccp.json"
    assert run(capsys, "--db", db, "export", "HR", "--out", str(unsigned))[0] == 0
    code, stdout, _ = run(capsys, "verify", str(unsigned))
    assert code == 1 and stdout.splitlines()[-1] == "⚠ not signed"
    code, stdout, _ = run(capsys, "--db", db, "import", str(unsigned))
    assert code == 0
    assert stdout.splitlines()[-1] == f"{unsigned}: warning: the package is not signed"

    # --require-signature: both refused, nothing written
    before = digest(Path(db))
    code, _, err = run(
        capsys, "--db", db, "import", "--require-signature", str(hr_signed), str(unsigned)
    )
    assert code == 2
    assert err.splitlines() == [
        f"{hr_signed}: refused, signatures are required:"
        " Ivan Horvat is not authorised to sign for PL in the trust file",
        f"{unsigned}: refused, signatures are required: not signed",
        "nothing was imported",
    ]
    assert digest(Path(db)) == before


def test_site_policy_requires_signatures(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv(
        "ECCP_TRUST_FILE", str(write_trust_file(folder, test_pki, require_signature=True))
    )
    unsigned = tmp_path / "unsigned.eccp.json"
    assert run(capsys, "--db", db, "export", "PL", "--out", str(unsigned))[0] == 0
    code, _, err = run(capsys, "--db", db, "import", str(unsigned))
    assert code == 2 and "signatures are required: not signed" in err


def test_no_trust_file_verifies_as_untrusted(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    password_file: Path,
) -> None:
    out = tmp_path / "pl.eccp.json"
    export_signed(capsys, db, test_pki.p12(test_pki.pl, tmp_path), password_file, out)
    code, stdout, _ = run(capsys, "verify", str(out))
    assert code == 1
    assert "chain: not trusted" in stdout
    assert stdout.splitlines()[-1].endswith("no trust file, so no signer is trusted")


@pytest.mark.parametrize(
    ("who", "extra", "message"),
    [
        ("pl", ["--password-file", "WRONG"], "wrong password"),
        ("expired", [], "the certificate of Jan Nowak expired on 2026-05-02"),
        ("no_usage", [], "the certificate of Ewa Zielinska is not for signing"),
        ("pl", ["--signing-time", "yesterday"], "is not an ISO date and time"),
        ("pl", ["--token", "x"], "--token, --key and --pin-file go with --sign-pkcs11"),
    ],
)
def test_bad_signing_input_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    db: str,
    tmp_path: Path,
    test_pki: Pki,
    password_file: Path,
    who: str,
    extra: list[str],
    message: str,
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    extra = [str(wrong) if a == "WRONG" else a for a in extra]
    if "--password-file" not in extra:
        extra += ["--password-file", str(password_file)]
    out = tmp_path / "out.eccp.json"
    p12 = test_pki.p12(getattr(test_pki, who), tmp_path)
    code, stdout, err = run(
        capsys, "--db", db, "export", "PL", "--out", str(out), "--sign", str(p12), *extra
    )
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1, err
    assert not out.exists() and stdout == ""


def test_verify_garbage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.eccp.json"
    junk.write_bytes(b"\x00\xff not json")
    code, _, err = run(capsys, "verify", str(junk))
    assert code == 2 and err.startswith(str(junk))
    code, _, err = run(capsys, "verify", str(tmp_path / "missing.eccp.json"))
    assert code == 2 and "cannot be read" in err
