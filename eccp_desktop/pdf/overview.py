"""The state-of-play report across the store: key figures, charts, one line per country."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Flowable, Spacer

from eccp_desktop.domain.codes import POLICY_TYPES, PRIORITIES
from eccp_desktop.i18n import N_, labels
from eccp_desktop.i18n.formatting import country_name
from eccp_desktop.pdf import charts, fonts, styles
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.document import FactsheetDocument, PageInfo
from eccp_desktop.pdf.escape import clean, markup
from eccp_desktop.pdf.render import AUTHOR, check_language
from eccp_desktop.pdf.sections import heading
from eccp_desktop.pdf.tables import grid
from eccp_desktop.pdf.tagging import set_role
from eccp_desktop.stateofplay import EU_GROUPS, StateOfPlay

GROUP_COLOURS = (styles.BLUE, styles.YELLOW)


def priorities_by_group(ctx: Context, state: StateOfPlay, width: float) -> Drawing:
    """Policies addressing each priority, one bar per group (EU15, EU13)."""
    bar = 7.0
    label_width = min(width * 0.4, 140.0)
    plot_height = bar * 2.6 * len(PRIORITIES)
    height = plot_height + 42
    drawing = Drawing(width, height)
    title = ctx.gettext("Cluster policies addressing Commission priorities, by EU15/EU13")
    drawing.add(
        String(
            0,
            height - 11,
            charts.fit(title, fonts.BOLD, charts.TITLE_SIZE, width),
            fontName=fonts.BOLD,
            fontSize=charts.TITLE_SIZE,
            fillColor=styles.BLUE,
        )
    )
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 30, plot_height
    order = list(reversed(PRIORITIES))  # reportlab draws the first category at the bottom
    chart.data = [[float(state.priorities_by_group[p][g]) for p in order] for g in EU_GROUPS]
    for i, colour in enumerate(GROUP_COLOURS):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    chart.barWidth = bar
    chart.categoryAxis.categoryNames = [
        charts.fit(
            labels.name(labels.PRIORITIES, p, ctx.gettext),
            fonts.FAMILY,
            charts.LABEL_SIZE,
            label_width - 6,
        )
        for p in order
    ]
    chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.categoryAxis.labels.fontSize = charts.LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = styles.RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([1.0, *(v for row in chart.data for v in row)]) * 1.1
    chart.valueAxis.visible = 0
    chart.barLabelFormat = lambda v: ctx.integer(int(v))
    chart.barLabels.fontName = fonts.FAMILY
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = label_width, 8
    legend.fontName, legend.fontSize = fonts.FAMILY, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.colorNamePairs = list(zip(GROUP_COLOURS, EU_GROUPS, strict=True))
    drawing.add(legend)
    figures = [
        (
            labels.name(labels.PRIORITIES, p, ctx.gettext),
            " / ".join(f"{g} {ctx.integer(state.priorities_by_group[p][g])}" for g in EU_GROUPS),
        )
        for p in PRIORITIES
    ]
    return set_role(drawing, "Figure", alt=charts.alt_text(title, figures, ctx.lang))


def key_figures(ctx: Context, state: StateOfPlay) -> list[Flowable]:
    _ = ctx.gettext
    types = state.policies_by_type
    n = len(state.member_states)
    lines = [
        _("{count} relevant policies in {countries} of the EU27 Member States in the store: {national} national cluster policies, {regional} regional cluster policies, {broad} broad and {sectoral} sectoral policies.").format(
            count=ctx.integer(state.policy_count), countries=ctx.integer(n),
            national=ctx.integer(types["national_cluster"]), regional=ctx.integer(types["regional_cluster"]),
            broad=ctx.integer(types["broad"]), sectoral=ctx.integer(types["sectoral"]),
        ),
        _("{count} of {countries} Member States employ a dedicated national and/or regional cluster policy.").format(count=ctx.integer(len(state.dedicated)), countries=ctx.integer(n)),
        _("In {count} of {countries} Member States, clusters receive support through cohesion policy programmes 2021-2027.").format(count=ctx.integer(len(state.cohesion)), countries=ctx.integer(n)),
    ]  # fmt: skip
    named = [None, state.dedicated, state.cohesion]  # which countries, under their figure
    story: list[Flowable] = []
    for line, countries in zip(lines, named, strict=True):
        story.append(set_role(ctx.para("• " + markup(line)), "LI"))
        if countries:
            names = sorted(country_name(c, ctx.lang) for c in countries)
            story.append(ctx.para(markup(", ".join(names)), "small"))
    return story


def country_table(ctx: Context, state: StateOfPlay) -> Flowable:
    _ = ctx.gettext
    header = [_("Country"), _("Group"), _("Edition"), _("Status")]
    header += [labels.name(labels.POLICY_TYPES_SHORT, t, _) for t in POLICY_TYPES]
    header.append(_("Cohesion programmes"))
    rows = [
        [
            markup(country_name(line.country, ctx.lang)), line.group, str(line.edition),
            markup(labels.name(labels.STATUSES, line.status, _)),
            *(ctx.integer(line.policies_by_type[t]) for t in POLICY_TYPES),
            ctx.integer(line.cohesion_programmes),
        ]
        for line in state.lines
    ]  # fmt: skip
    return grid(ctx, header, rows, [19, 7, 8, 10, 10, 10, 9, 8, 15], align_right=range(4, 9))


def render_overview(state: StateOfPlay, lang: str) -> bytes:
    """The state of play as a PDF in ``lang``; byte-identical for the same store."""
    check_language(lang)
    ctx = Context(lang)
    _ = ctx.gettext
    title = _("Cluster policies across Europe – state of play")
    if state.edition is not None:
        title += f" {state.edition}"
    as_of = state.as_of or dt.date(2000, 1, 1)
    info = PageInfo(
        lang=lang, title=clean(title), subject=clean(title), author=AUTHOR,
        keywords=clean(_("cluster policy")), running_head=clean(title),
        footer_left=clean(_("ECCP · reference date {date}").format(date=ctx.date(state.as_of))),
        page_label=_("Page {page} of {pages}"), draft_mark=None, created=as_of,
    )  # fmt: skip
    width = styles.FRAME_WIDTH
    story: list[Flowable] = [
        ctx.label(N_("European Cluster Collaboration Platform · Cluster Policy Factsheet"), "kicker"),
        ctx.para(markup(title), "title"),
        ctx.para(markup(_("Based on {count} factsheets in the store; figures count the EU27 Member States among them.").format(count=ctx.integer(len(state.lines)))), "small"),
        Spacer(0, 6),
        heading(ctx, "1", _("Key figures"), 0),
        *key_figures(ctx, state),
        Spacer(0, 8),
        charts.bar_chart(_("Policies by type"), [(labels.name(labels.POLICY_TYPES_SHORT, t, _), float(state.policies_by_type[t])) for t in POLICY_TYPES], width, lambda v: ctx.integer(int(v)), lang),
        Spacer(0, 8),
        priorities_by_group(ctx, state, width),
        heading(ctx, "2", _("Factsheets in the store"), 0),
        country_table(ctx, state) if state.lines else ctx.label(N_("No information given."), "note"),
    ]  # fmt: skip
    out = BytesIO()
    FactsheetDocument(out, info).render(story)
    return out.getvalue()
