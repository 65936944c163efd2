"""Event mail as a mail program sees it, and calendar files that follow the event.

On another host and port every link and calendar file says the site's address; subjects are
never folded into a leading space; every mail is marked automatic; a cancelled place or event
takes the entry out of the calendar (METHOD:CANCEL with a higher SEQUENCE); organisers see every
invitation's state and are asked before an address is invited a second time.
"""

import datetime
import email
import email.policy
import re

import icalendar
import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from mscos.core.site_address import site_record_sync
from mscos.events import mails, services
from mscos.events.models import EventInvitation, EventPage, EventRegistration
from mscos.events.tasks import send_due_reminders
from tests.bot_check import human
from tests.events.conftest import make_event
from tests.mail_server import attachments_of, body_of

HOST = "http://mscos.test:8123"
JOINING = "https://meet.example/room-42"  # the organisers' own meeting link, not the site's

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_address(demo_site, settings):
    settings.SITE_URL = HOST
    settings.WAGTAILADMIN_BASE_URL = HOST
    site_record_sync()  # as migrate does
    yield
    cache.clear()


@pytest.fixture
def organiser_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def register(client, event, name, email=""):
    data = {
        "name": name,
        "email": email or f"{name.lower()}@example.org",
        "role": "practitioner",
        "access_needs": "",
        "consent": "on",
    }
    return client.post(event.url + "register/", human(data))


def site_links(text: str) -> list[str]:
    found = [url.rstrip(".,") for url in re.findall(r"https?://[^\s\"'<>]+", text)]
    return [url for url in found if not url.startswith(JOINING)]


def the_calendar(message) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(attachments_of(message)["event.ics"])


def the_event(calendar: icalendar.Calendar):
    (vevent,) = calendar.walk("VEVENT")
    return vevent


def test_every_link_in_event_mail_and_calendars_is_at_the_site_address(
    client,
    organiser_client,
    other_address,
    events_index,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    event = make_event(events_index, "host-check", capacity=5)
    invite_only = make_event(events_index, "host-invite", invite_only=True)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, "Ash")
    (confirmation,) = smtp_server.to("ash@example.org")
    links = site_links(body_of(confirmation))
    assert links and all(url.startswith(HOST + "/") for url in links), links
    manage = next(url for url in links if "/events/registration/" in url)

    calendar_event = the_event(the_calendar(confirmation))
    assert str(calendar_event["url"]) == f"{HOST}{event.url}"
    assert str(calendar_event["uid"]) == f"event-{event.pk}@mscos.test"
    assert all(url.startswith(HOST + "/") for url in site_links(str(calendar_event["description"])))

    # "See your registration" works at that address, and so does cancelling from it.
    path = manage.removeprefix(HOST)
    assert client.get(path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path, {"cancel": "1"})
    cancelled = smtp_server.to("ash@example.org")[-1]
    links = site_links(body_of(cancelled))
    assert links and all(url.startswith(HOST + "/") for url in links), links
    assert str(the_event(the_calendar(cancelled))["url"]) == f"{HOST}{event.url}"

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            f"/admin/events/{invite_only.pk}/registrations/", {"emails": "guest@example.org"}
        )
    links = site_links(body_of(smtp_server.to("guest@example.org")[0]))
    assert any("/events/invitation/" in url for url in links)
    assert all(url.startswith(HOST + "/") for url in links), links

    for path in (f"/events/{event.slug}/event.ics", "/events/calendar.ics"):
        calendar = icalendar.Calendar.from_ical(client.get(path).content)
        for vevent in calendar.walk("VEVENT"):
            assert str(vevent["url"]).startswith(HOST + "/")
            assert str(vevent["uid"]).endswith("@mscos.test")


