"""Background work for events: every mail, and the daily reminder run."""

import datetime
import logging

from django.tasks import task
from django.utils import timezone

from mscos.events import mails
from mscos.events.models import EventInvitation, EventRegistration

logger = logging.getLogger(__name__)

REMINDER_LEAD_TIME = datetime.timedelta(days=1)


@task
def send_registration_mail(*, registration_id: int, kind: str) -> None:
    """Sends one registration mail (confirmation, waiting list, promotion, reminder...)."""
    registration = EventRegistration.objects.select_related("event").filter(pk=registration_id)
    registration = registration.first()
    if registration is None:
        return
    mails.registration_message(registration, kind).send()


@task
def send_invitation_mail(*, invitation_id: int) -> None:
    invitation = EventInvitation.objects.select_related("event").filter(pk=invitation_id).first()
    if invitation is None or invitation.used_at is not None:
        return
    mails.invitation_message(invitation).send()


@task
def send_due_reminders() -> int:
    """Periodic: reminds everyone with a place at an event starting within a day, once."""
    from mscos.events import services

    return services.reminders_send_due(now=timezone.now(), within=REMINDER_LEAD_TIME)
