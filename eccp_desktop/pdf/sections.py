"""The story of each numbered part of the factsheet, in the published order.

Every heading is always printed (the structure is the same in every
factsheet); a part with nothing in it says so in one muted line.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from eccp_desktop.domain.model import Factsheet, Policy
from eccp_desktop.i18n import N_, labels
from eccp_desktop.pdf import charts, fonts, styles, tables
from eccp_desktop.pdf.context import Context
from eccp_desktop.pdf.document import Heading
from eccp_desktop.pdf.escape import clean, markup, safe_url
from eccp_desktop.pdf.para import Para
from eccp_desktop.pdf.tagging import set_role

Story = list[Flowable]


def heading(ctx: Context, number: str, title: str, level: int, path: str | None = None) -> Heading:
    """A numbered heading; ``path``: what the part it opens is about (the layout map)."""
    text = f"{number} {title}".strip()
    style = styles.stylesheet()["h1" if level == 0 else "h2" if level == 1 else "h3"]
    key = "sec-" + (number.strip(".") or clean(title)[:20])
    h = Heading(markup(text), style, plain=clean(text), level=level, key=key)
    h.map_path, h.map_section = path, True
    return h


def nothing(ctx: Context) -> Paragraph:
    return ctx.label(N_("No information given."), "note")


def text_or_nothing(ctx: Context, story: Story, key: str, fs: Factsheet) -> None:
    flow = ctx.blocks(fs.sections.get(key), path=f"/sections/{key}")
    story.extend(flow or [nothing(ctx)])


def text_then_table(
    ctx: Context, story: Story, key: str, fs: Factsheet, table: Flowable | None
) -> None:
    """A section's text, then its table; "no information" only when neither is given."""
    story += ctx.blocks(fs.sections.get(key), path=f"/sections/{key}")
    if table is not None:
        story.append(table)
    elif not fs.sections.get(key):
        story.append(nothing(ctx))


def link(url: str | None) -> str:
    """A clickable link for web addresses, plain escaped text for anything else."""
    href = safe_url(url)
    if href:
        return f'<a href="{href}" color="#003399">{markup(url)}</a>'
    return markup(url)


def side_by_side(left: Flowable | None, right: Flowable | None) -> Flowable | None:
    cells = [c for c in (left, right) if c is not None]
    if not cells:
        return None
    if len(cells) == 1:
        return cells[0]
    half = styles.FRAME_WIDTH / 2
    table = Table([cells], colWidths=[half, half], hAlign="LEFT")
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table


def economic_context(ctx: Context, fs: Factsheet) -> Story:
    _ = ctx.gettext
    title = _("Introduction and economic policy context")
    story: Story = [heading(ctx, "1", title, 0, "/sections/economic_context")]
    text_or_nothing(ctx, story, "economic_context", fs)
    return story


def landscape(ctx: Context, fs: Factsheet) -> Story:
    _ = ctx.gettext
    landscape_path = "/sections/cluster_landscape"
    story: Story = [
        heading(ctx, "2", _("Industrial ecosystems and cluster landscape"), 0, landscape_path)
    ]
    story += ctx.blocks(fs.sections.get("cluster_landscape"), path=landscape_path)
    story.append(
        heading(ctx, "2.1", _("Employment in the industrial ecosystems"), 1, "/ecosystems")
    )
    if fs.ecosystems:
        chart = charts.employment(ctx, fs, styles.FRAME_WIDTH * 0.75)
        if chart is not None:
            story += [chart, Spacer(0, 4)]
        rows = [
            [
                markup(labels.name(labels.ECOSYSTEMS, e.ecosystem, _)),
                ctx.integer(e.employment),
                ctx.percent(e.employment_share),
                markup(labels.name(labels.RATINGS, e.relevance, _)) or "–",
                ctx.inline(e.note) or "–",
            ]
            for e in fs.ecosystems
        ]
        header = [_("Ecosystem"), _("Employment"), _("Share"), _("Relevance"), _("Note")]
        fields = ("ecosystem", "employment", "employment_share", "relevance", "note")
        paths = tables.item_paths("/ecosystems", len(rows), fields)
        story.append(
            tables.grid(ctx, header, rows, [26, 13, 9, 11, 41], align_right=(1, 2), paths=paths)
        )
    else:
        story.append(nothing(ctx))
    story.append(
        heading(ctx, "2.2", _("Regional agglomerations"), 1, "/sections/regional_agglomerations")
    )
    text_or_nothing(ctx, story, "regional_agglomerations", fs)
    title = _("Cluster organisations and interregional cooperation")
    story.append(heading(ctx, "2.3", title, 1, "/sections/cluster_organisations"))
    clusters = tables.clusters(ctx, fs) if fs.clusters else None
    text_then_table(ctx, story, "cluster_organisations", fs, clusters)
    return story


