"""The form that sends a message to an expert through the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.safety.bot_check import BotCheckMixin


class ContactExpertForm(BotCheckMixin):
    honeypot_message = _("Your message could not be sent. Please try again.")
    out_of_date_message = _(
        "This form is out of date. Please copy your text, reload the page and try again."
    )
    too_quick_message = _(
        "Sorry, we could not send your message yet. Please check it and press Send message again."
    )

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

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Please write a little more, so the expert can help."))
        return message
