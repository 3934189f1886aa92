"""Horizontal bar charts (reportlab.graphics): policies by type, priorities, employment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from babel.lists import format_list
from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from eccp_desktop.domain.codes import ECOSYSTEMS, POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n import labels
from eccp_desktop.pdf import fonts, styles
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.escape import clean
from eccp_desktop.pdf.tagging import set_role

# Every drawing starts in this font: reportlab's default would put an
# unembedded Helvetica into the PDF (our charts set DejaVu on every label).
shapes.STATE_DEFAULTS["fontName"] = fonts.FAMILY

LABEL_SIZE = 7.5
TITLE_SIZE = 8.5


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis until it fits in ``width`` points."""
    text = clean(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def alt_text(title: str, items: Sequence[tuple[str, str]], lang: str) -> str:
    """The chart as one sentence for a screen reader: its title, then every figure."""
    figures = format_list([f"{clean(label)}: {value}" for label, value in items], locale=lang)
    return f"{clean(title)}. {figures}."


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    width: float,
    value_label: Callable[[float], str],
    lang: str = "en",
) -> Drawing:
    """One horizontal bar per item, top to bottom in the given order, values at the bar ends.

    Tagged as a Figure whose /Alt text gives every figure.
    """
    bar = 11.0
    label_width = min(width * 0.48, 150.0)
    plot_height = bar * 1.6 * len(items)
    height = plot_height + 30
    drawing = Drawing(width, height)
    title = fit(title, fonts.BOLD, TITLE_SIZE, width)
    drawing.add(
        String(
            0, height - 11, title, fontName=fonts.BOLD, fontSize=TITLE_SIZE, fillColor=styles.BLUE
        )
    )
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 6
    chart.width = width - label_width - 34
    chart.height = plot_height
    # reportlab draws the first category at the bottom: reverse to read top-down
    values = [v for _l, v in reversed(items)]
    chart.data = [values]
    chart.bars[0].fillColor = styles.BLUE
    chart.bars[0].strokeColor = None
    chart.barWidth = bar
    chart.categoryAxis.categoryNames = [
        fit(lbl, fonts.FAMILY, LABEL_SIZE, label_width - 6) for lbl, _v in reversed(items)
    ]
    chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = styles.RULE
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*values, 1]) * 1.05
    chart.valueAxis.visible = 0
    chart.barLabelFormat = value_label
    chart.barLabels.fontName = fonts.FAMILY
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fillColor = styles.INK
    drawing.add(chart)
    alt = alt_text(title, [(lbl, value_label(v)) for lbl, v in items], lang)
    return set_role(drawing, "Figure", alt=alt)


def policies_by_type(ctx: Context, fs: Factsheet, width: float) -> Drawing | None:
    counts = Counter(p.type for p in fs.policies)
    if not counts:
        return None
    items = [
        (labels.name(labels.POLICY_TYPES_SHORT, t, ctx.gettext), float(counts[t]))
        for t in POLICY_TYPES
    ]
    items += [(t, float(n)) for t, n in sorted(counts.items()) if t not in POLICY_TYPES]
    return bar_chart(
        ctx.gettext("Policies by type"), items, width, lambda v: ctx.integer(int(v)), ctx.lang
    )


def priorities(ctx: Context, fs: Factsheet, width: float) -> Drawing | None:
    counts = Counter(k for p in fs.policies for k in p.priorities)
    if not fs.policies:
        return None
    items = [(labels.name(labels.PRIORITIES, k, ctx.gettext), float(counts[k])) for k in PRIORITIES]
    return bar_chart(
        ctx.gettext("Priorities addressed (number of policies)"),
        items,
        width,
        lambda v: ctx.integer(int(v)),
        ctx.lang,
    )


def employment(ctx: Context, fs: Factsheet, width: float) -> Drawing | None:
    """Employment by ecosystem, largest first; None when no figure is given."""
    given = [e for e in fs.ecosystems if e.employment is not None]
    if not given:
        return None
    order = {k: i for i, k in enumerate(ECOSYSTEMS)}
    given.sort(key=lambda e: (-(e.employment or 0), order.get(e.ecosystem, 99)))
    items = [
        (labels.name(labels.ECOSYSTEMS, e.ecosystem, ctx.gettext), float(e.employment or 0))
        for e in given
    ]
    return bar_chart(
        ctx.gettext("Employment by industrial ecosystem (persons)"),
        items,
        width,
        lambda v: ctx.integer(int(v)),
        ctx.lang,
    )
