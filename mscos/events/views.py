"""Thin views behind the event pages' routes: reading, registering, private links, calendars."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mscos.events import calendar, selectors, services
from mscos.events.models import EventIndexPage, EventPage, RegistrationStatus


def _page_context(request, page, **extra):
    context = page.get_context(request)
    context.update(extra)
    return context


def _index_page() -> EventIndexPage:
    index = selectors.live_event_index()
    if index is None:
        raise Http404
    return index


@never_cache
def accept_invitation(request, token: str):
    index = _index_page()
    invitation = selectors.invitation_from_token(token)
    if invitation is None:
        raise Http404
    try:
        services.invitation_check(invitation=invitation)
    except ValidationError as error:
        return TemplateResponse(
            request,
            "events/invitation_unusable.html",
            _page_context(request, index, reason=error.messages[0], event=invitation.event),
            status=410,
        )
    event: EventPage = invitation.event.specific
    return event.registration_response(request, invitation=invitation)


@never_cache
def manage_registration(request, token: str):
    index = _index_page()
    registration = selectors.registration_from_token(token)
    if registration is None:
        raise Http404
    if request.method == "POST" and "cancel" in request.POST:
        services.registration_cancel(registration=registration, acting_user=request.user)
        registration.refresh_from_db()
    event = registration.event
    return TemplateResponse(
        request,
        "events/registration.html",
        _page_context(
            request,
            index,
            registration=registration,
            event=event,
            is_new="new" in request.GET,
            confirmed=registration.status == RegistrationStatus.CONFIRMED,
            can_cancel=registration.status
            in (
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITING,
                RegistrationStatus.REQUESTED,
            )
            and not event.has_ended(),
        ),
    )


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, slug: str):
    event = selectors.public_event(slug=slug)
    if event is None:
        raise Http404
    # Public: never the joining details, which only people with a place receive.
    return _calendar_response(calendar.event_calendar(event), f"{event.slug}.ics")


def calendar_feed(request):
    events = selectors.upcoming_events()
    content = calendar.events_feed(events, name=_("MSCOS Community of Practice events"))
    return _calendar_response(content, "mscos-events.ics")
