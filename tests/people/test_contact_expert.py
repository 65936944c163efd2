"""Access to experts: a message reaches the expert by email; their address is never shown."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mscos.core.scheduling import registered_jobs
from mscos.people.models import Person
from tests.bot_check import started_long_ago

pytestmark = pytest.mark.django_db


def message_form(**overrides) -> dict:
    data = {
        "name": "Pat Practitioner",
        "email": "pat@example.net",
        "organisation": "A housing charity",
        "message": "Could you run a half-day training session for our team in spring?",
        "website": "",
        "started": started_long_ago(),
    }
    data.update(overrides)
    return data


@pytest.fixture
def expert(demo_site) -> Person:
    return Person.objects.get(name="Ada Example")


def contact_url(expert: Person) -> str:
    return f"/access-to-experts/{expert.pk}/contact/"


def test_no_page_shows_an_experts_address(client, expert):
    for path in ["/access-to-experts/", "/our-team/", contact_url(expert), "/search/?q=trainer"]:
        html = client.get(path).content.decode()
        assert expert.contact_email not in html, path
        assert "@example.org" not in html, path


def test_message_is_delivered_to_the_expert_over_smtp(client, expert, smtp_server):
    response = client.post(contact_url(expert), message_form())
    assert response.status_code == 302
    assert response["Location"] == "/access-to-experts/sent/"
    assert "on its way" in client.get(response["Location"]).content.decode()
    (message,) = smtp_server.wait_for(1)
    assert message["X-Envelope-To"] == expert.contact_email
    assert message["Reply-To"] == "pat@example.net"
    body = message.get_content()
    assert "half-day training session" in body
    assert "Pat Practitioner (A housing charity)" in body


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"message": "hi"}, "Please write a little more"),
        ({"started": ""}, "This form is out of date"),
        ({"started": "just now"}, "Sorry, we could not send your message yet."),
        ({"website": "http://spam.example"}, "could not be sent"),
    ],
)
def test_bad_input_explains_itself_keeps_the_text_and_sends_nothing(
    client, expert, smtp_server, overrides, error
):
    if overrides.get("started") == "just now":
        overrides = {"started": started_long_ago(seconds=0)}
    response = client.post(contact_url(expert), message_form(**overrides))
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert "Pat Practitioner" in html  # the form comes back filled in
    assert not smtp_server.messages


def test_experts_who_cannot_be_contacted_answer_not_found(client, demo_site):
    unlisted = Person.objects.create(
        name="Not listed",
        group=Person.OTHER,
        offers_training=True,
        contact_email="hidden@example.org",
        consent_to_list=False,
    )
    no_address = Person.objects.get(name="Keith Lewis")
    for person in (unlisted, no_address):
        assert client.get(contact_url(person)).status_code == 404
        assert client.post(contact_url(person), message_form()).status_code == 404
    assert "Not listed" not in client.get("/our-team/").content.decode()
    assert client.get("/access-to-experts/999999/contact/").status_code == 404


def test_many_messages_from_one_address_are_slowed(client, expert, smtp_server):
    for _ in range(5):
        assert client.post(contact_url(expert), message_form()).status_code == 302
    response = client.post(contact_url(expert), message_form())
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert len(smtp_server.messages) == 5


def test_a_forged_cross_site_post_is_refused(expert):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(contact_url(expert), message_form())
    assert response.status_code == 403


def test_the_message_leaves_the_task_queue_a_day_after_it_is_sent(
    client, expert, smtp_server, settings, monkeypatch
):
    """The queued task's row holds the sender's name, address and words: it must not stay."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.FINISHED_TASK_RETENTION_HOURS = 24
    client.post(contact_url(expert), message_form())
    queued = DBTaskResult.objects.get(task_path__endswith="deliver_expert_message")
    assert "half-day training session" in str(queued.args_kwargs)
    # What `manage.py db_worker` does with the row (run in-process, inside this test's transaction).
    queued.claim("test-worker")
    task_result = queued.task_result
    queued.set_successful(queued.task.call(*task_result.args, **task_result.kwargs))
    (message,) = smtp_server.wait_for(1)
    assert "half-day training session" in message.get_content()
    queued.refresh_from_db()
    assert queued.finished_at is not None

    prune = registered_jobs()["prune-finished-tasks"]
    assert prune.every <= datetime.timedelta(hours=1)
    prune.task.call()  # the hourly job, an hour later: too soon
    assert DBTaskResult.objects.filter(pk=queued.pk).exists()
    a_day_later = timezone.now() + datetime.timedelta(hours=24, minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: a_day_later)
    assert prune.task.call() >= 1
    assert not DBTaskResult.objects.filter(pk=queued.pk).exists()
    assert not DBTaskResult.objects.filter(args_kwargs__icontains="Pat Practitioner").exists()


def test_a_replayed_start_time_sends_one_message_and_hands_the_text_back(
    client, expert, smtp_server, monkeypatch
):
    import re
    import time
    from types import SimpleNamespace

    from mscos.safety import bot_check

    waited_out = started_long_ago()
    assert client.post(contact_url(expert), message_form(started=waited_out)).status_code == 302
    replay = client.post(
        contact_url(expert), message_form(started=waited_out, message="A second message, replayed.")
    )
    assert replay.status_code == 400
    assert "This form is out of date" in replay.text
    assert "A second message, replayed." in replay.text
    assert len(smtp_server.wait_for(1)) == 1
    # Sent again as it came back (with its new start time), a person's message goes through.
    fresh = re.search(r'name="started" value="([^"]+)"', replay.text).group(1)
    later = time.time() + 10
    monkeypatch.setattr(bot_check, "time", SimpleNamespace(time=lambda: later))
    resent = client.post(
        contact_url(expert), message_form(started=fresh, message="A second message, replayed.")
    )
    assert resent.status_code == 302
