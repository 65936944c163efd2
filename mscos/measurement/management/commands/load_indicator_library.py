"""Adds the first, draft indicator library (`measurement/library.py`) where it is missing."""

from django.core.management.base import BaseCommand

from mscos.measurement.library import library_load


class Command(BaseCommand):
    help = (
        "Load the draft indicator library for the core outcomes, in every site language "
        "(idempotent: indicators already there, edited or not, are left as they are)."
    )

    def handle(self, *args, **options):
        added = library_load()
        self.stdout.write(self.style.SUCCESS(f"{added} indicator copies added."))
