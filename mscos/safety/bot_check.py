"""Against bots on public forms, without an outside CAPTCHA: a field people never see (bots fill
it), a signed start time (bots post at once) and a rate limit keyed by the hashed address.

Every public form uses it (forum posts, messages to experts, events, feedback, joining); a form
may word the three refusals for what it sends ("your post", "your message").
"""

import time

from django import forms
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mscos.safety import ratelimit
from mscos.safety.addresses import address_hash

MINIMUM_FILL_SECONDS = 3
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
_SALT = "mscos.safety.form-started"


class BotCheckMixin(forms.Form):
    honeypot_message = _("Your form could not be sent. Please try again.")
    out_of_date_message = _(
        "This form is out of date. Please check what you wrote and send it again."
    )
    too_quick_message = _("That was very quick. Please check the form and send it again.")

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["started"] = signing.dumps(time.time(), salt=_SALT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.honeypot_message)
        try:
            started = signing.loads(
                cleaned.get("started") or "", salt=_SALT, max_age=FORM_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            # The form comes back with a new start time, so sending it again works.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = signing.dumps(time.time(), salt=_SALT)
            raise forms.ValidationError(self.out_of_date_message) from None
        if time.time() - float(started) < MINIMUM_FILL_SECONDS:
            raise forms.ValidationError(self.too_quick_message)
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
