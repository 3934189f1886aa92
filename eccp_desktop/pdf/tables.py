"""The factsheet's tables: header row repeated on every page, rows split where needed.

Every cell is a Paragraph, so long texts wrap; ``splitInRow`` lets a single
tall row continue on the next page instead of raising "flowable too large".
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, TableStyle

from eccp_desktop.domain.model import Factsheet, TierScheme, text_in
from eccp_desktop.i18n import labels
from eccp_desktop.i18n.formatting import format_integer
from eccp_desktop.pdf import fonts, layout_map, limits, styles
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.escape import markup, safe_url
from eccp_desktop.pdf.para import Para
from eccp_desktop.pdf.table_tags import CellTags, DataTable

Cell = object  # a Paragraph or a markup string
CELL_SIZE = 8
CELL_LEADING = 10
PADDING = 3
HEADER_SIZE = 8  # the "th" styles' font size


class MappedTable(DataTable):  # type: ignore[misc]
    """A data table that records where its cells are drawn (the layout map).

    Its pieces after a split are made with ``self.__class__``: they record too.
    """

    def draw(self) -> None:
        super().draw()
        layout_map.record_cells(self)


def _cell(value: Cell, width: float, right: bool) -> Cell:
    """Plain values that fit on one line stay strings (drawn directly: much faster
    than a Paragraph, which wraps twice); everything else becomes a Paragraph."""
    if isinstance(value, Paragraph):
        return value
    text = str(value)
    if (
        "<" not in text
        and "&" not in text
        and stringWidth(text, fonts.FAMILY, CELL_SIZE) <= width - 2 * PADDING
    ):
        return text
    return Para(text, styles.stylesheet()["cell_right" if right else "cell"])


def _header_style(column: int, right: Sequence[int], center: Sequence[int]) -> str:
    return "th_right" if column in right else "th_center" if column in center else "th"


def _plain_tokens(value: Cell) -> list[str]:
    """The unbreakable pieces of a plain cell value ("2004–2006", "45 000 €")."""
    if isinstance(value, Paragraph):
        return []
    text = str(value)
    if "<" in text or "&" in text:
        return []
    return text.split(" ")  # only plain spaces break a line; no-break spaces hold


def fit_header_words(
    header: Sequence[str], weights: Sequence[float], rows: Sequence[Sequence[Cell]] = ()
) -> list[float]:
    """Column widths from ``weights``, widened so no header word is cut in two,
    nor a plain value such as a period or an amount.

    A translation can be much longer than the English ("Członkowie" for
    "Members"); the width a narrow column needs is taken from the widest ones.
    """
    total = sum(weights)
    widths = [styles.FRAME_WIDTH * w / total for w in weights]
    cap = styles.FRAME_WIDTH * 0.35  # beyond that a value wraps (hyphenated) instead
    need = [
        max((stringWidth(w, fonts.BOLD, HEADER_SIZE) for w in h.split()), default=0.0)
        + 2 * PADDING
        + 1
        for h in header
    ]
    for row in rows:
        for i, value in enumerate(row):
            for token in _plain_tokens(value):
                want = stringWidth(token, fonts.FAMILY, CELL_SIZE) + 2 * PADDING + 1
                need[i] = max(need[i], min(want, cap))
    for i, (have, want) in enumerate(zip(widths, need, strict=True)):
        short = want - have
        if short <= 0:
            continue
        # take it from the columns with the most room to spare, in proportion
        spare = {
            j: widths[j] - need[j] for j in range(len(widths)) if j != i and widths[j] > need[j]
        }
        room = sum(spare.values())
        if room <= 0:
            break
        take = min(short, room)
        for j, r in spare.items():
            widths[j] -= take * r / room
        widths[i] += take
    return widths


def grid(
    ctx: Context,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    align_right: Sequence[int] = (),
    align_center: Sequence[int] = (),
    extra_style: Sequence[tuple[object, ...]] = (),
    row_headers: bool = False,
    paths: Sequence[Sequence[str | None]] | None = None,
) -> LongTable:
    """A table with a translated header row that repeats on continuation pages.

    Tagged as a Table: the header cells are TH with /Scope /Column; with
    ``row_headers`` the first column names its row (TH, /Scope /Row).
    ``paths``: per row, per column, the path each cell prints (the layout map).
    """
    sheet = styles.stylesheet()
    col_widths = fit_header_words(header, widths, rows)
    data: list[list[Cell]] = [
        [
            Para(markup(h, limits.HEADER_LIMIT), sheet[_header_style(i, align_right, align_center)])
            for i, h in enumerate(header)
        ]
    ]
    for row in rows:
        data.append([_cell(c, col_widths[i], i in align_right) for i, c in enumerate(row)])
    table = (MappedTable if paths else DataTable)(
        data,
        colWidths=col_widths,
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
        renderCB=CellTags(header_rows=1, row_headers=row_headers),
    )
    if paths:
        layout_map.tag_cells(table, [list(r) for r in paths])
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),  # else Helvetica is referenced
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, styles.BLUE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, styles.RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), styles.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), styles.ZEBRA) for i in range(2, len(data), 2)]
    commands += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in align_right]
    commands += list(extra_style)
    table.setStyle(TableStyle(commands))
    return table


def item_paths(base: str, count: int, fields: Sequence[str]) -> list[list[str | None]]:
    """The layout-map paths of a table of ``count`` items, one field per column."""
    return [[f"{base}/{i}/{f}" if f else f"{base}/{i}" for f in fields] for i in range(count)]


def policies(ctx: Context, fs: Factsheet) -> LongTable:
    _ = ctx.gettext
    rows = []
    for p in fs.policies:
        title = ctx.inline(p.title)
        if p.region:
            title += f' <font color="#5F6B7A">({markup(p.region)})</font>'
        rows.append(
            [
                title,
                markup(labels.name(labels.POLICY_TYPES, p.type, _)),
                ctx.period(p.start_year, p.end_year),
                ctx.amount(p.budget_eur, p.budget_approximate),
                markup(", ".join(labels.name(labels.PRIORITIES, k, _) for k in p.priorities))
                or "–",
            ]
        )
    header = [_("Policy"), _("Type"), _("Period"), _("Budget"), _("Priorities addressed")]
    paths = item_paths(
        "/policies", len(rows), ("title", "type", "start_year", "budget_eur", "priorities")
    )
    return grid(ctx, header, rows, [29, 20, 10, 15, 26], align_right=(3,), paths=paths)


def cohesion(ctx: Context, fs: Factsheet) -> LongTable:
    _ = ctx.gettext
    rows = []
    for c in fs.cohesion_programmes:
        rows.append(
            [
                markup(c.cci) or "–",
                ctx.inline(c.title),
                markup(c.region) or "–",
                markup(", ".join(labels.name(labels.FUND_ABBREVIATIONS, f, _) for f in c.funds))
                or "–",
                markup(", ".join(c.policy_objectives)) or "–",
                ctx.amount(c.budget_eur, c.budget_approximate),
            ]
        )
    header = [
        _("CCI"),
        _("Programme"),
        _("Region"),
        _("Funds"),
        _("Objectives"),
        _("Budget for clusters"),
    ]
    fields = ("cci", "title", "region", "funds", "policy_objectives", "budget_eur")
    paths = item_paths("/cohesion_programmes", len(rows), fields)
    return grid(ctx, header, rows, [19, 33, 9, 10, 11, 18], align_right=(5,), paths=paths)


def cluster_support(ctx: Context, fs: Factsheet) -> LongTable:
    """How each cohesion programme supports clusters, one row per programme."""
    _ = ctx.gettext
    rows = [
        [ctx.inline(c.title), ctx.inline(c.cluster_support) or "–"] for c in fs.cohesion_programmes
    ]
    paths = item_paths("/cohesion_programmes", len(rows), ("title", "cluster_support"))
    header = [_("Programme"), _("How clusters are supported")]
    return grid(ctx, header, rows, [35, 65], paths=paths)


def recommendations(ctx: Context, fs: Factsheet) -> LongTable:
    _ = ctx.gettext
    rows = [
        [
            str(r.year) if r.year is not None else "–",
            markup(labels.name(labels.PRIORITIES, r.priority, _)) or "–",
            ctx.inline(r.text) or "–",
            ctx.inline(r.response) or "–",
        ]
        for r in fs.recommendations
    ]
    header = [_("Year"), _("Priority"), _("Recommendation"), _("Response of cluster policy")]
    paths = item_paths("/recommendations", len(rows), ("year", "priority", "text", "response"))
    return grid(ctx, header, rows, [8, 16, 38, 38], paths=paths)


def clusters(ctx: Context, fs: Factsheet) -> LongTable:
    _ = ctx.gettext
    rows = []
    for c in fs.clusters:
        name = markup(c.name) or "–"
        link = safe_url(c.url)
        if link:
            name = f'<a href="{link}" color="#003399">{name}</a>'
        scheme = fs.scheme(c.scheme)
        tier = scheme.tier(c.tier) if scheme and c.tier else None
        tier_text = ctx.inline(tier.name) if tier else markup(c.tier) or "–"
        rows.append(
            [
                name,
                markup(c.region) or "–",
                ctx.date(c.founded),
                ctx.integer(c.members),
                ctx.integer(c.sme_members),
                tier_text,
                markup(", ".join(labels.name(labels.ECOSYSTEMS, e, _) for e in c.ecosystems))
                or "–",
            ]
        )
    header = [
        _("Cluster organisation"),
        _("Region"),
        _("Founded"),
        _("Members"),
        _("SME members"),
        _("Tier"),
        _("Ecosystems"),
    ]
    fields = ("name", "region", "founded", "members", "sme_members", "tier", "ecosystems")
    paths = item_paths("/clusters", len(rows), fields)
    return grid(ctx, header, rows, [24, 8, 12, 11, 11, 15, 19], align_right=(3, 4), paths=paths)


def tiers(ctx: Context, scheme: TierScheme, base: str = "") -> LongTable:
    """The tiers of a scheme; ``base``: the scheme's path (``/tier_schemes/0``)."""
    _ = ctx.gettext
    rows = [
        [
            ctx.inline(t.name) or markup(t.key),
            _("{months} months").format(months=format_integer(t.min_operating_months, ctx.lang))
            if t.min_operating_months is not None else "–",
            ctx.integer(t.min_members),
            ctx.inline(t.criteria) or "–",
        ]
        for t in scheme.tiers
    ]  # fmt: skip
    header = [_("Tier"), _("Minimum operation"), _("Minimum members"), _("Further criteria")]
    fields = ("name", "min_operating_months", "min_members", "criteria")
    paths = item_paths(f"{base}/tiers", len(rows), fields) if base else None
    return grid(ctx, header, rows, [24, 16, 14, 46], align_right=(1, 2), paths=paths)


