"""``status COUNTRY STATUS --by NAME --organisation ORG``: the workflow from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.domain.model import ReviewComment, ValidationRecord
from eccp_desktop.store import Store
from tests.validation.builders import complete_factsheet

WHO = ("--by", "Ewa Expert", "--organisation", "European Cluster Alliance")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite3"
    with Store.open(path) as store:
        fs = complete_factsheet("draft")
        fs.validation = None
        fs.review_comments = [
            ReviewComment(
                path="/clusters/0/members",
                author="Jan Kowalski",
                role="expert",
                text="Is 80 members right?",
                created=dt.datetime(2024, 2, 1, 10, tzinfo=dt.UTC),
            )
        ]
        store.import_factsheets([fs], actor="import")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def status_of(db: Path) -> str:
    with Store.open(db) as store:
        return store.load("PL", 2023).status


def test_the_whole_workflow_and_its_refusals(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", str(db), "status", "PL", "reviewed", *WHO)
    assert code == 2 and out == ""
    assert "A draft factsheet cannot become reviewed; it can become: submitted" in err
    assert "nothing was written" in err

    code, out, _err = run(capsys, "--db", str(db), "status", "PL", "submitted", *WHO)
    assert code == 0 and "PL 2023: draft \u2192 submitted (by Ewa Expert" in out
    code, out, _err = run(
        capsys, "--db", str(db), "status", "PL", "validated", "--edition", "2023",
        "--by", "Anna Nowak", "--organisation", "Ministry",
    )  # fmt: skip
    assert code == 0, _err
    with Store.open(db) as store:
        fs = store.load("PL", 2023)
        assert (fs.status, fs.validation.by, fs.validation.organisation) == (  # type: ignore[union-attr]
            "validated",
            "Anna Nowak",
            "Ministry",
        )

    # the open comment blocks the review: exit 2, the comment named where it is
    code, out, err = run(capsys, "--db", str(db), "status", "PL", "reviewed", *WHO)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert (
        lines[0] == "PL 2023: The factsheet cannot become reviewed while 1 review comment is open"
    )
    assert lines[1].startswith("  Cluster organisations \u203a ")
    assert (
        "Open review comment by Jan Kowalski: Is 80 members right? [/clusters/0/members]"
        in lines[1]
    )
    assert status_of(db) == "validated"

    with Store.open(db) as store:
        fs, version = store.load_versioned("PL", 2023)
        fs.review_comments[0].resolved = True
        store.save(fs, base_version=version, actor="Jan Kowalski")
    code, out, err = run(capsys, "--db", str(db), "status", "PL", "reviewed", *WHO)
    assert code == 0, err
    assert status_of(db) == "reviewed"
    with Store.open(db) as store:
        last = store.history_page("PL", 2023, limit=1)[0]
        assert last.actor == "Ewa Expert (European Cluster Alliance)"  # who reviewed, kept
        assert store.load("PL", 2023).validation.by == "Anna Nowak"  # type: ignore[union-attr]

    code, _out, err = run(capsys, "--db", str(db), "status", "PL", "published", *WHO)
    assert code == 0, err
    code, _out, err = run(capsys, "--db", str(db), "status", "PL", "draft", *WHO)
    assert code == 0 and status_of(db) == "draft"


def test_an_error_blocks_the_review(capsys, db: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        fs, version = store.load_versioned("PL", 2023)
        fs.review_comments = []
        fs.status = "validated"  # as an older store may hold it: validated, yet an error
        fs.validation = ValidationRecord("Anna Nowak", "Ministry", dt.date(2024, 1, 15))
        fs.clusters[0].members = fs.clusters[0].sme_members = 5
        store.save(fs, base_version=version, actor="test")
    code, _out, err = run(capsys, "--db", str(db), "status", "PL", "reviewed", *WHO)
    assert code == 2
    assert "cannot become reviewed while 1 error stands" in err
    assert "[/clusters/0/members]" in err
    assert status_of(db) == "validated"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("status", "XX", "submitted", *WHO), "no factsheet for country XX"),
        (("status", "PL", "approved", *WHO), "invalid choice: 'approved'"),
        (("status", "PL", "submitted", "--edition", "1999", *WHO), "1999"),
        (("status", "PL", "submitted", "--by", " ", "--organisation", "X"), "--by"),
        (("status", "PL", "submitted", "--by", "Anna"), "--organisation"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(capsys, db: Path, argv, expected) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2 and out == ""
    assert expected in err
    assert status_of(db) == "draft"
    assert len(err.strip().splitlines()) <= 3  # short: a usage line and the reason
