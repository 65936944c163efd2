"""What an event's registration form does when it is sent: checked, held to a rate limit, then
kept by `registration_create`. The page (EventPage.registration_response) shows the outcome, for
the event's own register route and for an invitation link alike."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse

from mscos.events import services
from mscos.events.forms import RegistrationForm
from mscos.events.models import EventInvitation, EventPage, EventRegistration
from mscos.events.tokens import registration_token
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

REGISTRATION_LIMIT = 10
REGISTRATION_WINDOW_SECONDS = 60 * 60


@dataclass
class RegistrationAttempt:
    form: RegistrationForm
    registration: EventRegistration | None = None
    status: int = 200


def manage_url(registration: EventRegistration) -> str:
    """The private link where someone sees or cancels their registration."""
    return reverse("events_registration", args=[registration_token(registration.pk)])


def registration_attempt(
    request: HttpRequest, *, event: EventPage, invitation: EventInvitation | None = None
) -> RegistrationAttempt:
    """The form as sent, the registration it made if it was kept, and the status to answer with."""
    initial = {"email": invitation.email} if invitation else None
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method != "POST" or not form.is_valid():
        return RegistrationAttempt(form=form)
    if not allow_form_post(
        request,
        action="events:register",
        limit=REGISTRATION_LIMIT,
        window_seconds=REGISTRATION_WINDOW_SECONDS,
    ):
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return RegistrationAttempt(form=form, status=429)
    try:
        registration = services.registration_create(
            event=event,
            acting_user=request.user,
            invitation=invitation,
            **{key: form.cleaned_data[key] for key in ("name", "email", "role", "access_needs")},
            consent=form.cleaned_data["consent"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return RegistrationAttempt(form=form)
    return RegistrationAttempt(form=form, registration=registration)
