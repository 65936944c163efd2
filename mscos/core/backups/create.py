"""Making a backup: the database copied at one consistent moment, then the media, then the
manifest that says what both hold."""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import connections, transaction
from django.utils.translation import gettext as _

from mscos.core.backups import common


class _Hashing:
    """A file being read into the archive, hashed on the way."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _sqlite_copy(using: str, target: Path) -> dict[str, int]:
    """An online copy of the live database, and the row counts of that copy."""
    name = str(connections[using].settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        raise common.BackupError(_("An in-memory database cannot be backed up."))
    timeout = float(settings.DATABASES[using].get("OPTIONS", {}).get("timeout", 30))
    with closing(sqlite3.connect(name, timeout=timeout)) as source:
        source.execute("VACUUM INTO ?", (str(target),))
    with closing(sqlite3.connect(f"file:{target}?mode=ro", uri=True)) as copy:
        cursor = copy.cursor()
        problems = cursor.execute("PRAGMA integrity_check").fetchall()
        if problems != [("ok",)]:
            raise common.BackupError(
                _("The copy of the database failed SQLite's integrity check: %(problems)s")
                % {"problems": "; ".join(str(row[0]) for row in problems[:5])}
            )
        return common.count_rows(cursor, common.sqlite_tables(cursor))


def _postgres_dump(using: str, target: Path) -> dict[str, int]:
    """pg_dump reads the very snapshot in which the rows are counted, however busy the site."""
    pg_dump = common.postgres_tool("pg_dump")
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = common.count_rows(cursor, sorted(connection.introspection.table_names(cursor)))
        command = [pg_dump, "--format=custom", "--no-password", f"--snapshot={snapshot}"]
        common.run_postgres_tool([*command, f"--file={target}"], using)
    return counts


def _archive_media(target: Path) -> dict[str, dict[str, Any]]:
    storage = common.media_storage()
    files = {}
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        for name in common.media_names(storage):
            member = tarfile.TarInfo(name)
            member.size = storage.size(name)
            member.mode = 0o644
            try:
                member.mtime = int(storage.get_modified_time(name).timestamp())
            except NotImplementedError:
                member.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
            with storage.open(name, "rb") as handle:
                reader = _Hashing(handle)
                archive.addfile(member, reader)
            files[name] = {"size": member.size, "sha256": reader.digest.hexdigest()}
    return files


def backup_create(
    *, folder: Path, include_secret_key: bool = False, using: str = "default"
) -> dict[str, Any]:
    """Writes a backup of the database and the media into `folder` (new, or empty); returns its
    manifest. A failed backup leaves no half-written folder behind."""
    engine = common.engine(using)
    secret_key = Path(settings.VAR_DIR) / "secret_key"
    if include_secret_key and not secret_key.is_file():
        raise common.BackupError(
            _("There is no %(path)s: this site's key comes from SECRET_KEY; keep that value apart.")
            % {"path": secret_key}
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise common.BackupError(
            _("%(folder)s is not an empty folder; choose a new one.") % {"folder": folder}
        )
    made = not folder.exists()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    created_at = datetime.datetime.now(datetime.UTC)
    try:
        database_file = folder / (
            common.SQLITE_COPY if engine == "sqlite" else common.POSTGRES_DUMP
        )
        if engine == "sqlite":
            tables = _sqlite_copy(using, database_file)
        else:
            tables = _postgres_dump(using, database_file)
        # After the database, so that every file the copy refers to is already in the storage.
        media = _archive_media(folder / common.MEDIA_ARCHIVE)
        manifest = {
            "format": common.FORMAT,
            "created_at": created_at.isoformat(),
            "finished_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "site_url": settings.SITE_URL,
            "engine": engine,
            "database": {"file": database_file.name, "sha256": common.sha256_of(database_file)},
            "tables": tables,
            "media": {
                "archive": common.MEDIA_ARCHIVE,
                "sha256": common.sha256_of(folder / common.MEDIA_ARCHIVE),
                "count": len(media),
                "files": media,
            },
            "secret_key": include_secret_key,
        }
        if include_secret_key:
            shutil.copyfile(secret_key, folder / common.SECRET_KEY_COPY)
        for path in folder.iterdir():
            os.chmod(path, 0o600)
        written = folder / f".{common.MANIFEST}.part"
        written.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        os.chmod(written, 0o600)
        written.replace(folder / common.MANIFEST)
    except BaseException:
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for path in folder.iterdir():
                path.unlink()
        raise
    return manifest
