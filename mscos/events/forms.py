"""The registration form, shared by open events, invitations and requests to attend."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.events.models import RegistrationRole
from mscos.safety.bot_check import BotCheckMixin


class RegistrationForm(BotCheckMixin, forms.Form):
    too_quick_message = _(
        "Sorry, we could not send your registration yet. Please check it and send it again."
    )

    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=100,
        help_text=_("What we call you. It does not need to be your real name."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("For your confirmation, a reminder the day before, and any change."),
    )
    role = forms.ChoiceField(
        label=_("Which describes you best?"),
        choices=RegistrationRole.choices,
        widget=forms.RadioSelect,
    )
    access_needs = forms.CharField(
        label=_("Access needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Anything that would help you take part: captions, breaks, a quiet room, an "
            "interpreter. Only the organisers see it."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers keep these details to run this event and may write to "
            "me about it. They are deleted when they are no longer needed."
        ),
    )

    field_order = ["name", "email", "role", "access_needs", "consent"]


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("Email addresses"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. Each person gets their own link, which works once."),
    )
    # Set by the "send again?" question, when some addresses were invited already.
    send_again = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_emails(self):
        validator = forms.EmailField()
        addresses = []
        for line in self.cleaned_data["emails"].replace(",", "\n").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                addresses.append(validator.clean(line))
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(address)s is not an email address.") % {"address": line}
                ) from None
        if not addresses:
            raise forms.ValidationError(_("Please enter at least one email address."))
        return list(dict.fromkeys(a.lower() for a in addresses))
