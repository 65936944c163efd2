"""Reads for events: lists, counts and the registrations organisers see."""

from django.db.models import F, QuerySet
from django.utils import timezone

from mscos.events.models import (
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
    return events.prefetch_related("outcomes").order_by("start", "pk")


def past_events(*, index: EventIndexPage | None = None) -> QuerySet[EventPage]:
    """Live, public events that have ended, most recent first."""
    events = EventPage.objects.live().public().filter(end__lte=timezone.now())
    if index is not None:
        events = events.child_of(index)
    return events.prefetch_related("outcomes").order_by("-start", "-pk")


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


def registration_for_user(*, event: EventPage, user) -> EventRegistration | None:
    """A signed-in person's confirmed place at an event, if they have one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return EventRegistration.objects.filter(
        event=event, user=user, status=RegistrationStatus.CONFIRMED
    ).first()


def registrations_for_organisers(*, event: EventPage) -> QuerySet[EventRegistration]:
    return EventRegistration.objects.filter(event=event).order_by("created_at", "pk")


def requests_to_attend(*, event: EventPage) -> QuerySet[EventRegistration]:
    return registrations_for_organisers(event=event).filter(status=RegistrationStatus.REQUESTED)


def due_reminders(*, now, within) -> QuerySet[EventRegistration]:
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
