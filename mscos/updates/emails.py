"""An update as a mail: HTML and plain text from the page, every link absolute, no images."""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from mscos.core.site_address import page_url, site_origin
from mscos.newsletter.greeting import GREETING_PLACEHOLDER
from mscos.newsletter.messages import PREFERENCES_PLACEHOLDER, UNSUBSCRIBE_PLACEHOLDER
from mscos.newsletter.models import NewsletterSettings
from mscos.newsletter.plaintext import html_to_text
from mscos.updates.models import UpdatePage

_RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')


def absolutise(html: str) -> str:
    return _RELATIVE_LINK.sub(lambda m: f'{m.group(1)}="{site_origin()}/', html)


def absolute_page_url(page) -> str:
    return page_url(page)


def update_subject(page: UpdatePage) -> str:
    template = NewsletterSettings.load().subject_template
    return template.format(label=page.label, title=page.title)


def render_update_email(page: UpdatePage) -> tuple[str, str, str]:
    """(subject, html, text) with the recipient's links and greeting left as placeholders."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "page": page,
            "for_email": True,
            "page_url": absolute_page_url(page),
            "site_url": site_origin(),
            "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
            "preferences_url": PREFERENCES_PLACEHOLDER,
            "greeting_line": GREETING_PLACEHOLDER,
        }
        html = absolutise(render_to_string("updates/email/update_email.html", context))
        text = html_to_text(html)
    return update_subject(page), html, text
