"""Each staff group has one clear name, and the admin's Groups pages say what each may do."""

import pytest
from django.contrib.auth.models import Group

from mscos.accounts.roles import (
    APPROVER,
    EDITOR,
    MODERATOR,
    PAGE_PUBLISHER,
    ROLE_DESCRIPTIONS,
    SAFEGUARDING,
    WAGTAIL_MODERATORS,
)
from mscos.pages.editorial import ensure_editorial_setup

pytestmark = pytest.mark.django_db


def test_no_two_groups_read_as_moderators():
    names = list(Group.objects.values_list("name", flat=True))
    assert WAGTAIL_MODERATORS not in names  # Wagtail's page group, renamed after migrate
    assert PAGE_PUBLISHER in names
    assert [name for name in names if "oderator" in name] == [MODERATOR]
    assert len(set(ROLE_DESCRIPTIONS.values())) == len(ROLE_DESCRIPTIONS)


def test_renaming_keeps_members_and_is_safe_to_repeat(member):
    publishers = Group.objects.get(name=PAGE_PUBLISHER)
    publishers.name = WAGTAIL_MODERATORS
    publishers.save()
    member.groups.add(publishers)
    permissions = set(publishers.permissions.all())
    ensure_editorial_setup()
    ensure_editorial_setup()
    publishers.refresh_from_db()
    assert publishers.name == PAGE_PUBLISHER
    assert set(publishers.permissions.all()) == permissions
    assert member.groups.filter(pk=publishers.pk).exists()


def test_the_groups_pages_show_what_each_group_does(client, admin_user):
    client.force_login(admin_user)
    listing = client.get("/admin/groups/").text
    assert "What it does" in listing
    for name in (MODERATOR, SAFEGUARDING, EDITOR, APPROVER, PAGE_PUBLISHER):
        assert name in listing
    assert "cannot see who wrote an anonymous post" in listing
    approvers = Group.objects.get(name=APPROVER)
    edit = client.get(f"/admin/groups/edit/{approvers.pk}/").text
    assert "What this group may do" in edit and "Publish what editors submit" in edit
