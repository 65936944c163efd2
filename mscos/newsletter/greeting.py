"""The mail's first line greets each subscriber by the name they gave, or neutrally."""

import html

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

# Rendered mails carry this; each recipient's greeting replaces it when the mail is built.
GREETING_PLACEHOLDER = "%%GREETING%%"


def greeting_for(name: str) -> str:
    """ "Dear Ana," for a subscriber who gave a name; "Hello," for one who did not."""
    name = " ".join((name or "").split())
    with translation.override(settings.LANGUAGE_CODE):  # the language the mail is written in
        if name:
            return gettext("Dear %(name)s,") % {"name": name}
        return gettext("Hello,")


def fill_greeting(*, html_body: str, text_body: str, name: str) -> tuple[str, str]:
    greeting = greeting_for(name)
    return (
        html_body.replace(GREETING_PLACEHOLDER, html.escape(greeting)),
        text_body.replace(GREETING_PLACEHOLDER, greeting),
    )
