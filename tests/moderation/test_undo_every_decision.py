"""Every decision the queue and the item page offer on a post can be undone from the queue for a
few minutes, and each undo is logged: hiding, editing (the writer's words come back), removing
details (off the site again, the details stay removed), locking and moving a topic."""

from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.moderation.models import AuditEntry, Decision, Notice, Report
from tests.moderation.conftest import client_for, waiting_post


def _undo_from_the_queue(client, post) -> None:
    decision = Decision.objects.filter(post=post).latest("created_at")
    queue = client.get("/moderation/").content.decode()
    assert f'action="/moderation/decision/{decision.pk}/undo/"' in queue
    client.post(f"/moderation/decision/{decision.pk}/undo/")
    assert Decision.objects.get(pk=decision.pk).undone_at is not None


def _logged_undo(moderator, kind: str) -> None:
    entry = AuditEntry.objects.filter(action="decision_undone", actor=moderator).latest("pk")
    assert entry.data["undone"] == kind


def test_hiding_a_reported_live_post_can_be_undone(open_category, member, moderator, other_member):
    post = waiting_post(open_category, member, "A live post someone reported")
    assert post.status == Status.APPROVED
    Report.objects.create(post=post, reason="harmful", reporter=other_member)
    client = client_for(moderator)
    client.post(f"/moderation/item/{post.pk}/", {"action": "hide", "hide-reason": "checked"})
    assert Post.objects.get(pk=post.pk).status == Status.HIDDEN
    _undo_from_the_queue(client, post)
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert Report.objects.get(post=post).resolved_at is None
    _logged_undo(moderator, "hide")


def test_an_edit_can_be_undone_and_the_writers_words_come_back(checked, member, moderator):
    post = waiting_post(checked, member, "My own words, as I wrote them")
    client = client_for(moderator)
    client.post(
        f"/moderation/item/{post.pk}/",
        {"action": "edit", "edit-body": "Words a moderator changed", "edit-reason": "tidy"},
    )
    post.refresh_from_db()
    assert post.status == Status.APPROVED and post.body == "Words a moderator changed"
    _undo_from_the_queue(client, post)
    post.refresh_from_db()
    assert post.status == Status.PENDING
    assert post.body == "My own words, as I wrote them"
    assert "My own words" in post.body_html
    _logged_undo(moderator, "edit")


def test_removing_details_can_be_undone_but_the_details_stay_removed(checked, member, moderator):
    post = waiting_post(checked, member, "Text me on 07700 900123 about the house")
    client = client_for(moderator)
    client.post(
        f"/moderation/item/{post.pk}/",
        {"action": "redact", "redact-remove": ["0"], "redact-reason": "could find you"},
    )
    post.refresh_from_db()
    assert post.status == Status.APPROVED and "07700" not in post.body
    assert Notice.objects.filter(recipient=member, kind="redaction").exists()
    queue = client.get("/moderation/").content.decode()
    assert "the details you removed stay removed" in queue
    _undo_from_the_queue(client, post)
    post.refresh_from_db()
    assert post.status == Status.PENDING  # off the site, back in the queue
    assert "07700" not in post.body  # still removed: only a safeguarding lead may read them
    assert not Notice.objects.filter(recipient=member, kind="redaction").exists()
    _logged_undo(moderator, "redact")


def test_locking_and_moving_a_topic_can_be_undone(open_category, member, moderator):
    elsewhere = ForumCategory.objects.create(name="Elsewhere", slug="elsewhere")
    post = waiting_post(open_category, member, "A topic that stays where it was")
    client = client_for(moderator)
    client.post(f"/moderation/item/{post.pk}/", {"action": "lock", "lock-reason": "heated"})
    assert Topic.objects.get(pk=post.topic_id).is_locked
    _undo_from_the_queue(client, post)
    assert not Topic.objects.get(pk=post.topic_id).is_locked
    _logged_undo(moderator, "lock")

    client.post(
        f"/moderation/item/{post.pk}/",
        {"action": "move", "move-category": elsewhere.pk, "move-reason": "fits better"},
    )
    assert Topic.objects.get(pk=post.topic_id).category == elsewhere
    _undo_from_the_queue(client, post)
    assert Topic.objects.get(pk=post.topic_id).category == open_category
    _logged_undo(moderator, "move")


def test_the_queue_says_which_actions_are_undone_elsewhere(checked, member, moderator):
    post = waiting_post(checked, member, "Approve me")
    client = client_for(moderator)
    client.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    queue = client.get("/moderation/").content.decode()
    assert "A suspension or a ban is lifted on the member’s page" in queue  # noqa: RUF001 (as shown)
    assert "A warning cannot be taken back" in queue