def test_long_subjects_in_any_script_are_never_folded_into_a_leading_space(events_index):
    titles = [
        "Supercalifragilisticexpialidociousandevenlongerwords workshop for the practitioners",
        "Atelier: rezultate esențiale co-produse împreună cu supraviețuitorii și practicienii",
        "ورشة عمل: نتائج أساسية مشتركة مع الناجين والممارسين في جميع أنحاء أوروبا والعالم",
        "Punëtori për rezultatet thelbësore “të mbijetuarve” në Tiranë dhe në Prishtinë sot",
    ]
    for number, title in enumerate(titles):
        event = make_event(events_index, f"subject-{number}", title=title)
        registration = EventRegistration.objects.create(
            event=event, name="Ash", email="ash@example.org", role="other", status="confirmed"
        )
        for kind in mails.REGISTRATION_MAILS:
            message = mails.registration_message(registration, kind)
            # What the SMTP backend sends (policy SMTP), as bytes on the wire.
            raw = message.message(policy=email.policy.SMTP).as_bytes()
            headers = raw.split(b"\r\n\r\n")[0].decode("ascii").split("\r\n")
            (start,) = [i for i, line in enumerate(headers) if line.startswith("Subject:")]
            assert headers[start].strip() != "Subject:", headers[start : start + 3]
            assert all(len(line) <= 998 for line in headers)
            for parsed in (
                email.message_from_bytes(raw, policy=email.policy.default)["Subject"],
                str(
                    email.header.make_header(
                        email.header.decode_header(email.message_from_bytes(raw)["Subject"])
                    )
                ),
            ):
                assert parsed == message.subject and not parsed.startswith(" ")
                assert title in parsed


def test_every_automatic_event_mail_says_so(
    client, small_event, editor, smtp_server, django_capture_on_commit_callbacks
):
    registration = EventRegistration.objects.create(
        event=small_event, name="Ash", email="ash@example.org", role="other", status="confirmed"
    )
    for kind in mails.REGISTRATION_MAILS:
        message = mails.registration_message(registration, kind).message()
        assert message["Auto-Submitted"] == "auto-generated", kind
    invitation = services.invitation_send(
        event=small_event, email="i@example.org", acting_user=editor
    )
    assert mails.invitation_message(invitation).message()["Auto-Submitted"] == "auto-generated"

    # Over a real SMTP server, too: a registration, an invitation and a reminder.
    smtp_server.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, small_event, "Birch")
        services.invitation_send(event=small_event, email="j@example.org", acting_user=editor)
    EventRegistration.objects.filter(name="Birch").update(
        created_at=timezone.now() - datetime.timedelta(days=5)
    )
    EventPage.objects.filter(pk=small_event.pk).update(
        start=timezone.now() + datetime.timedelta(hours=20)
    )
    send_due_reminders.call()
    received = smtp_server.wait_for(3)
    assert len(received) >= 3
    assert all(message["Auto-Submitted"] == "auto-generated" for message in received)


def test_a_cancelled_place_takes_the_event_out_of_the_calendar(
    client, small_event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, small_event, "Ash")
        register(client, small_event, "Birch")
        register(client, small_event, "Cedar")  # waiting: no calendar file to take back
    confirmation = smtp_server.to("ash@example.org")[0]
    published = the_calendar(confirmation)
    assert str(published["method"]) == "PUBLISH"
    first = the_event(published)

    for name in ("cedar", "ash"):  # Cedar first: Ash leaving would give her the place
        registration = EventRegistration.objects.get(email=f"{name}@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            services.registration_cancel(registration=registration)

    cancelled_mail = smtp_server.to("ash@example.org")[-1]
    cancelling = the_calendar(cancelled_mail)
    assert str(cancelling["method"]) == "CANCEL"
    (part,) = [p for p in cancelled_mail.iter_attachments() if p.get_filename() == "event.ics"]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "CANCEL"
    entry = the_event(cancelling)
    assert str(entry["status"]) == "CANCELLED"
    assert str(entry["uid"]) == str(first["uid"])
    assert int(entry["sequence"]) > int(first["sequence"])
    assert "meet.example" not in attachments_of(cancelled_mail)["event.ics"].decode()
    assert "organizer" in entry
    assert "event.ics" not in attachments_of(smtp_server.to("cedar@example.org")[-1])

    # Registering again afterwards gives a file newer than the cancelling one.
    registration = EventRegistration.objects.get(email="ash@example.org")
    assert registration.status == "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        register(client, small_event, "Ash")
    again = the_event(the_calendar(smtp_server.to("ash@example.org")[-1]))
    assert int(again["sequence"]) >= int(entry["sequence"])


def test_the_sequence_rises_when_time_or_place_changes_and_only_then(client, small_event):
    def sequence() -> int:
        calendar = icalendar.Calendar.from_ical(
            client.get(f"/events/{small_event.slug}/event.ics").content
        )
        return int(the_event(calendar)["sequence"])

    assert sequence() == 0
    event = EventPage.objects.get(pk=small_event.pk)
    event.summary = "New words, same time and place."
    event.save_revision().publish()
    assert sequence() == 0
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)
    event.save_revision().publish()
    assert sequence() == 1
    event.attendance = "in_person"
    event.address = "Community Hall\nHigh Street"
    event.save_revision().publish()
    assert sequence() == 2
    # Publishing an older revision brings the old time back: calendars must hear of it too.
    event.revisions.order_by("created_at").first().publish()
    assert sequence() == 3
    feed = icalendar.Calendar.from_ical(client.get("/events/calendar.ics").content)
    mine = [v for v in feed.walk("VEVENT") if str(v["uid"]).startswith(f"event-{event.pk}@")]
    assert int(mine[0]["sequence"]) == 3


