"""A reply to feedback can be answered: Reply-To the team (or the staff member), never noreply;
and a mail server that is away only delays it."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mscos.feedback.models import Feedback
from tests.accounts.test_account_mail import run_worker


def reply(editor, item, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/feedback/{item.pk}/", {"action": "reply", "reply": "Thank you."})


@pytest.fixture
def item(db):
    return Feedback.objects.create(topic="site", message="Hello", name="Robin", email="r@x.org")


def test_a_reply_to_feedback_can_be_answered_by_the_team(
    editor, item, demo_site, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_EMAIL = "team@mscos.example.org"
    reply(editor, item, django_capture_on_commit_callbacks)
    (mail,) = smtp_server.to("r@x.org")
    assert mail["Reply-To"] == "team@mscos.example.org"
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL


def test_without_a_team_inbox_answers_go_to_the_staff_member_who_replied(
    editor, item, demo_site, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_EMAIL = ""
    EmailAddress.objects.create(user=editor, email="ed@mscos.example.org", verified=True)
    reply(editor, item, django_capture_on_commit_callbacks)
    (mail,) = smtp_server.to("r@x.org")
    assert mail["Reply-To"] == "ed@mscos.example.org"


def test_a_reply_waits_for_the_mail_server_and_then_goes(
    editor, item, demo_site, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp_server.refuse["r@x.org"] = "421 4.3.2 Service not available, try later"
    reply(editor, item, django_capture_on_commit_callbacks)
    run_worker()
    assert smtp_server.messages == []
    smtp_server.refuse.clear()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    assert len(smtp_server.to("r@x.org")) == 1
