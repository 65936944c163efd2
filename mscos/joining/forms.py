from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.joining.models import JoinRole
from mscos.newsletter.models import reject_control_characters
from mscos.outcomes.models import OutcomePage
from mscos.safety.bot_check import BotCheckMixin


class JoinForm(BotCheckMixin, forms.Form):
    too_quick_message = _(
        "Sorry, we could not send this yet. Please check it and press Join again."
    )

    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=100,
        help_text=_("What we call you. It does not need to be your real name."),
        validators=[reject_control_characters],
    )
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Which describes you best?"), choices=JoinRole.choices, widget=forms.RadioSelect
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.CharField(label=_("Country"), max_length=100)
    outcomes = forms.ModelMultipleChoiceField(
        label=_("Outcomes that interest you"),
        queryset=OutcomePage.objects.none(),  # the form is given the choices (__init__)
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent_to_updates = forms.BooleanField(
        label=_(
            "Send me the Community of Practice updates by email. I will get a mail to confirm "
            "first, and can stop them at any time."
        ),
        required=False,
    )
    # The version of the newsletter's consent text shown with the form, kept with the consent.
    consent_version = forms.CharField(widget=forms.HiddenInput, required=False)

    field_order = [
        "name",
        "email",
        "role",
        "organisation",
        "country",
        "outcomes",
        "consent_to_updates",
    ]

    def __init__(self, *args, outcome_choices, consent_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].queryset = outcome_choices
        self.consent_text = consent_text
        if consent_text is None:
            # No consent text is published, so the newsletter cannot take subscriptions.
            del self.fields["consent_to_updates"]
            del self.fields["consent_version"]
        else:
            self.fields["consent_to_updates"].help_text = consent_text.text
            self.fields["consent_version"].initial = consent_text.version

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("consent_to_updates")
            and self.consent_text is not None
            and cleaned.get("consent_version") != self.consent_text.version
        ):
            self.data = self.data.copy()
            self.data["consent_version"] = self.consent_text.version
            self.add_error(
                "consent_to_updates",
                _("The consent text has changed since the page was opened. Please read it again."),
            )
        return cleaned

    def cleaned_data_for_service(self) -> dict:
        fields = ("name", "email", "role", "organisation", "country", "outcomes")
        return {
            **{key: self.cleaned_data[key] for key in fields},
            "consent_to_updates": self.cleaned_data.get("consent_to_updates", False),
            "consent_text_version": self.consent_text.version if self.consent_text else "",
        }
