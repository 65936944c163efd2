"""On-duty hours, what the site does on its own when nobody is on duty (and undoing it), and the
notices moderators get: urgent items by email and on the site, and a daily digest. Email goes
through a real SMTP server on the loopback address."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.test import override_settings

from mscos.accounts.models import User
from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status
from mscos.moderation import notifications
from mscos.moderation.models import AuditEntry, AutomaticAction, ModeratorSettings, Notice
from tests.forum.conftest import form_data
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)
from tests.moderation.conftest import client_for, established_members, waiting_post

ALL_DAY = {
    "duty_days": list(range(7)),
    "duty_start": datetime.time(0, 0),
    "duty_end": datetime.time(23, 59, 59, 999999),
}


@pytest.fixture
def smtp_inbox(smtp_server):  # noqa: F811 (the fixture imported above)
    return smtp_server


def _verified(user: User, address: str) -> User:
    EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
    return user


def _on_duty(user: User, **hours) -> ModeratorSettings:
    return ModeratorSettings.objects.create(moderator=user, **{**ALL_DAY, **hours})


def test_hours_include_overnight_shifts(moderator):
    evenings = ModeratorSettings(
        moderator=moderator,
        duty_days=[4],  # Friday
        duty_start=datetime.time(20, 0),
        duty_end=datetime.time(2, 0),
    )
    friday = datetime.datetime(2026, 11, 27, 21, 30, tzinfo=ZoneInfo("Europe/London"))
    assert evenings.on_duty_at(friday)
    assert evenings.on_duty_at(friday + datetime.timedelta(hours=4))  # Saturday 01:30
    assert not evenings.on_duty_at(friday + datetime.timedelta(hours=5))  # Saturday 02:30
    assert not evenings.on_duty_at(friday - datetime.timedelta(hours=2))  # Friday 19:30
    assert not evenings.on_duty_at(friday + datetime.timedelta(days=1))  # Saturday 21:30


def test_moderators_set_their_hours_and_bad_input_comes_back(moderator):
    _verified(moderator, "mo@example.org")  # hours need an address to be told at
    client = client_for(moderator)
    bad = client.post("/moderation/settings/", {"duty_days": ["0"], "duty_start": "09:00"})
    assert "choose at least one day and both times" in bad.content.decode()
    assert 'value="09:00"' in bad.content.decode()
    assert not ModeratorSettings.objects.exists()
    client.post(
        "/moderation/settings/",
        {
            "duty_days": ["0", "1"],
            "duty_start": "09:00",
            "duty_end": "17:00",
            "on_call": "on",
            "single_key_shortcuts": "on",
        },
    )
    saved = ModeratorSettings.objects.get(moderator=moderator)
    assert saved.duty_days == [0, 1] and saved.duty_end == datetime.time(17) and saved.on_call


def _report(post: Post, reporter: User, reason: str = "harmful") -> None:
    client_for(reporter).post(f"/forums/p/{post.pk}/report/", {"reason": reason})


@override_settings(MODERATION_REPORTS_TO_HIDE=10, MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE=3)
def test_out_of_hours_three_reports_hide_a_post_and_one_click_undoes_it(
    open_category, topic, moderator
):
    post = Post.objects.get(topic=topic, position=1)
    for reporter in established_members(3, open_category):
        _report(post, reporter)
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    action = AutomaticAction.objects.get(kind="post_hidden", post=post)
    client = client_for(moderator)
    queue = client.get("/moderation/").content.decode()
    assert "Done automatically while nobody was on duty" in queue
    client.post(f"/moderation/automatic/{action.pk}/undo/")
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert AuditEntry.objects.filter(action="automatic_undone", actor=moderator).count() == 1
    assert "Done automatically" not in client.get("/moderation/").content.decode()


@override_settings(MODERATION_REPORTS_TO_HIDE=10, MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE=3)
def test_in_hours_the_moderators_decide_instead(open_category, topic, moderator):
    _on_duty(moderator)
    post = Post.objects.get(topic=topic, position=1)
    for reporter in established_members(3, open_category):
        _report(post, reporter)
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert not AutomaticAction.objects.exists()


@override_settings(
    MODERATION_REPORTS_TO_HIDE=50,
    MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE=50,
    MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE=5,
)
def test_out_of_hours_a_member_with_five_reports_is_paused_until_reviewed(
    open_category, topic, member, moderator
):
    posts = [Post.objects.get(topic=topic, position=1)]
    for n in range(2):
        reply, _ = forum_services.post_create(topic=topic, body=f"Reply {n}", acting_user=member)
        posts.append(reply)
    # Five different members with standing, each reporting one of the three posts: paused after
    # the fifth (a pause counts reporters, never report rows).
    for number, reporter in enumerate(established_members(5, open_category)):
        member.refresh_from_db()
        assert member.posting_paused == ""
        _report(posts[number % 3], reporter)
    member.refresh_from_db()
    assert member.posting_paused == "awaiting_review"
    writer = client_for(member)
    paused = writer.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Let me explain"))
    assert "paused until a moderator has looked" in paused.content.decode()
    assert AutomaticAction.objects.filter(kind="member_paused").count() == 1
    assert AuditEntry.objects.filter(action="member_paused").count() == 0  # inside report entry
    assert (
        "member_paused"
        in AuditEntry.objects.get(action="report_received", data__steps__isnull=False).data["steps"]
    )
    action = AutomaticAction.objects.get(kind="member_paused")
    client_for(moderator).post(f"/moderation/automatic/{action.pk}/undo/")
    writer.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Thank you"))
    assert Post.objects.filter(topic=topic, body="Thank you").exists()


def test_reports_on_anonymous_posts_never_pause_their_writer(open_category, member):
    _topic, post, _ = forum_services.topic_create(
        category=open_category,
        title="Quietly",
        body="Anonymous words",
        acting_user=member,
        anonymous=True,
    )
    with override_settings(
        MODERATION_OUT_OF_HOURS_REPORTS_TO_HIDE=50, MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE=1
    ):
        _report(post, established_members(1, open_category)[0])
    member.refresh_from_db()
    assert member.posting_paused == ""


def test_an_urgent_post_out_of_hours_reaches_the_on_call_moderator_by_email_and_on_site(
    checked, member, moderator, second_moderator, smtp_inbox, django_capture_on_commit_callbacks
):
    ModeratorSettings.objects.create(moderator=moderator, on_call=True)
    _verified(moderator, "mo@example.org")
    _verified(second_moderator, "two@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post = waiting_post(checked, member, "I am not safe tonight, he took my passport")
    assert post.is_urgent and post.status == Status.PENDING
    messages = smtp_inbox.wait_for(1)
    assert len(messages) == 1
    assert messages[0]["X-Envelope-To"] == "mo@example.org"
    assert messages[0]["Subject"].startswith("Urgent")
    body = messages[0].get_payload(decode=True).decode()
    assert "/moderation/" in body and "passport" not in body  # the words stay on the site
    assert Notice.objects.filter(recipient=moderator, kind="urgent").count() == 1
    assert not Notice.objects.filter(recipient=second_moderator).exists()
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert "An urgent post is waiting" in queue
    # Saving the post again does not send again.
    with django_capture_on_commit_callbacks(execute=True):
        Post.objects.get(pk=post.pk).save()
    assert len(smtp_inbox.wait_for(2)) == 1


def test_an_urgent_post_in_hours_reaches_the_moderators_on_duty(
    checked, member, moderator, second_moderator, smtp_inbox, django_capture_on_commit_callbacks
):
    _on_duty(second_moderator)
    ModeratorSettings.objects.create(moderator=moderator, on_call=True)
    _verified(moderator, "mo@example.org")
    _verified(second_moderator, "two@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        waiting_post(checked, member, "I am not safe tonight")
    messages = smtp_inbox.wait_for(1)
    assert [m["X-Envelope-To"] for m in messages] == ["two@example.org"]


def test_the_daily_digest_tells_every_moderator_the_queue_size(
    checked, member, moderator, second_moderator, smtp_inbox
):
    _verified(moderator, "mo@example.org")
    _verified(second_moderator, "two@example.org")
    _verified(member, "river@example.org")
    waiting_post(checked, member, "One question")
    waiting_post(checked, member, "Another question")
    assert notifications.send_queue_digest.call() == 2
    (message,) = smtp_inbox.wait_for(1)
    assert sorted(message["X-Envelope-To"].split(", ")) == ["mo@example.org", "two@example.org"]
    assert message["Subject"] == "Moderation queue today: 2 waiting"
    assert "Waiting for a moderator: 2" in message.get_payload(decode=True).decode()


def test_the_digest_and_purge_are_periodic_jobs():
    from mscos.core.scheduling import registered_jobs

    jobs = registered_jobs()
    assert jobs["moderation-queue-digest"].every == datetime.timedelta(days=1)
    assert jobs["moderation-purge-redacted"].task == notifications.purge_redacted_originals
