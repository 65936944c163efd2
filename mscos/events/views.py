"""Thin views behind the event pages' routes: reading, registering, private links, calendars."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from mscos.events import calendar, selectors, services
from mscos.events.forms import RegistrationForm
from mscos.events.models import EventIndexPage, EventPage, RegistrationStatus
from mscos.events.tokens import registration_token
from mscos.safety.bot_check import RATE_LIMITED_MESSAGE, allow_form_post

REGISTRATION_LIMIT = 10
REGISTRATION_WINDOW_SECONDS = 60 * 60


def _page_context(request, page, **extra):
    context = page.get_context(request)
    context.update(extra)
    return context


def event_detail(request, *, event: EventPage):
    return TemplateResponse(
        request,
        "events/event_page.html",
        _page_context(
            request,
            event,
            places_left=selectors.places_left(event=event),
            registration_open=event.registration_is_open(),
            has_ended=event.has_ended(),
            now=timezone.now(),
            my_registration=selectors.registration_for_user(event=event, user=request.user),
        ),
    )


def _manage_url(registration) -> str:
    return reverse("events_registration", args=[registration_token(registration.pk)])


def _index_page() -> EventIndexPage:
    index = EventIndexPage.objects.live().first()
    if index is None:
        raise Http404
    return index


def _registration_form_response(request, *, event, form, invitation=None, status=200):
    return TemplateResponse(
        request,
        "events/register.html",
        _page_context(
            request,
            event,
            form=form,
            invitation=invitation,
            registration_open=event.registration_is_open(),
            places_left=selectors.places_left(event=event),
        ),
        status=status,
    )


def _handle_registration(request, *, event, invitation=None):
    initial = {"email": invitation.email} if invitation else None
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not allow_form_post(
            request,
            action="events:register",
            limit=REGISTRATION_LIMIT,
            window_seconds=REGISTRATION_WINDOW_SECONDS,
        ):
            form.add_error(None, RATE_LIMITED_MESSAGE)
            return _registration_form_response(
                request, event=event, form=form, invitation=invitation, status=429
            )
        try:
            registration = services.registration_create(
                event=event,
                acting_user=request.user,
                invitation=invitation,
                **{k: form.cleaned_data[k] for k in ("name", "email", "role", "access_needs")},
                consent=form.cleaned_data["consent"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return HttpResponseRedirect(_manage_url(registration) + "?new=1")
    return _registration_form_response(request, event=event, form=form, invitation=invitation)


@never_cache
def register(request, *, event: EventPage):
    if not event.live:
        raise Http404
    return _handle_registration(request, event=event)


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
    return _handle_registration(request, event=invitation.event.specific, invitation=invitation)


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
    event = get_object_or_404(EventPage.objects.live().public(), slug=slug)
    # Public: never the joining details, which only people with a place receive.
    return _calendar_response(calendar.event_calendar(event), f"{event.slug}.ics")


def calendar_feed(request):
    events = selectors.upcoming_events()
    content = calendar.events_feed(events, name=_("MSCOS Community of Practice events"))
    return _calendar_response(content, "mscos-events.ics")
