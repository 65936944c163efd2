"""Restoring a backup: checked against its manifest before anything changes, put in place,
then compared table by table and file by file."""

import hashlib
import json
import sqlite3
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mscos.core import page_cache
from mscos.core.backups import common


def backup_read(folder: Path) -> dict[str, Any]:
    """The backup's manifest, once every file it names is there and matches its checksum."""
    try:
        manifest = json.loads((folder / common.MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise common.BackupError(
            _("%(folder)s has no %(manifest)s: it is not a backup, or its making did not finish.")
            % {"folder": folder, "manifest": common.MANIFEST}
        ) from error
    except ValueError as error:
        raise common.BackupError(
            _("%(manifest)s is damaged: %(error)s") % {"manifest": common.MANIFEST, "error": error}
        ) from error
    if manifest.get("format") != common.FORMAT:
        raise common.BackupError(
            _("This backup is in format %(found)s; this version reads format %(expected)s.")
            % {"found": manifest.get("format"), "expected": common.FORMAT}
        )
    for name, expected in [
        (manifest["database"]["file"], manifest["database"]["sha256"]),
        (manifest["media"]["archive"], manifest["media"]["sha256"]),
    ]:
        path = folder / name
        if not path.is_file():
            raise common.BackupError(_("The backup is missing %(file)s.") % {"file": name})
        if common.sha256_of(path) != expected:
            raise common.BackupError(
                _("%(file)s does not match its checksum in the manifest: the backup is damaged.")
                % {"file": name}
            )
    return manifest


def _what_is_there(using: str) -> list[str]:
    """What a restore would overwrite: the database's tables and the storage's files."""
    found = []
    tables = common.table_names(using)
    if tables:
        found.append(
            ngettext(
                "the database has %(count)d table", "the database has %(count)d tables", len(tables)
            )
            % {"count": len(tables)}
        )
    media = sum(1 for _name in common.media_names(common.media_storage()))
    if media:
        found.append(
            ngettext(
                "the media storage has %(count)d file",
                "the media storage has %(count)d files",
                media,
            )
            % {"count": media}
        )
    return found


def _restore_sqlite(using: str, copy: Path) -> None:
    connection = connections[using]
    connection.close()
    target = Path(str(connection.settings_dict["NAME"]))
    target.parent.mkdir(parents=True, exist_ok=True)
    # SQLite's backup API replaces the target's every page under its own lock, WAL and all.
    with (
        closing(sqlite3.connect(f"file:{copy}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(target, timeout=30)) as destination,
    ):
        source.backup(destination)


def _restore_postgres(using: str, dump: Path, *, tables: list[str], replace: bool) -> None:
    pg_restore = common.postgres_tool("pg_restore")
    database = connections[using].settings_dict["NAME"]
    # One transaction: a restore that fails leaves the database as it was.
    command = [pg_restore, "--no-password", "--single-transaction", "--exit-on-error"]
    command += ["--no-owner", "--no-privileges", f"--dbname={database}"]
    if replace:
        command += ["--clean", "--if-exists"]
    common.run_postgres_tool([*command, str(dump)], using)
    connection = connections[using]
    with connection.cursor() as cursor:
        extra = sorted(set(connection.introspection.table_names(cursor)) - set(tables))
        if extra:  # tables the replaced site had and the backup has not
            cursor.execute(
                "DROP TABLE " + ", ".join(common.quote_name(name) for name in extra) + " CASCADE"
            )
        cursor.execute("ANALYZE")  # the planner needs the tables' sizes again


def _restore_media(archive_path: Path, *, replace: bool) -> None:
    storage = common.media_storage()
    if replace:
        for name in list(common.media_names(storage)):
            storage.delete(name)
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name
            if name.startswith("/") or ".." in name.split("/"):
                raise common.BackupError(
                    _("The archive names a file outside the media folder: %(name)s")
                    % {"name": name}
                )
            extracted = archive.extractfile(member)
            if extracted is None:  # not a regular file: nothing of the media
                continue
            with extracted:
                saved = storage.save(name, File(extracted, name=name))
            if saved != name:
                raise common.BackupError(
                    _("%(name)s was stored as %(saved)s.") % {"name": name, "saved": saved}
                )


def backup_compare(manifest: dict[str, Any], *, using: str = "default") -> list[str]:
    """How the site differs from the backup: rows per table, and every media file by checksum."""
    differences = []
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = (
            common.sqlite_tables(cursor)
            if connection.vendor == "sqlite"
            else sorted(connection.introspection.table_names(cursor))
        )
        counts = common.count_rows(cursor, tables)
    for table in sorted(set(counts) | set(manifest["tables"])):
        expected, found = manifest["tables"].get(table), counts.get(table)
        if expected != found:
            differences.append(
                _("table %(table)s: %(found)s rows, the backup had %(expected)s")
                % {"table": table, "found": found, "expected": expected}
            )
    storage = common.media_storage()
    names = set(common.media_names(storage))
    for name in sorted(names | set(manifest["media"]["files"])):
        expected_file = manifest["media"]["files"].get(name)
        if expected_file is None:
            differences.append(_("media file %(name)s is not in the backup") % {"name": name})
            continue
        if name not in names:
            differences.append(_("media file %(name)s is missing") % {"name": name})
            continue
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            while block := handle.read(common.CHUNK):
                digest.update(block)
        if digest.hexdigest() != expected_file["sha256"]:
            differences.append(_("media file %(name)s differs from the backup") % {"name": name})
    return differences


def backup_restore(
    *, folder: Path, replace: bool = False, with_secret_key: bool = False, using: str = "default"
) -> dict[str, Any]:
    """Puts the backup's database and media in place of an empty site (or, with `replace`, of
    this one), then checks the result against the manifest; returns the manifest."""
    manifest = backup_read(folder)
    engine = common.engine(using)
    if manifest["engine"] != engine:
        raise common.BackupError(
            _(
                "This is a backup of a %(backup)s database and this site uses %(site)s: "
                "restore it on a site that uses %(backup)s."
            )
            % {"backup": manifest["engine"], "site": engine}
        )
    secret_key = Path(settings.VAR_DIR) / "secret_key"
    if with_secret_key:
        if not manifest.get("secret_key"):
            raise common.BackupError(
                _("This backup holds no secret key (it was made without --include-secret-key).")
            )
        kept = (folder / common.SECRET_KEY_COPY).read_bytes()
        if secret_key.exists() and secret_key.read_bytes() != kept and not replace:
            raise common.BackupError(
                _(
                    "%(path)s holds another key. "
                    "Give --replace to put the backup's key in its place."
                )
                % {"path": secret_key}
            )
    if not replace and (found := _what_is_there(using)):
        raise common.BackupError(
            _(
                "Nothing was restored: %(found)s. "
                "Restore into an empty site, or give --replace to overwrite this one."
            )
            % {"found": "; ".join(found)}
        )
    database_file = folder / manifest["database"]["file"]
    if engine == "sqlite":
        _restore_sqlite(using, database_file)
    else:
        _restore_postgres(using, database_file, tables=list(manifest["tables"]), replace=replace)
    _restore_media(folder / manifest["media"]["archive"], replace=replace)
    if with_secret_key:
        secret_key.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkstemp(dir=secret_key.parent, prefix=".secret_key.")[1])
        temporary.write_bytes((folder / common.SECRET_KEY_COPY).read_bytes())
        temporary.replace(secret_key)  # mkstemp made it readable by its owner only
    page_cache.new_generation()  # no page kept from before the restore is served again
    differences = backup_compare(manifest, using=using)
    if differences:
        raise common.BackupError(
            _("The restored site differs from the backup: %(differences)s")
            % {"differences": "; ".join(differences)}
        )
    return manifest
