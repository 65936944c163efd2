"""Events' part of a member's data export and account erasure: registrations made signed in."""

from mscos.events.models import ACTIVE_STATUSES, EventRegistration


def export_registrations(user) -> list[dict]:
    return [
        {
            "event": registration.event.title,
            "name": registration.name,
            "email": registration.email,
            "role": registration.role,
            "access_needs": registration.access_needs,
            "status": registration.status,
            "registered_at": registration.created_at.isoformat(),
        }
        for registration in EventRegistration.objects.filter(user=user).select_related("event")
    ]


def erase_registrations(user, keep_contributions: bool) -> None:
    """Registrations are not contributions: they go, whatever else the member keeps. A place
    they held goes to the next person waiting first."""
    from mscos.events import services

    for registration in EventRegistration.objects.filter(user=user, status__in=ACTIVE_STATUSES):
        services.registration_cancel(registration=registration, acting_user=user)
    EventRegistration.objects.filter(user=user).delete()
