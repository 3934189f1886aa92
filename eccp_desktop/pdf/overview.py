"""The state-of-play PDF: a few pages of figures across every factsheet in the store."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, KeepTogether, Spacer

from eccp_desktop.domain.codes import POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n.formatting import country_name
from eccp_desktop.pdf import charts, fonts, labels, styles, tables
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.document import FactsheetDocument, PageInfo
from eccp_desktop.pdf.escape import clean, markup
from eccp_desktop.pdf.render import AUTHOR, check_language
from eccp_desktop.pdf.sections import heading
from eccp_desktop.pdf.state_of_play import GROUPS, StateOfPlay, state_of_play


def _names(ctx: Context, codes: list[str]) -> str:
    names = sorted(country_name(c, ctx.lang) for c in codes)
    return markup(", ".join(names)) or "–"


def _priorities_chart(ctx: Context, s: StateOfPlay) -> Drawing:
    _ = ctx.gettext
    width, height = styles.FRAME_WIDTH, 150.0
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 40, width - 140, height - 55
    groups = [g for g in GROUPS if s.policies_by_group[g]] or ["EU15", "EU13"]
    chart.data = [[s.priorities_by_group[p][g] for p in PRIORITIES] for g in groups]
    chart.categoryAxis.categoryNames = [
        charts.fit(labels.name(labels.PRIORITIES, p, _), fonts.FAMILY, 7, chart.width / 5 - 4)
        for p in PRIORITIES
    ]
    chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = fonts.FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, max([1, *[max(r) for r in chart.data]]) // 5)
    chart.valueAxis.labelTextFormat = lambda v: ctx.integer(int(v))
    for i, colour in enumerate(styles.CHART[: len(groups)]):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 95, height - 30
    legend.fontName, legend.fontSize = fonts.FAMILY, 7.5
    names = {"EU15": "EU15", "EU13": "EU13", "other": _("other countries")}
    legend.colorNamePairs = [(styles.CHART[i], names[g]) for i, g in enumerate(groups)]
    drawing.add(legend)
    return drawing


def build(ctx: Context, s: StateOfPlay) -> list[Flowable]:
    _ = ctx.gettext
    editions = ", ".join(str(e) for e in s.editions) or "–"
    story: list[Flowable] = [
        ctx.label("European Cluster Collaboration Platform · Cluster Policy Factsheets", "kicker"),
        ctx.para(markup(_("State of play across Europe")), "title"),
        ctx.para(
            markup(
                _("{factsheets} factsheets · {policies} policies · editions {editions}").format(
                    factsheets=ctx.integer(s.factsheets),
                    policies=ctx.integer(s.policies),
                    editions=editions,
                )
            ),
            "subtitle",
        ),
        ctx.label("Computed from the factsheets in the store; validated or not.", "note"),
        Spacer(0, 6),
        heading(ctx, "1", _("Policies by type"), 0),
    ]
    chart = charts.bar_chart(
        _("Policies by type"),
        [
            (labels.name(labels.POLICY_TYPES_SHORT, t, _), float(s.policies_by_type[t]))
            for t in POLICY_TYPES
        ],
        styles.FRAME_WIDTH * 0.7,
        lambda v: ctx.integer(int(v)),
    )
    rows = [
        [
            markup(labels.name(labels.POLICY_TYPES, t, _)),
            ctx.integer(s.policies_by_type[t]),
            ctx.integer(len(s.countries_by_type[t])),
            _names(ctx, s.countries_by_type[t]),
        ]
        for t in POLICY_TYPES
    ]
    header = [_("Type"), _("Policies"), _("Countries"), _("Which")]
    story += [
        chart,
        Spacer(0, 4),
        tables.grid(ctx, header, rows, [24, 11, 12, 53], align_right=(1, 2)),
    ]
    story.append(heading(ctx, "2", _("Countries with a dedicated cluster policy"), 0))
    story.append(
        ctx.para(
            markup(
                _(
                    "{n} of {total} countries have a national and/or regional cluster policy:"
                ).format(n=ctx.integer(len(s.dedicated)), total=ctx.integer(len(s.countries)))
            )
        )
    )
    story.append(ctx.para(_names(ctx, s.dedicated)))
    story.append(heading(ctx, "3", _("Clusters in cohesion policy programmes 2021–2027"), 0))
    story.append(
        ctx.para(
            markup(
                _("In {n} of {total} countries clusters receive support through {programmes} cohesion policy programmes; budget for clusters where given: {amount}.").format(
                    n=ctx.integer(len(s.cohesion_countries)), total=ctx.integer(len(s.countries)),
                    programmes=ctx.integer(s.cohesion_programmes),
                    amount=ctx.amount(s.cohesion_budget, s.cohesion_budget_approximate),
                )
            )
        )
    )  # fmt: skip
    story.append(ctx.para(_names(ctx, s.cohesion_countries)))
    rows = [
        [markup(labels.name(labels.PRIORITIES, p, _))]
        + [ctx.integer(s.priorities_by_group[p][g]) for g in GROUPS]
        for p in PRIORITIES
    ]
    rows.append([markup(_("All policies"))] + [ctx.integer(s.policies_by_group[g]) for g in GROUPS])
    header = [_("Priority"), "EU15", "EU13", _("other countries")]
    table = tables.grid(ctx, header, rows, [40, 20, 20, 20], align_right=(1, 2, 3))
    title = heading(ctx, "4", _("Priorities addressed, by EU15 and EU13"), 0)
    story.append(KeepTogether([title, _priorities_chart(ctx, s), Spacer(0, 4), table]))
    return story


def render_overview(factsheets: Iterable[Factsheet], lang: str) -> bytes:
    """The state of play over ``factsheets`` (one per country) as a PDF in ``lang``."""
    check_language(lang)
    ctx = Context(lang)
    _ = ctx.gettext
    s = state_of_play(factsheets)
    title = clean(_("State of play across Europe"))
    info = PageInfo(
        lang=lang,
        title=title,
        subject=clean(_("ECCP cluster policy factsheets: state of play")),
        author=AUTHOR,
        keywords=clean(_("cluster policy")),
        running_head=title,
        footer_left=clean(_("ECCP · reference date {date}").format(date=ctx.date(s.as_of))),
        page_label=_("Page {page} of {pages}"),
        draft_mark=None,
        created=s.as_of,
    )
    out = BytesIO()
    FactsheetDocument(out, info).render(build(ctx, s))
    return out.getvalue()
