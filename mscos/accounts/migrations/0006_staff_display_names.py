"""Staff accounts made before the admin asked for a display name get one, so claims, the queue
and the audit log never say "Member" for a moderator: their first name if the admin has one,
else their sign-in name. Each can change it on their account page or in the admin."""

from django.db import migrations
from django.db.models import Q

# As in mscos/accounts/roles.py (STAFF_ROLES, and Wagtail's "Page publishers" group) at the
# time of writing; a migration keeps its own copy.
STAFF_GROUPS = [
    "Forum moderators",
    "Editors",
    "Approvers",
    "Administrators",
    "Safeguarding leads",
    "Moderators",
    "Page publishers",
]
MAX_LENGTH = 60


def name_staff(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    staff = User.objects.filter(
        Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=STAFF_GROUPS),
        display_name="",
    ).distinct()
    for user in staff:
        name = " ".join((user.first_name or user.username).split())[:MAX_LENGTH]
        User.objects.filter(pk=user.pk).update(display_name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_user_on_probation_user_probation_lifted_at"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(name_staff, migrations.RunPython.noop)]
