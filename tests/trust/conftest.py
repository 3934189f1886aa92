"""Fixtures for the signing tests: the throwaway PKI, a trust file, signed packages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.paths import demo_packages
from tests.trust.pki import PASSWORD, Pki, pki


@pytest.fixture(scope="session")
def test_pki() -> Pki:
    return pki()


def write_trust_file(folder: Path, p: Pki, **extra: Any) -> Path:
    """Root and intermediate trusted; PL by organisation identifier, HR by fingerprint."""
    (folder / "roots").mkdir(exist_ok=True)
    (folder / "roots" / "root.pem").write_bytes(p.root.pem)
    data = {
        "format": "eccp-trust",
        "format_version": 1,
        "roots": ["roots/root.pem"],
        "intermediates": [p.intermediate.pem.decode()],
        "countries": {
            "PL": {"organisations": ["VATPL-5260250995"]},
            "HR": {"signers": [p.hr.fingerprint]},
        },
        **extra,
    }
    path = folder / "trust.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def trust_file(tmp_path: Path, test_pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "trust"
    folder.mkdir()
    path = write_trust_file(folder, test_pki)
    monkeypatch.setenv("ECCP_TRUST_FILE", str(path))
    return path


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def demo_document(code: str) -> dict[str, Any]:
    for path in demo_packages():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data["country"] == code:
            return data
    raise LookupError(code)
