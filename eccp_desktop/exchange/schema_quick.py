"""A quick yes to "does this document pass the schema?", without jsonschema.

Opening a factsheet checks the store's snapshot against the package schema
(a damaged store must not reach the editor). Importing jsonschema and its
dependencies costs ~0.1 s of CPU, two thirds of a bare Qt window's start-up,
and almost every snapshot is valid. ``certainly_valid`` walks the same schema
for the keywords it uses, with the contract's semantics (``schema_checks``);
it answers True only when the document passes each of them. Anything it is not
sure of (a keyword it does not know, ``enum`` over numbers, a non-finite
number) is a "not sure" and the caller asks jsonschema, which also words the
problems. So a False costs nothing but the jsonschema run that was always done.
"""

from __future__ import annotations

import math
from typing import Any, Final

from eccp_desktop.exchange import schema_checks

# Keywords that say nothing about validity.
_ANNOTATIONS: Final = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
)
_KNOWN: Final = _ANNOTATIONS | {
    "$defs",  # only what "$ref" points to
    "type",
    "$ref",
    "enum",
    "const",
    "pattern",
    "minLength",
    "minimum",
    "maximum",
    "format",
    "uniqueItems",
    "items",
    "properties",
    "additionalProperties",
    "required",
    "propertyNames",
    "oneOf",
}


def _is_number(value: Any) -> bool:
    return type(value) is int or type(value) is float


def _type_ok(value: Any, name: str) -> bool:
    t = type(value)
    if name == "string":
        return t is str
    if name == "integer":  # schema_checks.is_integer: a whole int, never a bool or 2.0
        return t is int
    if name == "number":
        return t is int or t is float
    if name == "object":
        return t is dict
    if name == "array":
        return t is list
    if name == "boolean":
        return t is bool
    if name == "null":
        return value is None
    return False


def _bounds_ok(value: Any, names: list[str], schema: dict[str, Any]) -> bool:
    """schema_checks._bounds: the store's range where the schema sets none."""
    if not _is_number(value):
        return True
    if "integer" in names and type(value) is int:
        limit = schema_checks.MAX_INTEGER
    elif "number" in names:
        limit = schema_checks.MAX_AMOUNT
    else:
        return True
    if value > limit and "maximum" not in schema:
        return False
    return not (value < -limit and "minimum" not in schema)


def _same_codes(value: Any, allowed: list[Any]) -> bool:
    # JSON equality differs from Python's for numbers and booleans (1 == True):
    # only strings and null are answered here.
    if value is not None and type(value) is not str:
        return False
    return any(type(a) is type(value) and a == value for a in allowed)


class _Walker:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root

    def _resolve(self, ref: str) -> dict[str, Any] | None:
        if not ref.startswith("#/"):
            return None
        node: Any = self.root
        for part in ref[2:].split("/"):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node if isinstance(node, dict) else None

    def valid(self, schema: Any, value: Any) -> bool:
        if schema is True:
            return True
        if not isinstance(schema, dict) or not _KNOWN.issuperset(schema):
            return False
        if type(value) is float and not math.isfinite(value):
            return False
        if "$ref" in schema:
            target = self._resolve(schema["$ref"])
            if target is None or not self.valid(target, value):
                return False
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_type_ok(value, n) for n in names):
                return False
            if not _bounds_ok(value, names, schema):
                return False
        if "enum" in schema and not _same_codes(value, schema["enum"]):
            return False
        if "const" in schema and not _same_codes(value, [schema["const"]]):
            return False
        if "oneOf" in schema and not self._one_of(schema["oneOf"], value):
            return False
        t = type(value)
        if t is str:
            if "pattern" in schema and not schema_checks._compiled(schema["pattern"]).search(value):
                return False
            if "minLength" in schema and len(value) < schema["minLength"]:
                return False
            form = schema.get("format")
            if form == "date" and schema_checks.date_problem(value) is not None:
                return False
            if form == "date-time" and schema_checks.date_time_problem(value) is not None:
                return False
        elif t is int or t is float:
            if "minimum" in schema and value < schema["minimum"]:
                return False
            if "maximum" in schema and value > schema["maximum"]:
                return False
        elif t is list:
            if schema.get("uniqueItems") is True:
                if not all(type(v) is str for v in value) or len(set(value)) != len(value):
                    return False
            items = schema.get("items")
            if items is not None and not all(self.valid(items, v) for v in value):
                return False
        elif t is dict:
            return self._object(schema, value)
        return True

    def _object(self, schema: dict[str, Any], value: dict[str, Any]) -> bool:
        if not all(k in value for k in schema.get("required", ())):
            return False
        properties: dict[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        names = schema.get("propertyNames")
        for key, item in value.items():
            if names is not None and not self.valid(names, key):
                return False
            sub = properties.get(key)
            if sub is not None:
                if not self.valid(sub, item):
                    return False
            elif extra is False or (extra is not True and not self.valid(extra, item)):
                return False
        return True

    def _one_of(self, branches: list[Any], value: Any) -> bool:
        """Exactly one branch passes: the others must fail on their type alone."""
        passed = 0
        for branch in branches:
            if self.valid(branch, value):
                passed += 1
            elif not _type_excludes(branch, value):
                return False  # it failed, but perhaps only in the walker's doubt
        return passed == 1


def _type_excludes(schema: Any, value: Any) -> bool:
    if not isinstance(schema, dict) or "type" not in schema:
        return False
    names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return not any(_type_ok(value, n) for n in names)


def certainly_valid(schema: dict[str, Any], document: Any) -> bool:
    """True only if ``document`` passes ``schema`` as ``schema_checks.validator`` checks it."""
    return _Walker(schema).valid(schema, document)


def certainly_valid_part(root: dict[str, Any], schema: Any, instance: Any) -> bool:
    """``certainly_valid`` for a part of a document: ``schema`` a node of ``root``."""
    return _Walker(root).valid(schema, instance)


def understood(schema: Any) -> bool:
    """Whether every keyword of ``schema`` is one the walker checks (a test keeps it so)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if not _KNOWN.issuperset(node):
                return False
            for key, sub in node.items():
                if key in ("properties", "$defs"):
                    stack += sub.values()
                elif key not in _ANNOTATIONS and key not in ("enum", "const", "required"):
                    stack.append(sub)
        elif isinstance(node, list):
            stack += node
    return True
