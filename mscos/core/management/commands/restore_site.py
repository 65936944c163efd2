"""`manage.py restore_site --from FOLDER`: puts a backup made by backup_site in place and checks
every table's rows and every media file against its manifest (mscos/core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mscos.core import backups
from mscos.core.media_files import MediaStorageUnavailable


class Command(BaseCommand):
    help = "Restore a backup into an empty site, then check it against the backup's manifest."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="folder", required=True, type=Path, help="The backup.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite the database and media this site already has.",
        )
        parser.add_argument(
            "--with-secret-key",
            action="store_true",
            help="Also put the backup's secret key in VAR_DIR/secret_key.",
        )

    def handle(self, *args, **options):
        folder = options["folder"].resolve()
        try:
            manifest = backups.backup_restore(
                folder=folder,
                replace=options["replace"],
                with_secret_key=options["with_secret_key"],
            )
        except (backups.BackupError, MediaStorageUnavailable) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored the backup of %(created)s: %(rows)d rows in %(tables)d tables and "
                    "%(files)d media files, each checked against the manifest."
                )
                % {
                    "created": manifest["created_at"],
                    "rows": sum(manifest["tables"].values()),
                    "tables": len(manifest["tables"]),
                    "files": manifest["media"]["count"],
                }
            )
        )
