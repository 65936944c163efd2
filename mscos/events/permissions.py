"""Who may see and manage registrations: organisers (the permission) and administrators."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mscos.accounts.models import User
from mscos.events.models import EventPage

MANAGE_REGISTRATIONS = "events.manage_registrations"


def can_manage_registrations(user: User | AnonymousUser) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(MANAGE_REGISTRATIONS))


def check_manage_registrations(user: User | AnonymousUser) -> None:
    if not can_manage_registrations(user):
        raise PermissionDenied


def get_event_for_organiser_or_404(user: User | AnonymousUser, event_id: int) -> EventPage:
    check_manage_registrations(user)
    return get_object_or_404(EventPage, pk=event_id)
