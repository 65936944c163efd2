"""What the feedback page's form does when it is sent: checked, held to a rate limit, then kept
by `feedback_create`. The page (FeedbackPage.serve) shows the outcome."""

from dataclasses import dataclass

from django.http import HttpRequest

from mscos.feedback import services
from mscos.feedback.forms import FeedbackForm
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

FEEDBACK_LIMIT = 5
FEEDBACK_WINDOW_SECONDS = 60 * 60


@dataclass
class FeedbackAttempt:
    form: FeedbackForm
    sent: bool = False
    status: int = 200


def feedback_attempt(request: HttpRequest) -> FeedbackAttempt:
    """The form as sent (a fresh one once the feedback is kept), whether it was, and the status."""
    form = FeedbackForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return FeedbackAttempt(form=form)
    if not allow_form_post(
        request, action="feedback", limit=FEEDBACK_LIMIT, window_seconds=FEEDBACK_WINDOW_SECONDS
    ):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return FeedbackAttempt(form=form, status=429)
    services.feedback_create(
        **{key: form.cleaned_data[key] for key in ("topic", "message", "name", "email")}
    )
    return FeedbackAttempt(form=FeedbackForm(), sent=True)
