"""Writes for events: registering, cancelling, the waiting list, invitations and requests."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mscos.events import mails, selectors
from mscos.events.models import (
    ACTIVE_STATUSES,
    EventInvitation,
    EventPage,
    EventRegistration,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

INVITATION_VALID_FOR = datetime.timedelta(days=14)


def _mail_later(registration: EventRegistration, kind: str) -> None:
    from mscos.events.tasks import send_registration_mail

    registration_id = registration.pk
    transaction.on_commit(
        lambda: send_registration_mail.enqueue(registration_id=registration_id, kind=kind)
    )


def _lock_event(event: EventPage) -> None:
    # Serialises registrations for one event, so two people cannot take the last place.
    EventPage.objects.select_for_update().filter(pk=event.pk).first()


def _has_free_place(event: EventPage) -> bool:
    left = selectors.places_left(event=event)
    return left is None or left > 0


def _set_status(registration: EventRegistration, status: str) -> None:
    registration.status = status
    registration.status_changed_at = timezone.now()
    registration.save(update_fields=["status", "status_changed_at"])


def registration_create(
    *,
    event: EventPage,
    name: str,
    email: str,
    role: str,
    access_needs: str,
    consent: bool,
    acting_user=None,
    invitation: EventInvitation | None = None,
    now: datetime.datetime | None = None,
) -> EventRegistration:
    """Registers someone: a place if one is free, else the waiting list; for an invite-only
    event without a valid invitation, a request to attend for the organisers to decide."""
    now = now or timezone.now()
    if not consent:
        raise ValidationError(_("Please agree that we may contact you about this event."))
    if not event.registration_is_open(now):
        raise ValidationError(_("Registration for this event is closed."))
    with transaction.atomic():
        _lock_event(event)
        if invitation is not None:
            invitation = EventInvitation.objects.select_for_update().get(pk=invitation.pk)
            _check_invitation_usable(invitation, event=event, now=now)
        if invitation is None and event.invite_only:
            status = RegistrationStatus.REQUESTED
        elif _has_free_place(event):
            status = RegistrationStatus.CONFIRMED
        else:
            status = RegistrationStatus.WAITING
        try:
            with transaction.atomic():
                registration = EventRegistration.objects.create(
                    event=event,
                    name=name.strip(),
                    email=email.strip().lower(),
                    role=role,
                    access_needs=access_needs.strip(),
                    consent=consent,
                    status=status,
                    user=acting_user if getattr(acting_user, "is_authenticated", False) else None,
                    invitation=invitation,
                    created_at=now,
                    status_changed_at=now,
                )
        except IntegrityError:
            raise ValidationError(
                _(
                    "This email address is already registered for this event. The mail we sent "
                    "has a link to your registration."
                )
            ) from None
        if invitation is not None:
            invitation.used_at = now
            invitation.save(update_fields=["used_at"])
        _mail_later(registration, str(status))
    return registration


def registration_cancel(*, registration: EventRegistration, acting_user=None) -> None:
    """Cancels a place or a place in the queue; a freed place goes to the next person waiting."""
    with transaction.atomic():
        _lock_event(registration.event)
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            return
        freed_place = registration.status == RegistrationStatus.CONFIRMED
        _set_status(registration, RegistrationStatus.CANCELLED)
        _mail_later(registration, "cancelled")
        if freed_place:
            _promote_waiting(registration.event)


def _promote_waiting(event: EventPage) -> EventRegistration | None:
    """Gives free places to the people waiting longest, and tells them."""
    promoted = None
    while _has_free_place(event):
        next_in_line = (
            EventRegistration.objects.select_for_update()
            .filter(event=event, status=RegistrationStatus.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if next_in_line is None:
            break
        _set_status(next_in_line, RegistrationStatus.CONFIRMED)
        _mail_later(next_in_line, "promoted")
        promoted = next_in_line
    return promoted


def _log_decision(registration: EventRegistration, action: str, acting_user) -> None:
    # Named by number and event, never by the person: the entry outlives an erased registration.
    title = f"#{registration.pk} · {registration.event.title}"
    log(instance=registration, action=action, user=acting_user, title=title)


def request_approve(*, registration: EventRegistration, acting_user) -> None:
    """An organiser lets someone attend: a place if one is free, else the waiting list."""
    with transaction.atomic():
        _lock_event(registration.event)
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.REQUESTED:
            raise ValidationError(_("This request has already been answered."))
        if _has_free_place(registration.event):
            _set_status(registration, RegistrationStatus.CONFIRMED)
            _mail_later(registration, "approved")
        else:
            _set_status(registration, RegistrationStatus.WAITING)
            _mail_later(registration, "waiting")
        # In the admin's history, with the other editorial decisions.
        _log_decision(registration, "mscos.event_request_approved", acting_user)


def request_decline(*, registration: EventRegistration, acting_user) -> None:
    with transaction.atomic():
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.REQUESTED:
            raise ValidationError(_("This request has already been answered."))
        _set_status(registration, RegistrationStatus.DECLINED)
        _mail_later(registration, "declined")
        _log_decision(registration, "mscos.event_request_declined", acting_user)


def invitation_send(
    *,
    event: EventPage,
    email: str,
    acting_user,
    valid_for: datetime.timedelta = INVITATION_VALID_FOR,
) -> EventInvitation:
    """Invites one address to an event by a signed link that works once, until it expires."""
    from mscos.events.tasks import send_invitation_mail

    now = timezone.now()
    if not event.registration_is_open(now) and event.registration_closes_at() <= now:
        raise ValidationError(_("Registration for this event has closed: nobody can be invited."))
    invitation = EventInvitation.objects.create(
        event=event,
        email=email.strip().lower(),
        created_at=now,
        expires_at=min(now + valid_for, event.registration_closes_at()),
        invited_by=acting_user,
    )
    invitation_id = invitation.pk
    transaction.on_commit(lambda: send_invitation_mail.enqueue(invitation_id=invitation_id))
    return invitation


def _check_invitation_usable(
    invitation: EventInvitation, *, event: EventPage, now: datetime.datetime
) -> None:
    if invitation.event_id != event.pk:
        raise ValidationError(_("This invitation is for another event."))
    if invitation.used_at is not None:
        raise ValidationError(
            _("This invitation has already been used. Each invitation link works once.")
        )
    if invitation.expires_at <= now:
        raise ValidationError(
            _("This invitation has expired. Please ask the organisers for a new one.")
        )


def invitation_check(*, invitation: EventInvitation, now: datetime.datetime | None = None) -> None:
    """Raises ValidationError with a friendly reason when an invitation can no longer be used."""
    _check_invitation_usable(invitation, event=invitation.event, now=now or timezone.now())


def reminders_send_due(*, now: datetime.datetime, within: datetime.timedelta) -> int:
    """Sends each due reminder once: a reminder is claimed by one UPDATE before it is sent, so
    overlapping runs never send it twice; a failed send gives the claim back for the next run."""
    sent = 0
    for registration in selectors.due_reminders(now=now, within=within):
        claimed = EventRegistration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if not claimed:
            continue
        try:
            mails.registration_message(registration, "reminder").send()
        except Exception:
            logger.exception("Could not send the reminder for registration %s", registration.pk)
            EventRegistration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            continue
        sent += 1
    return sent
