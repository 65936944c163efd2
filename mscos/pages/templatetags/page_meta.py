"""Titles, descriptions and Open Graph tags for the page shell; everything same-origin."""

from django import template
from django.templatetags.static import static
from django.utils.text import Truncator

from mscos.core.site_address import absolute_url

register = template.Library()

DESCRIPTION_LENGTH = 200


def _description(page) -> str:
    describe = getattr(page, "get_meta_description", None)
    text = describe() if callable(describe) else getattr(page, "search_description", "")
    return Truncator(" ".join((text or "").split())).chars(DESCRIPTION_LENGTH)


@register.inclusion_tag("pages/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Description and Open Graph tags; the image is this site's own, never another origin's."""
    page = context.get("page")
    request = context.get("request")
    title = ""
    url = ""
    if page is not None and hasattr(page, "get_url"):
        title = getattr(page, "seo_title", "") or page.title
        path = page.get_url(request)
        url = absolute_url(path) if path else ""
    elif request is not None:
        url = absolute_url(request.path)
    return {
        "title": title,
        "description": _description(page) if page is not None else "",
        "url": url,
        "image": absolute_url(static("img/og-image.png")),
        "is_article": page is not None and getattr(page, "depth", 0) > 2,
    }
