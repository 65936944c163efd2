from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.joining.models import JoinRole
from mscos.safety.bot_check import BotCheckMixin


class JoinForm(BotCheckMixin, forms.Form):
    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=100,
        help_text=_("What we call you. It does not need to be your real name."),
    )
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Which describes you best?"), choices=JoinRole.choices, widget=forms.RadioSelect
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.CharField(label=_("Country"), max_length=100)
    outcomes = forms.ModelMultipleChoiceField(
        label=_("Outcomes that interest you"),
        queryset=None,
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

    field_order = [
        "name",
        "email",
        "role",
        "organisation",
        "country",
        "outcomes",
        "consent_to_updates",
    ]

    def __init__(self, *args, outcome_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcomes"].queryset = outcome_choices

    def cleaned_data_for_service(self) -> dict:
        fields = ("name", "email", "role", "organisation", "country", "outcomes")
        return {
            **{key: self.cleaned_data[key] for key in fields},
            "consent_to_updates": self.cleaned_data["consent_to_updates"],
        }
