"""Editors and administrators read and answer feedback."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="feedback")
    permissions = [
        Permission.objects.get_or_create(
            codename=codename, content_type=content_type, defaults={"name": name}
        )[0]
        for codename, name in [
            ("view_feedback", "Can view feedback"),
            ("change_feedback", "Can change feedback"),
        ]
    ]
    for group in Group.objects.filter(name__in=["Editors", "Administrators"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_feedback_page_and_items"), ("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
