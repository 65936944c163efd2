"""What the join page's form does when it is sent: checked, held to a rate limit, then kept by
`join_request_create`. The page (JoinPage.serve) shows the outcome."""

from dataclasses import dataclass

from django.http import HttpRequest

from mscos.joining import selectors, services
from mscos.joining.forms import JoinForm
from mscos.joining.models import JoinRequest
from mscos.newsletter.selectors import current_consent_text
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

JOIN_LIMIT = 5
JOIN_WINDOW_SECONDS = 60 * 60


@dataclass
class JoinAttempt:
    form: JoinForm
    joined: JoinRequest | None = None
    status: int = 200


def join_attempt(request: HttpRequest) -> JoinAttempt:
    """The form as sent, the request it made if it was kept, and the status to answer with."""
    form = JoinForm(
        request.POST or None,
        outcome_choices=selectors.outcome_choices(),
        consent_text=current_consent_text(),
    )
    if request.method != "POST" or not form.is_valid():
        return JoinAttempt(form=form)
    if not allow_form_post(
        request, action="join", limit=JOIN_LIMIT, window_seconds=JOIN_WINDOW_SECONDS
    ):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return JoinAttempt(form=form, status=429)
    return JoinAttempt(
        form=form, joined=services.join_request_create(**form.cleaned_data_for_service())
    )
