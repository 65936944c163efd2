"""The self-assessment form: one fieldset per core outcome, then two optional questions about the
service. Nothing asked identifies the service; the short free-text boxes say not to write names,
and refuse an email address or a phone number."""

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.core.translated_pages import in_reader_language
from mscos.measurement.models import Programme
from mscos.newsletter.models import reject_control_characters
from mscos.safety.bot_check import BotCheckMixin
from mscos.selfassessment.models import Barrier, Help, Measured, SizeBand

FREE_TEXT_LENGTH = 300
_EMAIL = re.compile(r"\S+@\S+\.\S+")
# Seven or more digits, with the spaces, dots, dashes and brackets people write between them.
_PHONE = re.compile(r"(?:\d[\s().-]*){7,}")

NO_NAMES_HELP = _("Please do not write names of people or services.")


def no_contact_details(value: str) -> None:
    if _EMAIL.search(value) or _PHONE.search(value):
        raise forms.ValidationError(
            _(
                "Please leave out email addresses and phone numbers: this box is only for a few "
                "words about how you work."
            )
        )


def _free_text(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=FREE_TEXT_LENGTH,
        required=False,
        help_text=NO_NAMES_HELP,
        validators=[reject_control_characters, no_contact_details],
    )


@dataclass
class OutcomeFields:
    """One outcome's bound fields, for its fieldset."""

    outcome: Any  # the English page the answer points at
    shown: Any  # the same page in the reader's language, where translated
    measured: forms.BoundField
    tool: forms.BoundField
    barriers: forms.BoundField
    barrier_other: forms.BoundField
    helps: forms.BoundField
    help_other: forms.BoundField

    @property
    def has_errors(self) -> bool:
        return any(
            field.errors
            for field in (
                self.measured,
                self.tool,
                self.barriers,
                self.barrier_other,
                self.helps,
                self.help_other,
            )
        )


PARTS = ("measured", "tool", "barriers", "barrier_other", "helps", "help_other")


class AssessmentForm(forms.Form):
    """Every core outcome's questions; `outcomes` are the outcome pages, in the set's order."""

    service_kind = forms.ChoiceField(
        label=_("What kind of support does your service give? (optional)"),
        choices=[("", _("I would rather not say")), *Programme.Kind.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    size_band = forms.ChoiceField(
        label=_("About how many people does it support in a year? (optional)"),
        choices=[("", _("I would rather not say")), *SizeBand.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, outcomes, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        self.initial.setdefault("service_kind", "")
        self.initial.setdefault("size_band", "")
        for outcome in self.outcomes:
            key = self.key(outcome)
            self.fields[f"{key}_measured"] = forms.ChoiceField(
                label=_("Do you measure this outcome?"),
                choices=Measured.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose how you measure this outcome, even if not at all.")
                },
            )
            self.fields[f"{key}_tool"] = forms.CharField(
                label=_("If with a tool: which one?"),
                max_length=200,
                required=False,
                help_text=_("Its name, e.g. a questionnaire's title."),
                validators=[reject_control_characters, no_contact_details],
            )
            self.fields[f"{key}_barriers"] = forms.MultipleChoiceField(
                label=_("What gets in the way?"),
                choices=Barrier.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields[f"{key}_barrier_other"] = _free_text(_("Anything else in the way?"))
            self.fields[f"{key}_helps"] = forms.MultipleChoiceField(
                label=_("What would help?"),
                choices=Help.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.fields[f"{key}_help_other"] = _free_text(_("Anything else that would help?"))
        # The service's two questions come after the outcomes, before the bot check's fields.
        self.order_fields(
            [f"{self.key(o)}_{part}" for o in self.outcomes for part in PARTS]
            + ["service_kind", "size_band"]
        )

    @staticmethod
    def key(outcome) -> str:
        return f"outcome{outcome.pk}"

    def outcome_fields(self) -> list[OutcomeFields]:
        shown = in_reader_language(self.outcomes)
        return [
            OutcomeFields(
                outcome=outcome,
                shown=page,
                **{part: self[f"{self.key(outcome)}_{part}"] for part in PARTS},
            )
            for outcome, page in zip(self.outcomes, shown, strict=True)
        ]

    def clean(self):
        cleaned = super().clean()
        for outcome in self.outcomes:
            key = self.key(outcome)
            if cleaned.get(f"{key}_measured") == Measured.WITH_TOOL and not cleaned.get(
                f"{key}_tool", ""
            ):
                self.add_error(
                    f"{key}_tool",
                    _("Please say which tool you use, or choose another answer above."),
                )
        return cleaned

    def answers(self) -> dict[int, dict[str, Any]]:
        """Per outcome page id: measured, tool, barriers, barrier_other, helps, help_other."""
        data = self.cleaned_data
        result = {}
        for outcome in self.outcomes:
            key = self.key(outcome)
            measured = data[f"{key}_measured"]
            result[outcome.pk] = {
                "measured": measured,
                # A tool's name only means something when a tool is what was chosen.
                "tool": data[f"{key}_tool"].strip() if measured == Measured.WITH_TOOL else "",
                "barriers": list(data[f"{key}_barriers"]),
                "barrier_other": data[f"{key}_barrier_other"].strip(),
                "helps": list(data[f"{key}_helps"]),
                "help_other": data[f"{key}_help_other"].strip(),
            }
        return result


class PublicAssessmentForm(BotCheckMixin, AssessmentForm):
    """The public form: the same questions with the safety bot check."""

    too_quick_message = _(
        "Sorry, we could not take your answers yet. Please check them and press Show my report "
        "again."
    )
