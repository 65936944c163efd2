"""What restore_site and backup_site refuse before they touch anything (the drill itself, with a
real site, is in test_backup_drill.py)."""

import hashlib
import io
import json
import re
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from mscos.core import backups
from mscos.core.backups import restore


def a_backup(folder, *, media: dict[str, bytes], engine: str = "sqlite") -> dict:
    """A backup folder as backup_site writes it, with the given media files."""
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"not really a database")
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        for name, content in media.items():
            member = tarfile.TarInfo(name)
            member.size = len(content)
            archive.addfile(member, io.BytesIO(content))
    manifest = {
        "format": backups.FORMAT,
        "created_at": "2026-01-01T00:00:00+00:00",
        "engine": engine,
        "database": {
            "file": "database.sqlite3",
            "sha256": hashlib.sha256((folder / "database.sqlite3").read_bytes()).hexdigest(),
        },
        "tables": {},
        "media": {
            "archive": "media.tar.gz",
            "sha256": hashlib.sha256((folder / "media.tar.gz").read_bytes()).hexdigest(),
            "count": len(media),
            "files": {
                name: {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
                for name, content in media.items()
            },
        },
        "secret_key": False,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    return manifest


def test_a_backup_whose_making_did_not_finish_is_refused(tmp_path):
    backup = tmp_path / "backup"
    a_backup(backup, media={})
    (backup / "manifest.json").unlink()
    with pytest.raises(CommandError, match="it is not a backup, or its making did not finish"):
        call_command("restore_site", "--from", str(backup))


def test_a_damaged_database_copy_is_refused_before_anything_changes(tmp_path):
    backup = tmp_path / "backup"
    a_backup(backup, media={})
    with (backup / "database.sqlite3").open("ab") as copy:
        copy.write(b"one flipped bit")
    with pytest.raises(CommandError) as refused:
        call_command("restore_site", "--from", str(backup))
    assert str(refused.value) == (
        "database.sqlite3 does not match its checksum in the manifest: the backup is damaged."
    )


def test_a_backup_of_another_engine_is_refused(tmp_path):
    backup = tmp_path / "backup"
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    a_backup(backup, media={}, engine=other)
    with pytest.raises(CommandError, match="restore it on a site that uses"):
        call_command("restore_site", "--from", str(backup))


def test_backing_up_into_a_folder_that_holds_files_is_refused_and_leaves_them(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="is not an empty folder; choose a new one"):
        call_command("backup_site", "--to", str(tmp_path))
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_an_archive_naming_a_file_outside_the_media_folder_writes_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    backup = tmp_path / "backup"
    a_backup(backup, media={"../escaped.txt": b"outside"})
    with pytest.raises(
        backups.BackupError, match=re.escape("outside the media folder: ../escaped.txt")
    ):
        restore._restore_media(backup / "media.tar.gz", replace=False)
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "media").exists()
