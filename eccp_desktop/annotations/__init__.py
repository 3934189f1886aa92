"""Expert annotations in exported PDFs come back as review comments (Qt-free).

``plan_import`` (the preview) and ``apply_import`` (the write); the layout
map they place remarks with is written by ``eccp_desktop.pdf.layout_map``.
"""

from __future__ import annotations

from eccp_desktop.annotations.errors import AnnotationError
from eccp_desktop.annotations.importer import (
    CHECKED,
    EXACT,
    LOW,
    ImportOutcome,
    ImportPlan,
    PlannedComment,
    apply_import,
    plan_import,
)

__all__ = [
    "CHECKED",
    "EXACT",
    "LOW",
    "AnnotationError",
    "ImportOutcome",
    "ImportPlan",
    "PlannedComment",
    "apply_import",
    "plan_import",
]
