"""Background work for events: every mail (tried again while the mail server refuses, see
core.mail_delivery), and the daily reminder run."""

import datetime
import logging

from django.tasks import task
from django.utils import timezone

from mscos.core.mail_delivery import send_or_retry
from mscos.events import mails
from mscos.events.models import EventInvitation, EventRegistration

logger = logging.getLogger(__name__)

REMINDER_LEAD_TIME = datetime.timedelta(days=1)


@task
def send_registration_mail(
    *, registration_id: int, kind: str, had_place: bool = False, attempt: int = 1
) -> bool:
    """Sends one registration mail (confirmation, waiting list, promotion, reminder...)."""
    registration = (
        EventRegistration.objects.select_related("event").filter(pk=registration_id).first()
    )
    if registration is None:
        return False
    return send_or_retry(
        mails.registration_message(registration, kind, had_place=had_place),
        task=send_registration_mail,
        task_kwargs={"registration_id": registration_id, "kind": kind, "had_place": had_place},
        attempt=attempt,
    )


@task
def send_invitation_mail(*, invitation_id: int, attempt: int = 1) -> bool:
    invitation = EventInvitation.objects.select_related("event").filter(pk=invitation_id).first()
    if invitation is None or invitation.used_at is not None:
        return False
    sent = send_or_retry(
        mails.invitation_message(invitation),
        task=send_invitation_mail,
        task_kwargs={"invitation_id": invitation_id},
        attempt=attempt,
    )
    if sent:
        # What the organisers' list of invitations shows as "Sent".
        EventInvitation.objects.filter(pk=invitation.pk).update(mail_sent_at=timezone.now())
    return sent


@task
def send_due_reminders() -> int:
    """Periodic: reminds everyone with a place at an event starting within a day, once."""
    from mscos.events import services

    return services.reminders_send_due(now=timezone.now(), within=REMINDER_LEAD_TIME)
