"""The queue: urgent first, decisions one by one or in bulk, reports that raise and hide posts."""

import pytest
from django.test import Client

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation.models import AuditEntry, RejectionTemplate, Report
from tests.moderation.conftest import established_members


@pytest.fixture
def checked(db) -> ForumCategory:
    return ForumCategory.objects.create(name="Checked", slug="checked", premoderation="all")


def waiting_post(category, author, body) -> Post:
    _topic, post, _ = services.topic_create(
        category=category, title=f"About {body[:20]}", body=body, acting_user=author
    )
    return post


def test_queue_lists_urgent_first_then_oldest(client, moderator, member, checked):
    waiting_post(checked, member, "An ordinary question")
    waiting_post(checked, member, "Another ordinary question")
    waiting_post(checked, member, "I am not safe tonight")
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    assert html.index("I am not safe tonight") < html.index("An ordinary question")
    assert html.index("An ordinary question") < html.index("Another ordinary question")
    assert "Urgent: someone may be in danger" in html


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_queue_is_for_moderators_only(client, member, editor, checked, who):
    waiting_post(checked, member, "Private until approved")
    viewer = {"anonymous": None, "member": member, "editor": editor}[who]
    if viewer:
        client.force_login(viewer)
    response = client.get("/moderation/")
    if viewer is None:  # asked to sign in first
        assert response.status_code == 302
        assert response["Location"] == "/account/login/?next=/moderation/"
    else:  # signed in, not a moderator: as if there were no such page
        assert response.status_code == 404
    assert "Private until approved" not in response.content.decode()


def test_moderator_without_two_factor_is_sent_to_set_it_up(client, db):
    from tests.conftest import with_role

    fresh = with_role(
        User.objects.create_user(username="m2", password="pw-long-enough-1"), roles.MODERATOR
    )
    client.force_login(fresh)
    assert client.get("/moderation/")["Location"] == "/account/2fa/totp/activate/"


def test_bulk_approve_publishes_and_logs_each_post(client, moderator, member, checked):
    posts = [waiting_post(checked, member, f"Question number {n}") for n in range(3)]
    client.force_login(moderator)
    client.post(
        "/moderation/", {"posts": [p.pk for p in posts], "bulk_action": "approve", "bulk": "1"}
    )
    assert set(
        Post.objects.filter(pk__in=[p.pk for p in posts]).values_list("status", flat=True)
    ) == {Status.APPROVED}
    assert AuditEntry.objects.filter(action="post_approved", actor=moderator).count() == 3
    assert "Nothing is waiting" in client.get("/moderation/").content.decode()


def test_reject_needs_a_reason_and_the_writer_sees_it(client, moderator, member, checked):
    post = waiting_post(checked, member, "Here is my employer's name and address")
    client.force_login(moderator)
    refused = client.post(
        "/moderation/", {"posts": [post.pk], "bulk_action": "reject", "bulk": "1"}, follow=True
    )
    assert "Please choose the message the writer will see" in refused.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    template = RejectionTemplate.objects.get(title="Identifies someone")
    client.post(
        "/moderation/",
        {"posts": [post.pk], "bulk_action": "reject", "template": template.pk, "bulk": "1"},
    )
    post.refresh_from_db()
    assert post.status == Status.HIDDEN and "could identify someone" in post.moderator_note
    writer = Client()
    writer.force_login(member)
    page = writer.get(post.topic.get_absolute_url()).content.decode()
    assert "could identify someone" in page


def test_members_cannot_decide_queue_items(client, member, other_member, checked):
    post = waiting_post(checked, member, "Please approve me")
    client.force_login(other_member)
    client.post("/moderation/", {"posts": [post.pk], "bulk_action": "approve", "bulk": "1"})
    client.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    assert not AuditEntry.objects.filter(action="post_approved").exists()


def test_anyone_can_report_and_is_thanked(open_category, member, topic):
    post = Post.objects.get(topic=topic, position=1)
    response = Client().post(
        f"/forums/p/{post.pk}/report/", {"reason": "harmful", "note": "unkind"}
    )
    assert "your report was received" in response.content.decode()
    report = Report.objects.get()
    assert report.reporter is None and report.reporter_hash.startswith("ah1:")


def test_reports_from_three_established_members_hide_the_post_until_reviewed(
    open_category, topic, moderator
):
    post = Post.objects.get(topic=topic, position=1)
    reporters = established_members(3, open_category)
    for number, reporter in enumerate(reporters):
        client = Client()
        client.force_login(reporter)
        client.post(f"/forums/p/{post.pk}/report/", {"reason": "harmful"})
        post.refresh_from_db()
        assert post.status == (Status.APPROVED if number < 2 else Status.PENDING)
    assert "Opening words" not in Client().get(topic.get_absolute_url()).content.decode()
    staff = Client()
    staff.force_login(moderator)
    assert "Reported: It is harmful or unkind" in staff.get("/moderation/").content.decode()
    staff.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    post.refresh_from_db()
    assert post.status == Status.APPROVED
    assert not Report.objects.filter(resolved_at=None).exists()


def test_one_member_reporting_twice_counts_once(client, topic, other_member):
    post = Post.objects.get(topic=topic, position=1)
    client.force_login(other_member)
    client.post(f"/forums/p/{post.pk}/report/", {"reason": "harmful"})
    again = client.post(f"/forums/p/{post.pk}/report/", {"reason": "harmful"})
    assert "already reported" in again.content.decode()
    assert Report.objects.count() == 1


def test_a_danger_report_marks_the_post_urgent_and_leaves_it_up(client, topic):
    post = Post.objects.get(topic=topic, position=1)
    client.post(f"/forums/p/{post.pk}/report/", {"reason": "danger"})
    post.refresh_from_db()
    assert post.status == Status.APPROVED and post.is_urgent


def test_reports_cannot_be_made_on_posts_one_cannot_see(client, member, checked):
    post = waiting_post(checked, member, "Not public yet")
    assert client.post(f"/forums/p/{post.pk}/report/", {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.parametrize("count", [1, 30])
def test_queue_queries_do_not_grow_with_items(
    client, moderator, member, checked, django_assert_max_num_queries, count
):
    for number in range(count):
        writer = User.objects.create_user(username=f"writer{number}", password="pw-long-enough-1")
        waiting_post(checked, writer, f"Waiting number {number}")
    client.force_login(moderator)
    # A constant few are the alert check (who would be told now) and the undo list.
    with django_assert_max_num_queries(45):
        response = client.get("/moderation/")
    assert response.content.decode().count("data-queue-item") == count
