"""iCalendar (RFC 5545) files: one event, or a feed of every upcoming event."""

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from mscos.events.models import EventPage

PRODUCT_ID = "-//MSCOS Community of Practice//Events//EN"


def _uid(event: EventPage) -> str:
    # The page's id never changes, so calendars update the entry instead of adding a second one.
    return f"event-{event.pk}@mscos-community-of-practice"


def _vevent(event: EventPage, *, include_joining_details: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", _uid(event))
    vevent.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    vevent.add("dtstart", event.start.astimezone(datetime.UTC))
    vevent.add("dtend", event.end.astimezone(datetime.UTC))
    vevent.add("summary", event.title)
    description = [event.summary]
    url = event.full_url
    if url:
        vevent.add("url", url)
        description.append(url)
    if include_joining_details and event.joining_details:
        description.append(event.joining_details)
    vevent.add("description", "\n\n".join(part for part in description if part))
    if event.is_online:
        vevent.add("location", str(event.get_attendance_display()))
    elif event.address:
        vevent.add("location", ", ".join(line.strip() for line in event.address.splitlines()))
    vevent.add(
        "last-modified", (event.last_published_at or timezone.now()).astimezone(datetime.UTC)
    )
    vevent.add("status", "CONFIRMED")
    return vevent


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def event_calendar(event: EventPage, *, include_joining_details: bool = False) -> bytes:
    """A calendar file holding one event (joining details only for people with a place)."""
    calendar = _calendar(event.title)
    calendar.add("method", "PUBLISH")
    calendar.add_component(_vevent(event, include_joining_details=include_joining_details))
    return calendar.to_ical()


def events_feed(events: Iterable[EventPage], *, name: str) -> bytes:
    """A subscribable calendar of events, without anyone's joining details."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_vevent(event, include_joining_details=False))
    return calendar.to_ical()
