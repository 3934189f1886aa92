"""Completeness of texts: what counts as missing English or a missing translation."""

from __future__ import annotations

from eccp_desktop.validation import validate
from tests.validation.builders import complete_factsheet


def rules_at(path_prefix: str, languages: list[str], text: dict[str, str]) -> set[tuple[str, str]]:
    fs = complete_factsheet()
    fs.languages = languages
    fs.sections["annex"] = text
    return {(r.rule, r.path) for r in validate(fs) if r.path.startswith(path_prefix)}


def test_blank_texts_count_as_absent() -> None:
    assert rules_at("/sections/annex", ["en", "pl"], {"en": "", "pl": "  "}) == set()
    assert rules_at("/sections/annex", ["en", "pl"], {"en": "x", "pl": " "}) == {
        ("text.translation_missing", "/sections/annex/pl")
    }


def test_english_is_never_an_unlisted_language() -> None:
    found = rules_at("/sections/annex", ["pl"], {"en": "x", "pl": "y"})
    assert found == set()


def test_an_unknown_language_is_a_format_error_not_a_missing_translation() -> None:
    found = rules_at("/sections/annex", ["en", "pl", "xx"], {"en": "x", "pl": "y"})
    assert found == set()
    fs = complete_factsheet()
    fs.languages = ["en", "pl", "xx"]
    assert [(r.rule, r.path) for r in validate(fs)] == [("format.language_code", "/languages/2")]


def test_a_national_language_missing_from_the_list_is_a_note() -> None:
    fs = complete_factsheet()
    fs.country = "BE"
    fs.languages = ["en", "nl", "fr"]
    found = [(r.rule, r.severity, r.message) for r in validate(fs) if r.path == "/languages"]
    assert found == [
        (
            "factsheet.country_language_missing",
            "info",
            "German is an official language of the country but not among the factsheet's languages",
        )
    ]
