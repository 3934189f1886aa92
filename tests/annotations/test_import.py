"""Annotated PDFs -> review comments: every kind, replies, states, three annotating tools."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eccp_desktop.annotations import (
    CHECKED,
    EXACT,
    LOW,
    AnnotationError,
    apply_import,
    plan_import,
)
from eccp_desktop.store import Store
from eccp_desktop.store.exports import record_export
from tests.annotations.annotate import (
    Note,
    centre_box,
    mutool_available,
    with_mutool,
    with_pikepdf,
    with_pypdf,
)
from tests.annotations.conftest import Exporter, entry
from tests.pdf.factories import polish_demo, with_clusters

Annotator = Callable[[bytes, list[Note]], bytes]
needs_mutool = pytest.mark.skipif(not mutool_available(), reason="mutool (mupdf-tools) missing")


def import_all(store: Store, pdf: bytes) -> list[Any]:
    plan = plan_import(store, pdf, "annotated.pdf")
    apply_import(store, plan, actor="tester")
    return store.load("PL", 2023).review_comments


def markup(kind: str, e: list[Any], text: str = "", **kw: Any) -> Note:
    box = centre_box(e)
    return Note(kind, e[0], box, text, quads=[box], **kw)


def test_each_kind_lands_on_its_item_with_author_date_quote(
    pl_store: Store, export: Exporter
) -> None:
    pdf, layout = export()
    title, budget = entry(layout, "/policies/0/title"), entry(layout, "/policies/1/budget_eur")
    members = entry(layout, "/tier_schemes/0/tiers/2/min_members")
    overview = entry(layout, "/sections/policy_overview")
    cci = entry(layout, "/cohesion_programmes/0/cci")
    notes = [
        Note("Text", budget[0], centre_box(budget, 4), "Is this the 2023 budget?", name="n-text"),
        markup("Highlight", title, "Official title?", name="n-hl"),
        markup("Underline", members, "51 members: source?", name="n-ul"),
        markup("StrikeOut", cci, "", name="n-so"),
        markup("Squiggly", overview, "Typo here", name="n-sq"),
        Note("FreeText", title[0], centre_box(title, 5), "Free text remark", name="n-ft"),
        Note("Square", budget[0], centre_box(budget, 3), "Boxed", name="n-box"),
        Note("Circle", members[0], centre_box(members, 3), "Circled", name="n-circle"),
        Note("Ink", cci[0], centre_box(cci, 3), "Scribble", name="n-ink"),
        Note("Text", title[0], centre_box(title, 6), rich="<body><p>Rich <b>text</b></p></body>"),
    ]
    comments = import_all(pl_store, with_pypdf(pdf, notes))
    got = {c.key.rsplit(":", 1)[1]: c for c in comments if c.key}
    assert got["n-text"].path == "/policies/1/budget_eur"
    assert got["n-text"].text == "Is this the 2023 budget?"
    assert got["n-text"].author == "Anna Expert" and got["n-text"].role == "expert"
    assert got["n-text"].created is not None and got["n-text"].created.isoformat() == (
        "2024-02-01T09:30:00+00:00"
    )
    assert got["n-hl"].path == "/policies/0/title"
    assert got["n-hl"].quote == title[6]
    assert got["n-ul"].path == "/tier_schemes/0/tiers/2/min_members" and got["n-ul"].quote == "51"
    assert got["n-so"].path == "/cohesion_programmes/0/cci" and got["n-so"].quote == cci[6]
    assert got["n-sq"].path == "/sections/policy_overview" and got["n-sq"].quote
    assert got["n-ft"].path == "/policies/0/title"
    assert got["n-box"].path == "/policies/1/budget_eur"
    assert got["n-circle"].path == "/tier_schemes/0/tiers/2/min_members"
    assert got["n-ink"].path == "/cohesion_programmes/0/cci"
    rich = [c for c in comments if c.text == "Rich text"]
    assert len(rich) == 1 and rich[0].path == "/policies/0/title"
    assert not any(c.placed_by_page for c in got.values())


@pytest.mark.parametrize("order", ["spec", "acrobat", "ccw"])
def test_quad_points_in_any_order(pl_store: Store, export: Exporter, order: str) -> None:
    pdf, layout = export()
    e = (
        entry(layout, "/clusters/0/name")
        if any(x[5] == "/clusters/0/name" for x in layout["items"])
        else entry(layout, "/policies/2/title")
    )
    note = markup("Highlight", e, "check", quad_order=order)
    (c,) = import_all(pl_store, with_pypdf(pdf, [note]))
    assert c.path == e[5] and c.quote == e[6]


def test_two_line_highlight_quotes_both_lines(pl_store: Store, export: Exporter) -> None:
    pdf, layout = export()
    e = entry(layout, "/sections/policy_overview")
    # two quads across the top two lines of the paragraph (10.5 pt leading in body text)
    top = e[4]
    quads = [(e[1], top - 12.5, e[3], top - 1), (e[1], top - 25, e[3], top - 13)]
    note = Note("Highlight", e[0], (e[1], top - 25, e[3], top - 1), "", quads=quads)
    (c,) = import_all(pl_store, with_pypdf(pdf, [note]))
    assert c.path == "/sections/policy_overview"
    words = c.quote.split()
    assert len(words) > 12 and " ".join(words[:3]) in " ".join(e[6].split())


def test_replies_stay_replies_and_states_resolve(pl_store: Store, export: Exporter) -> None:
    pdf, layout = export()
    e = entry(layout, "/policies/0/budget_eur")
    f = entry(layout, "/policies/1/title")
    notes = [
        Note("Text", e[0], centre_box(e, 4), "Budget?", name="root"),
        Note("Text", e[0], centre_box(e, 4), "Ministry confirms", author="Officer", irt=0),
        Note("Text", e[0], centre_box(e, 4), "Accepted set by Anna", irt=0, state="Accepted"),
        Note("Text", f[0], centre_box(f, 4), "Title?", name="other"),
        # a check mark of the reader (Marked model) is no review state
        Note("Text", f[0], centre_box(f, 4), "", irt=3, state="Marked", state_model="Marked"),
    ]
    comments = import_all(pl_store, with_pypdf(pdf, notes))
    assert len(comments) == 3  # the state changes are not comments of their own
    root = next(c for c in comments if c.key and c.key.endswith(":root"))
    reply = next(c for c in comments if c.reply_to)
    other = next(c for c in comments if c.key and c.key.endswith(":other"))
    assert reply.reply_to == root.key and reply.path == root.path == "/policies/0/budget_eur"
    assert reply.author == "Officer"
    assert root.resolved and not reply.resolved and not other.resolved


def test_a_later_state_resolves_a_comment_imported_before(
    pl_store: Store, export: Exporter
) -> None:
    pdf, layout = export()
    e = entry(layout, "/policies/0/budget_eur")
    first = [Note("Text", e[0], centre_box(e, 4), "Budget?", name="root")]
    once = with_pypdf(pdf, first)
    assert not import_all(pl_store, once)[0].resolved
    # the expert's next round: the same remark, now with a state reply to it
    second = with_pypdf(
        pdf, [*first, Note("Text", e[0], centre_box(e), "", irt=0, state="Completed")]
    )
    comments = import_all(pl_store, second)
    assert len(comments) == 1 and comments[0].resolved


def test_outside_any_item_goes_to_the_section_of_its_page(
    pl_store: Store, export: Exporter
) -> None:
    pdf, layout = export()
    heading = next(s for s in layout["sections"] if s[5] == "/cohesion_programmes")
    # in the right margin, just below the heading of 3.3
    x0 = layout["page_size"][0] - 30
    note = Note("Text", heading[0], (x0, heading[2] - 30, x0 + 18, heading[2] - 12), "Margin")
    (c,) = import_all(pl_store, with_pypdf(pdf, [note]))
    assert c.path == "/cohesion_programmes" and c.placed_by_page
    # above the first heading of page 1: the factsheet as a whole
    top = Note("Text", 1, (5, 800, 20, 815), "Whole document")
    plan = plan_import(pl_store, with_pypdf(pdf, [top]), "x.pdf")
    assert plan.comments[0].comment.path == "/country"
    assert plan.comments[0].comment.placed_by_page


def test_the_same_pdf_imported_twice_adds_nothing_twice(pl_store: Store, export: Exporter) -> None:
    pdf, layout = export()
    e = entry(layout, "/policies/0/title")
    notes = [
        markup("Highlight", e, "named", name="nm-1"),
        Note("Text", e[0], centre_box(e, 4), "no /NM: keyed by a digest"),
    ]
    annotated = with_pypdf(pdf, notes)
    assert len(import_all(pl_store, annotated)) == 2
    version = pl_store.load_versioned("PL", 2023)[1]
    plan = plan_import(pl_store, annotated, "again.pdf")
    assert [c.duplicate for c in plan.comments] == [True, True] and not plan.new
    outcome = apply_import(pl_store, plan, actor="tester")
    assert outcome.added == 0 and outcome.duplicates == 2
    assert len(pl_store.load("PL", 2023).review_comments) == 2
    assert pl_store.load_versioned("PL", 2023)[1] == version  # nothing written at all


def test_a_rewritten_file_is_checked_against_the_text_under_each_remark(
    pl_store: Store, export: Exporter
) -> None:
    pdf, layout = export()
    e, g = entry(layout, "/policies/0/title"), entry(layout, "/policies/1/budget_eur")
    notes = [markup("Highlight", e, "title"), Note("Text", g[0], centre_box(g, 4), "budget")]
    rewritten = with_pikepdf(pdf, notes)
    plan = plan_import(pl_store, rewritten, "rewritten.pdf")
    assert not plan.exact
    assert [c.confidence for c in plan.comments] == [CHECKED, CHECKED]
    assert [c.comment.path for c in plan.comments] == ["/policies/0/title", g[5]]
    assert plan.comments[0].comment.quote == e[6]


def test_a_map_that_no_longer_fits_the_rewritten_file_is_low_confidence(
    pl_store: Store, export: Exporter
) -> None:
    pdf, layout = export()
    e = entry(layout, "/policies/0/title")
    rewritten = with_pikepdf(pdf, [markup("Highlight", e, "title")])
    # the store's map says another text stands there (as after a reader reflowed a page)
    moved = dict(layout, items=[[*x[:6], "Something else entirely"] for x in layout["items"]])
    record_export(pl_store, pdf, moved)
    (planned,) = plan_import(pl_store, rewritten, "moved.pdf").comments
    assert planned.confidence == LOW


def test_a_rotated_page(pl_store: Store, export: Exporter) -> None:
    pdf, layout = export()
    e = entry(layout, "/policies/0/title")
    rotated = with_pikepdf(pdf, [markup("Highlight", e, "turned")], rotate={e[0]: 90})
    (c,) = plan_import(pl_store, rotated, "rotated.pdf").comments
    assert c.comment.path == "/policies/0/title" and c.comment.quote == e[6]


def test_a_crop_box_set_by_a_reader(pl_store: Store, export: Exporter) -> None:
    import pikepdf

    pdf, layout = export()
    e = entry(layout, "/policies/0/title")
    annotated = with_pypdf(pdf, [markup("Highlight", e, "cropped")])
    from io import BytesIO

    doc = pikepdf.open(BytesIO(annotated))
    doc.pages[e[0] - 1].obj.CropBox = pikepdf.Array([20, 30, 580, 820])
    out = BytesIO()
    doc.save(out)
    (c,) = plan_import(pl_store, out.getvalue(), "cropped.pdf").comments
    assert c.comment.path == "/policies/0/title" and c.comment.quote == e[6]


@needs_mutool
@pytest.mark.parametrize("incremental", [True, False])
def test_annotated_with_mupdf(pl_store: Store, export: Exporter, incremental: bool) -> None:
    pdf, layout = export()
    e, g = entry(layout, "/policies/0/title"), entry(layout, "/tier_schemes/0/tiers/1/min_members")
    notes = [
        markup("Highlight", e, "MuPDF highlight"),
        Note("Text", g[0], centre_box(g, 3), "MuPDF note"),
        Note("Square", g[0], centre_box(g, 2), "MuPDF box"),
        Note("Ink", e[0], centre_box(e, 4), "MuPDF ink"),
    ]
    annotated = with_mutool(pdf, notes, incremental=incremental)
    plan = plan_import(pl_store, annotated, "mupdf.pdf")
    assert plan.exact == incremental
    assert {(c.comment.text, c.comment.path) for c in plan.comments} == {
        ("MuPDF highlight", "/policies/0/title"),
        ("MuPDF note", g[5]),
        ("MuPDF box", g[5]),
        ("MuPDF ink", "/policies/0/title"),
    }
    assert all(c.confidence in (EXACT, CHECKED) for c in plan.comments)
    assert next(c for c in plan.comments if c.annotation.kind == "Highlight").comment.quote == e[6]


def test_a_table_cell_on_page_4_of_a_500_cluster_factsheet(
    pl_store: Store, export: Exporter
) -> None:
    fs = with_clusters(polish_demo(), 500)
    pl_store.import_factsheets([fs], actor="test")
    pdf, layout = export(fs=pl_store.load("PL", 2023))
    cell = next(
        e
        for e in layout["items"]
        if e[0] == 4 and e[5].startswith("/clusters/") and e[5].endswith("/members")
    )
    (c,) = import_all(pl_store, with_pypdf(pdf, [markup("Highlight", cell, "members?")]))
    assert c.path == cell[5] and c.quote == cell[6]


# -- refused ---------------------------------------------------------------------


def test_a_pdf_this_store_did_not_export_is_refused(
    pl_store: Store, export: Exporter, tmp_path: Any
) -> None:
    fs = polish_demo()
    fs.country, fs.edition = "CZ", 2024
    from eccp_desktop.annotations import exports

    other = exports.render(fs, "cs").pdf  # rendered, never recorded in this store
    with pytest.raises(AnnotationError, match="not exported from this store"):
        plan_import(pl_store, with_pypdf(other, [Note("Text", 1, (10, 10, 20, 20), "x")]), "cz.pdf")


def test_a_pdf_of_another_app_is_refused(pl_store: Store) -> None:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Some other document")
    canvas.save()
    with pytest.raises(AnnotationError, match="not exported by ECCP Factsheet Desktop"):
        plan_import(
            pl_store, with_pypdf(out.getvalue(), [Note("Text", 1, (1, 1, 9, 9), "x")]), "o.pdf"
        )


def test_a_flattened_pdf_without_annotations_is_refused(pl_store: Store, export: Exporter) -> None:
    pdf, _layout = export()
    with pytest.raises(AnnotationError, match="no annotations"):
        plan_import(pl_store, pdf, "flat.pdf")


@pytest.mark.parametrize(
    "data",
    [b"", b"PK\x03\x04 a zip file", b"%PDF-1.4\n garbage without objects", b"plain text"],
)
def test_a_non_pdf_is_refused(pl_store: Store, data: bytes) -> None:
    with pytest.raises(AnnotationError, match=r"bad\.pdf"):
        plan_import(pl_store, data, "bad.pdf")