def test_organisers_cancel_an_event_and_everyone_is_told_and_calendars_updated(
    client, organiser_client, small_event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Ash", "Birch", "Cedar"):
            register(client, small_event, name)
    smtp_server.clear()
    url = f"/admin/events/{small_event.pk}/cancel/"
    asked = organiser_client.get(url)
    assert asked.status_code == 200 and "3 people are registered or waiting" in asked.text
    assert EventRegistration.objects.filter(status="confirmed").count() == 2  # nothing yet
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert set(EventRegistration.objects.values_list("status", flat=True)) == {"cancelled"}
    for name in ("ash", "birch"):
        told = smtp_server.to(f"{name}@example.org")[-1]
        assert "has been cancelled" in body_of(told)
        entry = the_event(the_calendar(told))
        assert str(the_calendar(told)["method"]) == "CANCEL"
        assert str(entry["status"]) == "CANCELLED"
    waiting = smtp_server.to("cedar@example.org")[-1]
    assert "has been cancelled" in body_of(waiting)
    assert "event.ics" not in attachments_of(waiting)

    public = the_event(
        icalendar.Calendar.from_ical(client.get(f"/events/{small_event.slug}/event.ics").content)
    )
    assert str(public["status"]) == "CANCELLED"
    assert "has been cancelled and will not take place" in client.get(small_event.url).text
    refused = register(client, small_event, "Late")
    assert not EventRegistration.objects.filter(name="Late").exists()
    assert refused.status_code == 200 and "closed" in refused.text


def test_organisers_see_each_invitation_and_what_became_of_it(
    client, organiser_client, invite_only_forum, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            f"/admin/events/{invite_only_forum.pk}/registrations/",
            {"emails": "came@example.org\nlater@example.org\nlate@example.org\ngone@example.org"},
        )
    for address in ("came", "gone"):
        body = body_of(smtp_server.to(f"{address}@example.org")[0])
        link = re.search(r"https?://\S+?(/events/invitation/\S+/)", body).group(1)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                link,
                human(
                    {
                        "name": address,
                        "email": f"{address}@example.org",
                        "role": "other",
                        "consent": "on",
                    }
                ),
            )
    gone = EventRegistration.objects.get(email="gone@example.org")
    services.registration_cancel(registration=gone)
    EventInvitation.objects.filter(email="late@example.org").update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    page = organiser_client.get(f"/admin/events/{invite_only_forum.pk}/registrations/").text
    states = re.findall(r'<tr data-state="(\w+)"><td>([^<]+)</td>', page)
    rows = {address: state for state, address in states}
    assert rows == {
        "came@example.org": "registered",
        "later@example.org": "sent",
        "late@example.org": "expired",
        "gone@example.org": "cancelled",
    }
    assert "Expired unused" in page and "Registered, then cancelled" in page


def test_inviting_an_address_again_asks_first(
    organiser_client, invite_only_forum, smtp_server, django_capture_on_commit_callbacks
):
    url = f"/admin/events/{invite_only_forum.pk}/registrations/"
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(url, {"emails": "once@example.org"})
    assert len(smtp_server.to("once@example.org")) == 1

    with django_capture_on_commit_callbacks(execute=True):
        asked = organiser_client.post(url, {"emails": "Once@example.org\nnew@example.org"})
    assert asked.status_code == 200
    assert "have been invited already" in asked.text and "once@example.org: Sent" in asked.text
    assert len(smtp_server.to("once@example.org")) == 1
    assert smtp_server.to("new@example.org") == []
    assert EventInvitation.objects.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(url, {"emails": "once@example.org, new@example.org", "only_new": "1"})
    assert len(smtp_server.to("new@example.org")) == 1
    assert len(smtp_server.to("once@example.org")) == 1

    with django_capture_on_commit_callbacks(execute=True):
        done = organiser_client.post(url, {"emails": "once@example.org", "send_again": "1"})
    assert done.status_code == 302
    assert len(smtp_server.to("once@example.org")) == 2
    assert EventInvitation.objects.filter(email="once@example.org").count() == 2
    assert mail.outbox == []  # everything went through the real SMTP server
