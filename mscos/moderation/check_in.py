"""The message the writer of an urgent post reads once a moderator has handled it.

Safeguarding leads may write their own per language (Wagtail admin → Check-in messages); without
one, the site's own wording is used, translated for every site language. The emergency number,
the helpline and the staying-safe page are shown under it by the template, from the site's
safety settings, so they are never out of date in the message.
"""

from django.utils import translation
from django.utils.translation import gettext as _

from mscos.moderation.models import CheckInMessage


def default_text() -> str:
    # Translators: read by someone who may be in danger; a native speaker should review it.
    return _(
        "A moderator has read your post. We are worried about you, and we want you to be safe. "
        "You do not need to reply or explain anything. If you can, please use one of the ways "
        "to get help below. You are welcome here whenever you want to come back."
    )


def message_for(language: str | None = None) -> str:
    """The check-in text in `language` (default: the language being used now)."""
    code = (language or translation.get_language() or "").lower()
    own = {row.language.lower(): row.text for row in CheckInMessage.objects.all()}
    text = own.get(code) or own.get(code.split("-")[0])
    if text:
        return text
    with translation.override(code or None):
        return default_text()
