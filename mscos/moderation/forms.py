from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.accounts.selectors import contact_address
from mscos.forum.audit import AuditAction
from mscos.forum.models import ForumCategory
from mscos.moderation.models import ModeratorSettings, RejectionTemplate, Report

REASON_LABEL = _("Reason for the log")


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


def _template_field(required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Message the writer will see"),
        queryset=RejectionTemplate.objects.filter(active=True),
        required=required,
        empty_label=_("Choose a message"),
    )


class BulkDecisionForm(forms.Form):
    """The queue's bulk bar: ticked posts, one action, an optional reason."""

    ACTIONS = [
        ("approve", _("Approve")),
        ("reject", _("Reject")),
        ("hide", _("Hide")),
        ("lock", _("Lock topic")),
        ("move", _("Move topic")),
    ]
    posts = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    bulk_action = forms.ChoiceField(choices=ACTIONS)
    template = _template_field()
    category = forms.ModelChoiceField(
        label=_("Move to"), queryset=ForumCategory.objects.all(), required=False
    )
    reason = forms.CharField(label=REASON_LABEL, required=False, max_length=300)

    def __init__(self, *args, post_ids: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["posts"]).choices = [(pk, pk) for pk in post_ids]
        self.fields["posts"].error_messages["required"] = _("Please tick at least one post.")
        self.fields["posts"].error_messages["invalid_choice"] = _(
            "One of the ticked posts is no longer waiting. Please look again."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("bulk_action") == "reject" and not cleaned.get("template"):
            self.add_error("template", _("Please choose the message the writer will see."))
        if cleaned.get("bulk_action") == "move" and not cleaned.get("category"):
            self.add_error("category", _("Please choose where to move the topic."))
        return cleaned


class RejectForm(forms.Form):
    template = _template_field(required=True)
    reason = forms.CharField(label=REASON_LABEL, required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].error_messages["required"] = _(
            "Please choose the message the writer will see."
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=REASON_LABEL, required=False, max_length=300)


def _safe_to_publish_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_("I have read it and it is safe to publish"),
        help_text=_(
            "Someone may be in danger. The runbook says not to publish an urgent post unless "
            "you are sure it puts nobody at risk."
        ),
        error_messages={
            "required": _("Please tick that you have read it and it is safe to publish.")
        },
    )


class UrgentAware:
    """Forms that publish: for an urgent post they ask, as a separate tick, that it is safe."""

    fields: dict[str, forms.Field]  # the form's, as this is mixed into forms

    def add_urgent_check(self, urgent: bool) -> None:
        if urgent:
            self.fields["safe_to_publish"] = _safe_to_publish_field()


class PublishUrgentForm(forms.Form):
    """The confirmation step: the only way to publish an urgent post from the queue."""

    safe_to_publish = _safe_to_publish_field()
    reason = forms.CharField(
        label=_("Why it is safe to publish (for the log)"), max_length=300, required=True
    )


class ApproveForm(UrgentAware, ReasonForm):
    def __init__(self, *args, urgent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_urgent_check(urgent)


class EditForm(UrgentAware, forms.Form):
    body = forms.CharField(label=_("The post's words"), widget=forms.Textarea(attrs={"rows": 10}))
    reason = forms.CharField(label=REASON_LABEL, required=False, max_length=300)

    def __init__(self, *args, urgent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_urgent_check(urgent)


class RedactForm(UrgentAware, forms.Form):
    remove = forms.TypedMultipleChoiceField(
        label=_("Suggested details to remove"),
        coerce=int,
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    extra = forms.CharField(
        label=_("Other words to remove"),
        help_text=_("One per line, exactly as written in the post: names, places, employers."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(label=_("Why (the writer sees this)"), required=False, max_length=300)

    def __init__(self, *args, suggestions, urgent: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_urgent_check(urgent)
        self.suggestions = suggestions
        remove = cast(forms.ChoiceField, self.fields["remove"])
        remove.choices = [(i, s.text) for i, s in enumerate(suggestions)]

    def phrases_and_kinds(self) -> tuple[list[str], list[str]]:
        chosen = [self.suggestions[i] for i in self.cleaned_data.get("remove", [])]
        extra = [line.strip() for line in self.cleaned_data.get("extra", "").splitlines()]
        extra = [line for line in extra if line]
        kinds = [s.kind for s in chosen] + (["other"] if extra else [])
        return [s.text for s in chosen] + extra, kinds


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=ForumCategory.objects.all(),
        empty_label=_("Choose a category"),
    )
    reason = forms.CharField(label=REASON_LABEL, required=False, max_length=300)


class WarnForm(forms.Form):
    message = forms.CharField(
        label=_("Warning the member will read"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuspendForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("For how long"),
        coerce=int,
        choices=[
            (1, _("1 day")),
            (3, _("3 days")),
            (7, _("1 week")),
            (30, _("30 days")),
            (90, _("90 days")),
        ],
    )
    reason = forms.CharField(label=_("Reason the member will see"), max_length=300)


class BanForm(forms.Form):
    reason = forms.CharField(label=_("Reason the member will see"), max_length=300)


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you need to know who wrote it (written to the audit log)"), max_length=300
    )


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False, max_length=100)
    action = forms.ChoiceField(
        label=_("What"), required=False, choices=[("", _("Any action")), *AuditAction.choices]
    )
    target_type = forms.ChoiceField(
        label=_("On what"),
        required=False,
        choices=[
            ("", _("Anything")),
            ("post", _("Posts")),
            ("topic", _("Topics")),
            ("member", _("Members")),
        ],
    )
    target_id = forms.IntegerField(label=_("Number"), required=False, min_value=1)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned


class ModeratorSettingsForm(forms.ModelForm):
    duty_days = forms.TypedMultipleChoiceField(
        label=_("Days on duty"),
        coerce=int,
        choices=ModeratorSettings.Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ModeratorSettings
        fields = ["duty_days", "duty_start", "duty_end", "on_call", "single_key_shortcuts"]
        widgets = {
            "duty_start": forms.TimeInput(attrs={"type": "time"}),
            "duty_end": forms.TimeInput(attrs={"type": "time"}),
        }

    def clean(self):
        cleaned = super().clean()
        days, start, end = (
            cleaned.get("duty_days"),
            cleaned.get("duty_start"),
            cleaned.get("duty_end"),
        )
        if (days or start or end) and not (days and start and end):
            raise forms.ValidationError(
                _("To set your hours, choose at least one day and both times.")
            )
        if start and end and start == end:
            self.add_error("duty_end", _("The end time must differ from the start time."))
        if (days or cleaned.get("on_call")) and not contact_address(self.instance.moderator):
            # Hours or on-call without an address would promise alerts nobody can send.
            raise forms.ValidationError(
                _(
                    "We have no email address to tell you about urgent posts. Please add one "
                    "(Your account → Email addresses, or ask an administrator), then save "
                    "your hours again."
                )
            )
        return cleaned


class ShortcutsForm(forms.Form):
    single_key_shortcuts = forms.BooleanField(required=False)
