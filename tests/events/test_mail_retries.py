"""Event mail is never lost to a mail server that is away: registration, cancellation and
invitation mails are tried again by the task queue until the server takes them, and the page a
person or an organiser used answers at once (a real SMTP server, the database task queue)."""

import pytest
from django.test import Client

from mscos.events import services
from mscos.events.models import EventInvitation, EventRegistration
from tests.events.test_registration import register
from tests.task_worker import database_tasks, run_worker, time_passes, waiting_tasks  # noqa: F401

BUSY = "451 4.3.0 Mail server busy, try again later"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]


def test_a_registration_mail_the_server_refuses_follows_later(
    client, small_event, smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refuse["ash@example.org"] = BUSY
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, small_event, "Ash")
    assert response.status_code == 302  # the page answers: the mail is only queued
    assert EventRegistration.objects.get(name="Ash").status == "confirmed"
    run_worker()  # refused
    assert smtp_server.messages == []
    assert waiting_tasks() == ["mscos.events.tasks.send_registration_mail"]

    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    (message,) = smtp_server.wait_for(1)
    assert message["X-Envelope-To"] == "ash@example.org"
    assert "Your place at Housing workshop" in message["Subject"]
    assert waiting_tasks() == []


def test_a_cancellation_mail_the_server_refuses_follows_later(
    client, small_event, editor, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, small_event, "Ash")
    run_worker()
    smtp_server.clear()
    smtp_server.refuse["ash@example.org"] = BUSY
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=small_event, acting_user=editor)
    run_worker()
    assert smtp_server.messages == []
    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    (message,) = smtp_server.wait_for(1)
    assert "cancelled" in message["Subject"].lower()
    assert "event.ics" in {part.get_filename() for part in message.iter_attachments()}


def test_an_invitation_the_server_refuses_is_waiting_then_sent(
    invite_only_forum, editor, smtp_server, django_capture_on_commit_callbacks
):
    organiser = Client()
    organiser.force_login(editor)
    smtp_server.refuse["guest@example.org"] = BUSY
    page = f"/admin/events/{invite_only_forum.pk}/registrations/"
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(page, {"emails": "guest@example.org"})
    assert response.status_code == 302
    run_worker()
    assert smtp_server.messages == []
    assert EventInvitation.objects.get().mail_sent_at is None
    assert "Waiting to be sent" in organiser.get(page).content.decode()

    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == "Invitation: Expert forum on safety"
    assert EventInvitation.objects.get().mail_sent_at is not None
