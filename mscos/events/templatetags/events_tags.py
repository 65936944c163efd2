"""How an event's time reads: in UK time, in the event's own zone when it differs, and (in the
browser, by static/events/local-time.js) in the reader's own zone when it says which that is."""

import zoneinfo

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from mscos.core.formats import weekday_date, weekday_datetime
from mscos.events.models import UK_TIME_ZONE, EventPage

register = template.Library()
UK = zoneinfo.ZoneInfo(UK_TIME_ZONE)


def _span(event: EventPage, zone: zoneinfo.ZoneInfo) -> str:
    start = event.start.astimezone(zone)
    end = event.end.astimezone(zone)
    day = weekday_date(start)
    start_time = formats.time_format(start, "H:i")
    if start.date() == end.date():
        end_text = formats.time_format(end, "H:i")
    else:
        end_text = weekday_datetime(end)
    return f"{day}, {start_time}\N{EN DASH}{end_text}"


def _zone_label(event: EventPage, zone: zoneinfo.ZoneInfo) -> str:
    return event.start.astimezone(zone).tzname() or str(zone)


@register.simple_tag
def event_when_text(event: EventPage) -> str:
    """Plain text for mails: UK time, and the event's zone when that is another."""
    text = _("%(span)s UK time (%(zone)s)") % {
        "span": _span(event, UK),
        "zone": _zone_label(event, UK),
    }
    if event.zone.key != UK_TIME_ZONE:
        text += "; " + _("%(span)s in %(place)s") % {
            "span": _span(event, event.zone),
            "place": event.zone.key.replace("_", " "),
        }
    return text


def _span_html(event: EventPage, zone: zoneinfo.ZoneInfo):
    """The span as two isolated <time> elements, so right-to-left text cannot swap their parts."""
    start = event.start.astimezone(zone)
    end = event.end.astimezone(zone)
    same_day = start.date() == end.date()
    return format_html(
        '<time class="event-when__start" datetime="{}">{}, {}</time>\N{EN DASH}'
        '<time class="event-when__end" datetime="{}">{}</time>',
        start.isoformat(),
        weekday_date(start),
        formats.time_format(start, "H:i"),
        end.isoformat(),
        formats.time_format(end, "H:i") if same_day else weekday_datetime(end),
    )


@register.simple_tag
def event_when(event: EventPage):
    """HTML: UK time in <time> elements the reader's browser may add its own zone to."""
    html = format_html(
        # dir="auto": the words are the interface's (Arabic day names), also on a page whose
        # content is shown in English, so their own direction orders the start and the end.
        '<span class="event-when" dir="auto" data-start="{}" data-end="{}">'
        '{} <bdi class="event-when__zone">{}</bdi></span>',
        event.start.isoformat(),
        event.end.isoformat(),
        _span_html(event, UK),
        _("UK time (%(zone)s)") % {"zone": _zone_label(event, UK)},
    )
    if event.zone.key != UK_TIME_ZONE:
        html += format_html(
            '<br><span class="event-when__other">{}</span>',
            _("%(span)s in %(place)s")
            % {"span": _span(event, event.zone), "place": event.zone.key.replace("_", " ")},
        )
    return html
