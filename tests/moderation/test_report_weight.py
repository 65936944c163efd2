"""Reports weigh who sends them: a guest or a new account raises a post in the queue but never hides
it or pauses its writer; only distinct members with standing do, counted per person. Each attack
from the issue is performed here as an attacker would (docs/moderation.md, "How reports are
weighed"). Email goes through a real SMTP server on the loopback address."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.test import Client, override_settings
from django.utils import timezone

from mscos.accounts.models import User
from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status
from mscos.moderation import standing
from mscos.moderation.models import AuditEntry, ModeratorSettings, Notice, Report
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)
from tests.moderation.conftest import client_for, established_member, established_members


@pytest.fixture
def smtp_inbox(smtp_server):  # noqa: F811 (the fixture imported above)
    return smtp_server


def _report(client: Client, post: Post, reason: str, **extra):
    return client.post(f"/forums/p/{post.pk}/report/", {"reason": reason}, **extra)


def _opening(topic) -> Post:
    return Post.objects.get(topic=topic, position=1)


def test_a_guest_danger_report_keeps_the_post_public_and_alerts_the_on_call_moderator(
    topic, moderator, smtp_inbox, django_capture_on_commit_callbacks
):
    ModeratorSettings.objects.create(moderator=moderator, on_call=True)
    EmailAddress.objects.create(user=moderator, email="mo@example.org", verified=True, primary=True)
    post = _opening(topic)
    with django_capture_on_commit_callbacks(execute=True):
        thanks = _report(Client(), post, "danger")
    assert "your report was received" in thanks.content.decode()
    post.refresh_from_db()
    assert post.status == Status.APPROVED and post.is_urgent
    # Still there for everyone: a survivor asking for help must not vanish.
    assert "Opening words" in Client().get(topic.get_absolute_url()).content.decode()
    (message,) = smtp_inbox.wait_for(1)
    assert message["X-Envelope-To"] == "mo@example.org"
    assert message["Subject"].startswith("Urgent")
    assert Notice.objects.filter(recipient=moderator, kind="urgent", post=post).exists()
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert "Urgent: someone may be in danger" in queue
    assert "reporter: reader without an account" in queue


def test_one_guest_reporting_spam_again_and_again_never_pauses_the_writer(topic, member):
    post = _opening(topic)
    guest = Client()
    answers = [_report(guest, post, "spam").content.decode() for _ in range(6)]
    assert all("already reported" in answer for answer in answers[1:])
    assert Report.objects.filter(post=post).count() == 1
    member.refresh_from_db()
    assert member.posting_paused == ""
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED


def test_guests_from_many_addresses_never_hide_a_post_or_pause_its_writer(topic, member):
    post = _opening(topic)
    for number in range(8):
        _report(Client(), post, "spam", REMOTE_ADDR=f"198.51.100.{number + 1}")
    assert Report.objects.filter(post=post).count() == 8
    member.refresh_from_db()
    assert member.posting_paused == ""
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED


def test_three_accounts_made_seconds_ago_cannot_hide_a_post(topic, moderator):
    post = _opening(topic)
    for number in range(3):
        fresh = User.objects.create_user(username=f"fresh{number}", password="pw-long-enough-1")
        _report(client_for(fresh), post, "harmful")
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert "Opening words" in Client().get(topic.get_absolute_url()).content.decode()
    # Raised in the queue instead, with each reporter's standing and never their name.
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert queue.count("reporter: new member") == 3
    assert "fresh0" not in queue


def test_three_established_members_hide_a_post_until_reviewed(open_category, topic, moderator):
    post = _opening(topic)
    reporters = established_members(3, open_category)
    for number, reporter in enumerate(reporters):
        _report(client_for(reporter), post, "harmful")
        post.refresh_from_db()
        assert post.status == (Status.APPROVED if number < 2 else Status.PENDING)
    assert "Opening words" not in Client().get(topic.get_absolute_url()).content.decode()
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert queue.count("reporter: established member") == 3


def test_established_reports_rank_above_a_crowd_of_guests(open_category, topic, member, moderator):
    crowded = _opening(topic)
    _topic, weighty, _ = forum_services.topic_create(
        category=open_category, title="Second topic", body="Other words", acting_user=member
    )
    for number in range(5):
        _report(Client(), crowded, "spam", REMOTE_ADDR=f"198.51.100.{number + 1}")
    _report(client_for(established_member("steady", open_category)), weighty, "harmful")
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert queue.index("Other words") < queue.index("Opening words")


def test_a_member_whose_reports_keep_being_rejected_loses_weight(open_category, topic, moderator):
    doubter = established_member("doubter", open_category)
    assert standing.reporter_standing(doubter) == Report.Standing.ESTABLISHED
    for number in range(2):
        _t, target, _ = forum_services.topic_create(
            category=open_category,
            title=f"Fine topic {number}",
            body=f"Perfectly fine words {number}",
            acting_user=moderator,
        )
        _report(client_for(doubter), target, "harmful")
        client_for(moderator).post("/moderation/", {"item_action": f"approve:{target.pk}"})
    assert standing.reporter_standing(doubter) == Report.Standing.DOUBTED
    post = _opening(topic)
    for reporter in [doubter, *established_members(2, open_category)]:
        _report(client_for(reporter), post, "harmful")
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert "member whose reports were often not upheld" in (
        client_for(moderator).get(f"/moderation/item/{post.pk}/").content.decode()
    )


def test_a_danger_report_counts_for_nothing_against_anyone(open_category, moderator):
    asker = established_member("asker", open_category)
    assert standing.reporter_standing(asker) == Report.Standing.ESTABLISHED
    for number in range(3):
        _t, target, _ = forum_services.topic_create(
            category=open_category,
            title=f"Worrying topic {number}",
            body=f"Words {number}",
            acting_user=moderator,
        )
        _report(client_for(asker), target, "danger")
        client_for(moderator).post("/moderation/", {"item_action": f"approve:{target.pk}"})
    assert standing.reporter_standing(asker) == Report.Standing.ESTABLISHED


@override_settings(MODERATION_OUT_OF_HOURS_REPORTS_TO_PAUSE=3)
def test_a_pause_counts_reporters_not_report_rows(open_category, topic, member):
    posts = [_opening(topic)]
    for number in range(3):
        reply, _ = forum_services.post_create(
            topic=topic, body=f"Reply {number}", acting_user=member
        )
        posts.append(reply)
    first, second, third = established_members(3, open_category)
    for post in posts:  # one person, four reports
        _report(client_for(first), post, "spam")
    _report(client_for(second), posts[0], "spam")
    member.refresh_from_db()
    assert member.posting_paused == ""
    _report(client_for(third), posts[1], "spam")
    member.refresh_from_db()
    assert member.posting_paused == "awaiting_review"


def test_a_moderator_lifting_probation_gives_the_account_standing(open_category, member):
    User.objects.filter(pk=member.pk).update(on_probation=True)
    member.refresh_from_db()
    assert standing.reporter_standing(member) == Report.Standing.NEW
    member.probation_lifted_at = timezone.now()
    assert standing.reporter_standing(member) == Report.Standing.ESTABLISHED
    # Age alone is not standing: it also takes approved posts.
    old = User.objects.create_user(username="old", password="pw-long-enough-1")
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - datetime.timedelta(days=400))
    old.refresh_from_db()
    assert standing.reporter_standing(old) == Report.Standing.NEW
    assert standing.reporter_standing(None) == Report.Standing.GUEST


def test_approving_from_the_topic_page_closes_its_reports(open_category, topic, moderator):
    post = _opening(topic)
    _report(Client(), post, "identifies")
    for reporter in established_members(3, open_category):
        _report(client_for(reporter), post, "harmful")
    post.refresh_from_db()
    assert post.status == Status.PENDING
    staff = client_for(moderator)
    staff.post(f"/forums/p/{post.pk}/moderate/", {"action": "approve"})
    post.refresh_from_db()
    assert post.status == Status.APPROVED
    assert not Report.objects.filter(post=post, resolved_at=None).exists()
    assert set(Report.objects.filter(post=post).values_list("outcome", flat=True)) == {"kept"}
    entry = AuditEntry.objects.get(action="post_approved", actor=moderator)
    assert "reports_closed" in entry.data["steps"] and entry.data["reports_closed"] == 4
    assert f"/moderation/item/{post.pk}/" not in staff.get("/moderation/").content.decode()


def test_hiding_an_urgent_post_from_the_topic_page_clears_urgent_and_closes_reports(
    open_category, topic, moderator
):
    post = _opening(topic)
    _report(Client(), post, "danger")
    reporter = established_member("steady", open_category)
    _report(client_for(reporter), post, "harmful")
    assert Post.objects.get(pk=post.pk).is_urgent
    staff = client_for(moderator)
    staff.post(f"/forums/p/{post.pk}/moderate/", {"action": "hide"})
    post.refresh_from_db()
    assert post.status == Status.HIDDEN and not post.is_urgent
    assert set(Report.objects.filter(post=post).values_list("outcome", flat=True)) == {"hidden"}
    assert not Report.objects.filter(post=post, resolved_at=None).exists()
    entry = AuditEntry.objects.get(action="post_hidden", actor=moderator)
    assert entry.data["urgent_cleared"] is True
    assert "Urgent: someone may be in danger" not in staff.get("/moderation/").content.decode()
    # Upheld, so the reporter keeps their standing.
    assert standing.reporter_standing(reporter) == Report.Standing.ESTABLISHED


@pytest.mark.parametrize("where", ["queue", "item", "bulk"])
def test_every_queue_decision_closes_reports_and_says_so_in_the_log(
    open_category, topic, moderator, where
):
    post = _opening(topic)
    # Urgent posts are never decided in bulk (each on its own), so the bulk case is not urgent.
    urgent = where != "bulk"
    _report(Client(), post, "danger" if urgent else "identifies")
    staff = client_for(moderator)
    if where == "queue":
        staff.post("/moderation/", {"item_action": f"hide:{post.pk}"})
    elif where == "item":
        staff.post(f"/moderation/item/{post.pk}/", {"action": "hide", "hide-reason": "checked"})
    else:
        staff.post(
            "/moderation/",
            {"posts": [post.pk], "bulk_action": "hide", "bulk": "1", "reason": "checked"},
        )
    post.refresh_from_db()
    assert post.status == Status.HIDDEN and not post.is_urgent
    assert not Report.objects.filter(resolved_at=None).exists()
    entry = AuditEntry.objects.filter(action="post_hidden", actor=moderator).get()
    assert "reports_closed" in entry.data["steps"] and entry.data["urgent_cleared"] is urgent
