"""Invite-only expert forums: invitations by signed single-use links, requests to attend."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from mscos.accounts import roles
from mscos.events import services
from mscos.events.models import EventInvitation, EventRegistration
from tests.bot_check import human
from tests.conftest import with_role
from tests.mail_server import body_of


def form(name, email, **extra):
    return human(
        {"name": name, "email": email, "role": "lived_experience", "consent": "on", **extra}
    )


@pytest.fixture
def organiser_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def invitation_link(smtp_server, email):
    body = body_of(smtp_server.to(email)[-1])
    return re.search(re.escape(settings.SITE_URL) + r"(/events/invitation/\S+/)", body).group(1)


@pytest.mark.django_db
def test_organiser_invites_by_email_and_the_link_works_once(
    client,
    organiser_client,
    invite_only_forum,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            f"/admin/events/{invite_only_forum.pk}/registrations/",
            {"emails": "Guest@Example.org\nsecond@example.org"},
        )
    assert response.status_code == 302
    invitation = smtp_server.to("guest@example.org")[0]
    assert invitation["Subject"] == "Invitation: Expert forum on safety"
    link = invitation_link(smtp_server, "guest@example.org")

    page = client.get(link)
    assert page.status_code == 200 and 'value="guest@example.org"' in page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, form("Guest", "guest@example.org"))
    assert response.status_code == 302
    registration = EventRegistration.objects.get(email="guest@example.org")
    assert registration.status == "confirmed"
    assert "meet.example/room-42" in body_of(smtp_server.to("guest@example.org")[-1])

    # The same link a second time, even by someone else: refused, nothing registered.
    reused = Client().post(link, form("Someone", "someone@example.org"))
    assert reused.status_code == 410
    assert "already been used" in reused.text
    assert not EventRegistration.objects.filter(email="someone@example.org").exists()


@pytest.mark.django_db
def test_an_expired_invitation_is_refused(
    client, editor, invite_only_forum, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_send(
            event=invite_only_forum, email="late@example.org", acting_user=editor
        )
    link = invitation_link(smtp_server, "late@example.org")
    EventInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert "expired" in client.get(link).text
    response = client.post(link, form("Late", "late@example.org"))
    assert response.status_code == 410
    assert not EventRegistration.objects.exists()


@pytest.mark.django_db
def test_a_tampered_invitation_link_finds_nothing(client, editor, invite_only_forum):
    invitation = services.invitation_send(
        event=invite_only_forum, email="x@example.org", acting_user=editor
    )
    assert client.get(f"/events/invitation/{invitation.pk}/").status_code == 404
    assert client.get("/events/invitation/MQ:1abc:forged/").status_code == 404


@pytest.mark.django_db
def test_uninvited_people_ask_and_organisers_approve_or_decline(
    client,
    editor,
    organiser_client,
    invite_only_forum,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    page = client.get(invite_only_forum.url)
    assert "Ask to attend" in page.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite_only_forum.url + "register/", form("Yew", "yew@example.org"))
        client.post(invite_only_forum.url + "register/", form("Elm", "elm@example.org"))
    yew = EventRegistration.objects.get(name="Yew")
    elm = EventRegistration.objects.get(name="Elm")
    assert yew.status == elm.status == "requested"
    asked = smtp_server.to("yew@example.org")[0]
    assert "We have your request" in asked["Subject"]
    assert "meet.example" not in body_of(asked)

    listing = organiser_client.get(f"/admin/events/{invite_only_forum.pk}/registrations/")
    assert "Yew" in listing.text and "Approve" in listing.text
    decide = f"/admin/events/{invite_only_forum.pk}/registrations/{{}}/decide/"
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(decide.format(yew.pk), {"action": "approve"})
        organiser_client.post(decide.format(elm.pk), {"action": "decline"})
    yew.refresh_from_db()
    elm.refresh_from_db()
    assert (yew.status, elm.status) == ("confirmed", "declined")
    assert "meet.example/room-42" in body_of(smtp_server.to("yew@example.org")[-1])
    declined = smtp_server.to("elm@example.org")[-1]
    assert "cannot offer you a place" in body_of(declined)
    assert "meet.example" not in body_of(declined)
    # Each decision is in the admin's history, by whom, and without the person's name or address.
    decisions = ModelLogEntry.objects.filter(action__startswith="mscos.event_request_")
    assert sorted((entry.action, entry.object_id, entry.user_id) for entry in decisions) == sorted(
        [
            ("mscos.event_request_approved", str(yew.pk), editor.pk),
            ("mscos.event_request_declined", str(elm.pk), editor.pk),
        ]
    )
    for entry in decisions:
        assert "Yew" not in str(entry.data) + entry.label and "yew@" not in entry.label


@pytest.mark.django_db
def test_members_cannot_reach_the_organisers_screens(client, member, invite_only_forum):
    EventRegistration.objects.create(
        event=invite_only_forum,
        name="Hidden",
        email="hidden@example.org",
        role="other",
        access_needs="Private need",
        consent=True,
        status="requested",
    )
    client.force_login(member)
    for path in (
        f"/admin/events/{invite_only_forum.pk}/registrations/",
        f"/admin/events/{invite_only_forum.pk}/registrations.csv",
    ):
        response = client.get(path)
        assert response.status_code == 302  # to sign in with an account that may
        assert response["Location"] == f"/account/login/?next={path}"
        assert b"Private need" not in response.content


@pytest.mark.django_db
def test_staff_without_the_organiser_permission_are_refused(client, moderator, invite_only_forum):
    with_role(moderator, roles.MODERATOR)
    client.force_login(moderator)
    response = client.get(f"/admin/events/{invite_only_forum.pk}/registrations.csv")
    # Wagtail's answer to staff without the permission: back to the dashboard, with a notice.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert b"Private need" not in response.content


@pytest.mark.django_db
def test_nobody_can_be_invited_once_registration_has_closed(organiser_client, events_index):
    from tests.events.conftest import make_event

    closed = make_event(
        events_index,
        "closed-forum",
        invite_only=True,
        registration_closes=timezone.now() - datetime.timedelta(minutes=5),
    )
    response = organiser_client.post(
        f"/admin/events/{closed.pk}/registrations/", {"emails": "a@example.org\nb@example.org"}
    )
    assert response.status_code == 200
    assert "Registration for this event has closed" in response.text
    assert not EventInvitation.objects.exists()
