"""Creates the role groups and gives moderators the badge-review permission."""

from django.db import migrations

ROLES = ["Members", "Forum moderators", "Editors", "Administrators"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="badgerequest")
    permission, _ = Permission.objects.get_or_create(
        codename="review_badgerequest",
        content_type=content_type,
        defaults={"name": "Can grant or decline badge requests"},
    )
    for name in ["Forum moderators", "Administrators"]:
        Group.objects.get(name=name).permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_membership"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
