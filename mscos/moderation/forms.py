from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.moderation.models import Report

# Kind, plain reasons shown to the author of a hidden post.
REJECTION_REASONS = [
    ("", _("Choose a reason to show the writer")),
    (
        "identifies",
        _("It contained details that could identify someone. Please post again without them."),
    ),
    ("harmful", _("It could hurt or upset others here. Please see the posting guidelines.")),
    ("off_topic", _("It did not fit this forum. You are welcome to post it in another category.")),
    ("spam", _("It looked like advertising or spam.")),
]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything else a moderator should know"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QueueDecisionForm(forms.Form):
    posts = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    reason = forms.ChoiceField(choices=REJECTION_REASONS, required=False)

    def __init__(self, *args, post_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["posts"].choices = [(pk, pk) for pk in post_ids]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason"):
            self.add_error("reason", _("Please choose the reason the writer will see."))
        return cleaned

    def reason_text(self) -> str:
        return str(dict(REJECTION_REASONS).get(self.cleaned_data.get("reason"), ""))
