"""A self-assessment's report as a PDF, made on the server with WeasyPrint.

Selectable text in the Noto fonts the posters ship (static/posters/fonts, SIL Open Font License),
embedded by WeasyPrint, so an Arabic report prints in Arabic on any computer. Nothing is fetched
but those font files: no other server, no other file on the disk.
"""

from django.template.loader import render_to_string
from django.utils import translation

from mscos.core.pdf_fonts import fonts_only_fetcher
from mscos.core.site_address import absolute_url, page_url
from mscos.posters.pdf import FONTS_DIR
from mscos.selfassessment.models import Assessment
from mscos.selfassessment.selectors import ReportRow


class ReportPdfError(RuntimeError):
    """The server cannot make PDFs (the Pango library is missing)."""


def report_pdf(*, assessment: Assessment, rows: list[ReportRow]) -> bytes:
    """The report in the active language, with every link made absolute at SITE_URL."""
    try:
        from weasyprint import HTML
    except OSError as error:
        raise ReportPdfError("PDF generation is not available on this server") from error
    # A printed report's links must work from anywhere: each page's address at SITE_URL.
    for row in rows:
        for page in [row.outcome, *row.practice]:
            page.absolute_url = page_url(page)
    html = render_to_string(
        "selfassessment/report_pdf.html",
        {
            "assessment": assessment,
            "rows": rows,
            "fonts_url": FONTS_DIR.as_uri(),
            "site_url": absolute_url("/"),
            "LANGUAGE_CODE": translation.get_language(),
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        },
    )
    return HTML(
        string=html, url_fetcher=fonts_only_fetcher(FONTS_DIR, what="a self-assessment report")
    ).write_pdf()
