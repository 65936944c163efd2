"""Each queue action from both sides of its permission, bulk actions, claims and their expiry,
and what suspended and banned members see."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.utils import timezone

from mscos.accounts.models import User
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.moderation import services
from mscos.moderation.models import AuditEntry, Claim, Notice, RejectionTemplate
from tests.forum.conftest import form_data
from tests.moderation.conftest import client_for, waiting_post


@pytest.fixture
def elsewhere(db) -> ForumCategory:
    return ForumCategory.objects.create(name="Elsewhere", slug="elsewhere", premoderation="none")


def _template() -> RejectionTemplate:
    return RejectionTemplate.objects.get(title="Wrong place")


ITEM_ACTIONS = {
    "approve": (lambda c: {}, lambda p: p.status == Status.APPROVED),
    "reject": (
        lambda c: {"reject-template": _template().pk},
        lambda p: p.status == Status.HIDDEN and "another category" in p.moderator_note,
    ),
    "hide": (lambda c: {}, lambda p: p.status == Status.HIDDEN),
    "edit": (
        lambda c: {"edit-body": "A kinder version of my words"},
        lambda p: p.status == Status.APPROVED and p.body == "A kinder version of my words",
    ),
    "redact": (
        lambda c: {"redact-remove": ["0"], "redact-reason": "Your number was visible"},
        lambda p: (
            p.status == Status.APPROVED
            and "07700 900123" not in p.body
            and "[removed to keep you safe]" in p.body
        ),
    ),
    "move": (
        lambda c: {"move-category": c["elsewhere"].pk},
        lambda p: Topic.objects.get(pk=p.topic_id).category_id == p._elsewhere,
    ),
    "lock": (lambda c: {}, lambda p: Topic.objects.get(pk=p.topic_id).is_locked),
    "warn": (
        lambda c: {"warn-message": "Please keep to the guidelines"},
        lambda p: Notice.objects.filter(recipient=p.author, kind="warning").exists(),
    ),
    "suspend": (
        lambda c: {"suspend-days": "7", "suspend-reason": "Cool off"},
        lambda p: User.objects.get(pk=p.author_id).posting_paused == "suspended",
    ),
    "ban": (
        lambda c: {"ban-reason": "Threats"},
        lambda p: User.objects.get(pk=p.author_id).posting_paused == "banned",
    ),
}


@pytest.mark.parametrize("action", sorted(ITEM_ACTIONS))
@pytest.mark.parametrize("who", ["moderator", "member", "editor", "anonymous"])
def test_item_action_passes_for_moderators_and_fails_for_everyone_else(
    checked, member, other_member, moderator, editor, elsewhere, action, who
):
    post = waiting_post(checked, member, "Ring me on 07700 900123 if you can help")
    fields, done = ITEM_ACTIONS[action]
    actor = {"moderator": moderator, "member": other_member, "editor": editor, "anonymous": None}
    response = client_for(actor[who]).post(
        f"/moderation/item/{post.pk}/", {"action": action, **fields({"elsewhere": elsewhere})}
    )
    post = Post.objects.get(pk=post.pk)
    post._elsewhere = elsewhere.pk
    if who == "moderator":
        assert response.status_code == 302, response.content.decode()[-2000:]
        assert done(post)
        assert AuditEntry.objects.filter(actor=moderator).count() == 1
    elif who == "anonymous":  # asked to sign in first
        assert response.status_code == 302
        assert response["Location"] == f"/account/login/?next=/moderation/item/{post.pk}/"
    else:  # signed in, not a moderator: as if there were no such page
        assert response.status_code == 404
    if who != "moderator":
        assert not done(post)
        assert not AuditEntry.objects.exists()


def test_a_bad_form_comes_back_filled_in_and_changes_nothing(checked, member, moderator):
    post = waiting_post(checked, member, "Ring me on 07700 900123")
    response = client_for(moderator).post(
        f"/moderation/item/{post.pk}/",
        {"action": "redact", "redact-extra": "words not in the post", "redact-reason": "why"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "These words are not in the post" in html
    assert "words not in the post</textarea>" in html
    assert Post.objects.get(pk=post.pk).body == "Ring me on 07700 900123"
    assert not AuditEntry.objects.exists()


def test_members_cannot_be_sanctioned_through_an_anonymous_post(checked, member, moderator):
    post = waiting_post(checked, member, "Something worrying", anonymous=True)
    page = client_for(moderator).get(f"/moderation/item/{post.pk}/").content.decode()
    assert "Send warning" not in page and member.public_name not in page
    response = client_for(moderator).post(
        f"/moderation/item/{post.pk}/", {"action": "ban", "ban-reason": "x"}
    )
    assert response.status_code == 403
    assert User.objects.get(pk=member.pk).posting_paused == ""


def test_moderators_cannot_sanction_other_moderators(moderator, second_moderator):
    with pytest.raises(PermissionDenied):
        services.member_ban(member=second_moderator, reason="x", acting_user=moderator)
    assert User.objects.get(pk=second_moderator.pk).posting_paused == ""


def test_bulk_actions_work_without_javascript(checked, member, moderator, elsewhere):
    posts = [waiting_post(checked, member, f"Question number {n}") for n in range(4)]
    client = client_for(moderator)
    client.post(
        "/moderation/",
        {
            "posts": [p.pk for p in posts[:2]],
            "bulk_action": "reject",
            "template": _template().pk,
            "reason": "off topic",
            "bulk": "1",
        },
    )
    client.post(
        "/moderation/",
        {
            "posts": [p.pk for p in posts[2:]],
            "bulk_action": "move",
            "category": elsewhere.pk,
            "bulk": "1",
        },
    )
    statuses = [Post.objects.get(pk=p.pk).status for p in posts]
    assert statuses[:2] == [Status.HIDDEN, Status.HIDDEN]
    assert {Topic.objects.get(pk=p.topic_id).category_id for p in posts[2:]} == {elsewhere.pk}
    assert AuditEntry.objects.filter(action="post_rejected", reason="off topic").count() == 2
    assert AuditEntry.objects.filter(action="topic_moved").count() == 2
    # Pressing Enter in a text box submits the form without an action button: nothing happens.
    client.post("/moderation/", {"posts": [posts[2].pk], "reason": "x", "noop": "1"})
    assert AuditEntry.objects.count() == 4


def test_one_click_decisions_in_the_queue(checked, member, moderator):
    first = waiting_post(checked, member, "First question")
    second = waiting_post(checked, member, "Second question")
    client = client_for(moderator)
    client.post("/moderation/", {"item_action": f"approve:{first.pk}"})
    client.post(
        "/moderation/",
        {
            "item_action": f"reject:{second.pk}",
            f"template-{second.pk}": _template().pk,
            f"reason-{second.pk}": "wrong forum",
        },
    )
    assert Post.objects.get(pk=first.pk).status == Status.APPROVED
    assert Post.objects.get(pk=second.pk).status == Status.HIDDEN
    entry = AuditEntry.objects.get(action="post_rejected")
    assert entry.reason == "wrong forum"
    assert Notice.objects.get(recipient=member, kind="rejection").text == _template().message


def test_a_claimed_item_is_refused_to_another_moderator_until_the_claim_expires(
    checked, member, moderator, second_moderator
):
    post = waiting_post(checked, member, "Claim me")
    mine = client_for(moderator)
    mine.post("/moderation/", {"item_action": f"claim:{post.pk}"})
    claim = Claim.objects.get(post=post)
    assert claim.moderator == moderator
    assert timezone.now() + datetime.timedelta(minutes=14) < claim.expires_at
    theirs = client_for(second_moderator)
    queue_page = theirs.get("/moderation/").content.decode()
    assert "Moderator Mo is working on this until" in queue_page
    refused = theirs.post("/moderation/", {"item_action": f"approve:{post.pk}"}, follow=True)
    assert "Moderator Mo is working on this post until" in refused.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    refused_bulk = theirs.post(
        "/moderation/",
        {"posts": [post.pk], "bulk_action": "approve", "bulk": "1"},
        follow=True,
    )
    assert "Please leave it to them" in refused_bulk.content.decode()
    assert Post.objects.get(pk=post.pk).status == Status.PENDING
    # Claims expire: fifteen minutes later the other moderator may act.
    Claim.objects.filter(pk=claim.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    theirs.post("/moderation/", {"item_action": f"approve:{post.pk}"})
    assert Post.objects.get(pk=post.pk).status == Status.APPROVED
    assert not Claim.objects.exists()


@override_settings(MODERATION_CLAIM_MINUTES=2)
def test_the_claim_length_is_a_setting(checked, member, moderator, second_moderator):
    post = waiting_post(checked, member, "Claim me briefly")
    claim = services.claim_take(post=post, acting_user=moderator)
    assert claim.expires_at < timezone.now() + datetime.timedelta(minutes=2, seconds=5)
    with pytest.raises(services.ClaimedElsewhere):
        services.claim_take(post=post, acting_user=second_moderator)
    # The same moderator renews their own claim.
    services.claim_take(post=post, acting_user=moderator)
    services.claim_release(post=post, acting_user=moderator)
    services.claim_take(post=post, acting_user=second_moderator)


def test_a_suspended_member_cannot_post_and_is_told_kindly_until_it_ends(
    open_category, topic, member, moderator
):
    services.member_suspend(member=member, days=3, reason="Please cool off", acting_user=moderator)
    client = client_for(member)
    response = client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Still here"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "A moderator has paused your posting until" in html and "Please cool off" in html
    assert Post.objects.filter(topic=topic).count() == 1
    # When the suspension ends, posting works again without anyone doing anything.
    User.objects.filter(pk=member.pk).update(
        posting_paused_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Back again"))
    assert Post.objects.filter(topic=topic).count() == 2


def test_a_banned_member_cannot_post_until_a_moderator_lifts_it(
    open_category, topic, member, moderator
):
    services.member_ban(member=member, reason="Threats to others", acting_user=moderator)
    client = client_for(member)
    page = client.get(f"/forums/t/{topic.pk}/reply/").content.decode()
    assert "stopped this account from posting" in page
    client_for(moderator).post(f"/moderation/member/{member.pk}/", {"action": "restore"})
    client.post(f"/forums/t/{topic.pk}/reply/", form_data(body="Thank you"))
    assert Post.objects.filter(topic=topic).count() == 2
    assert AuditEntry.objects.filter(action="member_restored").count() == 1


def test_viewing_a_members_history_is_logged_each_time(member, moderator):
    client = client_for(moderator)
    client.get(f"/moderation/member/{member.pk}/")
    client.get(f"/moderation/member/{member.pk}/")
    assert (
        AuditEntry.objects.filter(action="member_history_viewed", target_id=member.pk).count() == 2
    )
    assert client_for(member).get(f"/moderation/member/{member.pk}/").status_code == 404
    assert AuditEntry.objects.count() == 2


def test_revealing_an_anonymous_author_needs_a_reason_and_the_right_role(
    checked, member, moderator, safeguarding_lead
):
    post = waiting_post(checked, member, "A quiet worry", anonymous=True)
    url = f"/moderation/item/{post.pk}/reveal/"
    assert client_for(moderator).post(url, {"reason": "curious"}).status_code == 403
    lead = client_for(safeguarding_lead)
    assert "Reveal who wrote it" in lead.get(f"/moderation/item/{post.pk}/").content.decode()
    no_reason = lead.post(url, {"reason": ""}, follow=True).content.decode()
    assert "Please say why" in no_reason and "It was written by" not in no_reason
    shown = lead.post(url, {"reason": "Danger report; police asked"}).content.decode()
    assert f"It was written by River (account {member.pk})" in shown
    entry = AuditEntry.objects.get()
    assert entry.action == "anonymous_author_revealed" and entry.actor == safeguarding_lead
    assert entry.reason == "Danger report; police asked"


def test_rejection_messages_are_editable_by_editors_in_the_admin(client, editor):
    client.force_login(editor)
    template = _template()
    response = client.post(
        f"/admin/snippets/moderation/rejectiontemplate/edit/{template.pk}/",
        {
            "title": "Wrong place",
            "message": "This belongs in another forum; please post it there.",
            "sort_order": 2,
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert RejectionTemplate.objects.get(pk=template.pk).message.startswith("This belongs")


def test_a_refused_bulk_form_comes_back_as_it_was_sent(checked, member, moderator):
    posts = [waiting_post(checked, member, f"Question number {n}") for n in range(2)]
    response = client_for(moderator).post(
        "/moderation/",
        {"posts": [posts[1].pk], "bulk_action": "reject", "reason": "off topic", "bulk": "1"},
    )
    html = response.content.decode()
    assert "Please choose the message the writer will see" in html
    assert f'value="{posts[1].pk}" id="pick-{posts[1].pk}" checked' in html
    assert f'value="{posts[0].pk}" id="pick-{posts[0].pk}">' in html
    assert '<option value="reject" selected>' in html
    assert 'value="off topic"' in html
    assert {Post.objects.get(pk=p.pk).status for p in posts} == {Status.PENDING}
