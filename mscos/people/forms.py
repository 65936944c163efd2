"""The form that sends a message to an expert through the site."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

MINIMUM_FILL_SECONDS = 3
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
_SALT = "mscos.people.contact-started"


class ContactExpertForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The expert replies to this address; only they see it."),
    )
    organisation = forms.CharField(label=_("Your organisation"), max_length=150, required=False)
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you would like to ask, e.g. about training, consultancy or a talk."),
    )
    # Bots fill every field and post at once; people never see this one.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=_SALT)

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Please write a little more, so the expert can help."))
        return message

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Your message could not be sent. Please try again."))
        try:
            started = signing.loads(
                cleaned.get("started") or "", salt=_SALT, max_age=FORM_MAX_AGE_SECONDS
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form is out of date. Please copy your text, reload the page and try again.")
            ) from None
        if time.time() - float(started) < MINIMUM_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your message and send it again.")
            )
        return cleaned
