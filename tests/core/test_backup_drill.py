# ruff: noqa: S603 (the commands are this project's own manage.py and Python)
"""The restore drill of docs/deploy.md ("Backups"), run for real on the engine the suite runs on
(SQLite, or PostgreSQL when DATABASE_URL points at it, as in CI's second pass).

A site of its own (its own VAR_DIR, and on PostgreSQL a scratch database) gets the demo and a new
forum post; it is backed up while another process keeps writing; a restore over the live site is
refused; then the database and the media are destroyed and the backup restored. Every table must
have the rows it had when the backup was taken (counted here, not only by the command), the posts
written during the backup must be there up to some point and none after it (one consistent
moment), every media file must be back byte for byte, and the home page, an outcome page and a
topic page must be what they were. Last, a restore with --replace over a site changed since puts
back exactly the backup.
"""

import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from tests.core.forum_writer import posts_written_meanwhile

REPO = Path(__file__).resolve().parents[2]
SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = SUITE_DATABASE.startswith(("postgres://", "postgresql://"))
SITE_URL = "http://127.0.0.1:8000"
DRILL_REPLY = "Drill reply number {}"

# The site as `make run` sets it up (in one process, to keep the drill short), and a new post.
SET_UP = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable")
call_command("load_demo", verbosity=0)

from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import Topic

public = {"status": "approved", "category__read_access": "everyone"}
topic = Topic.objects.filter(**public, category__post_access="members").order_by("pk")[0]
member = User.objects.create_user(username="drill", password="a-long-pass-phrase",
                                  display_name="Drill Member")
post, _token = services.post_create(
    topic=topic, acting_user=member,
    body="Checking in after the workshop: the notes on safe housing were a great help.",
)
services.post_approve_as_system(post=post, reason="restore drill")
quiet = Topic.objects.exclude(pk=topic.pk).order_by("pk")[0]
from mscos.outcomes.models import OutcomePage  # its demo picture, in sizes made when first shown
outcome = OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")
shown = {"topic": topic.get_absolute_url(), "outcome": outcome.url, "quiet_topic": quiet.pk}
print(json.dumps(shown))
"""

# Writes one reply at a time, each in its own transaction, until the stop file appears. They wait
# for a moderator, so they change no page a reader sees; their numbers show which writes the
# backup caught.
PAGES = """
import json, sys, django
django.setup()
from django.conf import settings
from django.test import Client, override_settings

# Static files straight from the source folders (no collectstatic for the drill).
plain = "django.contrib.staticfiles.storage.StaticFilesStorage"
client = Client(HTTP_HOST="127.0.0.1:8000")
pages = {}
with override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": plain}}):
    for path in sys.argv[1:]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        pages[path] = response.content.decode()
print(json.dumps(pages))
"""


def run(env: dict[str, str], *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *arguments], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def pages(env: dict[str, str], *paths: str) -> dict[str, str]:
    rendered = json.loads(run(env, "-c", PAGES, *paths).stdout)
    # What differs on every response by design: CSP nonces and form tokens.
    return {
        path: re.sub(r'(nonce|value)="[A-Za-z0-9+/=_-]{20,}"', r'\1="…"', html)
        for path, html in rendered.items()
    }


def media_files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class SqliteSite:
    """The site's database as `make run` has it: var/db.sqlite3."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{self.path}"

    def query(self, statement: str) -> list[tuple]:
        with closing(sqlite3.connect(self.path)) as db, db:
            return db.execute(statement).fetchall()

    def counts(self) -> dict[str, int]:
        tables = self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return {
            name: self.query(f"SELECT count(*) FROM {quoted(name)}")[0][0]  # noqa: S608
            for (name,) in tables
        }

    def destroy(self) -> None:
        for suffix in ["", "-wal", "-shm"]:
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def drop(self) -> None:
        pass


