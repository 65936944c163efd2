"""A member's forum digest is never lost to a mail server that is away, and one member's refused
mail holds up nobody else's (a real SMTP server, the database task queue)."""

import pytest
from allauth.account.models import EmailAddress

from mscos.accounts.models import User
from mscos.forum import services, watching
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)
from tests.task_worker import database_tasks, run_worker, time_passes, waiting_tasks  # noqa: F401

pytestmark = pytest.mark.usefixtures("database_tasks")


def _watcher(name: str, topic) -> User:
    user = User.objects.create_user(username=name, password="pw-long-enough-1", display_name=name)
    EmailAddress.objects.create(user=user, email=f"{name}@example.org", verified=True, primary=True)
    watching.watch_set(user=user, topic=topic, watching=True)
    return user


def test_a_refused_digest_follows_later_and_the_others_go_at_once(
    member,
    topic,
    smtp_server,  # noqa: F811 (the fixture imported above)
):
    _watcher("wren", topic)
    _watcher("lark", topic)
    services.post_create(topic=topic, body="A reply about my landlord", acting_user=member)
    smtp_server.refuse["wren@example.org"] = "451 4.3.0 Mail server busy, try again later"
    watching.send_notification_digests.enqueue()
    run_worker()
    [delivered] = smtp_server.wait_for(1)
    assert delivered["X-Envelope-To"] == "lark@example.org"
    assert waiting_tasks() == ["mscos.forum.watching.send_digest"]

    smtp_server.refuse.clear()
    time_passes()
    run_worker()
    messages = smtp_server.wait_for(2)
    assert [m["X-Envelope-To"] for m in messages] == ["lark@example.org", "wren@example.org"]
    assert messages[1]["Subject"] == "New in the MSCOS forums"
    assert messages[1]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Sent once: running the digest again finds nothing new.
    watching.send_notification_digests.enqueue()
    run_worker()
    assert len(smtp_server.wait_for(3, seconds=0.5)) == 2