def _policy_detail(ctx: Context, p: Policy, base: str) -> Story:
    _ = ctx.gettext
    facts = [labels.name(labels.POLICY_TYPES, p.type, _)]
    if p.region:
        facts.append(_("region {code}").format(code=p.region))
    if p.authority:
        facts.append(p.authority)
    facts.append(ctx.period(p.start_year, p.end_year))
    if p.budget_eur is not None:
        facts.append(
            _("budget {amount}").format(amount=ctx.amount(p.budget_eur, p.budget_approximate))
        )
    head = Para(ctx.inline(p.title) or markup(p.key), styles.stylesheet()["h3"])
    head.map_path = f"{base}/title"
    facts_para = ctx.para(markup(" · ".join(facts)), "small", path=base)
    story: Story = [KeepTogether([head, facts_para])]
    story += ctx.blocks(p.description, path=f"{base}/description")
    if p.url:
        story.append(ctx.para(link(p.url), "small", path=f"{base}/url"))
    if p.programmes:
        rows = [
            [
                ctx.inline(g.title) or "–",
                ctx.period(g.start_year, g.end_year),
                ctx.amount(g.budget_eur, g.budget_approximate),
                ctx.inline(g.description) or "–",
            ]
            for g in p.programmes
        ]
        header = [_("Programme or initiative"), _("Period"), _("Budget"), _("Description")]
        fields = ("title", "start_year", "budget_eur", "description")
        paths = tables.item_paths(f"{base}/programmes", len(rows), fields)
        table = tables.grid(ctx, header, rows, [30, 12, 14, 44], align_right=(2,), paths=paths)
        story += [table, Spacer(0, 6)]
    return story


def policy(ctx: Context, fs: Factsheet) -> Story:
    _ = ctx.gettext
    overview = "/sections/policy_overview"
    title = _("National cluster policy, programmes and initiatives")
    story: Story = [heading(ctx, "3", title, 0, overview)]
    story += ctx.blocks(fs.sections.get("policy_overview"), path=overview)
    story.append(heading(ctx, "3.1", _("Policies"), 1, "/policies"))
    if fs.policies:
        half = styles.FRAME_WIDTH / 2 - 6
        pair = side_by_side(
            charts.policies_by_type(ctx, fs, half), charts.priorities(ctx, fs, half)
        )
        if pair is not None:
            story += [pair, Spacer(0, 6)]
        story.append(tables.policies(ctx, fs))
        story.append(heading(ctx, "3.2", _("Programmes and initiatives"), 1, "/policies"))
        for i, p in enumerate(fs.policies):
            story += _policy_detail(ctx, p, f"/policies/{i}")
    else:
        story.append(nothing(ctx))
    story.append(
        heading(ctx, "3.3", _("Cohesion policy programmes 2021–2027"), 1, "/cohesion_programmes")
    )
    if fs.cohesion_programmes:
        story += [tables.cohesion(ctx, fs), Spacer(0, 6), tables.cluster_support(ctx, fs)]
    else:
        story.append(nothing(ctx))
    story.append(heading(ctx, "3.4", _("Cluster tier schemes"), 1, "/tier_schemes"))
    if not fs.tier_schemes:
        story.append(nothing(ctx))
    for s, scheme in enumerate(fs.tier_schemes):
        base = f"/tier_schemes/{s}"
        name = Para(ctx.inline(scheme.name) or markup(scheme.key), styles.stylesheet()["h3"])
        name.map_path = f"{base}/name"
        story.append(name)
        story += [tables.tiers(ctx, scheme, base), Spacer(0, 6)]
        if scheme.support and scheme.tiers:
            # the legend names the marks as this language's catalog writes them
            mark = {lv: labels.name(labels.SUPPORT_MARKS, lv, _) for lv in labels.SUPPORT_MARKS}
            legend = _(
                "Support by tier ({regional} = regional level, {national} = national level; "
                "the first, in bold, is primary)"
            ).format(regional=mark["regional"], national=mark["national"])
            story.append(ctx.para(markup(legend), "small", path=f"{base}/support"))
            story += [tables.support_matrix(ctx, scheme, base), Spacer(0, 6)]
    return story


