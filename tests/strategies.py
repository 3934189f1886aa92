"""Hypothesis strategies: schema-valid factsheets with awkward content."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from eccp_desktop.domain import codes, model
from eccp_desktop.domain.countries import COUNTRIES

# Any Unicode a user can type: no lone surrogates (not UTF-8), no NUL (packages
# refuse it: PostgreSQL cannot store it).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
text = st.text(_chars, max_size=40)
short = st.text(_chars, min_size=1, max_size=12)
langs = st.sampled_from(codes.EU_LANGUAGES)
localized = st.dictionaries(langs, text, max_size=3)
year = st.none() | st.integers(1900, 2100)
budget = st.none() | st.floats(0, 1e12, allow_nan=False, allow_infinity=False)
count = st.none() | st.integers(0, 100_000)
day = st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31))
url = st.none() | st.just("https://example.org/a?b=c&d=é")
instant = st.none() | st.datetimes(
    dt.datetime(2000, 1, 1), dt.datetime(2099, 1, 1), timezones=st.just(dt.UTC)
).map(lambda d: d.replace(microsecond=0))


def codes_of(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values))


programme = st.builds(model.Programme, localized, localized, year, year, budget, st.booleans())
policy = st.builds(
    model.Policy, short, localized, st.sampled_from(codes.POLICY_TYPES), st.none() | short,
    st.none() | text, year, year, budget, st.booleans(), codes_of(codes.PRIORITIES), localized,
    url, st.lists(programme, max_size=2),
)  # fmt: skip
cohesion = st.builds(
    model.CohesionProgramme, st.none() | short, localized, st.none() | short,
    codes_of(codes.FUNDS), codes_of(codes.POLICY_OBJECTIVES), localized, budget, st.booleans(),
)  # fmt: skip
recommendation = st.builds(
    model.Recommendation, year, localized, st.none() | st.sampled_from(codes.PRIORITIES), localized
)
tier = st.builds(model.Tier, short, localized, count, count, localized)
support = st.builds(
    model.SupportRow, localized, st.dictionaries(short, codes_of(codes.SUPPORT_LEVELS), max_size=3)
)
scheme = st.builds(
    model.TierScheme, short, localized, st.lists(tier, max_size=3), st.lists(support, max_size=2)
)
cluster = st.builds(
    model.Cluster, text, st.none() | short, day, count, count, st.none() | short,
    st.none() | short, codes_of(codes.ECOSYSTEMS), url,
)  # fmt: skip
ecosystem = st.builds(
    model.EcosystemEntry, st.sampled_from(codes.ECOSYSTEMS), count,
    st.none() | st.floats(0, 1, allow_nan=False), st.none() | st.sampled_from(codes.RATINGS),
    localized,
)  # fmt: skip
source = st.builds(model.Source, text, url, day)
comment = st.builds(
    model.ReviewComment, st.sampled_from(["/clusters/0/members", "/policies/1", ""]), text,
    st.sampled_from(codes.REVIEW_ROLES), text, st.booleans(), instant,
)  # fmt: skip
assessment = st.builds(model.Assessment, st.none() | st.sampled_from(codes.RATINGS), localized)


@st.composite
def factsheets(draw: st.DrawFn) -> model.Factsheet:
    edition = draw(st.integers(2000, 2100))
    return model.Factsheet(
        country=draw(st.sampled_from(sorted(COUNTRIES))),
        edition=edition,
        reference_date=draw(st.dates(dt.date(edition, 1, 1), dt.date(edition, 12, 31))),
        status=draw(st.sampled_from(codes.STATUSES)),
        languages=draw(st.lists(langs, unique=True, min_size=1, max_size=4)),
        sections=draw(st.dictionaries(st.sampled_from(codes.SECTION_KEYS), localized, max_size=4)),
        policy_assessment=draw(
            st.dictionaries(st.sampled_from(codes.ASSESSMENT_DIMENSIONS), assessment, max_size=4)
        ),
        ecosystems=draw(st.lists(ecosystem, max_size=3)),
        policies=draw(st.lists(policy, max_size=3)),
        cohesion_programmes=draw(st.lists(cohesion, max_size=3)),
        recommendations=draw(st.lists(recommendation, max_size=2)),
        tier_schemes=draw(st.lists(scheme, max_size=2)),
        clusters=draw(st.lists(cluster, max_size=5)),
        sources=draw(st.lists(source, max_size=2)),
        validation=draw(st.none() | st.builds(model.ValidationRecord, text, text, day)),
        review_comments=draw(st.lists(comment, max_size=2)),
    )
