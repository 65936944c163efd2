"""What making and restoring a backup share: the names in a backup folder, counting rows,
listing the media storage, and running PostgreSQL's client programs."""

import hashlib
import os
import shutil

# pg_dump and pg_restore, run with argument lists, never through a shell.
import subprocess  # nosec B404
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.files.storage import Storage, storages
from django.db import connections
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_COPY = "database.sqlite3"
POSTGRES_DUMP = "database.pgdump"
MEDIA_ARCHIVE = "media.tar.gz"
SECRET_KEY_COPY = "secret_key"  # noqa: S105 # a file name # nosec B105
ENGINES = {"sqlite": "django.db.backends.sqlite3", "postgresql": "django.db.backends.postgresql"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """Something an operator must put right; the message says what, and nothing was changed."""


def engine(using: str) -> str:
    vendor = connections[using].vendor
    if vendor not in ENGINES:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}
        )
    return vendor


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [row[0] for row in cursor.fetchall()]


def table_names(using: str) -> list[str]:
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            return sqlite_tables(cursor)
        return sorted(connection.introspection.table_names(cursor))


def count_rows(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        # A table's own name, from the database's catalogue.
        cursor.execute(f"SELECT count(*) FROM {quote_name(table)}")  # noqa: S608 # nosec B608
        counts[table] = cursor.fetchone()[0]
    return counts


def media_storage() -> Storage:
    return storages["default"]


def media_names(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a site that has never stored a file has no media folder yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from media_names(storage, f"{folder}/{name}" if folder else name)


def postgres_environment(using: str) -> dict[str, str]:
    """libpq's variables for the site's database: the password never goes on a command line."""
    database = connections[using].settings_dict
    variables = {
        "PGDATABASE": database["NAME"],
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
    }
    options = database.get("OPTIONS") or {}
    for option, variable in [("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")]:
        variables[variable] = options.get(option)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment.update({key: str(value) for key, value in variables.items() if value})
    return environment


def postgres_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            _(
                "%(tool)s was not found. Install PostgreSQL's client programs "
                "(on Debian, the postgresql-client package)."
            )
            % {"tool": name}
        )
    return found


def run_postgres_tool(arguments: list[str], using: str) -> None:
    result = subprocess.run(  # noqa: S603 # nosec B603
        arguments,
        env=postgres_environment(using),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(output)s")
            % {"tool": Path(arguments[0]).name, "output": (result.stderr or result.stdout).strip()}
        )
