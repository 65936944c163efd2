"""Reads for events: lists, counts and the registrations organisers see."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mscos.accounts.models import User
from mscos.events.models import (
    ACTIVE_STATUSES,
    EventCalendarState,
    EventIndexPage,
    EventInvitation,
    EventPage,
    EventRegistration,
    RegistrationStatus,
)
from mscos.events.tokens import invitation_id_from_token, registration_id_from_token


def upcoming_events(*, index: EventIndexPage | None = None) -> QuerySet[EventPage]:
    """Live, public events that have not ended, soonest first."""
    events = EventPage.objects.live().public().filter(end__gt=timezone.now())
    if index is not None:
        events = events.child_of(index)
    upcoming: QuerySet[EventPage] = events.prefetch_related("outcomes").order_by("start", "pk")
    return upcoming


def past_events(*, index: EventIndexPage | None = None) -> QuerySet[EventPage]:
    """Live, public events that have ended, most recent first."""
    events = EventPage.objects.live().public().filter(end__lte=timezone.now())
    if index is not None:
        events = events.child_of(index)
    past: QuerySet[EventPage] = events.prefetch_related("outcomes").order_by("-start", "-pk")
    return past


def live_event_index() -> EventIndexPage | None:
    """The live events section, whose shell the private-link pages are shown in."""
    index: EventIndexPage | None = EventIndexPage.objects.live().first()
    return index


def public_event(*, slug: str) -> EventPage | None:
    """A live, public event by its slug (for its calendar file), or None; where translations
    share the slug, the first made (the original)."""
    events = EventPage.objects.live().public().filter(slug=slug).order_by("pk")
    event: EventPage | None = events.first()
    return event


def confirmed_count(*, event: EventPage) -> int:
    return EventRegistration.objects.filter(
        event=event, status=RegistrationStatus.CONFIRMED
    ).count()


def places_left(*, event: EventPage) -> int | None:
    """Free places, or None when the event has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event=event), 0)


def registration_from_token(token: str) -> EventRegistration | None:
    registration_id = registration_id_from_token(token)
    if registration_id is None:
        return None
    return EventRegistration.objects.select_related("event").filter(pk=registration_id).first()


def invitation_from_token(token: str) -> EventInvitation | None:
    invitation_id = invitation_id_from_token(token)
    if invitation_id is None:
        return None
    return EventInvitation.objects.select_related("event").filter(pk=invitation_id).first()


def registration_for_user(
    *, event: EventPage, user: User | AnonymousUser
) -> EventRegistration | None:
    """A signed-in person's confirmed place at an event, if they have one."""
    if not user.is_authenticated:
        return None
    return EventRegistration.objects.filter(
        event=event, user=user, status=RegistrationStatus.CONFIRMED
    ).first()


def registrations_for_organisers(*, event: EventPage) -> QuerySet[EventRegistration]:
    return EventRegistration.objects.filter(event=event).order_by("created_at", "pk")


def requests_to_attend(*, event: EventPage) -> QuerySet[EventRegistration]:
    return registrations_for_organisers(event=event).filter(status=RegistrationStatus.REQUESTED)


def due_reminders(
    *, now: datetime.datetime, within: datetime.timedelta
) -> QuerySet[EventRegistration]:
    """Confirmed places at events starting within `within` that have had no reminder yet.
    Someone who registered inside that window has just had their confirmation, so is left out."""
    return EventRegistration.objects.filter(
        created_at__lt=F("event__start") - within,
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__live=True,
        event__start__gt=now,
        event__start__lte=now + within,
    ).select_related("event")


def calendar_states(events: Iterable[EventPage]) -> dict[int, EventCalendarState]:
    """Each event's calendar sequence and cancellation, in one query for any number of events."""
    ids = [event.pk for event in events]
    return {state.event_id: state for state in EventCalendarState.objects.filter(event_id__in=ids)}


@dataclass(frozen=True)
class InvitationRow:
    invitation: EventInvitation
    state: str  # waiting, sent, registered, cancelled, declined, expired
    label: str


INVITATION_STATES = {
    "waiting": _("Waiting to be sent"),
    "sent": _("Sent"),
    "registered": _("Registered"),
    "cancelled": _("Registered, then cancelled"),
    "declined": _("Declined"),
    "expired": _("Expired unused"),
}


def _invitation_state(invitation: EventInvitation, now: datetime.datetime) -> str:
    registration = getattr(invitation, "registration", None)
    if registration is not None:
        if registration.status == RegistrationStatus.CANCELLED:
            return "cancelled"
        if registration.status == RegistrationStatus.DECLINED:
            return "declined"
        return "registered"
    if invitation.used_at is not None:
        return "registered"  # the registration has since been erased
    if invitation.expires_at <= now:
        return "expired"
    return "sent" if invitation.mail_sent_at else "waiting"


def invitations_for_organisers(
    *, event: EventPage, now: datetime.datetime | None = None
) -> list[InvitationRow]:
    """Every invitation to the event, newest first, with what became of it."""
    now = now or timezone.now()
    invitations = (
        EventInvitation.objects.filter(event=event)
        .select_related("registration")
        .order_by("-created_at", "-pk")
    )
    rows: list[InvitationRow] = []
    for invitation in invitations:
        state = _invitation_state(invitation, now)
        rows.append(InvitationRow(invitation, state, str(INVITATION_STATES[state])))
    return rows


def addresses_already_invited(
    *, event: EventPage, emails: list[str], now: datetime.datetime | None = None
) -> dict[str, str]:
    """Of `emails`, those with an invitation still open or an active registration for the event,
    each with what they have now (for the organiser's "send again?" question)."""
    now = now or timezone.now()
    wanted = {email.strip().lower() for email in emails}
    found: dict[str, str] = {}
    for registration in EventRegistration.objects.filter(
        event=event, email__in=wanted, status__in=ACTIVE_STATUSES
    ):
        found[registration.email] = str(registration.get_status_display())
    open_invitations = EventInvitation.objects.filter(
        event=event, email__in=wanted, used_at__isnull=True, expires_at__gt=now
    )
    for invitation in open_invitations:
        found.setdefault(invitation.email, str(INVITATION_STATES["sent"]))
    return found
