"""iCalendar (RFC 5545) files: one event, or a feed of every upcoming event.

Every entry carries the event's SEQUENCE (EventCalendarState), so a calendar program replaces its
copy when the time or place changes; a cancellation is a METHOD:CANCEL file whose entry says
STATUS:CANCELLED with a higher SEQUENCE, which removes the event from the person's calendar.
"""

import datetime
from collections.abc import Iterable
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from mscos.core.site_address import page_url, site_host_and_port
from mscos.events.models import EventPage

PRODUCT_ID = "-//MSCOS Community of Practice//Events//EN"


def event_uid(event: EventPage) -> str:
    # The page's id never changes, so calendars update the entry instead of adding a second one;
    # the right-hand side is the site's own host name (RFC 5545 3.8.4.7).
    return f"event-{event.pk}@{site_host_and_port()[0]}"


def _organizer() -> icalendar.vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = icalendar.vText(name or settings.WAGTAIL_SITE_NAME)
    return organizer


def _vevent(
    event: EventPage, *, include_joining_details: bool, sequence: int, cancelled: bool
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("sequence", sequence)
    vevent.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    vevent.add("dtstart", event.start.astimezone(datetime.UTC))
    vevent.add("dtend", event.end.astimezone(datetime.UTC))
    vevent.add("summary", event.title)
    vevent.add("organizer", _organizer())
    description = [event.summary]
    url = page_url(event)
    if url:
        vevent.add("url", url)
        description.append(url)
    if include_joining_details and event.joining_details and not cancelled:
        description.append(event.joining_details)
    vevent.add("description", "\n\n".join(part for part in description if part))
    if event.is_online:
        vevent.add("location", str(event.get_attendance_display()))
    elif event.address:
        vevent.add("location", ", ".join(line.strip() for line in event.address.splitlines()))
    vevent.add(
        "last-modified", (event.last_published_at or timezone.now()).astimezone(datetime.UTC)
    )
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def event_calendar(
    event: EventPage, *, include_joining_details: bool = False, cancel: bool = False
) -> bytes:
    """A calendar file holding one event (joining details only for people with a place).

    `cancel` makes the file that takes the event out of a calendar: for someone whose place was
    cancelled, and for everyone when the event itself is."""
    from mscos.events.selectors import calendar_states

    state = calendar_states([event]).get(event.pk)
    calendar = _calendar(event.title)
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    calendar.add_component(
        _vevent(
            event,
            include_joining_details=include_joining_details,
            sequence=state.sequence if state else 0,
            cancelled=cancel or bool(state and state.cancelled_at),
        )
    )
    return calendar.to_ical()


def calendar_content_type(*, cancel: bool = False) -> str:
    return f"text/calendar; method={'CANCEL' if cancel else 'PUBLISH'}; charset=utf-8"


def events_feed(events: Iterable[EventPage], *, name: str) -> bytes:
    """A subscribable calendar of events, without anyone's joining details."""
    from mscos.events.selectors import calendar_states

    events = list(events)
    states = calendar_states(events)
    calendar = _calendar(name)
    for event in events:
        state = states.get(event.pk)
        calendar.add_component(
            _vevent(
                event,
                include_joining_details=False,
                sequence=state.sequence if state else 0,
                cancelled=bool(state and state.cancelled_at),
            )
        )
    return calendar.to_ical()
