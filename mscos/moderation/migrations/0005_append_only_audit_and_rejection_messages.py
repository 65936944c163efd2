"""The audit log refuses UPDATE (and, on PostgreSQL, DELETE) in the database itself; the first
rejection messages; moderators and editors may change rejection messages in the admin."""

from django.db import migrations

MESSAGES = [
    (
        "Identifies someone",
        "It contained details that could identify someone. Please post again without them.",
    ),
    ("Could hurt others", "It could hurt or upset others here. Please see the posting guidelines."),
    (
        "Wrong place",
        "It did not fit this forum. You are welcome to post it in another category.",
    ),
    ("Advertising", "It looked like advertising or spam."),
    (
        "Needs more care",
        "It described harm in a lot of detail. Please post again with a content note and less"
        " detail, so others can choose whether to read it.",
    ),
]

SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS moderation_auditentry_no_update
BEFORE UPDATE ON moderation_auditentry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
# SQLite's test flush empties tables with DELETE, so only PostgreSQL refuses DELETE too
# (its flush uses TRUNCATE, which row triggers do not see).
POSTGRES_TRIGGER = """
CREATE OR REPLACE FUNCTION moderation_auditentry_refuse() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS moderation_auditentry_append_only ON moderation_auditentry;
CREATE TRIGGER moderation_auditentry_append_only
BEFORE UPDATE OR DELETE ON moderation_auditentry
FOR EACH ROW EXECUTE FUNCTION moderation_auditentry_refuse();
"""


def add_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGER)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS moderation_auditentry_no_update")
    elif vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS moderation_auditentry_append_only ON moderation_auditentry"
        )


def seed(apps, schema_editor):
    RejectionTemplate = apps.get_model("moderation", "RejectionTemplate")
    for order, (title, message) in enumerate(MESSAGES):
        RejectionTemplate.objects.get_or_create(
            title=title, defaults={"message": message, "sort_order": order}
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="moderation", model="rejectiontemplate"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{verb}_rejectiontemplate",
            defaults={"name": f"Can {verb} rejection message"},
        )[0]
        for verb in ("add", "change", "delete", "view")
    ]
    for name in ("Forum moderators", "Safeguarding leads", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        for name in ("Forum moderators", "Safeguarding leads"):
            Group.objects.get(name=name).permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0004_audit_log_claims_duty_notices"),
        ("accounts", "0004_posting_pause"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(add_triggers, drop_triggers),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
