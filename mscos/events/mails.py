"""The mails events send: built here, sent from tasks (tasks.py) so a slow mail server never
holds up a page. Every one is automatic (Auto-Submitted), its Subject never folded, and every
link in it is at the site's one address (core.site_address)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mscos.core.mail import AUTOMATIC_HEADERS, SiteEmailMessage
from mscos.core.site_address import absolute_url, page_url
from mscos.events.calendar import calendar_content_type, event_calendar
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
    "event_cancelled": False,
    "reminder": True,
}
# Which take the event out of the calendar of someone who had a place (METHOD:CANCEL).
CANCELLING_MAILS = {"cancelled", "event_cancelled"}


def registration_url(registration: EventRegistration) -> str:
    token = registration_token(registration.pk)
    return absolute_url(reverse("events_registration", args=[token]))


def invitation_url(invitation: EventInvitation) -> str:
    token = invitation_token(invitation.pk)
    return absolute_url(reverse("events_invitation", args=[token]))


def _message(*, subject: str, body: str, to: str) -> SiteEmailMessage:
    return SiteEmailMessage(subject=subject, body=body, to=[to], headers=dict(AUTOMATIC_HEADERS))


def registration_message(
    registration: EventRegistration, kind: str, *, had_place: bool = False
) -> SiteEmailMessage:
    """The mail of `kind` (see REGISTRATION_MAILS) for one registration; `had_place` says a
    cancelled registration had a confirmed place, so its calendar entry must be taken out."""
    event = registration.event
    with_place = REGISTRATION_MAILS[kind] and registration.status == RegistrationStatus.CONFIRMED
    context = {
        "registration": registration,
        "event": event,
        "event_url": page_url(event),
        "manage_url": registration_url(registration),
        "with_place": with_place,
        "had_place": had_place,
    }
    with translation.override("en-gb"):
        subject = render_to_string(f"events/mail/{kind}_subject.txt", context).strip()
        body = render_to_string(f"events/mail/{kind}.txt", context)
    message = _message(subject=" ".join(subject.split()), body=body, to=registration.email)
    if with_place:
        message.attach(
            "event.ics",
            event_calendar(event, include_joining_details=True),
            calendar_content_type(),
        )
    elif kind in CANCELLING_MAILS and had_place:
        message.attach(
            "event.ics", event_calendar(event, cancel=True), calendar_content_type(cancel=True)
        )
    return message


def invitation_message(invitation: EventInvitation) -> SiteEmailMessage:
    context = {
        "invitation": invitation,
        "event": invitation.event,
        "event_url": page_url(invitation.event),
        "invitation_url": invitation_url(invitation),
    }
    with translation.override("en-gb"):
        subject = render_to_string("events/mail/invitation_subject.txt", context).strip()
        body = render_to_string("events/mail/invitation.txt", context)
    return _message(subject=" ".join(subject.split()), body=body, to=invitation.email)
