"""Registering for an event: places, the waiting list, cancelling, mails with calendar files."""

import datetime
import re

import icalendar
import pytest
from django.conf import settings
from django.test import Client

from mscos.events.models import EventRegistration, RegistrationStatus
from tests.bot_check import human, started_long_ago
from tests.mail_server import attachments_of, body_of


def register(client, event, name, email="", **extra):
    data = human(
        {
            "name": name,
            "email": email or f"{name.lower()}@example.org",
            "role": "practitioner",
            "access_needs": extra.pop("access_needs", ""),
            "consent": "on",
            **extra,
        }
    )
    return client.post(event.url + "register/", data)


def link_in(message, pattern=r"http://\S+/events/registration/\S+/"):
    found = re.search(pattern, body_of(message))
    assert found, body_of(message)
    return found.group(0).replace(settings.SITE_URL, "")


@pytest.mark.django_db
def test_places_fill_then_the_waiting_list_and_every_mail_goes_over_smtp(
    client, small_event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Ash", "Birch", "Cedar"):
            response = register(client, small_event, name, access_needs="Captions please")
            assert response.status_code == 302

    statuses = dict(EventRegistration.objects.values_list("name", "status"))
    assert statuses == {"Ash": "confirmed", "Birch": "confirmed", "Cedar": "waiting"}

    confirmation = smtp_server.to("ash@example.org")[0]
    assert "Your place at Housing workshop" in confirmation["Subject"]
    assert "https://meet.example/room-42" in body_of(confirmation)
    calendar = icalendar.Calendar.from_ical(attachments_of(confirmation)["event.ics"])
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Housing workshop"
    assert vevent.decoded("dtstart") == small_event.start

    waiting = smtp_server.to("cedar@example.org")[0]
    assert "waiting list" in waiting["Subject"]
    assert "meet.example" not in body_of(waiting)
    assert attachments_of(waiting) == {}


@pytest.mark.django_db
def test_cancelling_by_the_mailed_link_promotes_the_next_person_and_tells_them(
    client, small_event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Ash", "Birch", "Cedar", "Dogwood"):
            register(client, small_event, name)
    manage = link_in(smtp_server.to("ash@example.org")[0])
    page = client.get(manage)
    assert "Place confirmed" in page.text and "meet.example/room-42" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage, {"cancel": "1"})
    assert "Cancelled" in response.text

    statuses = dict(EventRegistration.objects.values_list("name", "status"))
    assert statuses == {
        "Ash": "cancelled",
        "Birch": "confirmed",
        "Cedar": "confirmed",  # waited longest
        "Dogwood": "waiting",
    }
    promoted = smtp_server.to("cedar@example.org")[-1]
    assert "A place has come free" in promoted["Subject"]
    assert "meet.example/room-42" in body_of(promoted)
    assert "event.ics" in attachments_of(promoted)
    assert "Cancelled" in smtp_server.to("ash@example.org")[-1]["Subject"]
    assert smtp_server.to("dogwood@example.org")[-1]["Subject"].startswith("You are on the waiting")


@pytest.mark.django_db
def test_a_forged_or_altered_registration_link_finds_nothing(client, small_event, smtp_server):
    register(client, small_event, "Ash")
    registration = EventRegistration.objects.get()
    assert client.get(f"/events/registration/{registration.pk}/").status_code == 404
    assert client.get("/events/registration/MQ:forged:signature/").status_code == 404
    assert EventRegistration.objects.get().status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_bad_input_changes_nothing_and_the_form_comes_back_filled_in(client, small_event):
    response = register(client, small_event, "Ash", email="not-an-address")
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert 'value="Ash"' in response.text
    assert not EventRegistration.objects.exists()

    response = register(client, small_event, "Ash", consent="")
    assert "This field is required." in response.text
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_bots_are_turned_away(client, small_event):
    response = register(client, small_event, "Bot", website="http://spam.example")
    assert response.status_code == 200
    response = client.post(
        small_event.url + "register/",
        {
            "name": "Quick",
            "email": "q@example.org",
            "role": "other",
            "consent": "on",
            "started": started_long_ago(0),
        },
    )
    assert "Sorry, we could not send your registration yet." in response.text
    assert "very quick" not in response.text
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_registrations_are_rate_limited_by_hashed_address(client, events_index, fresh_cache):
    from tests.events.conftest import make_event

    event = make_event(events_index, "big", capacity=None)
    for number in range(10):
        assert register(client, event, f"Person{number}").status_code == 302
    response = register(client, event, "Eleventh", access_needs="Step-free access")
    assert response.status_code == 429
    assert "Too many forms" in response.text
    assert "Step-free access" in response.text
    assert EventRegistration.objects.count() == 10
    other_address = Client(REMOTE_ADDR="192.0.2.77")
    assert register(other_address, event, "Elsewhere").status_code == 302


@pytest.mark.django_db
def test_the_same_address_cannot_take_two_places(client, small_event):
    register(client, small_event, "Ash")
    response = register(client, small_event, "Ash again", email="ash@example.org")
    assert "already registered" in response.text
    assert EventRegistration.objects.count() == 1


@pytest.mark.django_db
def test_registration_closed_refuses_politely(client, events_index):
    from django.utils import timezone

    from tests.events.conftest import make_event

    event = make_event(
        events_index,
        "closed",
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    assert "Registration is closed" in client.get(event.url).text
    response = register(client, event, "Late")
    assert "closed" in response.text
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_joining_details_are_shown_only_to_people_with_a_place(
    client, small_event, member, other_member
):
    EventRegistration.objects.create(
        event=small_event,
        name="River",
        email="river@example.org",
        role="researcher",
        consent=True,
        status="confirmed",
        user=member,
    )
    assert "meet.example" not in client.get(small_event.url).text
    client.force_login(other_member)
    assert "meet.example" not in client.get(small_event.url).text
    client.force_login(member)
    assert "meet.example/room-42" in client.get(small_event.url).text


@pytest.mark.django_db
def test_reading_events_sets_no_cookie(client, small_event):
    for path in (
        "/events/",
        small_event.url,
        small_event.url + "event.ics",
        "/events/calendar.ics",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not response.cookies, path


@pytest.mark.django_db
def test_deleting_an_account_removes_its_registrations_and_frees_the_place(
    client, small_event, member, smtp_server, django_capture_on_commit_callbacks
):
    from mscos.accounts.services import account_delete, account_export

    client.force_login(member)
    register(client, small_event, "River", access_needs="Breaks")
    register(Client(), small_event, "Birch")
    register(Client(), small_event, "Cedar")
    assert account_export(user=member)["event_registrations"][0]["access_needs"] == "Breaks"

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=member, keep_posts=True, acting_user=member)
    assert not EventRegistration.objects.filter(name="River").exists()
    assert EventRegistration.objects.get(name="Cedar").status == "confirmed"
    assert "A place has come free" in smtp_server.to("cedar@example.org")[-1]["Subject"]
