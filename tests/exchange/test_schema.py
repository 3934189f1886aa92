"""The shipped JSON Schema and the domain's code lists say the same thing."""

from __future__ import annotations

from eccp_desktop.domain import codes
from eccp_desktop.exchange.package import schema


def _enum(node: dict) -> set[str]:  # type: ignore[type-arg]
    return {v for v in node["enum"] if v is not None}


def test_schema_codes_match_the_domain() -> None:
    s = schema()
    props = s["properties"]
    assert set(props) == {
        "format", "format_version", "country", "edition", "reference_date", "status", "languages",
        "sections", "policy_assessment", "ecosystems", "policies", "cohesion_programmes",
        "recommendations", "tier_schemes", "clusters", "sources", "validation", "review_comments",
        "signature",  # optional, not part of the factsheet (eccp_desktop.trust)
        "base",  # optional, where the package was exported from (editions)
    }  # fmt: skip
    assert _enum(props["status"]) == set(codes.STATUSES)
    assert set(props["sections"]["properties"]) == set(codes.SECTION_KEYS)
    assert set(props["policy_assessment"]["properties"]) == set(codes.ASSESSMENT_DIMENSIONS)
    assert _enum(props["ecosystems"]["items"]["properties"]["ecosystem"]) == set(codes.ECOSYSTEMS)
    policy = props["policies"]["items"]["properties"]
    assert _enum(policy["type"]) == set(codes.POLICY_TYPES)
    assert _enum(policy["priorities"]["items"]) == set(codes.PRIORITIES)
    cohesion = props["cohesion_programmes"]["items"]["properties"]
    assert _enum(cohesion["funds"]["items"]) == set(codes.FUNDS)
    assert _enum(cohesion["policy_objectives"]["items"]) == set(codes.POLICY_OBJECTIVES)
    assert _enum(s["$defs"]["assessment"]["properties"]["rating"]) == set(codes.RATINGS)


def test_every_object_refuses_unknown_keys() -> None:
    def walk(node: object) -> int:
        count = 0
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, node
                count += 1
            for v in node.values():
                count += walk(v)
        elif isinstance(node, list):
            for v in node:
                count += walk(v)
        return count

    assert walk(schema()) >= 15
