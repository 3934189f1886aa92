"""The layout map: written with every PDF, inside it and in the store, deterministic."""

from __future__ import annotations

import json
from io import BytesIO

import pypdf
import pytest

from eccp_desktop.editing import paths
from eccp_desktop.pdf.digest import digest_of
from eccp_desktop.pdf.layout_map import ID_PREFIX, LayoutMap
from eccp_desktop.pdf.render import render_with_layout
from eccp_desktop.store import Store
from eccp_desktop.store.exports import find_export
from tests.annotations.conftest import Exporter, entry
from tests.pdf.factories import polish_demo, with_clusters


def test_the_map_travels_in_the_pdf_and_in_the_store(pl_store: Store, export: Exporter) -> None:
    pdf, layout = export()
    reader = pypdf.PdfReader(BytesIO(pdf))
    embedded = json.loads(reader.attachments["eccp-layout-map.json"][0])
    assert embedded == layout
    assert reader.metadata["/ECCPExportId"] == layout["export_id"]
    footer = reader.pages[0].extract_text()
    assert f"{ID_PREFIX}{layout['export_id']}" in footer
    record = find_export(pl_store, layout["export_id"])
    assert record is not None
    assert (record.country, record.edition, record.lang) == ("PL", 2023, "pl")
    assert record.digest == digest_of(pdf) and record.size == len(pdf)
    assert record.layout == layout
    assert layout["pages"] == len(reader.pages)


def test_every_mapped_path_names_something_in_the_factsheet() -> None:
    fs = polish_demo()
    layout = render_with_layout(fs, "en").layout
    assert len(layout.items) > 150
    for e in layout.items + layout.sections:
        paths.get(fs, e[5])  # raises PathError for a path that names nothing
        assert 0 <= e[1] < e[3] <= layout.page_size[0] and 0 <= e[2] < e[4] <= layout.page_size[1]
    printed = {e[5] for e in layout.items}
    assert {"/policies/0/title", "/policies/0/budget_eur", "/sections/economic_context"} <= printed
    assert any(p.startswith("/tier_schemes/0/tiers/2/min_members") for p in printed)


def test_a_table_cell_on_page_4_of_a_500_cluster_factsheet() -> None:
    fs = with_clusters(polish_demo(), 500)
    rendered = render_with_layout(fs, "pl")
    layout = rendered.layout
    on_4 = [e for e in layout.items if e[0] == 4 and e[5].startswith("/clusters/")]
    assert on_4, "no cluster row on page 4"
    cell = next(e for e in on_4 if e[5].endswith("/members"))
    index = int(cell[5].split("/")[2])
    assert cell[6] == str(fs.clusters[index].members)
    # the text under the rectangle in the PDF is the value the map says is there
    import pypdfium2

    doc = pypdfium2.PdfDocument(rendered.pdf)
    try:
        text = doc[3].get_textpage().get_text_bounded(*cell[1:5])
    finally:
        doc.close()
    assert text.strip() == str(fs.clusters[index].members)
    # every cluster row is mapped, each on one page or continued across two
    rows = {int(e[5].split("/")[2]) for e in layout.items if e[5].startswith("/clusters/")}
    assert rows == set(range(500))


@pytest.mark.parametrize("lang", ["pl", "el"])
def test_same_input_same_bytes_and_map(lang: str) -> None:
    a, b = render_with_layout(polish_demo(), lang), render_with_layout(polish_demo(), lang)
    assert a.pdf == b.pdf
    assert a.layout.to_bytes() == b.layout.to_bytes()
    assert LayoutMap.from_json(a.layout.to_json()) == a.layout


def test_the_export_id_changes_with_what_is_printed() -> None:
    fs = polish_demo()
    first = render_with_layout(fs, "pl").export_id
    assert render_with_layout(fs, "en").export_id != first
    fs.policies[0].budget_eur = 123_456_789
    assert render_with_layout(fs, "pl").export_id != first
    fs2 = polish_demo()
    fs2.review_comments = []  # comments are not printed: the same export
    assert render_with_layout(fs2, "pl").export_id == first
    assert entry(render_with_layout(fs, "pl").layout.to_json(), "/policies/0/budget_eur")[6] != ""
