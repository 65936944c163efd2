"""Safeguarding phrases that mark a post urgent; moderators edit the list in the admin."""

from django.db import migrations

# First-person phrases that suggest someone is in danger now or may harm themselves.
URGENT_PHRASES = [
    "i am in danger",
    "i'm in danger",
    "i am not safe",
    "i'm not safe",
    "going to kill me",
    "will kill me",
    "threatened to kill me",
    "kill myself",
    "want to die",
    "end my life",
    "hurt myself",
    "help me now",
    "please help me",
    "he is coming",
    "they are coming",
    "locked me in",
    "took my passport",
    "not allowed to leave",
    "can't escape",
    "cannot escape",
]


def seed(apps, schema_editor):
    WatchedWord = apps.get_model("moderation", "WatchedWord")
    for phrase in URGENT_PHRASES:
        WatchedWord.objects.get_or_create(phrase=phrase, action="urgent")


def unseed(apps, schema_editor):
    apps.get_model("moderation", "WatchedWord").objects.filter(
        phrase__in=URGENT_PHRASES, action="urgent"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("moderation", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
