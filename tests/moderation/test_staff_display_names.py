"""Every staff account has a display name, also those made before the admin asked for one, so the
claim banner and the audit log never call a moderator "Member"."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from mscos.accounts import roles
from mscos.accounts.models import User
from tests.conftest import with_two_factor
from tests.moderation.conftest import client_for, waiting_post

migration = importlib.import_module("mscos.accounts.migrations.0006_staff_display_names")


def _nameless(username: str, *, group: str = "", **fields) -> User:
    user = User.objects.create_user(username=username, password="a-long-pass-phrase", **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def test_staff_made_before_display_names_get_one_and_members_are_left_alone(
    checked, member, moderator
):
    old_moderator = with_two_factor(_nameless("kestrel7", group=roles.MODERATOR))
    old_editor = _nameless("ed.wards", group=roles.EDITOR, first_name="Eddie", last_name="Wards")
    old_admin = _nameless("root", is_superuser=True, is_staff=True)
    quiet_member = _nameless("quietone")

    migration.name_staff(apps, None)

    assert User.objects.get(pk=old_moderator.pk).display_name == "kestrel7"
    assert User.objects.get(pk=old_editor.pk).display_name == "Eddie"  # never the full name
    assert User.objects.get(pk=old_admin.pk).display_name == "root"
    assert User.objects.get(pk=quiet_member.pk).display_name == ""  # members choose their own
    assert User.objects.get(pk=moderator.pk).display_name == "Moderator Mo"  # kept as it was

    # The claim banner and the log name the moderator.
    post = waiting_post(checked, member, "Claim me please")
    client_for(old_moderator).post("/moderation/", {"item_action": f"claim:{post.pk}"})
    queue = client_for(moderator).get("/moderation/").content.decode()
    assert "kestrel7 is working on this until" in queue
    assert "Member is working on this" not in queue


def test_createsuperuser_asks_for_a_display_name(db):
    call_command(
        "createsuperuser",
        interactive=False,
        username="boss",
        email="boss@example.org",
        display_name="The boss",
        verbosity=0,
    )
    assert User.objects.get(username="boss").display_name == "The boss"
    assert "display_name" in User.REQUIRED_FIELDS
