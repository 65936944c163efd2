from django import forms
from django.utils.translation import gettext_lazy as _

from mscos.feedback.models import FeedbackTopic
from mscos.safety.bot_check import BotCheckMixin


class FeedbackForm(BotCheckMixin, forms.Form):
    too_quick_message = _(
        "Sorry, we could not send your feedback yet. Please check it and press Send feedback again."
    )

    topic = forms.ChoiceField(
        label=_("What is it about?"),
        choices=FeedbackTopic.choices,
        widget=forms.RadioSelect,
        initial=FeedbackTopic.SITE,
    )
    message = forms.CharField(
        label=_("Your feedback or suggestion"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=100,
        required=False,
        help_text=_("Leave it empty to stay anonymous."),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Only if you would like a reply. Leave it empty to stay anonymous."),
    )

    field_order = ["topic", "message", "name", "email"]


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Reply"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10000
    )
