"""Document links in rich text say what the reader is about to download: "(PDF file, 240 KB)".

Someone on a metered phone plan, or on a phone an abuser checks, should know before tapping that
a link is a file and how big it is. Wagtail's own handler writes only the opening tag, so ours
writes the details into a data attribute and the rich text template (wagtailcore/shared/
richtext.html, overridden) puts them inside the link, where they are part of its accessible name.
"""

import re

from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.documents.rich_text import DocumentLinkHandler

DETAILS_ATTRIBUTE = "data-document-details"
_LINK_WITH_DETAILS = re.compile(
    rf'(<a\b[^>]*?)\s{DETAILS_ATTRIBUTE}="([^"]*)"([^>]*>)(.*?)</a>', re.DOTALL
)


def document_details(document) -> str:
    """ "PDF file, 240 KB" (or just "PDF file" when the size is not known)."""
    kind = (document.file_extension or "").upper()
    size = document.get_file_size()
    if kind and size:
        return gettext("%(kind)s file, %(size)s") % {"kind": kind, "size": filesizeformat(size)}
    if kind:
        return gettext("%(kind)s file") % {"kind": kind}
    return filesizeformat(size) if size else ""


class DocumentLinkWithDetailsHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            format_html(
                '<a href="{}" {}="{}">', document.url, DETAILS_ATTRIBUTE, document_details(document)
            )
            if document
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]


def with_document_details(html: str) -> SafeString:
    """Rendered rich text with each document link's details moved inside the link."""

    def inside(match: re.Match[str]) -> str:
        opening, details, rest, text = match.groups()
        if not details:
            return f"{opening}{rest}{text}</a>"
        return f'{opening}{rest}{text} <span class="file-details">({details})</span></a>'

    # The attribute's value was escaped by format_html and goes back into HTML as it is.
    return mark_safe(_LINK_WITH_DETAILS.sub(inside, html))  # noqa: S308  # nosec B308 B703
