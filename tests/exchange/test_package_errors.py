"""Bad packages get a clear message naming the place, and nothing else happens."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.exchange import PackageError, parse, read_package


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "format": "eccp-factsheet",
        "format_version": 1,
        "country": "PL",
        "edition": 2023,
        **extra,
    }


def problems_of(data: Any) -> list[str]:
    with pytest.raises(PackageError) as caught:
        parse(json.dumps(data), "p.eccp.json")
    return [str(p) for p in caught.value.problems]


def test_minimal_package_is_read() -> None:
    fs = parse(json.dumps(minimal()))
    assert fs.country == "PL" and fs.edition == 2023
    assert str(fs.reference_date) == "2023-12-31"  # the design's default


def test_truncated_json(tmp_path: Path) -> None:
    f = tmp_path / "t.eccp.json"
    f.write_text(json.dumps(minimal())[:-7], encoding="utf-8")
    with pytest.raises(PackageError) as caught:
        read_package(f)
    (line,) = caught.value.lines()
    assert line.startswith(f"{f}: not valid JSON") and "line 1" in line


def test_not_utf8(tmp_path: Path) -> None:
    f = tmp_path / "latin1.eccp.json"
    f.write_bytes(
        json.dumps(minimal(sections={"annex": {"en": "Łódź"}}), ensure_ascii=False).encode("cp1250")
    )
    with pytest.raises(PackageError) as caught:
        read_package(f)
    assert "not UTF-8 text" in str(caught.value)


def test_wrong_format_name() -> None:
    assert problems_of({**minimal(), "format": "something-else"}) == [
        "/format: not an ECCP factsheet package (format is 'something-else', expected 'eccp-factsheet')"
    ]


def test_format_version_from_the_future() -> None:
    (msg,) = problems_of({**minimal(), "format_version": 2})
    assert msg.startswith(
        "/format_version: format version 2 is newer than this application reads (1)"
    )


def test_unknown_top_level_key() -> None:
    assert problems_of(minimal(colour="blue")) == ["unknown key 'colour'"]


def test_unknown_nested_key() -> None:
    assert problems_of(minimal(clusters=[{"name": "A", "size": 3}])) == [
        "/clusters/0: unknown key 'size'"
    ]


def test_wrong_types_are_each_named() -> None:
    msgs = problems_of(minimal(edition="2023", clusters=[{"name": "A", "members": "many"}]))
    assert "/clusters/0/members: expected integer or null, found string" in msgs
    assert "/edition: expected integer, found string" in msgs


def test_unknown_country() -> None:
    assert problems_of({**minimal(), "country": "XX"}) == ["/country: unknown country code 'XX'"]


def test_unknown_ecosystem_and_priority_codes() -> None:
    msgs = problems_of(
        minimal(
            ecosystems=[{"ecosystem": "fishing"}],
            policies=[{"key": "p", "type": "broad", "priorities": ["green", "peace"]}],
        )
    )
    assert any(m.startswith("/ecosystems/0/ecosystem: unknown code 'fishing'") for m in msgs)
    assert any(m.startswith("/policies/0/priorities/1: unknown code 'peace'") for m in msgs)


@pytest.mark.parametrize("bad", ["2023-02-30", "31.12.2023", "2023-1-5", ""])
def test_malformed_dates(bad: str) -> None:
    msgs = problems_of(minimal(clusters=[{"name": "A", "founded": bad}]))
    assert msgs == [f"/clusters/0/founded: not an ISO date (YYYY-MM-DD): {bad!r}"]


def test_negative_budget() -> None:
    msgs = problems_of(minimal(cohesion_programmes=[{"budget_eur": -5}]))
    assert msgs == ["/cohesion_programmes/0/budget_eur: must be at least 0, found -5"]


def test_every_problem_is_reported_at_once() -> None:
    msgs = problems_of(
        minimal(status="done", clusters=[{"name": "A", "members": -1}, {"founded": "x"}])
    )
    assert len(msgs) >= 4  # status, members, missing name, founded


def test_duplicate_keys_are_refused() -> None:
    text = '{"format": "eccp-factsheet", "format_version": 1, "country": "PL", "country": "DE", "edition": 2023}'
    with pytest.raises(PackageError, match="'country' appears twice"):
        parse(text)


def test_top_level_not_an_object() -> None:
    assert problems_of([1, 2]) == ["expected a JSON object at the top level"]


def test_directory_is_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="is a folder, not a package file"):
        read_package(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no such file"):
        read_package(tmp_path / "nope.eccp.json")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "secret.eccp.json"
    f.write_text(json.dumps(minimal()), encoding="utf-8")
    f.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for a user

        def deny(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(PackageError, match="cannot be read: permission denied"):
        read_package(f)


def test_nul_characters_are_refused_with_their_place() -> None:
    msgs = problems_of(minimal(sources=[{"title": "a\x00b"}], sections={"annex": {"en": "\x00"}}))
    assert msgs == [
        "/sections/annex/en: contains a NUL character (U+0000), which text cannot hold",
        "/sources/0/title: contains a NUL character (U+0000), which text cannot hold",
    ]