class PostgresSite:
    """A scratch database on the suite's PostgreSQL server, dropped at the end."""

    def __init__(self) -> None:
        server = dj_database_url.parse(SUITE_DATABASE)
        self.params = {
            "host": server["HOST"] or "127.0.0.1",
            "port": server["PORT"] or 5432,
            "user": server["USER"] or "postgres",
            "password": server["PASSWORD"] or None,
            "connect_timeout": 5,
        }
        self.name = f"mscos_backup_drill_{secrets.token_hex(6)}"
        login = quote(self.params["user"], safe="")
        if self.params["password"]:
            login += ":" + quote(self.params["password"], safe="")
        self.url = f"postgres://{login}@{self.params['host']}:{self.params['port']}/{self.name}"
        self.admin = psycopg.connect(dbname="postgres", autocommit=True, **self.params)
        self.admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def query(self, statement: str) -> list[tuple]:
        with psycopg.connect(dbname=self.name, **self.params) as db:
            cursor = db.execute(statement)
            return cursor.fetchall() if cursor.description else []

    def counts(self) -> dict[str, int]:
        tables = self.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {
            name: self.query(f"SELECT count(*) FROM {quoted(name)}")[0][0]  # noqa: S608
            for (name,) in tables
        }

    def destroy(self) -> None:
        name = sql.Identifier(self.name)
        self.admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))
        self.admin.execute(sql.SQL("CREATE DATABASE {}").format(name))

    def drop(self) -> None:
        name = sql.Identifier(self.name)
        self.admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        self.admin.close()


def require(tool: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (Debian: postgresql-client)."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " CI must run the PostgreSQL restore drill.")
        pytest.skip(message)


@pytest.fixture
def site(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    if ON_POSTGRES:
        for tool in ["pg_dump", "pg_restore"]:
            require(tool)
        database = PostgresSite()
    else:
        database = SqliteSite(var_dir / "db.sqlite3")
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="mscos.settings.dev",
        VAR_DIR=str(var_dir),
        DATABASE_URL=database.url,
        SITE_URL=SITE_URL,
    )
    try:
        yield env, var_dir, database
    finally:
        database.drop()


def test_back_up_while_writing_destroy_restore_and_the_site_is_as_it_was(site, tmp_path):
    env, var_dir, database = site
    added = json.loads(run(env, "-c", SET_UP).stdout.strip().splitlines()[-1])
    shown = ["/", added["topic"], added["outcome"]]
    before = pages(env, *shown)  # also makes the picture sizes the outcome page shows
    assert "the notes on safe housing were a great help" in before[added["topic"]]
    media_before = media_files(var_dir / "media")
    assert any(name.startswith("images/") for name in media_before)  # picture sizes
    assert any(name.startswith("documents/") for name in media_before)

    with posts_written_meanwhile(
        env, topic_id=added["quiet_topic"], reply=DRILL_REPLY, folder=tmp_path, pause=0.01
    ) as writer:
        backup = tmp_path / "backup"
        run(env, "manage.py", "backup_site", "--to", str(backup))
    written = writer.count

    manifest = json.loads((backup / "manifest.json").read_text())
    assert not (backup / "secret_key").exists()
    assert oct(backup.stat().st_mode & 0o777) == "0o700"

    # A restore over a site that has data is refused, and changes nothing.
    counts_live = database.counts()
    refused = run(env, "manage.py", "restore_site", "--from", str(backup), check=False)
    assert refused.returncode == 1
    assert "Nothing was restored: the database has" in refused.stderr
    assert database.counts() == counts_live
    assert media_files(var_dir / "media") == media_before

    database.destroy()
    shutil.rmtree(var_dir / "media")
    restored = run(env, "manage.py", "restore_site", "--from", str(backup))
    assert "each checked against the manifest" in restored.stdout

    counts_after = database.counts()
    assert counts_after == manifest["tables"]
    if not ON_POSTGRES:  # the copy itself, counted here
        assert counts_after == SqliteSite(backup / "database.sqlite3").counts()
    assert counts_after["forum_post"] < counts_live["forum_post"]  # the writer went on after it
    caught = sorted(
        int(body.rsplit(" ", 1)[1])
        for (body,) in database.query(
            "SELECT body FROM forum_post WHERE body LIKE 'Drill reply number %'"
        )
    )
    # One moment of the writer's work: every reply up to some number, and none after it.
    assert caught == list(range(1, len(caught) + 1))
    assert 3 <= len(caught) < written
    assert media_files(var_dir / "media") == media_before
    assert manifest["media"]["count"] == len(media_before)
    assert pages(env, *shown) == before

    # Over a site that has changed since, --replace puts back exactly the backup.
    database.query("DELETE FROM forum_post WHERE body LIKE 'Drill reply number %'")
    database.query("CREATE TABLE drill_leftover (number integer)")
    (var_dir / "media" / "documents" / "uploaded-since.txt").write_text("not in the backup")
    run(env, "manage.py", "restore_site", "--from", str(backup), "--replace")
    assert database.counts() == manifest["tables"]
    assert media_files(var_dir / "media") == media_before
