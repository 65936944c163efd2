"""Forms for the survivor's own link: the worker's choice of check-in and language, and the
survivor's answers (survivor-reported questions only, each with "I'd rather not say" and skip)."""

from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from mscos.measurement.forms import survivor_field
from mscos.measurement.models import DECLINED, CheckIn, Indicator
from mscos.measurement.selectors import Words
from mscos.measurement.wording import RATHER_NOT_SAY

SKIP = _("Skip this question")


class CheckInChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.get_kind_display()}, {formats.date_format(obj.date, 'DATE_FORMAT')}"


class SurvivorLinkForm(forms.Form):
    check_in = CheckInChoiceField(
        label=_("Which check-in will the survivor answer?"),
        queryset=CheckIn.objects.none(),
        empty_label=None,
    )
    language = forms.ChoiceField(
        label=_("The survivor's language"),
        help_text=_("The questions and every word on their screen will be in this language."),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, check_ins, languages: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check_in"].queryset = check_ins  # type: ignore[attr-defined]
        self.fields["language"].choices = languages  # type: ignore[attr-defined]
        latest = check_ins.last()
        if latest is not None:
            # The newest check-in, most often the one being recorded in this session.
            self.initial.setdefault("check_in", latest.pk)


class SurvivorAnswersForm(forms.Form):
    """One radio group per question: the scale's words, "I'd rather not say", and skip."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicators: list[Indicator], words: dict[int, Words], **kwargs):
        super().__init__(*args, **kwargs)
        self.rows: list[dict[str, Any]] = []
        for indicator in indicators:
            scale = [(str(n), label) for n, label in enumerate(words[indicator.pk].scale_labels, 1)]
            name = survivor_field(indicator.pk)
            self.fields[name] = forms.ChoiceField(
                label=words[indicator.pk].text,
                choices=[*scale, (DECLINED, RATHER_NOT_SAY), ("", SKIP)],
                required=False,
                initial="",
                widget=forms.RadioSelect,
            )
            self.rows.append({"indicator": indicator, "field": self[name]})

    def answers(self) -> dict[int, str]:
        """Each question answered (a skipped one is left out, so it keeps what it had)."""
        result = {}
        for row in self.rows:
            answer = self.cleaned_data.get(row["field"].name) or ""
            if answer:
                result[row["indicator"].pk] = answer
        return result
