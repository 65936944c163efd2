"""`manage.py move_to_postgresql --to postgres://user@host:5432/name`: the site's SQLite database,
every table and row with its primary key, into an empty PostgreSQL database.

Run it with the site's own settings (the SQLite database it serves). It migrates the PostgreSQL
database, refuses one that already holds data, copies one consistent snapshot, rebuilds the search
index there and prints each table's row count on both sides. See `mscos/core/database_move.py`
for how and why (a table copy, not dumpdata/loaddata), and docs/deploy.md for the steps.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mscos.core import database_move as move
from mscos.core.media_files import MediaStorageUnavailable, media_on_local_disk


class Command(BaseCommand):
    help = "Copies this site's SQLite database into an empty PostgreSQL database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            required=True,
            metavar="URL",
            help="The PostgreSQL database, as postgres://user:password@host:5432/name.",
        )

    def handle(self, *args, **options):
        url = options["to"]
        shown = move.hide_password(url)
        try:
            with move.connections_for(url):
                self._move(url, shown, verbose=options["verbosity"] > 1)
        except (move.MoveError, MediaStorageUnavailable) as error:
            raise CommandError(str(error)) from error

    def _say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def _move(self, url: str, shown: str, *, verbose: bool) -> None:
        move.check_source_migrated()
        move.check_target_empty()
        self._say(
            _(
                "Copying %(source)s to %(target)s. The copy is one snapshot of the moment it "
                "starts: what the site writes after that is not in it. For the final run, stop "
                "the site's writes first (the site in maintenance or read-only, the task worker "
                "and the scheduler stopped)."
            )
            % {"source": settings.DATABASES["default"]["NAME"], "target": shown}
        )
        self._say(_("Creating the tables on PostgreSQL (migrate)…"))
        move.run_manage(url, "migrate", "--no-input", "--verbosity", "0")
        unexpected = move.tables_with_rows(move.SEEDED_BY_MIGRATIONS)
        if unexpected:  # a new migration that adds rows: SEEDED_BY_MIGRATIONS must name its table
            raise move.MoveError(
                _("migrate put rows in tables this command does not expect: %(tables)s")
                % {"tables": ", ".join(unexpected)}
            )
        call_command("createcachetable", database=move.TARGET, verbosity=0)

        tables = move.tables_to_copy()
        result = move.Result()
        self._say(_("Copying %(count)s tables…") % {"count": len(tables)})
        move.copy_tables(tables, result, progress=self._say if verbose else lambda name: None)
        move.analyse()
        self._say(_("Rebuilding the search index on PostgreSQL (update_index)…"))
        move.run_manage(url, "update_index")

        width = max(len(name) for name, _s, _t in result.counts)
        self._say("")
        self._say(f"{_('Table'):<{width}}  {_('SQLite'):>10}  {_('PostgreSQL'):>10}")
        for name, source, copied in result.counts:
            self._say(f"{name:<{width}}  {source:>10}  {copied:>10}")
        self._say("")
        self._say(
            _(
                "Every table has the same number of rows on both sides: %(rows)s rows in "
                "%(tables)s tables."
            )
            % {"rows": result.rows, "tables": len(result.counts)}
        )
        if media_on_local_disk():
            self._say(
                _(
                    "Media files were not moved: the site on PostgreSQL uses the same MEDIA_ROOT "
                    "(%(media)s). The database names %(files)s files there."
                )
                % {"media": settings.MEDIA_ROOT, "files": result.files_named}
            )
        else:
            self._say(
                _(
                    "Media files were not moved: the site on PostgreSQL uses the same bucket "
                    "(%(bucket)s). The database names %(files)s files there."
                )
                % {
                    "bucket": getattr(default_storage, "bucket_name", ""),
                    "files": result.files_named,
                }
            )
        if result.files_missing:
            self.stderr.write(
                _("These files are named by the database but missing already: %(names)s")
                % {"names": ", ".join(result.files_missing[:20])}
            )
        self._say(
            _(
                "Next: set DATABASE_URL=%(target)s for the site, the task worker and the "
                "scheduler, and restart them."
            )
            % {"target": shown}
        )
