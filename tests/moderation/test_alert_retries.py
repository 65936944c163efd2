"""Moderators' mail is never lost to a mail server that is away: the urgent alert and the daily
digest are tried again by the task queue until the server takes them, and meanwhile the queue
says plainly that nobody has been emailed (a real SMTP server, the database task queue)."""

import pytest
from allauth.account.models import EmailAddress

from mscos.accounts.models import User
from mscos.forum.models import Post
from mscos.moderation import notifications
from mscos.moderation.models import ModeratorSettings, UrgentAlert
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)
from tests.moderation.conftest import client_for, waiting_post
from tests.task_worker import database_tasks, run_worker, time_passes, waiting_tasks  # noqa: F401

BUSY = "451 4.3.0 Mail server busy, try again later"
WARNING = "Urgent alerts are not reaching anyone"

pytestmark = pytest.mark.usefixtures("database_tasks")


def _reachable(user: User, address: str) -> User:
    EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
    return user


def test_a_refused_urgent_alert_is_sent_when_the_server_is_back(
    checked,
    member,
    moderator,
    admin_user,
    smtp_server,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    User.objects.filter(pk=admin_user.pk).update(email="")
    _reachable(moderator, "mo@example.org")
    ModeratorSettings.objects.create(moderator=moderator, on_call=True)
    smtp_server.refuse["mo@example.org"] = BUSY
    post = waiting_post(checked, member, "they locked me in again")
    with django_capture_on_commit_callbacks(execute=True):
        post.is_urgent = True
        post.save()
    run_worker()  # the first attempt: refused
    assert smtp_server.messages == []
    alert = UrgentAlert.objects.get(post=post)
    assert alert.emailed == 0 and alert.problem == "send_failed"
    assert waiting_tasks() == ["mscos.moderation.notifications.send_urgent_alert"]
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert WARNING in queue and "the email could not be sent" in queue

    smtp_server.refuse.clear()  # the server is back
    time_passes()
    run_worker()
    (message,) = smtp_server.wait_for(1)
    assert message["X-Envelope-To"] == "mo@example.org"
    assert message["Subject"] == "Urgent: a post in the moderation queue needs you now"
    assert "locked" not in message.get_body().get_content()
    alert.refresh_from_db()
    assert alert.emailed == 1 and alert.problem == ""
    assert WARNING not in client_for(moderator).get("/moderation/").content.decode()
    assert waiting_tasks() == []


def test_a_retry_is_not_sent_once_the_urgent_post_was_decided(
    checked,
    member,
    moderator,
    admin_user,
    smtp_server,  # noqa: F811 (the fixture imported above)
    django_capture_on_commit_callbacks,
):
    User.objects.filter(pk=admin_user.pk).update(email="")
    _reachable(moderator, "mo@example.org")
    smtp_server.refuse["mo@example.org"] = BUSY
    post = waiting_post(checked, member, "they locked me in again")
    with django_capture_on_commit_callbacks(execute=True):
        post.is_urgent = True
        post.save()
    run_worker()
    Post.objects.filter(pk=post.pk).update(status="hidden")  # a moderator saw it on the site
    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    assert smtp_server.messages == []


def test_a_refused_daily_digest_follows_later(
    checked,
    member,
    moderator,
    admin_user,
    smtp_server,  # noqa: F811 (the fixture imported above)
):
    User.objects.filter(pk=admin_user.pk).update(email="")
    _reachable(moderator, "mo@example.org")
    waiting_post(checked, member, "One question")
    smtp_server.refuse["mo@example.org"] = BUSY
    notifications.send_queue_digest.enqueue()
    run_worker()
    assert smtp_server.messages == []
    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    (message,) = smtp_server.wait_for(1)
    assert message["Subject"] == "Moderation queue today: 1 waiting"
    assert waiting_tasks() == []
