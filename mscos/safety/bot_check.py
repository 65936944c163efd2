"""Against bots on public forms, without an outside CAPTCHA: a field people never see (bots fill
it), a signed start time (bots post at once) and a rate limit keyed by the hashed address.

The start time is single use: it carries a random id, and the id is kept in the shared cache (all
servers and workers see it) until the start time would expire anyway, so one value waited out once
cannot be sent again and again. It expires after BOT_CHECK_MAX_AGE_HOURS.

Every public form uses it (forum posts, messages to experts, events, feedback, joining); a form
may word the three refusals for what it sends ("your post", "your message").
"""

import secrets
import time
from typing import cast

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from mscos.safety import ratelimit
from mscos.safety.addresses import address_hash

MINIMUM_FILL_SECONDS = 3
_SALT = "mscos.safety.form-started"


def form_max_age_seconds() -> int:
    return int(settings.BOT_CHECK_MAX_AGE_HOURS * 60 * 60)


def start_token(at: float | None = None) -> str:
    """A signed start time with an id of its own, good for one submission."""
    return signing.dumps([time.time() if at is None else at, secrets.token_hex(12)], salt=_SALT)


def _read_start_token(value: str) -> tuple[float, str]:
    """The start time and id; BadSignature when forged, expired or of another shape."""
    loaded = signing.loads(value or "", salt=_SALT, max_age=form_max_age_seconds())
    if not (isinstance(loaded, list) and len(loaded) == 2 and isinstance(loaded[1], str)):
        raise signing.BadSignature("not a start token")
    started = float(loaded[0])
    if time.time() - started > form_max_age_seconds():
        raise signing.SignatureExpired("started too long ago")
    return started, loaded[1]


def _use_once(token_id: str) -> bool:
    """True the first time an id is sent; the record lasts as long as the token could."""
    return cache.add(f"safety:form-started:{token_id}", 1, timeout=form_max_age_seconds())


class BotCheckMixin(forms.Form):
    honeypot_message = _("Your form could not be sent. Please try again.")
    out_of_date_message = _(
        "This form is out of date. Please check what you wrote and send it again."
    )
    too_quick_message = _("Sorry, we could not send this yet. Please check it and send it again.")

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["started"] = start_token()

    def _give_fresh_start(self) -> None:
        # The form shown again carries a new start time, so sending it again works.
        # A bound form's data is the request's QueryDict, whose copy can be changed.
        self.data = cast(QueryDict, self.data).copy()
        self.data[self.add_prefix("started")] = start_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.honeypot_message)
        try:
            started, token_id = _read_start_token(cleaned.get("started") or "")
        except (signing.BadSignature, ValueError, TypeError):
            self._give_fresh_start()
            raise forms.ValidationError(self.out_of_date_message) from None
        if time.time() - started < MINIMUM_FILL_SECONDS:
            raise forms.ValidationError(self.too_quick_message)
        if not _use_once(token_id):
            # Sent before (a replay, or the same form twice): refused like an old form.
            self._give_fresh_start()
            raise forms.ValidationError(self.out_of_date_message)
        # This one is spent: if anything else sends the form back, it needs a new one.
        self._give_fresh_start()
        return cleaned


def allow_form_post(request: HttpRequest, *, action: str, limit: int, window_seconds: int) -> bool:
    """Counts one submission of `action` from the request's (hashed) address."""
    return ratelimit.allow(
        f"{action}:{address_hash(request)}", limit=limit, window_seconds=window_seconds
    )


RATE_LIMITED_MESSAGE = _(
    "Too many forms have been sent from your connection in a short time. Please wait a while "
    "and try again; what you wrote is still here."
)
