"""Annotating exported PDFs the way readers do, three independent ways.

- ``with_pypdf``: an incremental update appended to the exported bytes (what
  Acrobat, Foxit and Okular do on save);
- ``with_pikepdf``: the annotations added and the whole file rewritten (qpdf
  renumbers and reorders the objects, as macOS Preview's rewrite does);
- ``with_mutool``: MuPDF's own tool (``mutool run`` and a small script), a
  second PDF implementation that is not ours and uses its own page space.

Every remark is a ``Note`` in PDF user space; the writers turn it into the
annotation dictionary each tool makes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

Rect = tuple[float, float, float, float]


@dataclass
class Note:
    kind: str  # Text, FreeText, Highlight, Underline, StrikeOut, Squiggly, Square, Circle, Ink
    page: int  # 1-based
    rect: Rect  # x0, y0, x1, y1 in user space
    contents: str = ""
    author: str = "Anna Expert"
    name: str | None = None  # /NM
    quads: list[Rect] = field(default_factory=list)  # text markup: one box per line
    quad_order: str = "spec"  # spec (UL UR LL LR), acrobat (LL LR UL UR), ccw (LL LR UR UL)
    irt: int | None = None  # index of the note this one answers (in the same list)
    state: str | None = None
    state_model: str | None = None
    date: str = "D:20240201103000+01'00'"
    rich: str | None = None  # /RC instead of /Contents


def quad_points(box: Rect, order: str) -> list[float]:
    x0, y0, x1, y1 = box
    ul, ur, ll, lr = (x0, y1), (x1, y1), (x0, y0), (x1, y0)
    points = {
        "spec": (ul, ur, ll, lr),
        "acrobat": (ll, lr, ul, ur),
        "ccw": (ll, lr, ur, ul),
    }[order]
    return [v for p in points for v in p]


def centre_box(entry: list[object] | tuple[object, ...], shrink: float = 2.0) -> Rect:
    """A box just inside a layout-map entry's rectangle."""
    _p, x0, y0, x1, y1 = entry[:5]
    return (float(x0) + shrink, float(y0) + shrink, float(x1) - shrink, float(y1) - shrink)  # type: ignore[arg-type]


