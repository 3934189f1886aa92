"""Signed PDFs: PAdES certification that pdfsig and pyHanko accept, comments allowed."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import demo_packages
from eccp_desktop.trust.keys import pkcs12_key
from eccp_desktop.trust.pdfs import sign_pdf, verify_pdf
from eccp_desktop.trust.trustfile import load_trust
from eccp_desktop.trust.verdict import State
from tests.trust.pki import NOW, PASSWORD, Pki

TIME = "2026-06-01T12:00:00Z"


@pytest.fixture(scope="module")
def unsigned_pdf() -> bytes:
    from eccp_desktop import pdf

    fs = read_package(next(p for p in demo_packages() if p.name.startswith("pl-")))
    return pdf.render_factsheet(fs, "pl")


@pytest.fixture
def signed_pdf(unsigned_pdf: bytes, test_pki: Pki, tmp_path: Path) -> bytes:
    key = pkcs12_key(test_pki.p12(test_pki.pl, tmp_path), PASSWORD, NOW)
    return sign_pdf(unsigned_pdf, key, NOW, "Polska 2023, wersja 3")


def pdfsig(path: Path) -> str:
    if shutil.which("pdfsig") is None:
        pytest.fail("pdfsig (poppler-utils) is missing: make system-deps installs it")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_pdfsig_and_pyhanko_accept_it(signed_pdf: bytes, tmp_path: Path, trust_file: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed_pdf)
    report = pdfsig(path)
    assert "Signer Certificate Common Name: Anna Kowalska" in report
    assert "Signature Type: ETSI.CAdES.detached" in report  # PAdES
    assert "Total document signed" in report
    assert "Signature Validation: Signature is Valid." in report
    v = verify_pdf(signed_pdf, load_trust(), "PL")
    assert v.state is State.VALID and v.signed_at == NOW


def test_certification_allows_comments_and_reports_other_changes(
    signed_pdf: bytes, tmp_path: Path, trust_file: Path
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm

    sig = PdfFileReader(io.BytesIO(signed_pdf)).embedded_signatures[0]
    assert sig.docmdp_level is MDPPerm.ANNOTATE  # certification, level 3
    assert sig.sig_object["/Reason"] == "Polska 2023, wersja 3"

    # An expert's comment, added as readers do (incremental update): still valid.
    w = IncrementalPdfFileWriter(io.BytesIO(signed_pdf))
    page = w.root["/Pages"]["/Kids"][0]
    note = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
            generic.pdf_name("/Rect"): generic.ArrayObject(
                map(generic.NumberObject, [50, 50, 70, 70])
            ),
            generic.pdf_name("/Contents"): generic.TextStringObject("Budget looks low"),
        }
    )
    page_obj = page.get_object()
    annots = page_obj.get("/Annots", generic.ArrayObject())
    annots.append(w.add_object(note))
    page_obj[generic.pdf_name("/Annots")] = annots
    w.update_container(page_obj)
    out = io.BytesIO()
    w.write(out)
    commented = out.getvalue()
    path = tmp_path / "commented.pdf"
    path.write_bytes(commented)
    report = pdfsig(path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Not total document signed" in report  # the comment is a later revision
    # pyHanko's own change analysis does not model DocMDP level 3 and cannot tell a
    # comment from other changes: our verifier says "changed after signing", never valid.
    assert verify_pdf(commented, load_trust(), "PL").state is State.ALTERED

    # A byte of the signed content changed: altered.
    tampered = bytearray(signed_pdf)
    at = tampered.index(b"/Producer")
    tampered[at + 1] ^= 0x20
    v = verify_pdf(bytes(tampered), load_trust(), "PL")
    assert v.state is State.ALTERED and v.exit_code == 2


def test_signed_output_is_deterministic(unsigned_pdf: bytes, test_pki: Pki, tmp_path: Path) -> None:
    key = pkcs12_key(test_pki.p12(test_pki.pl, tmp_path), PASSWORD, NOW)
    a = sign_pdf(unsigned_pdf, key, NOW, "x")
    b = sign_pdf(unsigned_pdf, key, NOW, "x")
    assert a == b
    assert a[: len(unsigned_pdf)] == unsigned_pdf  # an incremental update: tags untouched


def test_unsigned_pdf(unsigned_pdf: bytes) -> None:
    assert verify_pdf(unsigned_pdf, load_trust(), "PL").state is State.UNSIGNED


def test_pdf_command_signs(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_files: list[Path],
    test_pki: Pki,
    password_file: Path,
    trust_file: Path,
) -> None:
    db = str(tmp_path / "store.sqlite3")
    assert main(["--db", db, "import", *map(str, demo_files)]) == 0
    out = tmp_path / "pl.pdf"
    p12 = str(test_pki.p12(test_pki.pl, tmp_path))
    code = main(
        ["--db", db, "pdf", "PL", "--lang", "pl", "--out", str(out), "--sign", p12,
         "--password-file", str(password_file), "--signing-time", TIME]
    )  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 0, err
    from pyhanko.pdf_utils.reader import PdfFileReader

    sig = PdfFileReader(io.BytesIO(out.read_bytes())).embedded_signatures[0]
    # country, edition and the store's version, in the PDF's language
    assert sig.sig_object["/Reason"] == "Karta informacyjna: Polska 2023, wersja 1"
    assert "Signature is Valid." in pdfsig(out)
    # bad key: exit 2, one line, nothing written
    bad = tmp_path / "bad.pdf"
    code = main(
        ["--db", db, "pdf", "PL", "--lang", "pl", "--out", str(bad), "--sign",
         str(test_pki.p12(test_pki.expired, tmp_path)), "--password-file", str(password_file)]
    )  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 2 and "expired" in err and len(err.strip().splitlines()) == 1
    assert not bad.exists()
    code = main(["--db", db, "pdf", "--all", "--out-dir", str(tmp_path), "--sign", p12])
    _, err = capsys.readouterr()
    assert code == 2 and "not --all" in err
