"""A signed PDF (``pdf --sign``) that experts annotated afterwards imports fine (issue #13, 3).

The signature is an incremental update of the exported bytes and so are the
reader's annotations: the file still starts with the bytes whose layout map the
store kept, the mapping is exact, and the signed revision stays valid.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, centre_box, with_pypdf
from tests.annotations.conftest import entry
from tests.pdf.factories import polish_demo
from tests.trust.conftest import password_file, test_pki
from tests.trust.pki import Pki

__all__ = ["password_file", "test_pki"]  # the fixtures, used by name


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdfsig(path: Path) -> str:
    if shutil.which("pdfsig") is None:
        pytest.fail("pdfsig (poppler-utils) is missing: make system-deps installs it")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_a_signed_then_annotated_pdf_imports_onto_the_right_items(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, test_pki: Pki, password_file: Path
) -> None:
    db = str(tmp_path / "store.sqlite3")
    with Store.open(db) as store:
        store.import_factsheets([polish_demo()], actor="demo")
    signed = tmp_path / "pl-signed.pdf"
    p12 = str(test_pki.p12(test_pki.pl, tmp_path))
    code, _out, err = run(
        capsys, "--db", db, "pdf", "PL", "--lang", "pl", "--out", str(signed),
        "--sign", p12, "--password-file", str(password_file),
        "--signing-time", "2026-06-01T12:00:00Z",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Signature is Valid." in pdfsig(signed)

    layout = json.loads(pypdf.PdfReader(signed).attachments["eccp-layout-map.json"][0])
    budget = entry(layout, "/policies/0/budget_eur")
    members = entry(layout, "/tier_schemes/0/tiers/2/min_members")
    box = centre_box(members)
    annotated = tmp_path / "pl-signed-annotated.pdf"
    annotated.write_bytes(
        with_pypdf(
            signed.read_bytes(),
            [
                Note("Text", budget[0], centre_box(budget, 4), "Budget 2023?", name="s-1"),
                Note("Highlight", members[0], box, "51: source?", quads=[box], name="s-2"),
            ],
        )
    )
    report = pdfsig(annotated)
    assert "Signature is Valid." in report  # the signed revision is untouched
    assert "Not total document signed" in report  # the notes are a later revision

    code, out, err = run(capsys, "--db", db, "comments", "import", str(annotated))
    assert (code, err) == (0, ""), err
    assert "2 comments added to PL 2023" in out
    with Store.open(db) as store:
        comments = {c.key.rsplit(":", 1)[1]: c for c in store.load("PL", 2023).review_comments}
    assert comments["s-1"].path == "/policies/0/budget_eur"
    assert comments["s-1"].text == "Budget 2023?" and comments["s-1"].role == "expert"
    assert comments["s-2"].path == "/tier_schemes/0/tiers/2/min_members"
    assert comments["s-2"].quote == "51"
