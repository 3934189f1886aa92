"""Tagged PDF (PDF/UA-1): the structure tree read back with pikepdf, poppler and pdfua."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from pikepdf import Name

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.pdf import render_factsheet
from tests.pdf import factories
from tests.pdf.reading import page_texts

# Operators that put something on the page: each must be inside marked content.
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh"}

BUILDS: dict[str, Callable[[], Factsheet]] = {
    "pl": factories.polish_demo,
    "el": factories.greek,
    "bg": factories.bulgarian,
}


@cache
def pdf_bytes(lang: str) -> bytes:
    return render_factsheet(BUILDS[lang](), lang)


@cache
def long_table_pdf() -> bytes:
    """The cluster table runs over three pages (header repeated, rows split)."""
    return render_factsheet(factories.with_clusters(factories.polish_demo(), 90), "pl")


def elements(node: pikepdf.Object) -> Iterator[pikepdf.Object]:
    """Every structure element below ``node``, depth first (reading order)."""
    kids = node.get("/K")
    if kids is None:
        return
    for k in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in (Name.MCR, Name.OBJR):
            yield k
            yield from elements(k)


def marked_content(page: pikepdf.Page) -> tuple[list[int], list[str]]:
    """The page's MCIDs in content order and the painting operators outside any mark."""
    depth, mcids, untagged = 0, [], []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name in ("BDC", "BMC"):
            depth += 1
            if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                if "/MCID" in operands[1]:
                    mcids.append(int(operands[1].MCID))
        elif name == "EMC":
            depth -= 1
            assert depth >= 0
        elif name in PAINTING and depth == 0:
            untagged.append(name)
    assert depth == 0
    return mcids, untagged


def mcids_of(elem: pikepdf.Object, page: pikepdf.Object) -> Iterator[tuple[pikepdf.Object, int]]:
    kids = elem.get("/K")
    for k in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(k, int):
            yield elem.Pg, int(k)
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == Name.MCR:
            yield k.Pg, int(k.MCID)


@pytest.mark.parametrize("lang", BUILDS)
def test_catalog_declares_a_tagged_pdf_ua_document(lang: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes(lang))) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) == lang
        xmp = root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        title = re.search(r'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">(.*?)<', xmp)
        assert title and title.group(1) == str(pdf.docinfo.Title)
        assert len(pdf.open_outline().root) > 0  # the bookmarks are kept
        document = root.StructTreeRoot.K[0]
        assert document.S == Name.Document


@pytest.mark.parametrize("lang", BUILDS)
def test_every_mark_on_every_page_belongs_to_its_element_and_nothing_is_untagged(
    lang: str,
) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes(lang))) as pdf:
        tree = pdf.Root.StructTreeRoot
        nums = tree.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for page in pdf.pages:
            mcids, untagged = marked_content(page)
            assert untagged == [], f"page {page.index + 1}: content neither tagged nor artifact"
            assert mcids == list(range(len(mcids)))  # MCIDs numbered in content order
            owners = parents[int(page.obj.StructParents)]
            assert len(owners) == len(mcids)
            for mcid, owner in zip(mcids, owners, strict=True):
                assert (page.obj.objgen, mcid) in {
                    (pg.objgen, m) for pg, m in mcids_of(owner, page.obj)
                }


@pytest.mark.parametrize("lang", BUILDS)
def test_headings_figures_tables_and_languages(lang: str) -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes(lang))) as pdf:
        elems = list(elements(pdf.Root.StructTreeRoot.K[0]))
        roles = [str(e.S) for e in elems]
        assert {"/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/TD", "/Figure", "/L", "/LI"} <= set(
            roles
        )
        for e in elems:
            if e.S == Name.Figure:
                assert len(str(e.Alt)) > 20 and re.search(r"\d", str(e.Alt))
            if e.S == Name.TH:
                assert e.A.Scope in (Name.Column, Name.Row)
            if e.S == Name.Table:
                rows = [k for k in e.K if k.S == Name.TR]
                column_heads = all(c.S == Name.TH for c in rows[0].K)
                row_heads = all(r.K[0].S == Name.TH and r.K[0].A.Scope == Name.Row for r in rows)
                assert rows and (column_heads or row_heads)  # a header row, or a header column
        english = [e for e in elems if str(e.get("/Lang", "")) == "en"]
        assert english, "the [EN] fallback texts carry /Lang (en)"


