"""Feedback: anonymous or not, it reaches editors, who mark it read, reply and export it."""

import csv
import io
import re
import time
from types import SimpleNamespace

import pytest
from django.test import Client

from mscos.feedback.models import Feedback
from mscos.safety import bot_check
from tests.bot_check import human, signed_days_ago
from tests.mail_server import body_of


def send(client, **fields):
    return client.post("/feedback/", human({"topic": "site", **fields}))


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_anonymous_feedback_needs_no_name_or_email(client, demo_site):
    page = client.get("/feedback/")
    assert page.status_code == 200
    assert 'href="/forums/feedback-and-suggestions/"' in page.text
    assert client.get("/forums/feedback-and-suggestions/").status_code == 200
    response = send(client, message="The text is too small on my phone.")
    assert response.status_code == 200
    assert "Thank you" in response.text
    item = Feedback.objects.get()
    assert (item.message, item.name, item.email, item.read_at) == (
        "The text is too small on my phone.",
        "",
        "",
        None,
    )


@pytest.mark.django_db
def test_a_mistake_keeps_what_was_written(client, demo_site):
    response = send(client, message="", name="Robin", email="robin@")
    assert "This field is required." in response.text
    assert "Enter a valid email address." in response.text
    assert 'value="Robin"' in response.text
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_feedback_is_rate_limited_by_hashed_address(client, demo_site, fresh_cache):
    for number in range(5):
        assert "Thank you" in send(client, message=f"Idea {number}").text
    response = send(client, message="One idea too many")
    assert response.status_code == 429
    assert "One idea too many" in response.text
    assert Feedback.objects.count() == 5


@pytest.mark.django_db
def test_a_honeypot_filled_in_sends_nothing(client, demo_site):
    send(client, message="Buy now", website="http://spam.example")
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_editors_read_mark_and_reply_by_email(
    editor_client, demo_site, smtp_server, django_capture_on_commit_callbacks
):
    item = Feedback.objects.create(
        topic="events", message="Could workshops be recorded?", name="Robin", email="r@example.org"
    )
    anonymous = Feedback.objects.create(topic="site", message="No name here")

    inbox = editor_client.get("/admin/feedback/")
    assert "Could workshops be recorded?" in inbox.text and "Unread" in inbox.text
    editor_client.post(f"/admin/feedback/{anonymous.pk}/", {"action": "read"})
    anonymous.refresh_from_db()
    assert anonymous.read_at is not None
    assert "No name here" not in editor_client.get("/admin/feedback/").text
    assert "no way to reply" in editor_client.get(f"/admin/feedback/{anonymous.pk}/").text

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/feedback/{item.pk}/",
            {"action": "reply", "reply": "Yes: recordings will be on the event page afterwards."},
        )
    assert response.status_code == 302
    (mail,) = smtp_server.to("r@example.org")
    assert mail["Subject"] == "A reply to your feedback"
    assert "Hello Robin" in body_of(mail)
    assert "recordings will be on the event page" in body_of(mail)
    assert "Could workshops be recorded?" in body_of(mail)
    item.refresh_from_db()
    assert item.replied_at and item.read_at


@pytest.mark.django_db
def test_editors_export_feedback_as_csv(editor_client, demo_site):
    Feedback.objects.create(topic="site", message="=cmd|' /C calc'!A0", email="x@example.org")
    response = editor_client.get("/admin/feedback/export.csv")
    assert response.content.startswith("\ufeff".encode())  # Excel then reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Received", "About", "Message"]
    assert rows[1][1] == "This website"
    assert rows[1][2].startswith("'=")
    assert rows[1][4] == "x@example.org"


@pytest.mark.django_db
def test_members_cannot_see_feedback(client, member, demo_site):
    Feedback.objects.create(topic="site", message="Private thoughts", email="p@example.org")
    client.force_login(member)
    for path in ("/admin/feedback/", "/admin/feedback/export.csv"):
        response = client.get(path)
        assert response.status_code == 302  # to sign in with an account that may
        assert response["Location"] == f"/account/login/?next={path}"
        assert b"Private thoughts" not in response.content
        assert not re.search(rb"p@example\.org", response.content)


@pytest.mark.django_db
def test_a_form_left_open_for_days_can_be_sent_again_as_it_comes_back(
    client, demo_site, monkeypatch
):
    stale = human({"topic": "site", "message": "Written on Monday, sent on Friday."})
    stale["started"] = signed_days_ago(3)
    refused = client.post("/feedback/", stale)
    assert "This form is out of date" in refused.text
    assert "Written on Monday, sent on Friday." in refused.text
    assert not Feedback.objects.exists()
    fresh_start = re.search(r'name="started" value="([^"]+)"', refused.text).group(1)
    assert fresh_start != stale["started"]

    # The reader reads it over for ten seconds and sends the form exactly as it came back.
    ten_seconds_later = time.time() + 10
    monkeypatch.setattr(bot_check, "time", SimpleNamespace(time=lambda: ten_seconds_later))
    resent = client.post("/feedback/", {**stale, "started": fresh_start})
    assert "Thank you" in resent.text
    assert Feedback.objects.get().message == "Written on Monday, sent on Friday."
