"""The short fuzz profile (issue #10), part of ``make test``; ``make fuzz`` runs the long one.

Hypothesis draws the seeds (derandomized: the same cases on every run); each
seed picks a demo package or store and its mutations (``tests.fuzz.mutations``).
Properties, judged by ``tests.fuzz.harness``:

- a package is either read or refused with the project's own error;
- ``import`` of a refused package leaves the store exactly as it was;
- whatever ``import`` accepts, ``validate``, ``export`` (read back equal) and
  ``pdf`` handle without an unexpected exception;
- a refused store file is byte-identical afterwards;
- no case runs over 10 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.harness import Tally, check_package, check_store, template_store

SHORT = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return template_store(tmp_path_factory.mktemp("fuzz-template"))


@SHORT
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_packages_are_read_or_refused_cleanly(
    seed: int, template: Path, tmp_path: Path
) -> None:
    tally = Tally()
    check_package(seed, tmp_path, template, tally)
    assert tally.bad == 0, tally.examples


@settings(SHORT, max_examples=20)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_stores_are_refused_untouched_or_work(
    seed: int, template: Path, tmp_path: Path
) -> None:
    tally = Tally()
    check_store(seed, tmp_path, template, tally)
    assert tally.bad == 0, tally.examples


def test_mutations_are_reproducible_from_their_seed() -> None:
    from tests.fuzz.mutations import mutate_package

    assert mutate_package(12345) == mutate_package(12345)
    assert mutate_package(12345) != mutate_package(12346)
