"""The structure tree and the PDF/UA-1 document metadata, written with pikepdf.

Runs once over reportlab's finished bytes: the structure elements recorded by
``tagging.Tagger`` become StructElem objects under a StructTreeRoot with its
ParentTree; each link annotation gets its Link element (``/OBJR``), a
``/Contents`` text and ``/StructParent``; the catalog gets ``/MarkInfo``,
``/ViewerPreferences /DisplayDocTitle``, ``/Lang`` and the XMP metadata with
``dc:title`` and ``pdfuaid:part 1``; pages with annotations ``/Tabs /S``.
The output is as deterministic as the input: no clock, no random ID.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape as _escape
from io import BytesIO

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from eccp_desktop.pdf.tagging import Elem, LinkAnnot, MarkedContent, Tagger


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    lang: str
    title: str
    subject: str
    author: str
    keywords: str
    created: dt.date
    producer: str
    creator: str
    export_id: str | None = None  # the layout map's export id (eccp_desktop.pdf.layout_map)


def escape(text: str) -> str:
    """&, < and > as entities: XMP element content (xml.sax.saxutils would cost ~20 ms
    of imports, urllib and ssl among them, in every batch worker)."""
    return _escape(text, quote=False)


def xmp(info: DocumentInfo) -> bytes:
    """XMP packet: Dublin Core, the PDF keywords and the PDF/UA identification."""
    date = f"{info.created.isoformat()}T00:00:00Z"
    lang = escape(info.lang)
    eccp_ns = eccp_id = ""
    if info.export_id:  # where an annotated copy's comments are placed from
        eccp_ns = '\n    xmlns:eccp="https://eccp.example/ns/factsheet/1.0/"'
        eccp_id = f"\n   <eccp:exportId>{escape(info.export_id)}</eccp:exportId>"
    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"{eccp_ns}>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>
   <pdf:Producer>{escape(info.producer)}</pdf:Producer>
   <xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <pdfuaid:part>1</pdfuaid:part>{eccp_id}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return text.encode("utf-8")


class _TreeWriter:
    def __init__(self, pdf: pikepdf.Pdf, tagger: Tagger) -> None:
        self.pdf = pdf
        self.pages = [p.obj for p in pdf.pages]
        self.refs: dict[int, pikepdf.Object] = {}  # id(Elem) -> its StructElem
        self.annots: list[tuple[pikepdf.Object, pikepdf.Object]] = []  # (annot, Link elem)
        self.tagger = tagger

    def element(self, elem: Elem, parent: pikepdf.Object) -> pikepdf.Object:
        d = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + elem.role)))
        d.P = parent
        self.refs[id(elem)] = d
        first_page = next((k.page for k in elem.kids if isinstance(k, MarkedContent)), None)
        if first_page is not None:
            d.Pg = self.pages[first_page]
        kids = Array()
        for k in elem.kids:
            if isinstance(k, Elem):
                if k.has_content():
                    kids.append(self.element(k, d))
            elif isinstance(k, MarkedContent):
                if k.page == first_page:
                    kids.append(k.mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=self.pages[k.page], MCID=k.mcid))
            elif isinstance(k, LinkAnnot):
                annot = self.pages[k.page].Annots[k.index]
                kids.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[k.page]))
                self.annots.append((annot, d))
        d.K = kids[0] if len(kids) == 1 and not isinstance(kids[0], Dictionary) else kids
        if elem.lang:
            d.Lang = String(elem.lang)
        if elem.alt:
            d.Alt = String(elem.alt)
        if elem.scope:
            d.A = Dictionary(O=Name.Table, Scope=Name("/" + elem.scope))
        return d

    def write(self) -> None:
        pdf = self.pdf
        root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self.element(self.tagger.root, root)
        root.K = Array([document])
        nums = Array()
        for i, (page, owners) in enumerate(zip(self.pages, self.tagger.pages, strict=False)):
            page.StructParents = i
            nums.append(i)
            nums.append(pdf.make_indirect(Array([self.refs[id(e)] for e in owners])))
        for i in range(len(self.tagger.pages), len(self.pages)):  # a page with nothing tagged
            self.pages[i].StructParents = i
            nums.append(i)
            nums.append(pdf.make_indirect(Array()))
        key = len(self.pages)
        for annot, link in self.annots:
            annot.StructParent = key
            if "/Contents" not in annot and "/A" in annot and "/URI" in annot.A:
                annot.Contents = String(str(annot.A.URI))
            nums.append(key)
            nums.append(link)
            key += 1
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        root.ParentTreeNextKey = key
        pdf.Root.StructTreeRoot = root
        for page in self.pages:
            if "/Annots" in page:
                page.Tabs = Name.S


def finish(pdf_bytes: bytes, tagger: Tagger, info: DocumentInfo) -> bytes:
    """reportlab's PDF with its structure tree and PDF/UA metadata."""
    with pikepdf.open(BytesIO(pdf_bytes)) as pdf:
        _TreeWriter(pdf, tagger).write()
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        pdf.Root.Lang = String(info.lang)
        meta = pdf.make_stream(xmp(info))
        meta.Type = Name.Metadata
        meta.Subtype = Name.XML
        pdf.Root.Metadata = meta
        out = BytesIO()
        # same input, same bytes (the ID from the content); reportlab's streams are
        # copied as they are, not decoded and compressed again (most of the cost)
        pdf.save(
            out,
            deterministic_id=True,
            compress_streams=True,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            recompress_flate=False,
            fix_metadata_version=False,
        )
        return out.getvalue()
