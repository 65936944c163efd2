"""Wagtail locales for every language the site speaks, so editors can translate pages into them."""

from django.db import migrations

CONTENT_LANGUAGES = ["ro", "sq", "ar"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_periodicjobrun"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
