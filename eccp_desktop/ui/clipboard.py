"""Copy and paste of table cells as tab-separated text, as Excel and LibreOffice exchange it.

Qt-free: a range becomes TSV (cells quoted the way spreadsheets quote them),
and pasted TSV is read back cell by cell exactly as typing would read it
(``delegates.parse`` for numbers, dates and codes; codes or their labels for
choices). Either every pasted cell is taken or none is: the caller gets the
values, or the list of refusals to show.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.i18n.labels import name
from eccp_desktop.i18n.parsing import InputRefused
from eccp_desktop.ui.columns import Column

TRUE_WORDS = frozenset(
    {"1", "x", "✓", "✔", "true", "yes", "wahr", "vrai", "tak", "ja", "oui", "sí"}
)
FALSE_WORDS = frozenset({"", "0", "false", "no", "nein", "non", "nie", "falsch", "faux", "nej"})
KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Refusal:
    row: int  # 0-based, in the table
    column: Column
    message: str


def to_tsv(rows: Sequence[Sequence[str]]) -> str:
    """Cells as spreadsheets copy them: tabs between, a line per row, quoted where needed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def from_tsv(text: str) -> list[list[str]]:
    """Pasted text as rows of cells (a trailing newline from the spreadsheet is not a row)."""
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")), delimiter="\t", quotechar='"')
    return [list(row) for row in reader]


def copy_text(column: Column, value: Any, lang_value: Any = None) -> str:
    """A cell as pasting reads it back (``lang_value``: a localised text's current language)."""
    from eccp_desktop.ui.delegates import PARSED, edit_text

    kind = column.kind
    if value is None:
        return ""
    if kind in PARSED:
        return edit_text(kind, value)
    if kind == "ltext":
        return str(lang_value or "")
    if kind == "bool":
        return "\u2713" if value else ""
    if kind == "choice":
        return name(dict(column.labels or {}), value, _) if not column.coded else str(value)
    if kind in ("choices", "levels"):
        if column.labels and not column.coded:
            return ", ".join(name(dict(column.labels), c, _) for c in value)
        return ", ".join(value)
    return str(value)


def _choice(column: Column, text: str, extra: Mapping[str, str] | None = None) -> str | None:
    """A code from its code or its label (any case); ``extra``: more label -> code."""
    typed = text.strip()
    if not typed:
        return None
    folded = typed.casefold()
    for code in column.choices:
        if folded == code.casefold():
            return code
        if column.labels and code in column.labels and folded == _(column.labels[code]).casefold():
            return code
    for label, code in (extra or {}).items():
        if folded in (label.casefold(), code.casefold()):
            return code
    raise InputRefused(
        _("“{text}” is not one of: {choices}").format(
            text=typed,
            choices=", ".join(
                name(dict(column.labels or {}), c, _) if column.labels and not column.coded else c
                for c in column.choices
            ),
        )
    )


def read_cell(column: Column, text: str, keys: Mapping[str, str] | None = None) -> Any:
    """``text`` pasted into ``column``, read as typing would read it; ``InputRefused`` if not."""
    from eccp_desktop.ui.delegates import PARSED, parse

    kind = column.kind
    if kind in PARSED:
        return parse(kind, text)
    if kind == "bool":
        folded = text.strip().casefold()
        if folded in TRUE_WORDS:
            return True
        if folded in FALSE_WORDS:
            return False
        raise InputRefused(_("“{text}” is neither yes nor no").format(text=text.strip()))
    if kind == "choice":
        return _choice(column, text)
    if kind in ("choices", "levels"):
        parts = [p for p in re.split(r"\s*[,;]\s*", text.strip()) if p]
        return [_choice(column, p) for p in parts]
    if kind in ("scheme", "tier"):
        typed = text.strip()
        if not typed:
            return None
        found = {k.casefold(): k for k in (keys or {})}
        found.update({label.casefold(): k for k, label in (keys or {}).items() if label})
        if typed.casefold() in found:
            return found[typed.casefold()]
        raise InputRefused(
            _("“{text}” is not one of: {choices}").format(text=typed, choices=", ".join(keys or {}))
        )
    if kind == "key":
        typed = text.strip()
        if not KEY.fullmatch(typed):
            raise InputRefused(
                _(
                    "“{text}”: a key has lower-case letters, digits and “_”, starting with a letter"
                ).format(text=typed)
            )
        return typed
    return text  # text and localised text: as pasted
