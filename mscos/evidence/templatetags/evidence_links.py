"""`{% evidence_link page %}`: the outcome page's link to its pooled evidence (the evidence app
sits above outcomes, so it contributes the link rather than outcomes importing it)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from mscos.core.translated_pages import original

register = template.Library()


@register.simple_tag
def evidence_link(page) -> str:
    """A link to /evidence/<outcome>/ for a core outcome's page, in the reader's language."""
    if getattr(page, "kind", None) != "core":
        return ""
    url = reverse("evidence:outcome", args=[original(page).slug])
    return format_html(
        '<p class="evidence-link"><a href="{}">{}</a></p>',
        url,
        _("Evidence across services: how people are doing on this outcome"),
    )


@register.simple_tag
def evidence_workspace_link(organisation, membership) -> str:
    """The lead's item in the workspace menu: their choice to take part in pooled figures."""
    if getattr(membership, "role", None) != "lead":
        return ""
    return format_html(
        '<li><a href="{}">{}</a></li>',
        reverse("evidence:workspace_sharing", args=[organisation.slug]),
        _("Pooled evidence"),
    )
