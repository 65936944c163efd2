"""The audit log: every service that changes a post or a member writes exactly one entry, and
nobody can change or delete an entry through the application (or the database)."""

import datetime
import re

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.utils import timezone

from mscos.forum import services as forum_services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation import notifications
from mscos.moderation import services as moderation_services
from mscos.moderation.models import AuditEntry, AutomaticAction, RedactedOriginal
from tests.moderation.conftest import client_for, waiting_post


@pytest.fixture
def scene(checked, member, moderator, safeguarding_lead):
    post = waiting_post(checked, member, "Call me on 07700 900123 about the job")
    anonymous = waiting_post(checked, member, "A quiet worry", anonymous=True)
    other = ForumCategory.objects.create(name="Elsewhere", slug="elsewhere")
    return {
        "post": post,
        "anonymous": anonymous,
        "member": member,
        "moderator": moderator,
        "lead": safeguarding_lead,
        "other": other,
    }


def _redacted_entry(s):
    moderation_services.queue_redact_approve(
        post=s["post"], phrases=["07700 900123"], kinds=["phone"], acting_user=s["moderator"]
    )
    return AuditEntry.objects.get(action="post_redacted")


SERVICES = {
    "forum.post_approve": lambda s: forum_services.post_approve(
        post=s["post"], acting_user=s["moderator"]
    ),
    "forum.post_hide": lambda s: forum_services.post_hide(
        post=s["post"], acting_user=s["moderator"], reason="x"
    ),
    "forum.post_approve_as_system": lambda s: forum_services.post_approve_as_system(
        post=s["post"], reason="demo"
    ),
    "forum.topic_set_flags": lambda s: forum_services.topic_set_flags(
        topic=s["post"].topic, acting_user=s["moderator"], locked=True
    ),
    "forum.topic_move": lambda s: forum_services.topic_move(
        topic=s["post"].topic, category=s["other"], acting_user=s["moderator"]
    ),
    "forum.topic_hide": lambda s: forum_services.topic_hide(
        topic=s["post"].topic, acting_user=s["moderator"]
    ),
    "forum.post_moderator_edit": lambda s: forum_services.post_moderator_edit(
        post=s["post"], body="Kinder words", acting_user=s["moderator"]
    ),
    "forum.post_replace_for_safety": lambda s: forum_services.post_replace_for_safety(
        post=s["post"], body="Call me", acting_user=s["moderator"]
    ),
    "forum.anonymous_author_reveal": lambda s: forum_services.anonymous_author_reveal(
        post=s["anonymous"], acting_user=s["lead"], reason="Danger report"
    ),
    "queue_approve": lambda s: moderation_services.queue_approve(
        post=s["post"], acting_user=s["moderator"]
    ),
    "queue_reject": lambda s: moderation_services.queue_reject(
        post=s["post"], message="Not here, please", acting_user=s["moderator"]
    ),
    "queue_hide": lambda s: moderation_services.queue_hide(
        post=s["post"], acting_user=s["moderator"]
    ),
    "queue_edit_approve": lambda s: moderation_services.queue_edit_approve(
        post=s["post"], body="Call me about the job", acting_user=s["moderator"]
    ),
    "queue_redact_approve": _redacted_entry,
    "queue_move_topic": lambda s: moderation_services.queue_move_topic(
        post=s["post"], category=s["other"], acting_user=s["moderator"]
    ),
    "queue_lock_topic": lambda s: moderation_services.queue_lock_topic(
        post=s["post"], acting_user=s["moderator"]
    ),
    "member_warn": lambda s: moderation_services.member_warn(
        member=s["member"], message="Please be kind", acting_user=s["moderator"]
    ),
    "member_suspend": lambda s: moderation_services.member_suspend(
        member=s["member"], days=3, reason="Cool off", acting_user=s["moderator"]
    ),
    "member_ban": lambda s: moderation_services.member_ban(
        member=s["member"], reason="Threats", acting_user=s["moderator"]
    ),
    "member_restore": lambda s: moderation_services.member_restore(
        member=s["member"], acting_user=s["moderator"]
    ),
    "member_history_view": lambda s: moderation_services.member_history_view(
        member=s["member"], acting_user=s["moderator"]
    ),
    "report_create": lambda s: moderation_services.report_create(
        post=s["post"], reason="harmful", note="", acting_user=s["lead"], reporter_hash=""
    ),
}


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_every_service_writes_exactly_one_entry(scene, name):
    before = AuditEntry.objects.count()
    SERVICES[name](scene)
    entries = list(AuditEntry.objects.order_by("-pk")[: AuditEntry.objects.count() - before])
    if name == "queue_redact_approve":
        entries = list(AuditEntry.objects.all())
    assert len(entries) == 1, [e.action for e in entries]
    entry = entries[0]
    assert entry.actor_label and entry.created_at
    assert entry.target_type in {"post", "topic", "member"}


def test_an_entry_records_who_what_when_on_what_and_why(scene):
    moderation_services.queue_reject(
        post=scene["post"],
        message="Please post again without the number",
        acting_user=scene["moderator"],
        reason="phone number in a public post",
    )
    entry = AuditEntry.objects.get()
    assert entry.actor == scene["moderator"]
    assert entry.actor_label == f"Moderator Mo (#{scene['moderator'].pk})"
    assert entry.action == "post_rejected"
    assert (entry.target_type, entry.target_id) == ("post", scene["post"].pk)
    assert entry.reason == "phone number in a public post"
    assert entry.data["steps"] == ["post_hidden"]
    assert timezone.now() - entry.created_at < datetime.timedelta(minutes=1)


