"""Backups of the whole site, and restoring one: `manage.py backup_site` and `restore_site`.

A backup is a folder (readable by its owner only: it holds personal data) with

- the database: on SQLite an online copy made with `VACUUM INTO` (consistent, taken while the site
  reads and writes, checked with `PRAGMA integrity_check`); on PostgreSQL a `pg_dump` in custom
  format;
- `media.tar.gz`: every file in the media storage (uploads, documents, the picture sizes), read
  through the storage, so it works the same on local disk and on a bucket;
- `manifest.json`, written last (a folder without it is an unfinished backup): when, which engine,
  the number of rows in every table *in the same snapshot as the copy* (on PostgreSQL pg_dump
  reuses the snapshot exported by the transaction that counts), each media file's size and SHA-256,
  and the SHA-256 of the database copy and of the archive.

The secret key (VAR_DIR/secret_key) is left out unless asked for: it signs sessions and password
reset links, so whoever holds it and a backup could forge them; operators keep it apart.

Restoring checks the backup against its manifest, refuses a database that already has tables or a
media storage that already has files (unless `replace`), and changes nothing before those checks
pass. Afterwards it counts every table and reads back every media file, and says what differs.
"""

from mscos.core.backups.common import FORMAT, MANIFEST, BackupError
from mscos.core.backups.create import backup_create
from mscos.core.backups.restore import backup_compare, backup_read, backup_restore

__all__ = [
    "FORMAT",
    "MANIFEST",
    "BackupError",
    "backup_compare",
    "backup_create",
    "backup_read",
    "backup_restore",
]
