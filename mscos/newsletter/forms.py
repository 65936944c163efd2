"""The subscribe and preferences forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.core.translated_pages import default_language_only
from mscos.newsletter.models import reject_control_characters
from mscos.outcomes.models import OutcomePage


def outcome_choices():
    core = OutcomePage.objects.live().filter(kind=OutcomePage.CORE)
    return default_language_only(core).order_by("path")


class InterestsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=outcome_choices(),
            required=False,
            label=_("Outcomes you are most interested in"),
            help_text=_("Choose none to get every update."),
            **kwargs,
        )


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        required=False,
        validators=[reject_control_characters],
        help_text=_("Only used to greet you. Any name you like."),
    )
    interests = InterestsField()
    consent = forms.BooleanField(label=_("I agree"), required=True)
    consent_version = forms.CharField(widget=forms.HiddenInput)
    # People never see this field; bots fill it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, consent_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = outcome_choices()
        if consent_text is not None:
            self.fields["consent"].label = consent_text.text
            self.fields["consent"].help_text = _(
                "We keep this wording (version %(version)s) with your subscription, so we can "
                "always show what you agreed to."
            ) % {"version": consent_text.version}
            if not self.is_bound:
                self.initial["consent_version"] = consent_text.version
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "off"

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Please leave this field empty."))
        return ""


class PreferencesForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, required=False, validators=[reject_control_characters]
    )
    interests = InterestsField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = outcome_choices()


class MemberSubscribeForm(forms.Form):
    interests = InterestsField()
    consent = forms.BooleanField(label=_("I agree"), required=True)
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, consent_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = outcome_choices()
        if consent_text is not None:
            self.fields["consent"].label = consent_text.text
            if not self.is_bound:
                self.initial["consent_version"] = consent_text.version