def test_automatic_undo_and_reading_removed_words_write_one_entry_each(scene):
    post = scene["post"]
    forum_services.post_approve(post=post, acting_user=scene["moderator"])
    forum_services.post_hide_pending_review(post=post, reason="reports")
    action = AutomaticAction.objects.create(kind="post_hidden", post=post)
    before = AuditEntry.objects.count()
    moderation_services.automatic_action_undo(action=action, acting_user=scene["moderator"])
    assert AuditEntry.objects.count() == before + 1
    entry = _redacted_entry({**scene, "post": Post.objects.get(pk=post.pk)})
    before = AuditEntry.objects.count()
    text = moderation_services.redacted_original_read(entry=entry, acting_user=scene["lead"])
    assert "07700 900123" in text
    assert AuditEntry.objects.count() == before + 1
    assert AuditEntry.objects.latest("pk").action == "redacted_original_viewed"


def test_a_failed_service_writes_nothing(scene):
    with pytest.raises(Exception):  # noqa: B017 # any refusal will do
        moderation_services.queue_redact_approve(
            post=scene["post"],
            phrases=["not in the post"],
            kinds=[],
            acting_user=scene["moderator"],
        )
    assert not AuditEntry.objects.exists()


def test_entries_cannot_be_changed_or_deleted_through_the_orm(scene):
    moderation_services.queue_approve(post=scene["post"], acting_user=scene["moderator"])
    entry = AuditEntry.objects.get()
    entry.reason = "covering my tracks"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="covering my tracks")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().reason == ""


def test_the_database_refuses_an_update_that_bypasses_the_orm(scene):
    moderation_services.queue_approve(post=scene["post"], acting_user=scene["moderator"])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE moderation_auditentry SET reason = 'covering my tracks'")
    assert AuditEntry.objects.get().reason == ""


def test_there_is_no_admin_page_to_edit_or_delete_entries(client, admin_user, scene):
    moderation_services.queue_approve(post=scene["post"], acting_user=scene["moderator"])
    entry = AuditEntry.objects.get()
    client.force_login(admin_user)
    for url in [
        f"/admin/snippets/moderation/auditentry/edit/{entry.pk}/",
        f"/admin/snippets/moderation/auditentry/delete/{entry.pk}/",
        f"/django-admin/moderation/auditentry/{entry.pk}/change/",
    ]:
        assert client.get(url).status_code == 404, url
    assert AuditEntry.objects.get().pk == entry.pk


def test_moderators_can_filter_the_log(scene, moderator, second_moderator):
    moderation_services.queue_approve(post=scene["post"], acting_user=moderator)
    moderation_services.member_warn(
        member=scene["member"], message="Please be kind", acting_user=second_moderator
    )
    client = client_for(moderator)

    def shown(**query) -> set[str]:
        html = client.get("/moderation/log/", query).content.decode()
        return set(re.findall(r'class="audit-entry__what"><strong>([^<]+)</strong>', html))

    assert shown() == {"Post approved", "Member warned"}
    assert shown(actor="Two") == {"Member warned"}
    assert shown(action="post_approved") == {"Post approved"}
    assert shown(target_type="member", target_id=scene["member"].pk) == {"Member warned"}
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert shown(since=tomorrow) == set()
    assert shown(until=timezone.localdate().isoformat()) == {"Post approved", "Member warned"}
    backwards = client.get(
        "/moderation/log/", {"since": tomorrow, "until": timezone.localdate().isoformat()}
    ).content.decode()
    assert "The end date is before the start date" in backwards


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_the_log_is_for_moderators_only(scene, member, editor, who):
    moderation_services.member_warn(
        member=scene["member"], message="Please be kind", acting_user=scene["moderator"]
    )
    viewer = {"anonymous": None, "member": member, "editor": editor}[who]
    response = client_for(viewer).get("/moderation/log/")
    if viewer is None:  # asked to sign in first
        assert response.status_code == 302
        assert response["Location"] == "/account/login/?next=/moderation/log/"
    else:  # signed in, not a moderator: as if there were no such page
        assert response.status_code == 404
    assert "Please be kind" not in response.content.decode()


def test_removed_words_are_for_safeguarding_leads_only_and_purged_later(scene, moderator):
    entry = _redacted_entry(scene)
    original = f"/moderation/log/{entry.pk}/original/"
    plain = client_for(moderator)
    assert "Read the removed words" not in plain.get("/moderation/log/").content.decode()
    assert "07700 900123" not in plain.post(original).content.decode()
    lead = client_for(scene["lead"])
    assert "Read the removed words" in lead.get("/moderation/log/").content.decode()
    assert "07700 900123" in lead.post(original).content.decode()
    assert AuditEntry.objects.filter(action="redacted_original_viewed").count() == 1
    # After the retention period the words are gone; the log keeps that they were purged.
    assert notifications.purge_redacted_originals.call() == 0
    later = timezone.now() + notifications.redaction_retention() + datetime.timedelta(days=1)
    RedactedOriginal.objects.update(created_at=timezone.now() - (later - timezone.now()))
    assert notifications.purge_redacted_originals.call() == 1
    assert not RedactedOriginal.objects.exists()
    assert "07700 900123" not in lead.post(original).content.decode()
    assert AuditEntry.objects.filter(action="redacted_originals_purged").count() == 1
    assert not AuditEntry.objects.filter(reason__contains="07700").exists()
    assert Post.objects.get(pk=scene["post"].pk).status == Status.APPROVED


def test_a_guest_report_names_no_account(open_category, topic):
    post = Post.objects.get(topic=topic, position=1)
    Client().post(f"/forums/p/{post.pk}/report/", {"reason": "spam"})
    entry = AuditEntry.objects.get(action="report_received")
    assert entry.actor is None and entry.actor_label == "a reader without an account"
