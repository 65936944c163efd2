"""`manage.py backup_site --to FOLDER`: the database and the media, with a manifest to check a
restore against (mscos/core/backups.py; docs/deploy.md, "Backups")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mscos.core import backups
from mscos.core.media_files import MediaStorageUnavailable


class Command(BaseCommand):
    help = "Back up the database and the media into a new folder, safely while the site runs."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path, help="A new or empty folder.")
        parser.add_argument(
            "--include-secret-key",
            action="store_true",
            help="Also copy VAR_DIR/secret_key (it signs sessions: better kept apart).",
        )

    def handle(self, *args, **options):
        folder = options["to"].resolve()
        try:
            manifest = backups.backup_create(
                folder=folder, include_secret_key=options["include_secret_key"]
            )
        except (backups.BackupError, MediaStorageUnavailable) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backed up %(rows)d rows in %(tables)d tables and %(files)d media files "
                    "to %(folder)s."
                )
                % {
                    "rows": sum(manifest["tables"].values()),
                    "tables": len(manifest["tables"]),
                    "files": manifest["media"]["count"],
                    "folder": folder,
                }
            )
        )
