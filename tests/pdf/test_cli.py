"""``pdf``: one file, the batch with processes, bad input, and failures that spare the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.store import Store
from tests.pdf.reading import page_texts


def test_one_factsheet(demo_store: Store, store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pl.pdf"
    assert main(["--db", str(store_path), "pdf", "PL", "--lang", "pl", "--out", str(out)]) == 0
    assert "Polska" in page_texts(out.read_bytes())[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["pdf", "PL", "--lang", "xx", "--out", "{out}"],
        ["pdf", "ZZ", "--lang", "en", "--out", "{out}"],
        ["pdf", "PL", "--out", "{out}"],
        ["pdf", "--all", "--langs", "en,klingon", "--out-dir", "{dir}"],
        ["pdf", "--all", "PL", "--out-dir", "{dir}"],
        ["pdf", "--all"],
        ["pdf", "--all", "--out-dir", "{dir}", "--jobs", "0"],
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    argv: list[str],
    demo_store: Store,
    store_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "out"
    args = [a.format(out=tmp_path / "x.pdf", dir=out_dir) for a in argv]
    assert main(["--db", str(store_path), *args]) == 2
    assert not (tmp_path / "x.pdf").exists() and not out_dir.exists()
    assert capsys.readouterr().err.strip()


def test_all_in_two_processes(
    demo_store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "pdfs"
    code = main(
        [
            "--db",
            str(store_path),
            "pdf",
            "--all",
            "--langs",
            "en,el",
            "--out-dir",
            str(out_dir),
            "--jobs",
            "2",
        ]
    )
    assert code == 0
    files = sorted(p.name for p in out_dir.iterdir())
    assert len(files) == 2 * len(demo_store.list())
    assert "pl-2023-el.pdf" in files
    captured = capsys.readouterr()
    assert f"{len(files)}/{len(files)}" in captured.err  # the progress bar reached the end
    assert (
        f"{len(files)} of {len(files)} PDFs written" in captured.out and "0 failed" in captured.out
    )


def test_default_languages_are_english_and_the_countrys_own(
    demo_store: Store, store_path: Path, tmp_path: Path
) -> None:
    assert (
        main(["--db", str(store_path), "pdf", "--all", "--out-dir", str(tmp_path), "--jobs", "1"])
        == 0
    )
    assert {"pl-2023-en.pdf", "pl-2023-pl.pdf"} <= {p.name for p in tmp_path.iterdir()}


def test_a_failed_file_gives_exit_1_and_the_rest_is_written(
    demo_store: Store, store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pl-2023-en.pdf").mkdir()  # this one cannot be written
    code = main(
        [
            "--db",
            str(store_path),
            "pdf",
            "--all",
            "--langs",
            "en",
            "--out-dir",
            str(tmp_path),
            "--jobs",
            "2",
        ]
    )
    assert code == 1
    written = [p for p in tmp_path.glob("*.pdf") if p.is_file()]
    assert len(written) == len(demo_store.list()) - 1
    captured = capsys.readouterr()
    assert "PL 2023 en" in captured.err and "1 failed" in captured.out
    assert not list(tmp_path.glob(".*.part"))


def test_one_language_per_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    code = main(
        [
            "--db",
            str(tmp_path / "s.sqlite3"),
            "pdf",
            "PL",
            "--lang",
            "en,pl",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 2
    assert "--lang takes one language" in capsys.readouterr().err
