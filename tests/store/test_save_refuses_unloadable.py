"""A save never stores what the store would refuse to load (found outside the suite, #15).

A review comment with an unknown role code was saved, and afterwards the
factsheet could not be opened at all ("the store is damaged"). The save now
checks what it writes by the package's schema and refuses, writing nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eccp_desktop.domain.model import Cluster, ReviewComment
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.exchange.package import check_changes, check_document
from eccp_desktop.store import Store
from eccp_desktop.store.errors import InvalidFactsheetError
from tests.validation.builders import complete_factsheet


@pytest.fixture
def seeded(store: Store) -> Store:
    store.import_factsheets([complete_factsheet()], actor="import")
    return store


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (
            lambda fs: fs.review_comments.append(ReviewComment(path="/clusters", role="nonsense")),
            "/review_comments/0/role",
        ),
        (lambda fs: setattr(fs, "status", "approved-ish"), "/status"),
        (lambda fs: setattr(fs.clusters[1], "members", -3), "/clusters/1/members"),
        (lambda fs: fs.clusters.append(Cluster("X", ecosystems=["nonsense"])), "/clusters/"),
        (lambda fs: fs.sections.__setitem__("economic_context", {"en": "a\x00b"}), "/sections"),
    ],
)
def test_a_change_the_store_could_not_load_is_refused_and_nothing_is_written(
    seeded: Store, change, place: str
) -> None:  # type: ignore[no-untyped-def]
    fs, version = seeded.load_versioned("PL", 2023)
    before = seeded.load("PL", 2023)
    change(fs)
    with pytest.raises(InvalidFactsheetError) as refused:
        seeded.save(fs, base_version=version, actor="anna")
    assert "not saved" in str(refused.value) and place in str(refused.value)
    assert seeded.load_versioned("PL", 2023) == (before, version)  # loads, unchanged


def test_a_valid_change_is_saved_and_checked_only_where_it_changed(seeded: Store) -> None:
    fs, version = seeded.load_versioned("PL", 2023)
    fs.review_comments.append(
        ReviewComment(
            path="/clusters", role="authority", created=dt.datetime(2024, 1, 2, 3, 4, tzinfo=dt.UTC)
        )
    )
    fs.clusters[0].members = 12
    assert seeded.save(fs, base_version=version, actor="anna") == version + 1
    assert seeded.load("PL", 2023).clusters[0].members == 12


def test_checking_the_changes_finds_what_checking_the_whole_document_finds() -> None:
    fs = complete_factsheet()
    fs.clusters[2].members = -1
    fs.review_comments.append(ReviewComment(path="/x", role="boss"))
    data = factsheet_to_dict(fs)
    whole = {str(p) for p in check_document(data)}
    parts = {
        str(p) for p in check_changes(data, ["/clusters/2/members", "/review_comments/0/role"])
    }
    assert parts == whole and len(parts) == 2
    assert check_changes(data, ["/clusters/0/name", "/clusters/99"]) == []  # elsewhere: fine
