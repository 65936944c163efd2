"""The mails events send: built here, sent from tasks (tasks.py) so a slow mail server never
holds up a page."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mscos.events.calendar import event_calendar
from mscos.events.models import EventInvitation, EventRegistration, RegistrationStatus
from mscos.events.tokens import invitation_token, registration_token

# Which mails carry the calendar file (and so the joining details): the ones that give a place.
REGISTRATION_MAILS = {
    "confirmed": True,
    "waiting": False,
    "requested": False,
    "promoted": True,
    "approved": True,
    "declined": False,
    "cancelled": False,
    "reminder": True,
}


def _absolute(event, path: str) -> str:
    site = event.get_site()
    return (site.root_url if site else "") + path


def registration_url(registration: EventRegistration) -> str:
    token = registration_token(registration.pk)
    return _absolute(registration.event, reverse("events_registration", args=[token]))


def invitation_url(invitation: EventInvitation) -> str:
    token = invitation_token(invitation.pk)
    return _absolute(invitation.event, reverse("events_invitation", args=[token]))


def registration_message(registration: EventRegistration, kind: str) -> EmailMessage:
    """The mail of `kind` (see REGISTRATION_MAILS) for one registration."""
    event = registration.event
    with_place = REGISTRATION_MAILS[kind] and registration.status == RegistrationStatus.CONFIRMED
    context = {
        "registration": registration,
        "event": event,
        "manage_url": registration_url(registration),
        "with_place": with_place,
    }
    with translation.override("en-gb"):
        subject = render_to_string(f"events/mail/{kind}_subject.txt", context).strip()
        body = render_to_string(f"events/mail/{kind}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email])
    if with_place:
        message.attach(
            "event.ics",
            event_calendar(event, include_joining_details=True),
            "text/calendar; method=PUBLISH; charset=utf-8",
        )
    return message


def invitation_message(invitation: EventInvitation) -> EmailMessage:
    context = {
        "invitation": invitation,
        "event": invitation.event,
        "invitation_url": invitation_url(invitation),
    }
    with translation.override("en-gb"):
        subject = render_to_string("events/mail/invitation_subject.txt", context).strip()
        body = render_to_string("events/mail/invitation.txt", context)
    return EmailMessage(subject=subject, body=body, to=[invitation.email])
