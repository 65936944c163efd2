"""A programme's dashboard as a printable PDF for trustees and funders, made with WeasyPrint.

Selectable text, so the figures can be read back and checked; the Noto fonts the posters ship
(static files under posters/fonts, SIL Open Font License), embedded, so an Arabic report prints
in Arabic anywhere. Nothing is fetched but those font files: no other server, no other file.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from mscos.core.pdf_fonts import fonts_only_fetcher
from mscos.core.site_address import absolute_url


class DashboardPdfError(RuntimeError):
    """The server cannot make PDFs (the Pango library or the fonts are missing)."""


def fonts_dir() -> Path:
    # Found through the static files (the posters app ships them), not by importing that app.
    found = finders.find("posters/fonts/NotoSans-Regular.ttf")
    if not found:
        raise DashboardPdfError("the PDF fonts are missing")
    return Path(str(found)).resolve().parent


def dashboard_pdf(context: dict) -> bytes:
    """The report in the active language, from the same context as the dashboard page."""
    try:
        from weasyprint import HTML
    except OSError as error:
        raise DashboardPdfError("PDF generation is not available on this server") from error
    fonts = fonts_dir()
    html = render_to_string(
        "measurement/dashboard_pdf.html",
        {
            **context,
            "fonts_url": fonts.as_uri(),
            "site_url": absolute_url("/"),
            "LANGUAGE_CODE": translation.get_language(),
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        },
    )
    return HTML(
        string=html, url_fetcher=fonts_only_fetcher(fonts, what="a programme report")
    ).write_pdf()