def _pypdf_dict(note: Note, refs: list[object]) -> dict[str, object]:
    from pypdf.generic import (
        ArrayObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    d: dict[str, object] = {
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/" + note.kind),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in note.rect]),
        NameObject("/T"): TextStringObject(note.author),
        NameObject("/M"): TextStringObject(note.date),
        NameObject("/CreationDate"): TextStringObject(note.date),
    }
    if note.rich is not None:
        d[NameObject("/RC")] = TextStringObject(note.rich)
    else:
        d[NameObject("/Contents")] = TextStringObject(note.contents)
    if note.name:
        d[NameObject("/NM")] = TextStringObject(note.name)
    if note.quads:
        d[NameObject("/QuadPoints")] = ArrayObject(
            [FloatObject(v) for q in note.quads for v in quad_points(q, note.quad_order)]
        )
    if note.kind == "Ink":
        x0, y0, x1, y1 = note.rect
        stroke = [x0, y0, (x0 + x1) / 2, y1, x1, y0]
        d[NameObject("/InkList")] = ArrayObject([ArrayObject([FloatObject(v) for v in stroke])])
    if note.irt is not None:
        d[NameObject("/IRT")] = refs[note.irt]
    if note.state:
        d[NameObject("/State")] = TextStringObject(note.state)
        d[NameObject("/StateModel")] = TextStringObject(note.state_model or "Review")
    return d


def with_pypdf(pdf: bytes, notes: list[Note]) -> bytes:
    """The notes appended as an incremental update: the file keeps its first bytes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject

    writer = PdfWriter(PdfReader(BytesIO(pdf)), incremental=True)
    refs: list[object] = []
    for note in notes:
        annot = writer.add_annotation(note.page - 1, DictionaryObject(_pypdf_dict(note, refs)))
        refs.append(annot.indirect_reference)
    out = BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert data.startswith(pdf), "pypdf did not append an incremental update"
    return data


def with_pikepdf(pdf: bytes, notes: list[Note], *, rotate: dict[int, int] | None = None) -> bytes:
    """The notes added and the whole file rewritten (objects renumbered, no old bytes kept)."""
    import pikepdf

    doc = pikepdf.open(BytesIO(pdf))
    made: list[pikepdf.Object] = []
    for note in notes:
        d = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name("/" + note.kind),
            Rect=pikepdf.Array(list(note.rect)),
            T=pikepdf.String(note.author),
            M=pikepdf.String(note.date),
        )
        if note.rich is not None:
            d.RC = pikepdf.String(note.rich)
        else:
            d.Contents = pikepdf.String(note.contents)
        if note.name:
            d.NM = pikepdf.String(note.name)
        if note.quads:
            d.QuadPoints = pikepdf.Array(
                [v for q in note.quads for v in quad_points(q, note.quad_order)]
            )
        if note.irt is not None:
            d.IRT = made[note.irt]
        if note.state:
            d.State = pikepdf.String(note.state)
            d.StateModel = pikepdf.String(note.state_model or "Review")
        ref = doc.make_indirect(d)
        page = doc.pages[note.page - 1]
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(ref)
        made.append(ref)
    for number, degrees in (rotate or {}).items():
        doc.pages[number - 1].obj.Rotate = degrees
    out = BytesIO()
    doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, fix_metadata_version=False)
    data = out.getvalue()
    assert not data.startswith(pdf[:2000]) or len(data) < len(pdf), "not a rewrite"
    return data


MUTOOL_SCRIPT = """
var args = scriptArgs;
var doc = new PDFDocument(args[0]);
var notes = JSON.parse(args[2]);
for (var i = 0; i < notes.length; i++) {
  var n = notes[i];
  var page = doc.loadPage(n.page - 1);
  var a = page.createAnnotation(n.kind);
  if (n.kind == "Ink") a.setInkList([[[n.rect[0], n.rect[3]], [n.rect[2], n.rect[1]]]]);
  else if (n.quads.length) a.setQuadPoints(n.quads);
  else a.setRect(n.rect);
  a.setContents(n.contents);
  a.setAuthor(n.author);
  a.update();
}
doc.save(args[1], args[3]);
"""


def mutool_available() -> bool:
    return shutil.which("mutool") is not None


def with_mutool(pdf: bytes, notes: list[Note], *, incremental: bool = True) -> bytes:
    """The notes written by MuPDF; its page space has the origin at the top left."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(pdf))
    spec = []
    for note in notes:
        box = reader.pages[note.page - 1].mediabox
        height = float(box.top)

        def flip(r: Rect, h: float = height) -> list[float]:
            return [r[0], h - r[3], r[2], h - r[1]]

        spec.append(
            {
                "kind": note.kind,
                "page": note.page,
                "rect": flip(note.rect),
                # MuPDF takes each quad as UL UR LL LR in its own space
                "quads": [
                    [
                        q[0],
                        height - q[3],
                        q[2],
                        height - q[3],
                        q[0],
                        height - q[1],
                        q[2],
                        height - q[1],
                    ]
                    for q in note.quads
                ],
                "contents": note.contents,
                "author": note.author,
            }
        )
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp, "in.pdf"), Path(tmp, "out.pdf")
        script = Path(tmp, "annotate.js")
        src.write_bytes(pdf)
        script.write_text(MUTOOL_SCRIPT)
        options = "incremental" if incremental else "garbage,compress"
        subprocess.run(
            ["mutool", "run", str(script), str(src), str(dst), json.dumps(spec), options],
            check=True,
            capture_output=True,
        )
        if incremental:  # MuPDF writes the incremental update into the file it opened
            return (dst if dst.exists() else src).read_bytes()
        return dst.read_bytes()
