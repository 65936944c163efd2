"""Organisers' screens in the Wagtail admin: registrations, requests, invitations, CSV export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mscos.core.csv_export import csv_response
from mscos.events import permissions, selectors, services, wording
from mscos.events.forms import InvitationForm
from mscos.events.models import ACTIVE_STATUSES, EventPage, EventRegistration


def event_list(request):
    permissions.check_manage_registrations(request.user)
    events = EventPage.objects.order_by("-start")
    rows = [
        (
            event,
            selectors.confirmed_count(event=event),
            selectors.requests_to_attend(event=event).count(),
        )
        for event in events
    ]
    return TemplateResponse(request, "events/admin/event_list.html", {"rows": rows})


def _send_invitations(request, event, emails: list[str]) -> None:
    with transaction.atomic():
        for email in emails:
            services.invitation_send(event=event, email=email, acting_user=request.user)
    messages.success(request, wording.INVITATIONS_SENT % {"count": len(emails)})


def registrations(request, event_id: int):
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    form = InvitationForm(request.POST or None)
    already_invited: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        emails = form.cleaned_data["emails"]
        already_invited = selectors.addresses_already_invited(event=event, emails=emails)
        if "only_new" in request.POST:
            emails = [email for email in emails if email not in already_invited]
            already_invited = {}
        elif form.cleaned_data["send_again"]:
            already_invited = {}
        # An address with an open invitation or a registration gets a second mail only when
        # the organiser has seen the list and said so.
        if not already_invited:
            try:
                if emails:
                    _send_invitations(request, event, emails)
                else:
                    messages.info(request, wording.NOTHING_NEW_TO_SEND)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("events_admin_registrations", event_id=event.pk)
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "registrations": selectors.registrations_for_organisers(event=event),
            "invitations": selectors.invitations_for_organisers(event=event),
            "already_invited": sorted(already_invited.items()),
            "places_left": selectors.places_left(event=event),
            "form": form,
        },
    )


def cancel_event(request, event_id: int):
    """Asks, then cancels the whole event (everyone registered is told)."""
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            told = services.event_cancel(event=event, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, wording.EVENT_CANCELLED % {"count": told})
        return redirect("events_admin_registrations", event_id=event.pk)
    active = selectors.registrations_for_organisers(event=event).filter(status__in=ACTIVE_STATUSES)
    return TemplateResponse(
        request, "events/admin/cancel_event.html", {"event": event, "active": active.count()}
    )


@require_POST
def decide(request, event_id: int, registration_id: int):
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    registration = get_object_or_404(EventRegistration, pk=registration_id, event=event)
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.request_approve(registration=registration, acting_user=request.user)
        elif action == "decline":
            services.request_decline(registration=registration, acting_user=request.user)
        elif action == "cancel":
            services.registration_cancel(registration=registration, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, wording.DECISION_SAVED_AND_MAILED)
    return redirect("events_admin_registrations", event_id=event.pk)


CSV_COLUMNS = [
    ("name", _("Name or pseudonym")),
    ("email", _("Email address")),
    ("role", _("Role")),
    ("status", _("Status")),
    ("access_needs", _("Access needs")),
    ("created_at", _("Registered")),
]


def registrations_csv(request, event_id: int):
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    return csv_response(
        filename=f"registrations-{event.slug}.csv",
        header=[label for _field, label in CSV_COLUMNS],
        rows=(
            [
                registration.name,
                registration.email,
                registration.get_role_display(),
                registration.get_status_display(),
                registration.access_needs,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
            for registration in selectors.registrations_for_organisers(event=event)
        ),
    )
