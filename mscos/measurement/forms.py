from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mscos.measurement.models import Consent, Membership, Person, Programme
from mscos.measurement.wording import CONSENT_TEXTS


class PersonForm(forms.Form):
    case_code = forms.CharField(
        label=_("Case code"),
        max_length=40,
        help_text=_("Your organisation's code for this person. Never a name or initials."),
    )
    age_band = forms.ChoiceField(
        label=_("Age band"), choices=[("", "—"), *Person.AgeBand.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Person.Gender.choices], required=False
    )
    nationality = forms.CharField(label=_("Nationality"), max_length=60, required=False)
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False
    )
    start_date = forms.DateField(
        label=_("Start date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    consent_record = forms.BooleanField(
        label=_("They agree to us keeping this record"),
        help_text=CONSENT_TEXTS[Consent.Use.RECORD_KEEPING],
        required=False,
    )
    consent_pooled = forms.BooleanField(
        label=_("They agree to be counted in pooled, anonymous statistics"),
        help_text=CONSENT_TEXTS[Consent.Use.POOLED_STATISTICS],
        required=False,
    )
    consent_research = forms.BooleanField(
        label=_("They agree to be contacted about research"),
        help_text=CONSENT_TEXTS[Consent.Use.RESEARCH_CONTACT],
        required=False,
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes

    def clean_start_date(self):
        start_date = self.cleaned_data["start_date"]
        if start_date and start_date > timezone.localdate():
            raise forms.ValidationError(_("The start date cannot be in the future."))
        return start_date

    def consents(self) -> set[str]:
        return {
            use
            for use, field in (
                (Consent.Use.RECORD_KEEPING, "consent_record"),
                (Consent.Use.POOLED_STATISTICS, "consent_pooled"),
                (Consent.Use.RESEARCH_CONTACT, "consent_research"),
            )
            if self.cleaned_data.get(field)
        }


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("Stored encrypted. Never shown in lists or exports."),
    )


class WithdrawConsentForm(forms.Form):
    use = forms.ChoiceField(
        label=_("Which consent is withdrawn?"),
        choices=Consent.Use.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Withdrawing consent to keep the record deletes it at once, with its check-ins and "
            "notes. This cannot be undone."
        ),
    )


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    check_in_interval_days = forms.IntegerField(
        label=_("Days between check-ins"), min_value=7, max_value=366, initial=90
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, widget=forms.RadioSelect
    )
