"""Editors and administrators organise events: they may see and manage registrations."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="eventpage")
    permission, _ = Permission.objects.get_or_create(
        codename="manage_registrations",
        content_type=content_type,
        defaults={"name": "Can see and manage event registrations"},
    )
    for group in Group.objects.filter(name__in=["Editors", "Administrators"]):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_pages_registrations_invitations"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
