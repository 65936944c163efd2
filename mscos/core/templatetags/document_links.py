from django import template

from mscos.core.document_links import with_document_details as _with_document_details

register = template.Library()


@register.filter
def with_document_details(html: str) -> str:
    return _with_document_details(html)
