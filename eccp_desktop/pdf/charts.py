"""Horizontal bar charts drawn on the canvas: policies by type, priorities, employment.

Each chart is one flowable that draws its own parts, so that each is tagged for
what it is: the bars a Figure whose /Alt sentence gives every figure, and the
printed title, labels and values the chart's data table (Table with its
Caption, a TH per category, a TD per value). Category labels wrap onto as many
lines as they need (never cut); a word too long for the label column is
hyphenated.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from babel.lists import format_list
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from eccp_desktop.domain.codes import ECOSYSTEMS, POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n import labels
from eccp_desktop.pdf import fonts, hyphenation, styles
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.escape import clean
from eccp_desktop.pdf.tagging import Elem, Tagger

LABEL_SIZE = 7.5
LABEL_LEADING = 8.6
TITLE_SIZE = 8.5
TITLE_LEADING = 10.5
VALUE_SIZE = 7.5


def alt_text(title: str, items: Sequence[tuple[str, str]], lang: str) -> str:
    """The chart as one sentence for a screen reader: its title, then every figure."""
    figures = format_list([f"{clean(label)}: {value}" for label, value in items], locale=lang)
    return f"{clean(title)}. {figures}."


def wrap_label(text: str, font: str, size: float, width: float, lang: str) -> list[str]:
    """``text`` in lines of at most ``width`` points: whole words, long words hyphenated."""
    return hyphenation.wrap(clean(text), font, size, width, lang)


class BarChart(Flowable):  # type: ignore[misc]
    """One row per category, top to bottom in the given order; one bar per series."""

    def __init__(
        self,
        title: str,
        rows: Sequence[tuple[str, Sequence[float]]],
        width: float,
        value_label: Callable[[float], str],
        lang: str,
        *,
        series: Sequence[str] = (),
        colours: Sequence[Color] = (styles.BLUE,),
        label_share: float = 0.48,
    ) -> None:
        super().__init__()
        self.lang = lang
        self.title = clean(title)
        self.rows = [(clean(lbl), list(vals)) for lbl, vals in rows]
        self.series = list(series)
        self.colours = list(colours)
        self.value_label = value_label
        self.width = width
        self.label_width = min(width * label_share, 150.0)
        self.bar = 11.0 if len(self.series) <= 1 else 7.0
        self.title_lines = wrap_label(self.title, fonts.BOLD, TITLE_SIZE, width, lang)
        self.label_lines = [
            wrap_label(lbl, fonts.FAMILY, LABEL_SIZE, self.label_width - 6, lang)
            for lbl, _v in self.rows
        ]
        n = max(1, len(self.series))
        self.row_heights = [
            max(self.bar * n + 0.6 * self.bar, len(lines) * LABEL_LEADING + 3)
            for lines in self.label_lines
        ]
        self.legend_height = 12.0 if self.series else 0.0
        self.head = len(self.title_lines) * TITLE_LEADING + 4 + self.legend_height
        self.height = self.head + sum(self.row_heights) + 6
        self.vmax = max([1.0, *(v for _l, vals in self.rows for v in vals)]) * 1.05
        self.elems: tuple[Elem, Elem] | None = None  # Figure and Table, from tag_story

    # tagging ------------------------------------------------------------------
    def alt(self) -> str:
        def figures(vals: Sequence[float]) -> str:
            if not self.series:
                return self.value_label(vals[0])
            return " / ".join(
                f"{s} {self.value_label(v)}" for s, v in zip(self.series, vals, strict=True)
            )

        return alt_text(self.title, [(lbl, figures(vals)) for lbl, vals in self.rows], self.lang)

    def make_elems(self, parent: Elem) -> None:
        """The bars' Figure and the data table, as children of ``parent`` (tag_story)."""
        figure = parent.child("Figure", alt=self.alt())
        table = parent.child("Table")
        self.elems = (figure, table)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def _begin(self, elem: Elem | None) -> None:
        tagger: Tagger | None = getattr(self.canv, "tagger", None)
        if tagger is not None and elem is not None:
            tagger.begin(self.canv._code, self.canv.page_index, elem)

    def _end(self, elem: Elem | None) -> None:
        tagger: Tagger | None = getattr(self.canv, "tagger", None)
        if tagger is not None and elem is not None:
            tagger.end(self.canv._code)

    def _artifact(self, start: bool) -> None:
        if getattr(self.canv, "tagger", None) is not None and self.elems is not None:
            code = self.canv._code
            Tagger.artifact(code) if start else Tagger.end_artifact(code)

    def _part(self, role: str, parent: Elem | None, **kw: Any) -> Elem | None:
        return parent.child(role, **kw) if parent is not None else None

    # drawing -----------------------------------------------------------------
    def draw(self) -> None:
        c = self.canv
        figure, table = self.elems if self.elems else (None, None)
        top = self.height
        # the title: the data table's caption
        caption = self._part("Caption", table)
        self._begin(caption)
        c.setFont(fonts.BOLD, TITLE_SIZE)
        c.setFillColor(styles.BLUE)
        for i, line in enumerate(self.title_lines):
            c.drawString(0, top - TITLE_SIZE - i * TITLE_LEADING, line)
        self._end(caption)
        plot_top = self.height - self.head
        x0 = self.label_width
        plot_width = self.width - x0 - 34
        if self.series:  # the legend: the table's header row
            header = self._part("TR", table)
            y = plot_top + 3
            x = x0
            c.setFont(fonts.FAMILY, LABEL_SIZE)
            for name, colour in zip(self.series, self.colours, strict=False):
                self._artifact(True)
                c.setFillColor(colour)
                c.rect(x, y, 7, 7, stroke=0, fill=1)
                self._artifact(False)
                th = self._part("TH", header, scope="Column")
                self._begin(th)
                c.setFillColor(styles.INK)
                c.drawString(x + 10, y + 0.5, name)
                self._end(th)
                x += 10 + stringWidth(name, fonts.FAMILY, LABEL_SIZE) + 14
        # the bars: the Figure
        self._begin(figure)
        y = plot_top
        for (_label, vals), h in zip(self.rows, self.row_heights, strict=True):
            n = max(1, len(self.series))
            bar_top = y - (h - n * self.bar) / 2
            for k, v in enumerate(vals):
                c.setFillColor(self.colours[k % len(self.colours)])
                w = plot_width * v / self.vmax
                if w > 0:
                    c.rect(x0, bar_top - (k + 1) * self.bar, w, self.bar, stroke=0, fill=1)
            y -= h
        c.setStrokeColor(styles.RULE)
        c.setLineWidth(0.5)
        c.line(x0, plot_top, x0, y)
        self._end(figure)
        # labels and values: the table's rows
        y = plot_top
        for (_label, vals), lines, h in zip(
            self.rows, self.label_lines, self.row_heights, strict=True
        ):
            tr = self._part("TR", table)
            th = self._part("TH", tr, scope="Row")
            self._begin(th)
            c.setFont(fonts.FAMILY, LABEL_SIZE)
            c.setFillColor(styles.INK)
            first = y - (h - len(lines) * LABEL_LEADING) / 2 - LABEL_SIZE + 0.5
            for i, line in enumerate(lines):
                c.drawRightString(x0 - 4, first - i * LABEL_LEADING, line)
            self._end(th)
            n = max(1, len(self.series))
            bar_top = y - (h - n * self.bar) / 2
            c.setFont(fonts.FAMILY, VALUE_SIZE)
            for k, v in enumerate(vals):
                td = self._part("TD", tr)
                self._begin(td)
                w = plot_width * v / self.vmax
                base = bar_top - (k + 1) * self.bar + (self.bar - VALUE_SIZE) / 2 + 1
                c.drawString(x0 + w + 3, base, self.value_label(v))
                self._end(td)
            y -= h


def bar_chart(
    title: str,
    items: Sequence[tuple[str, float]],
    width: float,
    value_label: Callable[[float], str],
    lang: str,
) -> BarChart:
    """One horizontal bar per item, top to bottom in the given order, values at the bar ends."""
    return BarChart(title, [(lbl, [v]) for lbl, v in items], width, value_label, lang)


def policies_by_type(ctx: Context, fs: Factsheet, width: float) -> BarChart | None:
    counts = Counter(p.type for p in fs.policies)
    if not counts:
        return None
    items = [
        (labels.name(labels.POLICY_TYPES, t, ctx.gettext), float(counts[t])) for t in POLICY_TYPES
    ]
    items += [(t, float(n)) for t, n in sorted(counts.items()) if t not in POLICY_TYPES]
    return bar_chart(
        ctx.gettext("Policies by type"), items, width, lambda v: ctx.integer(int(v)), ctx.lang
    )


def priorities(ctx: Context, fs: Factsheet, width: float) -> BarChart | None:
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


def employment(ctx: Context, fs: Factsheet, width: float) -> BarChart | None:
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
