"""Organisers' screens in the Wagtail admin: registrations, requests, invitations, CSV export."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mscos.events import permissions, selectors, services, wording
from mscos.events.forms import InvitationForm
from mscos.events.models import EventPage, EventRegistration


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


def registrations(request, event_id: int):
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        emails = form.cleaned_data["emails"]
        try:
            with transaction.atomic():
                for email in emails:
                    services.invitation_send(event=event, email=email, acting_user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                wording.INVITATIONS_SENT % {"count": len(emails)},
            )
            return redirect("events_admin_registrations", event_id=event.pk)
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "registrations": selectors.registrations_for_organisers(event=event),
            "invitations": event.invitations.all()[:50],
            "places_left": selectors.places_left(event=event),
            "form": form,
            "now": timezone.now(),
        },
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


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def registrations_csv(request, event_id: int):
    event = permissions.get_event_for_organiser_or_404(request.user, event_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{event.slug}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow([str(label) for _field, label in CSV_COLUMNS])
    for registration in selectors.registrations_for_organisers(event=event):
        writer.writerow(
            [
                _csv_safe(registration.name),
                _csv_safe(registration.email),
                registration.get_role_display(),
                registration.get_status_display(),
                _csv_safe(registration.access_needs),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response
