"""Re-encrypts every note under the newest key in MEASUREMENT_NOTE_KEYS (docs/measurement.md)."""

from django.core.management.base import BaseCommand

from mscos.measurement import services


class Command(BaseCommand):
    help = (
        "Re-encrypt every measurement note with the newest key. Put the new key first in "
        "MEASUREMENT_NOTE_KEYS, keep the old ones after it, run this, then remove the old ones."
    )

    def handle(self, *args, **options):
        count = services.note_keys_rotate()
        self.stdout.write(f"Re-encrypted {count} notes with the newest key.")
