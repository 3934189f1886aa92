"""Expert annotations in an exported PDF -> review comments on the right items.

``plan_import`` reads the PDF and says what would happen (the preview: each
remark, the item it lands on, how sure the placement is, what is already
there); ``apply_import`` writes the new comments and state changes in one
save. Nothing is written for a PDF that cannot be imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eccp_desktop.annotations.errors import AnnotationError
from eccp_desktop.annotations.placing import Placer, same_text
from eccp_desktop.annotations.reader import (
    MARKUP,
    RESOLVING_STATES,
    Annotation,
    PdfContent,
    read_pdf,
)
from eccp_desktop.domain.model import ReviewComment
from eccp_desktop.i18n import _
from eccp_desktop.pdf.layout_map import LayoutMap

if TYPE_CHECKING:
    from eccp_desktop.store import Store
    from eccp_desktop.store.exports import ExportRecord

# how a remark's placement is known
EXACT = "exact"  # the file starts with the exported bytes: the map is the file's
CHECKED = "checked"  # a rewritten file: the text under the item matches the map
LOW = "low"  # a rewritten file whose text there does not match: say so


@dataclass(slots=True)
class PlannedComment:
    annotation: Annotation
    comment: ReviewComment
    confidence: str
    duplicate: bool  # imported before (same key): not added again


@dataclass(slots=True)
class ImportPlan:
    """What importing one PDF does; ``apply_import`` carries it out."""

    file: str
    record: ExportRecord
    exact: bool  # the file starts with exactly the bytes that were exported
    comments: list[PlannedComment] = field(default_factory=list)
    resolve: list[str] = field(default_factory=list)  # keys of comments a state resolves
    skipped: int = 0  # state changes about remarks that are not in the file

    @property
    def new(self) -> list[PlannedComment]:
        return [c for c in self.comments if not c.duplicate]

    @property
    def low_confidence(self) -> list[PlannedComment]:
        return [c for c in self.comments if c.confidence == LOW]


def _comment_key(export_id: str, a: Annotation) -> str:
    return f"pdf:{export_id}:{a.name or a.digest()}"


def plan_import(store: Store, data: bytes, where: str) -> ImportPlan:
    """Read ``data`` (the PDF named ``where``) and plan its import into ``store``.

    Raises AnnotationError with a one-line reason when the PDF is not one of
    this store's exports, not a PDF, or has no annotations.
    """
    from eccp_desktop.pdf.digest import digest_of
    from eccp_desktop.store.errors import NotFoundError
    from eccp_desktop.store.exports import find_export

    content = read_pdf(data, where)
    try:
        if content.export_id is None:
            raise AnnotationError(
                _(
                    "{file} was not exported by ECCP Factsheet Desktop (it has no layout map and no export id): there is nothing to place its annotations with"
                ).format(file=where)
            )
        record = find_export(store, content.export_id)
        if record is None:
            raise AnnotationError(
                _(
                    "{file} was not exported from this store (export {id}); import its comments into the store it was exported from"
                ).format(file=where, id=content.export_id)
            )
        if not content.annotations:
            raise AnnotationError(
                _(
                    "{file} has no annotations (a flattened copy keeps remarks only as page content): nothing to import"
                ).format(file=where)
            )
        try:
            factsheet = store.load(record.country, record.edition)
        except NotFoundError:
            raise AnnotationError(
                _(
                    "{file} is a PDF of the {code} {edition} factsheet, which is no longer in the store"
                ).format(file=where, code=record.country, edition=record.edition)
            ) from None
        exact = len(data) >= record.size and digest_of(data[: record.size]) == record.digest
        plan = ImportPlan(where, record, exact)
        _plan_comments(plan, content, LayoutMap.from_json(record.layout), factsheet.review_comments)
        return plan
    finally:
        content.close()


def _plan_comments(
    plan: ImportPlan, content: PdfContent, layout: LayoutMap, existing: list[ReviewComment]
) -> None:
    placer = Placer(layout)
    known = {c.key for c in existing if c.key}
    export_id = plan.record.export_id
    by_ref = {a.ref: a for a in content.annotations if a.ref is not None}
    keys = {a.index: _comment_key(export_id, a) for a in content.annotations}

    def root(a: Annotation) -> Annotation:
        seen = {a.index}
        while a.irt is not None and a.irt in by_ref and by_ref[a.irt].index not in seen:
            a = by_ref[a.irt]
            seen.add(a.index)
        return a

    placed: dict[int, tuple[str, bool, str]] = {}  # index -> path, by page, confidence
    for a in content.annotations:
        if a.irt is not None:
            continue  # replies and state changes follow the remark they answer
        if a.kind in MARKUP:
            a.quote = content.text_in(a.page, a.boxes)
        where = placer.place(a.page, a.boxes)
        confidence = EXACT
        if not plan.exact:
            # a rewritten copy: is the item still printed where the map says?
            if where.entry is not None:
                e = where.entry
                found = content.text_in(e[0], [(e[1], e[2], e[3], e[4])])
                confidence = CHECKED if same_text(e[6], found) else LOW
            else:
                confidence = CHECKED if content.pages == layout.pages else LOW
        placed[a.index] = (where.path, where.by_page, confidence)

    states: dict[str, tuple[Any, int, str]] = {}  # target key -> (date, order, state)
    for a in content.annotations:
        if a.is_state_change:
            target = by_ref.get(a.irt) if a.irt is not None else None
            if target is None:
                plan.skipped += 1
                continue
            key = keys[target.index]
            if (a.state_model or "Review").casefold() != "review":
                continue  # Marked/Unmarked: the reader's own check marks, not a review state
            previous = states.get(key)
            stamp = (a.created.isoformat() if a.created else "", a.index)
            if previous is None or stamp > previous[:2]:
                states[key] = (stamp[0], stamp[1], a.state or "")
            continue
        top = root(a)
        if top.index not in placed:
            plan.skipped += 1
            continue
        path, by_page, confidence = placed[top.index]
        parent = by_ref.get(a.irt) if a.irt is not None else None
        comment = ReviewComment(
            path=path,
            author=a.author,
            role="expert",
            text=a.contents,
            resolved=False,
            created=a.created,
            key=keys[a.index],
            reply_to=keys[parent.index] if parent is not None else None,
            quote=a.quote or None,
            placed_by_page=by_page,
        )
        plan.comments.append(PlannedComment(a, comment, confidence, comment.key in known))
    planned = {c.comment.key for c in plan.comments} | known
    for key, (_stamp, _order, state) in sorted(states.items()):
        if state.casefold() in RESOLVING_STATES and key in planned:
            plan.resolve.append(key)
    for c in plan.comments:
        if c.comment.key in plan.resolve:
            c.comment.resolved = True


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    country: str
    edition: int
    added: int
    replies: int
    resolved: int  # comments a reader's state resolved (new ones and earlier ones)
    duplicates: int


def apply_import(store: Store, plan: ImportPlan, *, actor: str) -> ImportOutcome:
    """Add the plan's new comments and resolve what its states resolve, in one save."""
    fs, version = store.load_versioned(plan.record.country, plan.record.edition)
    have = {c.key: c for c in fs.review_comments if c.key}
    added = replies = resolved = 0
    for planned in plan.comments:
        c = planned.comment
        if c.key is None or c.key in have:
            continue
        fs.review_comments.append(c)
        have[c.key] = c
        added += 1
        replies += c.reply_to is not None
        resolved += c.resolved
    for key in plan.resolve:
        earlier = have.get(key)
        if earlier is not None and not earlier.resolved:
            earlier.resolved = True
            resolved += 1
    if added or resolved:
        store.save(fs, base_version=version, actor=actor)
    return ImportOutcome(
        fs.country, fs.edition, added, replies, resolved, len(plan.comments) - added
    )
