"""Who may see and manage registrations: organisers (the permission) and administrators."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mscos.events.models import EventPage

MANAGE_REGISTRATIONS = "events.manage_registrations"


def can_manage_registrations(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(MANAGE_REGISTRATIONS))


def check_manage_registrations(user) -> None:
    if not can_manage_registrations(user):
        raise PermissionDenied


def get_event_for_organiser_or_404(user, event_id: int) -> EventPage:
    check_manage_registrations(user)
    return get_object_or_404(EventPage, pk=event_id)
