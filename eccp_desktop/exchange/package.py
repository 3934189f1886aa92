"""Reading and writing ``*.eccp.json`` packages.

Reading is strict: every problem in a file is reported with its JSON path
(``/clusters/3/founded: not an ISO date``) before anything is returned, so a
caller can refuse the whole file and write nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eccp_desktop.domain.codes import FORMAT_NAME, FORMAT_VERSION
from eccp_desktop.domain.countries import COUNTRIES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import schema_checks, schema_quick, strict_json
from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict
from eccp_desktop.exchange.errors import PackageError, Problem
from eccp_desktop.i18n import _, current_language
from eccp_desktop.i18n.formatting import format_number
from eccp_desktop.paths import resource

if TYPE_CHECKING:  # jsonschema is imported when a document first fails the quick check
    from collections.abc import Iterable

    import jsonschema
    from jsonschema.protocols import Validator

SCHEMA_FILE = "eccp-factsheet.schema.json"
PACKAGE_SUFFIX = ".eccp.json"


@cache
def schema() -> dict[str, Any]:
    with resource(SCHEMA_FILE).open(encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


@cache
def _validator() -> Validator:
    return schema_checks.validator(schema())


def pointer(path: Any) -> str:
    return "".join(f"/{part}" for part in path)


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    """A reader's message for one schema error, and the path it applies to."""
    where = pointer(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        names = ", ".join(repr(k) for k in extra)
        return where, _("unknown key {names}").format(names=names)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return where, _("missing required key '{key}'").format(key=missing)
    if kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        codes = ", ".join(str(a) for a in allowed if a is not None)
        return where, _("unknown code {value!r} (expected one of: {codes})").format(
            value=value, codes=codes
        )
    if kind == "format":
        if error.validator_value == "date":
            reason = schema_checks.date_problem(value)
        else:
            reason = schema_checks.date_time_problem(value)
        return where, reason or error.message
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return where, _("expected {expected}, found {found}").format(
            expected=expected, found=_json_type(value)
        )
    if kind == "minimum":
        return where, _("must be at least {minimum}, found {value}").format(
            minimum=_number(error.validator_value), value=_number(value)
        )
    if kind == "maximum":
        return where, _("must be at most {maximum}, found {value}").format(
            maximum=_number(error.validator_value), value=_number(value)
        )
    if kind == "uniqueItems":
        return where, _("lists the same code twice")
    if kind == "pattern" or kind == "propertyNames":
        return where, _("malformed code {value!r}").format(value=value)
    if kind == "minLength":
        return where, _("must not be empty")
    return where, error.message


def _number(value: Any) -> str:
    """A number of the message in the reader's digits ("1,5" in German, not "1.5")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return format_number(value, current_language())


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        dict: "object",
    }.get(type(value), type(value).__name__)


def check_changes(data: dict[str, Any], paths: Iterable[str]) -> list[Problem]:
    """Problems of the parts of ``data`` that ``paths`` changed, by the package's schema.

    What a save writes must load again (the store refuses to load what a
    package could not carry). Checking the whole document on every keystroke
    costs ~60 ms for 500 clusters; this checks the changed item of a list (one
    cluster, one comment) or the changed top-level field, ~0.1 ms.
    """
    root = schema()
    properties = root.get("properties", {})
    problems: list[Problem] = []
    checked: set[str] = set()
    for path in paths:
        parts = path.strip("/").split("/")
        key = parts[0]
        if key not in properties or key not in data:
            continue
        sub, instance, where = properties[key], data[key], f"/{key}"
        items = sub.get("items") if isinstance(sub, dict) else None
        if (
            isinstance(items, dict)
            and items.get("type") == "object"
            and isinstance(instance, list)
            and len(parts) > 1
            and parts[1].isdigit()
        ):
            index = int(parts[1])
            if index >= len(instance):
                continue  # removed: nothing new to check
            sub, instance, where = items, instance[index], f"/{key}/{index}"
        if where in checked:
            continue
        checked.add(where)
        if not schema_quick.certainly_valid_part(root, sub, instance):  # else: jsonschema says
            for error in _validator().evolve(schema=sub).iter_errors(instance):
                inner, message = _describe(error)
                problems.append(Problem(where + inner, message))
        problems += [
            Problem(where + p.path, p.message) for p in strict_json.walk_problems(instance)
        ]
    return problems


def check_document(data: Any) -> list[Problem]:
    """Every problem with an already-parsed package; empty when it is valid."""
    if not isinstance(data, dict):
        return [Problem("", _("expected a JSON object at the top level"))]
    if data.get("format") != FORMAT_NAME:
        found = data.get("format")
        return [
            Problem(
                "/format",
                _(
                    "not an ECCP factsheet package (format is {found!r}, expected {expected!r})"
                ).format(found=found, expected=FORMAT_NAME),
            )
        ]
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return [
            Problem(
                "/format_version",
                _(
                    "format version {found} is newer than this application reads ({supported}); please update ECCP Factsheet Desktop"
                ).format(found=version, supported=FORMAT_VERSION),
            )
        ]
    problems = []
    # jsonschema (imported on first use, ~0.1 s) only when the quick walk is not sure:
    # opening a factsheet checks the store's snapshot, nearly always valid.
    if not schema_quick.certainly_valid(schema(), data):
        problems = [Problem(*_describe(e)) for e in _validator().iter_errors(data)]
    problems += strict_json.walk_problems(data)  # NUL, surrogates: dicts built in code too
    country = data.get("country")
    if isinstance(country, str) and len(country) == 2 and country not in COUNTRIES:
        problems.append(
            Problem("/country", _("unknown country code {code!r}").format(code=country))
        )
    problems.sort(key=lambda p: p.path)
    return problems


def parse(text: str, source: str = "<package>") -> Factsheet:
    """A factsheet from a package's text; raises PackageError listing every problem."""
    return parse_document(text, source)[0]


def parse_document(text: str, source: str = "<package>") -> tuple[Factsheet, dict[str, Any]]:
    """The factsheet and the checked document (for its ``base`` and other package keys)."""
    try:
        data = strict_json.loads(text)
    except strict_json.StrictJSONError as e:
        raise PackageError(source, e.problems) from None
    problems = check_document(data)
    if problems:
        raise PackageError(source, problems)
    return factsheet_from_dict(data), data


def read_package(path: str | os.PathLike[str]) -> Factsheet:
    """Read and check one package file; PackageError says what and where."""
    return read_document(path)[0]


def read_document(path: str | os.PathLike[str]) -> tuple[Factsheet, dict[str, Any]]:
    """``read_package`` that also gives the checked document (``base``, …)."""
    p = Path(path)
    source = str(p)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise PackageError(source, [Problem("", _("is a folder, not a package file"))]) from None
    except FileNotFoundError:
        raise PackageError(source, [Problem("", _("no such file"))]) from None
    except PermissionError:
        raise PackageError(source, [Problem("", _("cannot be read: permission denied"))]) from None
    except OSError as e:
        raise PackageError(
            source, [Problem("", _("cannot be read: {reason}").format(reason=e.strerror or e))]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PackageError(
            source,
            [
                Problem(
                    "",
                    _("not UTF-8 text (byte 0x{byte:02x} at offset {offset})").format(
                        byte=raw[e.start], offset=e.start
                    ),
                )
            ],
        ) from None
    return parse_document(text, source)


def dumps(factsheet: Factsheet, *, base: dict[str, Any] | None = None) -> str:
    """The package's text; ``base`` (where it was exported from) goes last."""
    data = factsheet_to_dict(factsheet)
    if base is not None:
        data["base"] = base
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_package(
    factsheet: Factsheet, path: str | os.PathLike[str], *, base: dict[str, Any] | None = None
) -> None:
    """Write atomically: a reader never sees half a package."""
    write_text(dumps(factsheet, base=base), path)


def write_text(text: str, path: str | os.PathLike[str]) -> None:
    """Write a package's text atomically (a signed one is made outside this module)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".eccp-", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
