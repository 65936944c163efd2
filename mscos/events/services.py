"""Writes for events: registering, cancelling, the waiting list, invitations and requests."""

import datetime
import hashlib
import logging

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from mscos.accounts.models import User
from mscos.events import selectors
from mscos.events.models import (
    ACTIVE_STATUSES,
    EventCalendarState,
    EventInvitation,
    EventPage,
    EventRegistration,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

INVITATION_VALID_FOR = datetime.timedelta(days=14)


def _mail_later(registration: EventRegistration, kind: str, *, had_place: bool = False) -> None:
    from mscos.events.tasks import send_registration_mail

    registration_id = registration.pk
    extra = {"had_place": True} if had_place else {}
    transaction.on_commit(
        lambda: send_registration_mail.enqueue(registration_id=registration_id, kind=kind, **extra)
    )


def _calendar_state(event: EventPage) -> EventCalendarState:
    state, _created = EventCalendarState.objects.select_for_update().get_or_create(event=event)
    return state


def _sequence_bump(event: EventPage) -> None:
    # Every calendar that has the event takes the next file with a higher SEQUENCE as the newer.
    EventCalendarState.objects.get_or_create(event=event)
    EventCalendarState.objects.filter(event=event).update(sequence=F("sequence") + 1)


def _schedule_fingerprint(event: EventPage) -> str:
    """What a calendar must hear about when it changes: the time and the place."""
    parts = [
        event.start.isoformat(),
        event.end.isoformat(),
        event.attendance,
        event.address.strip(),
        event.joining_details.strip(),
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def event_published(*, event: EventPage) -> None:
    """After each publish: a new time or place raises the calendar SEQUENCE (the first publish
    starts it at 0), so calendar programs replace their copy instead of keeping the old one."""
    fingerprint = _schedule_fingerprint(event)
    with transaction.atomic():
        state = _calendar_state(event)
        if state.fingerprint == fingerprint:
            return
        if state.fingerprint:
            state.sequence += 1
        state.fingerprint = fingerprint
        state.save(update_fields=["sequence", "fingerprint"])


def event_cancel(*, event: EventPage, acting_user: User) -> int:
    """Cancels the whole event: registration closes, every active registration is cancelled
    and told (with a cancelling calendar file for those who had a place), and calendars that
    subscribe to the feed see it CANCELLED. Returns how many people were told."""
    told = 0
    with transaction.atomic():
        _lock_event(event)
        state = _calendar_state(event)
        if state.cancelled_at is not None:
            raise ValidationError(_("This event has already been cancelled."))
        state.cancelled_at = timezone.now()
        state.sequence += 1
        state.save(update_fields=["cancelled_at", "sequence"])
        active = EventRegistration.objects.select_for_update().filter(
            event=event, status__in=ACTIVE_STATUSES
        )
        for registration in active:
            had_place = registration.status == RegistrationStatus.CONFIRMED
            _set_status(registration, RegistrationStatus.CANCELLED)
            _mail_later(registration, "event_cancelled", had_place=had_place)
            told += 1
        log(instance=event, action="mscos.event_cancelled", user=acting_user)
    return told


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
    acting_user: User | AnonymousUser | None = None,
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
    member = acting_user if acting_user is not None and acting_user.is_authenticated else None
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
                    user=member,
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


def registration_cancel(
    *, registration: EventRegistration, acting_user: User | AnonymousUser | None = None
) -> None:
    """Cancels a place or a place in the queue; a freed place goes to the next person waiting."""
    with transaction.atomic():
        _lock_event(registration.event)
        registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            return
        freed_place = registration.status == RegistrationStatus.CONFIRMED
        _set_status(registration, RegistrationStatus.CANCELLED)
        if freed_place:
            # The cancelling file must outrank the one they have; registering again later
            # then gets a higher number still.
            _sequence_bump(registration.event)
        _mail_later(registration, "cancelled", had_place=freed_place)
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


def _log_decision(registration: EventRegistration, action: str, acting_user: User) -> None:
    # Named by number and event, never by the person: the entry outlives an erased registration.
    title = f"#{registration.pk} · {registration.event.title}"
    log(instance=registration, action=action, user=acting_user, title=title)


def request_approve(*, registration: EventRegistration, acting_user: User) -> None:
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


def request_decline(*, registration: EventRegistration, acting_user: User) -> None:
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
    acting_user: User,
    valid_for: datetime.timedelta = INVITATION_VALID_FOR,
) -> EventInvitation:
    """Invites one address to an event by a signed link that works once, until it expires."""
    from mscos.events.tasks import send_invitation_mail

    now = timezone.now()
    if event.is_cancelled:
        raise ValidationError(_("This event has been cancelled: nobody can be invited."))
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
    """Queues each due reminder once: a reminder is claimed by one UPDATE before its mail is
    queued, so overlapping runs never send it twice; the mail task tries again while the mail
    server refuses (core.mail_delivery)."""
    from mscos.events.tasks import send_registration_mail

    queued = 0
    for registration in selectors.due_reminders(now=now, within=within):
        claimed = EventRegistration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if not claimed:
            continue
        send_registration_mail.enqueue(registration_id=registration.pk, kind="reminder")
        queued += 1
    return queued
