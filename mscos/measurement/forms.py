from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mscos.measurement.models import (
    DECLINED,
    CheckIn,
    Consent,
    Indicator,
    Membership,
    Observation,
    Person,
    Programme,
)
from mscos.measurement.wording import CONSENT_TEXTS, NO_ANSWER, RATHER_NOT_SAY


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
    kind = forms.ChoiceField(
        label=_("Kind of support"),
        choices=Programme.Kind.choices,
        initial=Programme.Kind.OTHER,
        help_text=_(
            "Pooled, anonymous figures across organisations are grouped by this, never by the "
            "programme's own name."
        ),
    )
    check_in_interval_days = forms.IntegerField(
        label=_("Days between check-ins"), min_value=7, max_value=366, initial=90
    )


class ProgrammeChangeForm(forms.Form):
    """A programme's kind of support (pooled figures are grouped by it) and its interval."""

    kind = forms.ChoiceField(
        label=_("Kind of support"),
        choices=Programme.Kind.choices,
        help_text=_(
            "Pooled, anonymous figures across organisations are grouped by this, never by the "
            "programme's own name."
        ),
    )
    check_in_interval_days = forms.IntegerField(
        label=_("Days between check-ins"), min_value=7, max_value=366
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, widget=forms.RadioSelect
    )


def survivor_field(indicator_id: int) -> str:
    return f"survivor_{indicator_id}"


def practitioner_field(indicator_id: int) -> str:
    return f"practitioner_{indicator_id}"


class CheckInForm(forms.Form):
    """A check-in: one radio group per answer. "No answer" is a gap; "I'd rather not say" is not."""

    date = forms.DateField(
        label=_("Date of the check-in"), widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        label=_("Which check-in is this?"), choices=CheckIn.Kind.choices, widget=forms.RadioSelect
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicators, words, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for indicator in indicators:
            text = words[indicator.pk].text
            if indicator.kind == Indicator.Kind.SURVIVOR:
                scale = [
                    (str(n), label)
                    for n, label in enumerate(words[indicator.pk].scale_labels, start=1)
                ]
                choices = [("", NO_ANSWER), *scale, (DECLINED, RATHER_NOT_SAY)]
                survivor = survivor_field(indicator.pk)
                self.fields[survivor] = forms.ChoiceField(
                    label=_("%(question)s: the survivor's answer") % {"question": text},
                    choices=choices,
                    required=False,
                    widget=forms.RadioSelect,
                )
            else:
                survivor = None
                choices = [("", NO_ANSWER), *Observation.choices, (DECLINED, RATHER_NOT_SAY)]
            practitioner = practitioner_field(indicator.pk)
            self.fields[practitioner] = forms.ChoiceField(
                label=_("%(question)s: the practitioner's view") % {"question": text},
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )
            self.rows.append(
                {
                    "indicator": indicator,
                    "text": text,
                    "survivor": self[survivor] if survivor else None,
                    "practitioner": self[practitioner],
                }
            )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and date > timezone.localdate():
            raise forms.ValidationError(_("The date of a check-in cannot be in the future."))
        return date

    def answers(self) -> dict[int, tuple[str, str]]:
        result = {}
        for row in self.rows:
            indicator_id = row["indicator"].pk
            survivor = self.cleaned_data.get(survivor_field(indicator_id)) or ""
            practitioner = self.cleaned_data.get(practitioner_field(indicator_id)) or ""
            result[indicator_id] = (survivor, practitioner)
        return result

    @classmethod
    def initial_for(cls, check_in, answers: dict[int, tuple[str, str]]) -> dict:
        initial = {"date": check_in.date, "kind": check_in.kind, "version": check_in.version}
        for indicator_id, (survivor, practitioner) in answers.items():
            initial[survivor_field(indicator_id)] = survivor
            initial[practitioner_field(indicator_id)] = practitioner
        return initial


class WorkspaceOpenForm(forms.Form):
    """A site administrator opens a workspace (admin → Workspaces)."""

    name = forms.CharField(label=_("Organisation's name"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name in addresses"),
        max_length=60,
        help_text=_("Lower-case letters, numbers and hyphens, e.g. safe-harbour."),
    )
    lead_email = forms.EmailField(
        label=_("First service lead's email address"),
        help_text=_("They must already have an account with this address confirmed."),
    )
