"""Strict JSON decoding for packages: only what RFC 8259 allows and a store can hold.

Python's ``json`` module accepts ``NaN``/``Infinity``, lone UTF-16 surrogates
(``"\\ud800"``), integers of any size and nesting until the interpreter's
recursion limit. Each of those later crashed somewhere far from the input, so
they are refused here, before the schema check, each with its place:

- nesting deeper than ``MAX_DEPTH`` (found by a linear scan before decoding,
  so the C decoder never recurses deeply);
- ``NaN``, ``Infinity``, ``-Infinity`` and numbers too large for a double;
- integers with more digits than any field can hold (Python would refuse
  over 4300 digits with a bare ``ValueError``);
- lone surrogates in keys or values (not UTF-8, cannot be stored or printed);
- keys that appear twice in one object.

Nothing here recurses: the walk over the decoded value uses an explicit stack.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from eccp_desktop.exchange.errors import Problem
from eccp_desktop.i18n import _

# The deepest package the schema allows is 7 levels; 64 leaves room and is far
# below the interpreter's recursion limit, whatever the caller's stack.
MAX_DEPTH = 64
# No field needs more digits than this (budgets are bounded far below 10^20).
MAX_INTEGER_DIGITS = 40
# Problems listed per file before "and N more": a mutated file can hold thousands.
MAX_PROBLEMS = 50

# Strings (skipped whole; written without nested quantifiers so an unterminated
# one cannot backtrack), brackets, and a lone quote (an unterminated string).
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"', re.DOTALL)


class StrictJSONError(ValueError):
    """The text is not strict JSON; ``problems`` say what and where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Refused:
    """Stands in for a value the hooks refused, so the walk can name its path."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _scan(text: str) -> Problem | None:
    """The first nesting or non-JSON constant problem, found without decoding."""
    depth = 0
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token == '"':
            break  # an unterminated string: the decoder says where
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _line_column(text, m.start())
                return Problem(
                    "",
                    _(
                        "nested deeper than {limit} levels at line {line}, column {column}; no package needs that"
                    ).format(limit=MAX_DEPTH, line=line, column=column),
                )
        elif token in "]}":
            depth = max(depth - 1, 0)
    return None


def _parse_constant(name: str) -> _Refused:
    return _Refused(
        _("{value} is not a JSON number (JSON has no NaN or infinity)").format(value=name)
    )


def _parse_int(digits: str) -> int | _Refused:
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        return _Refused(
            _("a number with {n} digits is far larger than any field can hold").format(
                n=len(digits.lstrip("-"))
            )
        )
    return int(digits)


def _parse_float(literal: str) -> float | _Refused:
    value = float(literal)
    if math.isinf(value):
        return _Refused(
            _("the number {value} is too large to be represented").format(value=literal[:40])
        )
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    if duplicates:
        # Kept as a marker key so the walk reports it with the object's path.
        result[_DUPLICATES] = duplicates
    return result


_DUPLICATES = "\x00duplicates"  # cannot be a real key: NUL is refused in every key


def _surrogate_at(s: str) -> int | None:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def _escape_part(part: str) -> str:
    # JSON pointer escaping (RFC 6901); lone surrogates shown as \uXXXX.
    part = part.replace("~", "~0").replace("/", "~1")
    return part.encode("utf-8", "backslashreplace").decode("utf-8")


def _string_problems(s: str, path: str) -> list[Problem]:
    # A key's problem carries the key's own path, so one wording serves both.
    problems = []
    at = _surrogate_at(s)
    if at is not None:
        problems.append(
            Problem(
                path,
                _(
                    "holds a lone surrogate \\u{code:04x} at character {position}: not Unicode text"
                ).format(code=ord(s[at]), position=at + 1),
            )
        )
    if "\x00" in s:
        problems.append(
            Problem(path, _("contains a NUL character (U+0000), which text cannot hold"))
        )
    return problems


def walk_problems(data: Any) -> list[Problem]:
    """Every refused value, bad string and duplicate key, with its JSON pointer."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path = stack.pop()
        if isinstance(value, str):
            problems += _string_problems(value, path)
        elif isinstance(value, _Refused):
            problems.append(Problem(path, value.reason))
        elif isinstance(value, dict):
            for key in reversed(list(value)):
                if key == _DUPLICATES:
                    for dup in value[key]:
                        problems.append(
                            Problem(
                                path,
                                _("the key {key!r} appears twice in one object").format(
                                    key=_escape_part(dup)
                                ),
                            )
                        )
                    continue
                child = f"{path}/{_escape_part(key)}"
                problems += _string_problems(key, child)
                stack.append((value[key], child))
        elif isinstance(value, list):
            for i in range(len(value) - 1, -1, -1):
                stack.append((value[i], f"{path}/{i}"))
    problems.sort(key=lambda p: p.path)
    return problems[:MAX_PROBLEMS]


def loads(text: str) -> Any:
    """Decode ``text`` strictly; StrictJSONError lists what is refused, and where."""
    first = _scan(text)
    if first is not None:
        raise StrictJSONError([first])
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_parse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as e:
        raise StrictJSONError(
            [
                Problem(
                    "",
                    _("not valid JSON: {reason} at line {line}, column {column}").format(
                        reason=e.msg, line=e.lineno, column=e.colno
                    ),
                )
            ]
        ) from None
    problems = walk_problems(data)
    if problems:
        raise StrictJSONError(problems)
    return data
