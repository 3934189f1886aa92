"""The quick schema walk says "valid" only where jsonschema finds nothing.

``check_document`` skips jsonschema when ``certainly_valid`` is True, so a
True for a document jsonschema refuses would let a damaged factsheet into the
editor. Mutated demo packages (the fuzz harness's value mutations) hold both
kinds; every True must be a document without a single jsonschema error.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from typing import Any

import pytest

from eccp_desktop.exchange import package, schema_quick
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.paths import demo_packages
from tests.bench.synthetic import synthetic_factsheet
from tests.fuzz.mutations import VALUE_MUTATIONS, demo_texts


def _errors(document: Any) -> list[Any]:
    return list(package._validator().iter_errors(document))


def test_every_keyword_of_the_shipped_schema_is_one_the_walk_checks() -> None:
    assert schema_quick.understood(package.schema())
    assert not schema_quick.understood({"type": "object", "patternProperties": {}})


@pytest.mark.parametrize("path", demo_packages(), ids=lambda p: p.name)
def test_the_demo_packages_and_their_store_snapshots_pass_quickly(path: Any) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert schema_quick.certainly_valid(package.schema(), document)
    snapshot = factsheet_to_dict(package.read_package(path))
    assert schema_quick.certainly_valid(package.schema(), snapshot)


def test_a_synthetic_factsheet_passes_quickly() -> None:
    document = factsheet_to_dict(synthetic_factsheet("GR", clusters=50, policies=5))
    assert schema_quick.certainly_valid(package.schema(), document)
    assert _errors(document) == []


def _synthetic() -> dict[str, Any]:
    """A small package with every list filled (the demo ones have no clusters)."""
    return factsheet_to_dict(synthetic_factsheet("PL", clusters=8, policies=3))


def test_a_quick_yes_is_never_a_document_jsonschema_refuses() -> None:
    seen = {"quick": 0, "refused": 0}
    for seed in range(600):  # the same cases every run
        rng = random.Random(seed)
        bases = [json.loads(raw) for _name, raw in demo_texts()]
        document = rng.choice([*bases, _synthetic()])
        for _ in range(rng.choice([1, 1, 2, 3])):
            rng.choice(VALUE_MUTATIONS)(rng, document)
        if schema_quick.certainly_valid(package.schema(), document):
            seen["quick"] += 1
            assert _errors(document) == [], seed
        else:
            seen["refused"] += 1
    assert seen["quick"] > 20 and seen["refused"] > 100, seen  # both answers were given


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("/clusters/0/members", 2**31),  # over the store's INTEGER range
        ("/clusters/0/members", 2023.0),  # a float is not a whole number here
        ("/clusters/0/members", True),  # nor is a boolean
        ("/clusters/0/founded", "2023-02-30"),
        ("/country", "PL\n"),  # ECMA "$": no newline before the end
        ("/validation", {"by": "x", "organisation": "y", "on": "yesterday"}),
        ("/validation", []),
        ("/languages", ["pl", "pl"]),
        ("/clusters/0/ecosystems", ["digital", "digital"]),
        ("/status", "final"),
        ("/clusters/0/extra", 1),
        ("/sections/annex/EN", "x"),  # propertyNames
        ("/clusters/0/members", float("nan")),
    ],
)
def test_each_rule_of_the_contract_is_not_waved_through(where: str, value: Any) -> None:
    document = _synthetic()
    assert schema_quick.certainly_valid(package.schema(), document)  # before the change
    node = document
    *parents, last = where.strip("/").split("/")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    node[last] = copy.deepcopy(value)
    assert not schema_quick.certainly_valid(package.schema(), document)


def test_opening_a_valid_factsheet_does_not_import_jsonschema() -> None:
    code = (
        "import sys, json\n"
        "from eccp_desktop.exchange.package import check_document, read_package\n"
        "from eccp_desktop.paths import demo_packages\n"
        "assert check_document(json.loads(demo_packages()[0].read_text())) == []\n"
        "assert 'jsonschema' not in sys.modules\n"
        "bad = json.loads(demo_packages()[0].read_text()); bad['status'] = 'x'\n"
        "assert check_document(bad) and 'jsonschema' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
