"""The full version of an update as a PDF, made from the page with WeasyPrint (selectable text)."""

from django.core.cache import cache
from django.template.loader import render_to_string

from mscos.updates.emails import absolute_page_url, absolutise
from mscos.updates.models import UpdatePage

CACHE_SECONDS = 24 * 60 * 60


def _no_fetching(url: str, *args, **kwargs):
    # Nothing from another server, and nothing from the disk either: the PDF is text.
    raise ValueError(f"Not fetching {url!r} for a PDF")


def update_pdf(page: UpdatePage) -> bytes:
    """The PDF for the page's live revision, cached until the page is published again."""
    cache_key = f"updates:pdf:{page.pk}:{page.live_revision_id}"
    cached = cache.get(cache_key)
    if cached is not None:
        return cached
    try:
        from weasyprint import HTML
    except OSError as error:  # the Pango library is missing on this server
        raise RuntimeError("PDF generation is not available on this server") from error
    html = absolutise(
        render_to_string(
            "updates/update_page_pdf.html",
            {"page": page, "page_url": absolute_page_url(page), "for_email": True},
        )
    )
    content = HTML(string=html, url_fetcher=_no_fetching).write_pdf()
    cache.set(cache_key, content, CACHE_SECONDS)
    return content
