"""One factsheet in one language -> PDF bytes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO

from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus.doctemplate import LayoutError

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.gcpause import gc_paused
from eccp_desktop.i18n import N_, _, labels
from eccp_desktop.i18n.formatting import country_name, language_name
from eccp_desktop.pdf import fonts, hyphenation, layout_map, sections, styles
from eccp_desktop.pdf.context import FALLBACK_MARK, Context
from eccp_desktop.pdf.document import FactsheetDocument, PageInfo
from eccp_desktop.pdf.errors import PdfError
from eccp_desktop.pdf.escape import clean, markup

AUTHOR = "European Cluster Collaboration Platform (ECCP)"


def check_language(lang: str) -> None:
    if lang not in EU_LANGUAGES:  # the message is for the user: in the interface's language
        raise PdfError(
            _("{code!r} is not one of the 24 official EU languages ({codes})").format(
                code=lang, codes=", ".join(EU_LANGUAGES)
            )
        )


def is_draft(fs: Factsheet) -> bool:
    return fs.status not in labels.SIGNED_OFF


def page_info(ctx: Context, fs: Factsheet) -> PageInfo:
    _ = ctx.gettext
    country = country_name(fs.country, ctx.lang)
    title = _("Cluster Policy Factsheet – {country} {edition}").format(
        country=country, edition=fs.edition
    )
    return PageInfo(
        lang=ctx.lang,
        title=clean(title),
        subject=clean(
            _("ECCP cluster policy factsheet {edition}: {country} ({language})").format(
                edition=fs.edition, country=country, language=language_name(ctx.lang, ctx.lang)
            )
        ),
        author=AUTHOR,
        keywords=clean(", ".join([_("cluster policy"), country, str(fs.edition), ctx.lang])),
        running_head=clean(title),
        footer_left=clean(_("ECCP · reference date {date}").format(date=ctx.date(fs.as_of))),
        page_label=_("Page {page} of {pages}"),
        draft_mark=clean(_("DRAFT")) if is_draft(fs) else None,
        created=fs.as_of,
    )


def title_block(ctx: Context, fs: Factsheet) -> list[Flowable]:
    _ = ctx.gettext
    status = labels.name(labels.STATUSES, fs.status, _)
    story: list[Flowable] = [
        ctx.label(
            N_("European Cluster Collaboration Platform · Cluster Policy Factsheet"), "kicker"
        ),
        ctx.para(markup(country_name(fs.country, ctx.lang)), "title", path="/country"),
        ctx.para(
            markup(
                _("Edition {edition} · {language}").format(
                    edition=fs.edition, language=language_name(ctx.lang, ctx.lang, label=True)
                )
            ),
            "subtitle",
            path="/edition",
        ),
        ctx.para(
            markup(
                _("Reference date: {date} · Status: {status}").format(
                    date=ctx.date(fs.as_of), status=status
                )
            ),
            "small",
            path="/reference_date",
        ),
    ]
    if fs.validation and fs.validation.by:
        story.append(
            ctx.para(
                markup(
                    _("Validated by {name} ({organisation}) on {date}").format(
                        name=fs.validation.by,
                        organisation=fs.validation.organisation or "–",
                        date=ctx.date(fs.validation.on),
                    )
                ),
                "small",
                path="/validation",
            )
        )
    if is_draft(fs):
        box = Table(
            [
                [
                    ctx.para(
                        markup(_("DRAFT – not validated by the national authority")),
                        "draft",
                        path="/status",
                    )
                ]
            ],
            colWidths=[styles.FRAME_WIDTH],
        )
        box.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                ("BOX", (0, 0), (-1, -1), 1, styles.DRAFT_RED),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
        story += [Spacer(0, 4), box]
    story.append(Spacer(0, 6))
    return story


def fallback_legend(ctx: Context) -> Flowable:
    _ = ctx.gettext
    return ctx.para(
        markup(
            _(
                "Texts marked [{mark}] are printed in English: there is no {language} version yet."
            ).format(mark=FALLBACK_MARK, language=language_name(ctx.lang, ctx.lang))
        ),
        "note",
    )


def build_story(ctx: Context, fs: Factsheet, problems: Sequence[object] | None) -> list[Flowable]:
    head = title_block(ctx, fs)
    body: list[Flowable] = []
    body += sections.economic_context(ctx, fs)
    body += sections.landscape(ctx, fs)
    body += sections.policy(ctx, fs)
    body += sections.state(ctx, fs)
    body += sections.references(ctx, fs)
    body += sections.annex(ctx, fs, problems)
    if ctx.fallbacks:  # known only once the body is built
        head.insert(-1, fallback_legend(ctx))
    return head + body


@dataclass(frozen=True, slots=True)
class Rendered:
    """A PDF and where each item and field stands in it."""

    pdf: bytes
    layout: layout_map.LayoutMap

    @property
    def export_id(self) -> str:
        return self.layout.export_id


def render_factsheet(
    factsheet: Factsheet,
    lang: str,
    *,
    problems: Sequence[object] | None = None,
    tagged: bool = True,
    mapped: bool = True,
) -> bytes:
    """The factsheet as a PDF in ``lang``; byte-identical for the same input.

    ``problems``: validation results (objects with rule, severity, message,
    path) printed in the annex; None leaves the annex section out.
    ``tagged=False``: without the PDF/UA tagging, for the benchmark's baseline only;
    ``mapped=False``: without the layout map, likewise.
    """
    return render_with_layout(factsheet, lang, problems=problems, tagged=tagged, mapped=mapped).pdf


def render_with_layout(
    factsheet: Factsheet,
    lang: str,
    *,
    problems: Sequence[object] | None = None,
    tagged: bool = True,
    mapped: bool = True,
) -> Rendered:
    """``render_factsheet`` and its layout map (also embedded in the PDF)."""
    check_language(lang)
    ctx = Context(lang)
    out = BytesIO()
    layout = layout_map.LayoutMap(
        "", factsheet.country, factsheet.edition, lang, (styles.PAGE[0], styles.PAGE[1])
    )  # the export id is set once the pages are laid out
    try:
        # the collector paused: a 500-cluster build makes ~10^6 objects and its
        # gen-2 walks were a tenth of the time (what a rendering leaves cyclic
        # is collected as soon as it ends; see gcpause)
        with gc_paused(), hyphenation.language(lang):  # the build breaks the lines
            story = build_story(ctx, factsheet, problems)
            document = FactsheetDocument(out, page_info(ctx, factsheet), layout if mapped else None)
            document.render(story, tagged=tagged)
    except PdfError:
        raise
    except (LayoutError, ValueError, TypeError, KeyError, IndexError, AttributeError) as e:
        raise PdfError(
            _("the {code} {edition} factsheet cannot be laid out: {reason}").format(
                code=factsheet.country, edition=factsheet.edition, reason=e
            )
        ) from e
    return Rendered(out.getvalue(), layout)
