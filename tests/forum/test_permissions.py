"""Every forum action, tried by a guest, a member, the author, a moderator and an administrator."""

import pytest
from django.test import Client

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.forum import permissions, services
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.moderation.models import AuditEntry
from tests.conftest import with_role, with_two_factor
from tests.forum.conftest import form_data

ROLES = ["guest", "member", "author", "moderator", "admin"]


@pytest.fixture
def people(db, member, other_member, moderator, admin_user):
    return {
        "guest": None,
        "member": other_member,
        "author": member,
        "moderator": moderator,
        "admin": admin_user,
    }


@pytest.fixture
def authored(open_category, member):
    topic, post, _ = services.topic_create(
        category=open_category, title="Authored topic", body="By the author", acting_user=member
    )
    return topic, post


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def outcome(people, attempt) -> dict[str, bool]:
    return {role: attempt(role, user) for role, user in people.items()}


def test_edit_passes_only_for_the_author(people, authored):
    _topic, post = authored

    def attempt(role, user):
        client_for(user).post(
            f"/forums/p/{post.pk}/edit/", {"body": f"by {role}", "content_note": ""}
        )
        return Post.objects.get(pk=post.pk).body == f"by {role}"

    assert outcome(people, attempt) == {**dict.fromkeys(ROLES, False), "author": True}


def test_delete_passes_only_for_the_author(people, authored, open_category):
    results = {}
    for role, user in people.items():
        _topic, post, _ = services.topic_create(
            category=open_category,
            title=f"To delete {role}",
            body="x",
            acting_user=people["author"],
        )
        client_for(user).post(f"/forums/p/{post.pk}/delete/")
        results[role] = Post.objects.get(pk=post.pk).status == Status.DELETED
    assert results == {**dict.fromkeys(ROLES, False), "author": True}


@pytest.mark.parametrize("action", ["approve", "hide"])
def test_post_moderation_passes_only_for_moderators_and_admins(people, checked_category, action):
    results = {}
    for role, user in people.items():
        _topic, post, _ = services.topic_create(
            category=checked_category,
            title=f"Pending {role}",
            body="x",
            acting_user=people["author"],
        )
        if action == "hide":
            services.post_approve(post=post, acting_user=people["moderator"])
        client_for(user).post(f"/forums/p/{post.pk}/moderate/", {"action": action})
        expected = Status.APPROVED if action == "approve" else Status.HIDDEN
        results[role] = Post.objects.get(pk=post.pk).status == expected
    assert results == {**dict.fromkeys(ROLES, False), "moderator": True, "admin": True}


@pytest.mark.parametrize("action,field", [("lock", "is_locked"), ("pin", "is_pinned")])
def test_topic_flags_pass_only_for_moderators_and_admins(people, authored, action, field):
    topic, _post = authored
    results = {}
    for role, user in people.items():
        Topic.objects.filter(pk=topic.pk).update(is_locked=False, is_pinned=False)
        client_for(user).post(f"/forums/t/{topic.pk}/moderate/", {"action": action})
        results[role] = getattr(Topic.objects.get(pk=topic.pk), field)
    assert results == {**dict.fromkeys(ROLES, False), "moderator": True, "admin": True}


def test_move_passes_only_for_moderators_and_admins(people, checked_category, open_category):
    results = {}
    for role, user in people.items():
        topic, _post, _ = services.topic_create(
            category=open_category, title=f"To move {role}", body="x", acting_user=people["author"]
        )
        client_for(user).post(
            f"/forums/t/{topic.pk}/moderate/", {"action": "move", "category": checked_category.pk}
        )
        results[role] = Topic.objects.get(pk=topic.pk).category_id == checked_category.pk
    assert results == {**dict.fromkeys(ROLES, False), "moderator": True, "admin": True}


def test_reveal_passes_only_for_safeguarding_and_is_logged(people, open_category, member, db):
    _topic, post = services.topic_create(
        category=open_category, title="Anon", body="x", acting_user=member, anonymous=True
    )[:2]
    lead = with_two_factor(
        with_role(
            User.objects.create_user(username="lead", password="pw-long-enough-1"),
            roles.SAFEGUARDING,
        )
    )
    cast = {**people, "safeguarding lead": lead}
    results = {}
    for role, user in cast.items():
        response = client_for(user).post(
            f"/forums/p/{post.pk}/moderate/",
            {"action": "reveal", "reason": "Reported as in danger; police asked"},
            follow=True,
        )
        results[role] = "was written by River" in response.content.decode()
    assert results == {**dict.fromkeys(cast, False), "safeguarding lead": True, "admin": True}
    entries = AuditEntry.objects.filter(action="anonymous_author_revealed")
    assert sorted(entry.actor_id for entry in entries) == sorted([lead.pk, people["admin"].pk])
    assert {entry.reason for entry in entries} == {"Reported as in danger; police asked"}


def test_reply_passes_for_members_and_goes_to_review_for_guests(people, authored):
    topic, _post = authored
    results = {}
    for role, user in people.items():
        client = client_for(user)
        client.post(
            f"/forums/t/{topic.pk}/reply/", form_data(body=f"Reply by {role}", understood="on")
        )
        post = Post.objects.filter(body=f"Reply by {role}").first()
        results[role] = post.status if post else None
    assert results == {
        "guest": Status.PENDING,
        "member": Status.APPROVED,
        "author": Status.APPROVED,
        "moderator": Status.APPROVED,
        "admin": Status.APPROVED,
    }


def test_staff_only_category_refuses_members(people, db):
    category = ForumCategory.objects.create(
        name="Staff room", slug="staff-room", read_access="staff", post_access="staff"
    )
    results = {
        role: permissions.can_post_in_category(user or _anonymous(), category)
        for role, user in people.items()
    }
    assert results == {**dict.fromkeys(ROLES, False), "moderator": True, "admin": True}


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
