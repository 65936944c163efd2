from django.db import migrations

FIRST_TEXT = (
    "I would like the Community of Practice update by email. My address and the outcomes I "
    "choose are used only to send it; I can change them or stop at any time from a link in "
    "every email, and then only a scrambled form of my address is kept, so that it is not "
    "mailed again."
)


def add_first_consent_text(apps, schema_editor):
    ConsentText = apps.get_model("newsletter", "ConsentText")
    if not ConsentText.objects.exists():
        ConsentText.objects.create(version="2026-11", text=FIRST_TEXT)


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_subscribers_consent_deliveries")]

    operations = [migrations.RunPython(add_first_consent_text, migrations.RunPython.noop)]