def state(ctx: Context, fs: Factsheet) -> Story:
    _ = ctx.gettext
    title = _("State of cluster policy and its role in broader economic policy challenges")
    story: Story = [heading(ctx, "4", title, 0, "/sections/policy_state")]
    story.append(heading(ctx, "4.1", _("The state of cluster policy"), 1, "/policy_assessment"))
    rows = [
        [
            f"<b>{markup(labels.name(labels.DIMENSIONS, dim, _))}</b>",
            markup(labels.name(labels.RATINGS, a.rating, _)) or "–",
            ctx.inline(a.text) or "–",
        ]
        for dim, a in fs.policy_assessment.items()
    ]
    header = [_("Dimension"), _("Rating"), _("Assessment")]
    paths: list[list[str | None]] = [
        [
            f"/policy_assessment/{dim}",
            f"/policy_assessment/{dim}/rating",
            f"/policy_assessment/{dim}/text",
        ]
        for dim in fs.policy_assessment
    ]
    assessment = (
        tables.grid(ctx, header, rows, [18, 12, 70], row_headers=True, paths=paths)
        if rows
        else None
    )
    text_then_table(ctx, story, "policy_state", fs, assessment)
    title = _("Potential impact on the challenges of the European Semester")
    story.append(heading(ctx, "4.2", title, 1, "/sections/semester_impact"))
    recommendations = tables.recommendations(ctx, fs) if fs.recommendations else None
    text_then_table(ctx, story, "semester_impact", fs, recommendations)
    return story


def references(ctx: Context, fs: Factsheet) -> Story:
    _ = ctx.gettext
    story: Story = [heading(ctx, "", _("References"), 0, "/sources")]
    for i, s in enumerate(fs.sources, start=1):
        text = f"[{i}] {markup(s.title)}"
        if s.url:
            text += ". " + link(s.url)
        if s.accessed:
            text += " " + markup(_("(accessed {date})").format(date=ctx.date(s.accessed)))
        story.append(set_role(ctx.para(text, "reference", path=f"/sources/{i - 1}"), "LI"))
    if not fs.sources:
        story.append(nothing(ctx))
    return story


def annex(ctx: Context, fs: Factsheet, problems: Sequence[object] | None) -> Story:
    _ = ctx.gettext
    story: Story = [heading(ctx, "", _("Annex"), 0, "/sections/annex")]
    text_or_nothing(ctx, story, "annex", fs)
    if problems is not None:
        story.append(heading(ctx, "A.1", _("Validation results"), 1, "/sections/annex"))
        if problems:
            story.append(tables.problems(ctx, problems))
        else:
            story.append(ctx.label(N_("No problems found."), "note"))
    return story