def test_links_are_link_elements_with_their_annotation() -> None:
    with pikepdf.open(io.BytesIO(pdf_bytes("el"))) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        links = 0
        for page in pdf.pages:
            annots = list(page.obj.get("/Annots", []))
            if annots:
                assert page.obj.Tabs == Name.S
            for a in annots:
                assert str(a.Contents).startswith("https://")
                link = parents[int(a.StructParent)]
                assert link.S == Name.Link
                objr = [k for k in link.K if k.get("/Type") == Name.OBJR]
                assert [o.Obj.objgen for o in objr] == [a.objgen]
                links += 1
        assert links >= 2


def test_a_table_over_several_pages_is_one_table_with_one_header() -> None:
    data = long_table_pdf()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        elems = list(elements(pdf.Root.StructTreeRoot.K[0]))
        tables = [e for e in elems if e.S == Name.Table]
        clusters = [t for t in tables if len(t.K) > 50]
        assert len(clusters) == 1
        rows = list(clusters[0].K)
        assert len(rows) == 91  # the header once, then the 90 clusters
        assert all(c.S == Name.TD for r in rows[1:] for c in r.K)
        pages = {pg.objgen for r in rows for c in r.K for pg, _m in mcids_of(c, None)}
        assert len(pages) >= 2
        first_cells = [str(c.K) for c in rows[1:]]  # one TR per cluster: no row twice
        assert len(first_cells) == 90


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler's pdfinfo not installed")
@pytest.mark.parametrize("lang", BUILDS)
def test_poppler_reads_the_tree_in_the_order_of_the_text(lang: str) -> None:
    data = pdf_bytes(lang)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.pdf"
        path.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        tree = subprocess.run(
            ["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True
        ).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert tree.startswith("Document")
    tagged = "".join(re.findall(r'^\s*"(.*)"$', tree, re.M))
    # pypdf's text, page furniture (artifacts) taken out, in the same order
    with pikepdf.open(io.BytesIO(data)) as pdf:
        furniture = {pdf.docinfo.Title}
    shown = "".join(page_texts(data))
    for noise in furniture:
        shown = shown.replace(str(noise), "")

    def squeeze(text: str) -> str:
        return re.sub(r"\s+", "", text)

    tagged_s, shown_s = squeeze(tagged), squeeze(shown)
    # every tagged text appears in what is printed, in the same order
    position = 0
    for chunk in re.findall(r'^\s*"(.*)"$', tree, re.M):
        piece = squeeze(chunk)
        if not piece:
            continue
        found = shown_s.find(piece, position)
        assert found >= 0, f"{chunk[:60]!r} not in the text in reading order"
        position = found + len(piece)
    assert len(tagged_s) > 0.85 * len(shown_s)  # the rest is the header and footer lines


@pytest.mark.parametrize("lang", BUILDS)
def test_the_open_pdfua_checker_finds_nothing(lang: str, tmp_path: Path) -> None:
    from pdfua import validate

    path = tmp_path / "f.pdf"
    path.write_bytes(pdf_bytes(lang))
    report = validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


def test_the_xmp_packet_carries_user_text_with_markup_characters_as_text() -> None:
    import datetime as dt
    import xml.etree.ElementTree as ET

    from eccp_desktop.pdf.metadata import DocumentInfo, xmp

    odd = 'R&D <clusters> "quoted" \u2013 \u03a9'
    info = DocumentInfo("pl", odd, odd, odd, odd, dt.date(2023, 1, 1), odd, odd, "x&<y>")
    body = xmp(info).decode("utf-8")
    root = ET.fromstring(body[body.index("<x:xmpmeta") : body.index("</x:xmpmeta>") + 12])
    texts = [t.strip() for t in root.itertext() if t.strip()]
    assert texts.count(odd) == 6 and "x&<y>" in texts
