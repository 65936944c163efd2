"""A subscription's confirmation mail is never lost to a mail server that is away: the task
queue tries again until the server takes it (a real SMTP server, the database task queue)."""

import pytest
from django.test import Client

from mscos.newsletter.models import Subscriber
from tests.newsletter.test_subscribing import ADDRESS, link_in, subscribe
from tests.task_worker import database_tasks, run_worker, time_passes, waiting_tasks  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_tasks")]


def test_a_refused_confirmation_mail_follows_and_its_link_works(
    client, smtp_inbox, consent, django_capture_on_commit_callbacks
):
    smtp_inbox.refuse[ADDRESS] = "451 4.3.0 Mail server busy, try again later"
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, consent, name="Robin")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    run_worker()
    assert smtp_inbox.messages == []
    assert waiting_tasks() == ["mscos.newsletter.tasks.send_confirmation"]

    smtp_inbox.refuse.clear()
    time_passes()
    run_worker()
    (confirmation,) = smtp_inbox.wait_for(1)
    assert confirmation["Subject"] == "Please confirm your subscription"
    Client().post(link_in(confirmation, "/newsletter/confirm/"))
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.ACTIVE
