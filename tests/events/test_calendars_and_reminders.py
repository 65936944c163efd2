"""Calendar files parsed by icalendar, reminders sent once, the organisers' CSV export."""

import csv
import datetime
import io

import icalendar
import pytest
from django.test import Client
from django.utils import timezone

from mscos.core.scheduling import enqueue_due_jobs
from mscos.core.site_address import site_host_and_port
from mscos.events.models import EventPage, EventRegistration
from mscos.events.tasks import send_due_reminders
from tests.events.conftest import make_event
from tests.mail_server import attachments_of, body_of


def place(event, name, status="confirmed", **fields):
    return EventRegistration.objects.create(
        event=event,
        name=name,
        email=f"{name.lower()}@example.org",
        role="practitioner",
        consent=True,
        status=status,
        **fields,
    )


@pytest.mark.django_db
def test_event_calendar_file_is_valid_and_keeps_joining_details_private(client, small_event):
    response = client.get(f"/events/{small_event.slug}/event.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == small_event.start
    assert vevent.decoded("dtend") == small_event.end
    assert str(vevent["uid"]) == f"event-{small_event.pk}@{site_host_and_port()[0]}"
    assert int(vevent["sequence"]) == 0
    assert "dtstamp" in vevent
    assert "meet.example" not in response.text


@pytest.mark.django_db
def test_the_feed_lists_upcoming_live_events_only(client, events_index):
    soon = make_event(events_index, "soon", title="Soon")
    make_event(
        events_index,
        "over",
        title="Over",
        start=timezone.now() - datetime.timedelta(days=30),
    )
    draft = make_event(events_index, "draft", title="Draft")
    draft.unpublish()
    calendar = icalendar.Calendar.from_ical(client.get("/events/calendar.ics").content)
    titles = [str(vevent["summary"]) for vevent in calendar.walk("VEVENT")]
    upcoming_live = EventPage.objects.live().filter(end__gt=timezone.now()).order_by("start")
    assert titles == [event.title for event in upcoming_live]
    assert "Soon" in titles and "Over" not in titles and "Draft" not in titles
    assert soon.title in client.get("/events/").text
    listing = client.get("/events/").text
    assert listing.index("Coming up") < listing.index(">Soon<") < listing.index("Past events")
    assert listing.index("Past events") < listing.index(">Over<")


@pytest.mark.django_db
def test_reminders_go_out_a_day_ahead_and_only_once(events_index, smtp_server):
    tomorrow = make_event(
        events_index,
        "tomorrow",
        title="Tomorrow's forum",
        start=timezone.now() + datetime.timedelta(hours=20),
    )
    next_week = make_event(events_index, "next-week", title="Next week")
    place(tomorrow, "Ash", created_at=timezone.now() - datetime.timedelta(days=5))
    # Registered an hour ago: the confirmation is fresh, a reminder would only repeat it.
    place(tomorrow, "Recent", created_at=timezone.now() - datetime.timedelta(hours=1))
    place(tomorrow, "Waiting", status="waiting")
    place(tomorrow, "Gone", status="cancelled")
    place(next_week, "Birch")

    # The scheduler's periodic job runs the task (immediately in tests)...
    assert "events.send_due_reminders" in enqueue_due_jobs()
    # ...and a second, overlapping run sends nothing new.
    send_due_reminders.call()
    send_due_reminders.call()

    reminders = [m for m in smtp_server.messages if m["Subject"].startswith("Tomorrow:")]
    assert [m["X-Envelope-To"] for m in reminders] == ["ash@example.org"]
    assert "meet.example/room-42" in body_of(reminders[0])
    assert "event.ics" in attachments_of(reminders[0])
    assert EventRegistration.objects.get(name="Ash").reminder_sent_at is not None


@pytest.mark.django_db
def test_organisers_export_registrations_as_csv_without_formula_injection(editor, small_event):
    place(small_event, "Ash", access_needs="Quiet room")
    place(small_event, "=HYPERLINK(evil)")
    client = Client()
    client.force_login(editor)
    response = client.get(f"/admin/events/{small_event.pk}/registrations.csv")
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())  # Excel then reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Name or pseudonym", "Email address", "Role", "Status", "Access needs"]
    assert rows[1][:5] == [
        "Ash",
        "ash@example.org",
        "Practitioner",
        "Place confirmed",
        "Quiet room",
    ]
    assert rows[2][0] == "'=HYPERLINK(evil)"