def support_matrix(ctx: Context, scheme: TierScheme, base: str = "") -> LongTable:
    """Support dimension x tier -> R / N marks, the primary level first and bold."""
    _ = ctx.gettext
    rows = []
    for s in scheme.support:
        row: list[Cell] = [ctx.inline(s.dimension) or "–"]
        for t in scheme.tiers:
            levels = s.levels.get(t.key, [])
            marks = [markup(labels.name(labels.SUPPORT_MARKS, lv, _)) for lv in levels]
            if marks:
                marks[0] = f"<b>{marks[0]}</b>"
            row.append(Para(" / ".join(marks) or "–", styles.stylesheet()["cell_center"]))
        rows.append(row)
    header = [
        _("Support dimension"),
        *[text_in(t.name, ctx.lang)[0] or t.key for t in scheme.tiers],
    ]
    widths = [40] + [60 / max(1, len(scheme.tiers))] * len(scheme.tiers)
    paths: list[list[str | None]] | None = None
    if base:
        paths = []
        for i in range(len(rows)):
            first: list[str | None] = [f"{base}/support/{i}/dimension"]
            paths.append(first + [f"{base}/support/{i}/levels/{t.key}" for t in scheme.tiers])
    return grid(
        ctx, header, rows, widths, align_center=range(1, len(header)), row_headers=True,
        paths=paths,
    )  # fmt: skip


def problems(ctx: Context, results: Sequence[object]) -> LongTable:
    """Validation results: severity, message, where (exchange-format path), rule id."""
    _ = ctx.gettext
    colours = {"error": styles.ERROR.hexval(), "warning": styles.WARNING.hexval()}
    rows = []
    for r in results:
        severity = getattr(r, "severity", "") or ""
        severity = str(getattr(severity, "value", severity))  # a plain string or an enum
        colour = colours.get(severity, "#1A1A1A").replace("0x", "#")
        rows.append(
            [
                f'<font color="{colour}">{markup(labels.name(labels.SEVERITIES, severity, _))}</font>',
                markup(str(getattr(r, "message", "") or ""))
                + f'<br/><font size="6.5" color="#5F6B7A">{markup(str(getattr(r, "rule", "") or ""))}</font>',
                markup(str(getattr(r, "path", "") or "")),
            ]
        )
    header = [_("Severity"), _("Problem"), _("Where")]
    # a remark on a listed problem is about the value the problem is about
    where = [str(getattr(r, "path", "") or "") for r in results]
    paths: list[list[str | None]] = [[w if w.startswith("/") else None] * 3 for w in where]
    return grid(ctx, header, rows, [11, 60, 29], paths=paths)
