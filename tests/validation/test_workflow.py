"""The status workflow: allowed transitions, the sign-off, the history."""

from __future__ import annotations

import datetime as dt

import pytest

from eccp_desktop.domain.model import ValidationRecord
from eccp_desktop.store import Store
from eccp_desktop.workflow import TransitionRefused, allowed_targets, transition
from tests.validation.builders import complete_factsheet


@pytest.mark.parametrize(
    ("status", "targets"),
    [
        ("draft", ("submitted",)),
        ("submitted", ("validated", "draft")),
        ("validated", ("reviewed", "draft")),
        ("reviewed", ("published", "draft")),
        ("published", ("draft",)),
        ("nonsense", ()),
    ],
)
def test_allowed_targets(status: str, targets: tuple[str, ...]) -> None:
    assert allowed_targets(status) == targets


def test_the_whole_way_and_back() -> None:
    fs = complete_factsheet()
    transition(fs, "submitted")
    transition(fs, "validated", by="Anna Nowak", organisation="Ministry", on=dt.date(2024, 1, 15))
    assert fs.validation == ValidationRecord("Anna Nowak", "Ministry", dt.date(2024, 1, 15))
    transition(fs, "reviewed", by="Ewa Expert", organisation="European Cluster Alliance")
    assert fs.validation.by == "Anna Nowak"  # the sign-off record stays the authority's
    transition(fs, "published")
    assert fs.status == "published"
    transition(fs, "draft")
    assert (fs.status, fs.validation) == ("draft", None)


@pytest.mark.parametrize(
    ("start", "target"),
    [("draft", "validated"), ("draft", "published"), ("submitted", "reviewed"), ("draft", "draft")],
)
def test_skipping_a_step_is_refused(start: str, target: str) -> None:
    fs = complete_factsheet(start)
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, target, by="A", organisation="B")
    assert refused.value.problems == []
    assert fs.status == start


def test_unknown_status_is_refused() -> None:
    with pytest.raises(TransitionRefused, match="not a status"):
        transition(complete_factsheet(), "approved")


def test_validated_is_refused_while_an_error_stands() -> None:
    fs = complete_factsheet("submitted")
    fs.clusters[0].members, fs.clusters[0].sme_members = 10, 5  # emerging needs 20
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, "validated", by="Anna Nowak", organisation="Ministry")
    assert [p.rule for p in refused.value.problems] == ["cluster.members_below_tier_minimum"]
    assert (fs.status, fs.validation) == ("submitted", None)


def test_missing_values_block_the_sign_off_though_they_are_warnings_in_a_draft() -> None:
    fs = complete_factsheet("submitted")
    fs.policies[0].authority = None
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, "validated", by="Anna Nowak", organisation="Ministry")
    (problem,) = refused.value.problems
    assert (problem.rule, problem.severity, problem.path) == (
        "policy.authority_missing",
        "error",
        "/policies/0/authority",
    )


def test_warnings_and_notes_do_not_block() -> None:
    fs = complete_factsheet("submitted")
    fs.policies[0].title = {"en": "Only English"}  # missing translation: a warning
    transition(fs, "validated", by="Anna Nowak", organisation="Ministry", on=dt.date(2024, 1, 2))
    assert fs.status == "validated"


@pytest.mark.parametrize(
    ("by", "organisation"), [(None, "Ministry"), ("Anna", None), (" ", "Ministry")]
)
def test_the_sign_off_needs_who_and_which_organisation(
    by: str | None, organisation: str | None
) -> None:
    fs = complete_factsheet("submitted")
    with pytest.raises(TransitionRefused):
        transition(fs, "validated", by=by, organisation=organisation)
    assert fs.status == "submitted"


def test_sign_off_date_defaults_to_today() -> None:
    fs = complete_factsheet("submitted")
    transition(fs, "validated", by="Anna", organisation="Ministry")
    assert fs.validation is not None and fs.validation.on == dt.date.today()


def test_publishing_with_errors_is_refused() -> None:
    fs = complete_factsheet("reviewed")
    fs.clusters[0].founded = dt.date(2024, 6, 1)
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, "published")
    assert refused.value.problems
    assert fs.status == "reviewed"


def test_every_transition_lands_in_the_history(store: Store) -> None:
    fs = complete_factsheet("submitted")
    store.import_factsheets([fs], actor="import")
    fs, version = store.load_versioned("PL", 2023)
    transition(fs, "validated", by="Anna Nowak", organisation="Ministry", on=dt.date(2024, 1, 15))
    version = store.save(fs, base_version=version, actor="anna")
    fs.clusters[0].members = 30
    version = store.save(fs, base_version=version, actor="anna")
    transition(fs, "draft")
    store.save(fs, base_version=version, actor="anna")
    history = [(c.actor, c.action, c.path) for c in store.history("PL", 2023) if c.actor == "anna"]
    assert ("anna", "status", "/status") in history
    assert ("anna", "edit", "/clusters/0/members") in history
    status_changes = [c for c in store.history("PL", 2023) if c.path == "/status"]
    assert [(c.old, c.new) for c in status_changes][-2:] == [
        ("submitted", "validated"),
        ("validated", "draft"),
    ]
    assert any(
        c.action == "status" and c.path.startswith("/validation") for c in store.history("PL", 2023)
    )
    assert store.load("PL", 2023).validation is None


def test_reviewed_needs_the_reviewer_and_resolved_comments() -> None:
    from eccp_desktop.domain.model import ReviewComment

    fs = complete_factsheet("validated")
    with pytest.raises(TransitionRefused, match="reviewer's name"):
        transition(fs, "reviewed")
    fs.review_comments = [
        ReviewComment(path="/policies/0/budget_eur", author="Jan", text="Source?"),
        ReviewComment(path="", author="Ewa", text="Done?", resolved=True),
    ]
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, "reviewed", by="Ewa", organisation="ECA")
    assert refused.value.message == (
        "The factsheet cannot become reviewed while 1 review comment is open"
    )
    assert [(r.rule, r.path, r.message) for r in refused.value.problems] == [
        ("review.comment_open", "/policies/0/budget_eur", "Open review comment by Jan: Source?")
    ]
    fs.clusters[0].members = fs.clusters[0].sme_members = 1  # below its tier: an error too
    with pytest.raises(TransitionRefused) as refused:
        transition(fs, "reviewed", by="Ewa", organisation="ECA")
    assert "while 1 error and 1 open review comment stand" in refused.value.message
    assert fs.status == "validated"
    fs.review_comments[0].resolved = True
    fs.clusters[0].members = fs.clusters[0].sme_members = 80
    transition(fs, "reviewed", by="Ewa", organisation="ECA")
    assert fs.status == "reviewed"
