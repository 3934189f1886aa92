"""The factsheet's content as HTML+CSS, for the WeasyPrint comparison in ``pdf_bench``.

Same texts, tables, two bar charts and embedded DejaVu Sans as the reportlab
renderer prints, so the two engines lay out comparable pages. Bench-only:
WeasyPrint is never a dependency of the application or its tests.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from eccp_desktop.domain.codes import POLICY_TYPES, PRIORITIES
from eccp_desktop.domain.model import Factsheet, LocalizedText, text_in
from eccp_desktop.i18n import labels
from eccp_desktop.i18n.formatting import country_name, language_name
from eccp_desktop.pdf import fonts
from eccp_desktop.pdf.context import Context

CSS = """
@font-face {{ font-family: DejaVu; src: url("file://{regular}"); }}
@font-face {{ font-family: DejaVu; font-weight: bold; src: url("file://{bold}"); }}
@font-face {{ font-family: DejaVu; font-style: italic; src: url("file://{oblique}"); }}
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font: 7.5pt DejaVu; color: #5F6B7A; }}
  @bottom-left {{ content: "ECCP"; font: 7.5pt DejaVu; color: #5F6B7A; }} }}
body {{ font: 9.5pt/13pt DejaVu; color: #1A1A1A; }}
h1 {{ font-size: 26pt; color: #003399; margin: 0; }}
h2 {{ font-size: 15pt; color: #003399; page-break-after: avoid; bookmark-level: 1; }}
h3 {{ font-size: 11.5pt; color: #003399; page-break-after: avoid; bookmark-level: 2; }}
table {{ width: 100%; border-collapse: collapse; font-size: 8pt; line-height: 10pt; margin-bottom: 6pt; }}
thead {{ display: table-header-group; }}
th {{ background: #E1E8F5; color: #003399; text-align: left; border-bottom: 0.8pt solid #003399; padding: 2.5pt 3pt; }}
td {{ border-bottom: 0.25pt solid #C9D3E3; padding: 2.5pt 3pt; vertical-align: top; }}
tr:nth-child(even) td {{ background: #F2F5FA; }}
.num {{ text-align: right; }} .mark {{ font-size: 6.5pt; color: #5F6B7A; }}
.draft {{ border: 1pt solid #C0392B; color: #C0392B; font-weight: bold; padding: 3pt 6pt; }}
.chart {{ display: inline-block; width: 48%; vertical-align: top; font-size: 7.5pt; }}
.bar {{ background: #003399; height: 9pt; display: inline-block; }}
.row {{ margin: 2pt 0; }} .lbl {{ display: inline-block; width: 40%; text-align: right; padding-right: 4pt; }}
"""


def _cell(ctx: Context, text: LocalizedText | None) -> str:
    value, fell_back = text_in(text, ctx.lang)
    return escape(value) + (' <span class="mark">[EN]</span>' if fell_back else "")


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _chart(title: str, items: list[tuple[str, int]]) -> str:
    top = max([n for _l, n in items] + [1])
    rows = "".join(
        f'<div class="row"><span class="lbl">{escape(lbl)}</span>'
        f'<span class="bar" style="width:{45 * n / top:.1f}%"></span> {n}</div>'
        for lbl, n in items
    )
    return f'<div class="chart"><b>{escape(title)}</b>{rows}</div>'


def factsheet_html(fs: Factsheet, lang: str) -> str:
    ctx = Context(lang)
    _ = ctx.gettext
    faces = fonts.locate()
    css = CSS.format(
        regular=faces[fonts.FAMILY], bold=faces[fonts.BOLD], oblique=faces[fonts.OBLIQUE]
    )
    out = [f'<html lang="{lang}"><head><meta charset="utf-8"><style>{css}</style></head><body>']
    out.append(f"<h1>{escape(country_name(fs.country, lang))}</h1>")
    out.append(
        f"<p>{escape(str(fs.edition))} · {escape(language_name(lang, lang, label=True))}</p>"
    )
    if fs.status not in labels.SIGNED_OFF:
        out.append(
            f'<p class="draft">{escape(_("DRAFT – not validated by the national authority"))}</p>'
        )

    def section(title: str, key: str) -> None:
        out.append(f"<h2>{escape(title)}</h2>")
        value, _fell = text_in(fs.sections.get(key), lang)
        out.extend(f"<p>{escape(p)}</p>" for p in value.split("\n\n") if p)

    section("1 " + _("Introduction and economic policy context"), "economic_context")
    section("2 " + _("Industrial ecosystems and cluster landscape"), "cluster_landscape")
    if fs.clusters:
        out.append(
            _table(
                [_("Cluster organisation"), _("Region"), _("Founded"), _("Members"), _("SME members")],
                [[escape(c.name), escape(c.region or ""), ctx.date(c.founded), ctx.integer(c.members),
                  ctx.integer(c.sme_members)] for c in fs.clusters],
            )
        )  # fmt: skip
    section("3 " + _("National cluster policy, programmes and initiatives"), "policy_overview")
    by_type = Counter(p.type for p in fs.policies)
    by_priority = Counter(k for p in fs.policies for k in p.priorities)
    out.append(
        _chart(
            _("Policies by type"),
            [(labels.name(labels.POLICY_TYPES_SHORT, t, _), by_type[t]) for t in POLICY_TYPES],
        )
    )
    out.append(
        _chart(
            _("Priorities addressed (number of policies)"),
            [(labels.name(labels.PRIORITIES, k, _), by_priority[k]) for k in PRIORITIES],
        )
    )
    out.append(
        _table(
            [_("Policy"), _("Type"), _("Period"), _("Budget"), _("Priorities addressed")],
            [[_cell(ctx, p.title), escape(labels.name(labels.POLICY_TYPES_SHORT, p.type, _)),
              ctx.period(p.start_year, p.end_year), ctx.amount(p.budget_eur, p.budget_approximate),
              escape(", ".join(labels.name(labels.PRIORITIES, k, _) for k in p.priorities))] for p in fs.policies],
        )
    )  # fmt: skip
    for p in fs.policies:
        out.append(f"<h3>{_cell(ctx, p.title)}</h3><p>{_cell(ctx, p.description)}</p>")
        out.append(
            _table(
                [_("Programme or initiative"), _("Period"), _("Budget"), _("Description")],
                [[_cell(ctx, g.title), ctx.period(g.start_year, g.end_year),
                  ctx.amount(g.budget_eur, g.budget_approximate), _cell(ctx, g.description)] for g in p.programmes],
            )
        )  # fmt: skip
    out.append(
        _table(
            [_("CCI"), _("Programme"), _("Funds"), _("Budget for clusters")],
            [[escape(c.cci or "–"), _cell(ctx, c.title), escape(", ".join(c.funds)),
              ctx.amount(c.budget_eur, c.budget_approximate)] for c in fs.cohesion_programmes],
        )
    )  # fmt: skip
    for scheme in fs.tier_schemes:
        out.append(f"<h3>{_cell(ctx, scheme.name)}</h3>")
        out.append(
            _table(
                [_("Tier"), _("Minimum operation"), _("Minimum members"), _("Further criteria")],
                [[_cell(ctx, t.name), str(t.min_operating_months), ctx.integer(t.min_members),
                  _cell(ctx, t.criteria)] for t in scheme.tiers],
            )
        )  # fmt: skip
        out.append(
            _table(
                [_("Support dimension"), *[text_in(t.name, lang)[0] for t in scheme.tiers]],
                [[_cell(ctx, s.dimension), *[" / ".join(s.levels.get(t.key, [])) or "–" for t in scheme.tiers]]
                 for s in scheme.support],
            )
        )  # fmt: skip
    section(
        "4 " + _("State of cluster policy and its role in broader economic policy challenges"),
        "policy_state",
    )
    out.append(
        _table(
            [_("Dimension"), _("Rating"), _("Assessment")],
            [
                [escape(d), escape(a.rating or "–"), _cell(ctx, a.text)]
                for d, a in fs.policy_assessment.items()
            ],
        )
    )
    section(
        "4.2 " + _("Potential impact on the challenges of the European Semester"), "semester_impact"
    )
    out.append(f"<h2>{escape(_('References'))}</h2>")
    out.extend(f'<p>[{i}] {escape(s.title)} <a href="{escape(s.url or "")}">{escape(s.url or "")}</a></p>'
               for i, s in enumerate(fs.sources, 1))  # fmt: skip
    section(_("Annex"), "annex")
    out.append("</body></html>")
    return "".join(out)
