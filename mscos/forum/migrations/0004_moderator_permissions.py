"""Moderators may moderate posts; only the Safeguarding leads group may reveal anonymous authors."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    post_type, _ = ContentType.objects.get_or_create(app_label="forum", model="post")
    moderate, _ = Permission.objects.get_or_create(
        codename="moderate_post",
        content_type=post_type,
        defaults={"name": "Can approve, hide and move forum posts and topics"},
    )
    reveal, _ = Permission.objects.get_or_create(
        codename="reveal_anonymous_author",
        content_type=post_type,
        defaults={"name": "Can see who wrote an anonymous post (safeguarding)"},
    )
    for name in ["Forum moderators", "Administrators"]:
        Group.objects.get_or_create(name=name)[0].permissions.add(moderate)
    safeguarding, _ = Group.objects.get_or_create(name="Safeguarding leads")
    safeguarding.permissions.add(moderate, reveal)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0003_topics_and_posts"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
