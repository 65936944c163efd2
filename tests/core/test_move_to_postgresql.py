# ruff: noqa: S603 (the commands are this project's own manage.py and Python)
"""`manage.py move_to_postgresql`, done for real, as docs/deploy.md tells an operator to.

A SQLite site of its own (its own VAR_DIR) gets the demo, a member's forum post and a confirmed
newsletter subscriber; it is moved into a scratch PostgreSQL database while another process keeps
writing to it. Every table must have the same rows on both sides (counted here, straight from
SQLite and PostgreSQL, not only by the command; the writer's posts up to one moment and none
after), every row read back through the models must be equal, and the site served on
PostgreSQL must show the same home page, outcome page and topic page, its pictures and its
search. Moving into a database that already holds data is refused and changes nothing.
"""

import json
import os
import re
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import dj_database_url
import psycopg
import pytest
from psycopg import sql

from tests.core.forum_writer import posts_written_meanwhile

REPO = Path(__file__).resolve().parents[2]
SUITE_DATABASE = os.environ.get("DATABASE_URL", "")
SERVER = (
    SUITE_DATABASE
    if SUITE_DATABASE.startswith(("postgres://", "postgresql://"))
    else "postgres://postgres@127.0.0.1:5432/postgres"
)
SITE_URL = "http://127.0.0.1:8000"
NEW_POST = "Moving day check: the housing advice thread helped me find a caseworker."
WRITER_REPLY = "Reply written during the move, number {}"
# Tables SQLite keeps for itself, its full-text indexes, the cache, and Wagtail's search index
# (other columns on PostgreSQL, rebuilt there): not rows of the site.
NOT_COPIED = re.compile(r"^(sqlite_.*|.*_fts(_.*)?|mscos_cache|wagtailsearch_indexentry)$")

SETUP = """
import json, sys, django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable", verbosity=0)
call_command("load_demo", verbosity=0)

from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import Topic
from mscos.newsletter import services as newsletter
from mscos.newsletter.models import Subscriber
from mscos.newsletter.selectors import current_consent_text

topic = Topic.objects.filter(status="approved", category__read_access="everyone").order_by("pk")[0]
member = User.objects.create_user(username="mover", password="a-long-pass-phrase",
                                  display_name="Moving Member")
post, _token = services.post_create(topic=topic, acting_user=member, body=sys.argv[1])
services.post_approve_as_system(post=post, reason="move test")
newsletter.request_subscription(email="reader@example.org", name="Reader",
                                consent_text_version=current_consent_text().version,
                                source="move test")
newsletter.confirm_subscription(subscriber=Subscriber.objects.get(email="reader@example.org"))
quiet = Topic.objects.exclude(pk=topic.pk).order_by("pk")[0]
print(json.dumps({"topic": topic.get_absolute_url(), "quiet_topic": quiet.pk}))
"""

# Writes one waiting reply at a time, each in its own transaction, until the stop file appears:
# they change no page a reader sees, and their numbers show which writes the copy caught.
PAGES = """
import json, re, sys, django
django.setup()
from django.test import Client
from mscos.outcomes.models import OutcomePage

# An outcome page with a picture in it, so its picture sizes are served too.
outcome = next(page for page in OutcomePage.objects.live().order_by("path")
               if any(block.block_type == "image" for block in page.body))
client = Client(HTTP_HOST="127.0.0.1:8000")
pages = {}
for path in ["/", outcome.get_url(), *sys.argv[1:]]:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    pages[path] = response.content.decode()
pictures = sorted({src for html in pages.values()
                   for src in re.findall(r'src="(/media/images/[^"]+)"', html)})
served = {src: client.get(src).status_code for src in pictures}
print(json.dumps({"pages": pages, "outcome": [outcome.get_url(), outcome.title],
                  "pictures": served}))
"""

# Every row of every copied table, read through the models from both databases.
COMPARE = """
import json, os, django
django.setup()
import dj_database_url
from django.apps import apps
from django.db import connections
from wagtail.blocks import StreamValue
from mscos.core.database_move import tables_to_copy

connections.settings["pg"] = connections.configure_settings(
    {"default": {}, "pg": dj_database_url.parse(os.environ["MOVED_TO"])})["pg"]

def plain(value):
    return value.get_prep_value() if isinstance(value, StreamValue) else value

report = {"tables": 0, "rows": 0, "differences": [], "only_in_sqlite": {}}
for table in tables_to_copy():
    manager = table.model._base_manager
    names = [f.attname for f in table.fields]
    pk = table.model._meta.pk.attname
    rows = {}
    for alias in ("default", "pg"):
        values = manager.using(alias).order_by().values_list(*names)
        rows[alias] = {row[names.index(pk)]: [plain(v) for v in row] for row in values}
    report["tables"] += 1
    report["rows"] += len(rows["pg"])
    missing = sorted(set(rows["default"]) - set(rows["pg"]))
    if missing:
        report["only_in_sqlite"][table.name] = [str(key) for key in missing]
    for key in set(rows["pg"]) - set(rows["default"]):
        report["differences"].append([table.name, str(key), "only on PostgreSQL"])
    for key in set(rows["pg"]) & set(rows["default"]):
        if rows["pg"][key] != rows["default"][key]:
            report["differences"].append([table.name, str(key)])
print(json.dumps(report))
"""


def run(env: dict[str, str], *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *arguments], cwd=REPO, env=env, capture_output=True, text=True, timeout=600
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def printed(result: subprocess.CompletedProcess):
    """What a script printed last, as JSON (commands it calls may print before it)."""
    return json.loads(result.stdout.strip().splitlines()[-1])


def shown(env: dict[str, str], *paths: str) -> dict:
    """The pages as a reader gets them, with their main content (CSP nonces and form tokens
    differ on every response by design)."""
    rendered = printed(run(env, "-c", PAGES, *paths))
    rendered["main"] = {
        path: re.sub(
            r'(nonce|value)="[A-Za-z0-9+/=_-]{20,}"',
            r'\1="…"',
            re.search(r"<main\b.*?</main>", html, re.S).group(0),
        )
        for path, html in rendered["pages"].items()
    }
    return rendered


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        names = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {
            name: db.execute(f"SELECT count(*) FROM {quoted(name)}").fetchone()[0]  # noqa: S608
            for (name,) in names
            if not NOT_COPIED.match(name)
        }


class ScratchDatabase:
    """An empty database of its own on the PostgreSQL server, dropped at the end."""

    def __init__(self) -> None:
        server = dj_database_url.parse(SERVER)
        self.params = {
            "host": server["HOST"] or "127.0.0.1",
            "port": server["PORT"] or 5432,
            "user": server["USER"] or "postgres",
            "password": server["PASSWORD"] or None,
            "connect_timeout": 5,
        }
        self.name = f"mscos_move_{secrets.token_hex(6)}"
        login = quote(self.params["user"], safe="")
        if self.params["password"]:
            login += ":" + quote(self.params["password"], safe="")
        self.url = f"postgres://{login}@{self.params['host']}:{self.params['port']}/{self.name}"
        self.admin = psycopg.connect(dbname="postgres", autocommit=True, **self.params)
        self.admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))

    def query(self, statement: str) -> list[tuple]:
        with psycopg.connect(dbname=self.name, **self.params) as db:
            return db.execute(statement).fetchall()

    def counts(self) -> dict[str, int]:
        names = self.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {
            name: self.query(f"SELECT count(*) FROM {quoted(name)}")[0][0]  # noqa: S608
            for (name,) in names
            if not NOT_COPIED.match(name)
        }

    def drop(self) -> None:
        name = sql.Identifier(self.name)
        self.admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        self.admin.close()


@pytest.fixture
def target():
    try:
        database = ScratchDatabase()
    except psycopg.OperationalError as error:
        message = f"No PostgreSQL server at {SERVER}: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " CI must run the move to PostgreSQL.")
        pytest.skip(message)
    try:
        yield database
    finally:
        database.drop()


def test_a_running_demo_site_moves_to_postgresql_and_serves_the_same_pages(target, tmp_path):
    var_dir = tmp_path / "var"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.pop("REDIS_URL", None)  # the one small server's setup: its cache is a database table
    env.pop("DATABASE_URL", None)  # the site starts on SQLite, as `make run` has it
    env.update(
        DJANGO_SETTINGS_MODULE="mscos.settings.dev",
        VAR_DIR=str(var_dir),
        SITE_URL=SITE_URL,
        DEBUG="1",  # static files without collectstatic's manifest
    )
    database = var_dir / "db.sqlite3"
    added = printed(run(env, "-c", SETUP, NEW_POST))
    before = shown(env, added["topic"])  # also makes the picture sizes the pages use
    assert NEW_POST in before["main"][added["topic"]]
    assert before["pictures"] and set(before["pictures"].values()) == {200}

    with posts_written_meanwhile(
        env, topic_id=added["quiet_topic"], reply=WRITER_REPLY, folder=tmp_path, pause=0.05
    ) as writer:
        moved = run(env, "manage.py", "move_to_postgresql", "--to", target.url)
    written = writer.count
    report = moved.stdout
    assert "Every table has the same number of rows on both sides" in report
    assert "Media files were not moved" in report
    assert re.search(r"^forum_post\s+(\d+)\s+\1$", report, re.M)
    assert re.search(r"^newsletter_subscriber\s+(\d+)\s+\1$", report, re.M)

    # One moment of the writer's work: every reply up to some number, and none after it.
    caught = sorted(
        int(body.rsplit(" ", 1)[1])
        for (body,) in target.query(
            "SELECT body FROM forum_post WHERE body LIKE 'Reply written during the move, %'"
        )
    )
    assert 3 <= len(caught) < written
    assert caught == list(range(1, len(caught) + 1))

    # Counted here: the same tables, and the same rows in each (the writer's later replies aside).
    on_sqlite, on_postgresql = sqlite_counts(database), target.counts()
    assert set(on_sqlite) == set(on_postgresql)
    assert on_sqlite["forum_post"] - on_postgresql["forum_post"] == written - len(caught)
    assert {k: v for k, v in on_sqlite.items() if k != "forum_post"} == {
        k: v for k, v in on_postgresql.items() if k != "forum_post"
    }
    for table in ["accounts_user", "wagtailcore_page", "wagtailcore_revision", "forum_post"]:
        assert on_postgresql[table] > 0, table
    assert target.query(
        "SELECT count(*) FROM newsletter_subscriber WHERE email = 'reader@example.org'"
        " AND status = 'active'"
    ) == [(1,)]

    # Row by row, through the models: equal on both sides.
    compared = printed(run({**env, "MOVED_TO": target.url}, "-c", COMPARE))
    assert compared["differences"] == []
    assert set(compared["only_in_sqlite"]) <= {"forum_post"}
    assert len(compared["only_in_sqlite"].get("forum_post", [])) == written - len(caught)
    assert compared["rows"] > 2000

    # New rows get new keys on PostgreSQL: the sequences were set past the copied ones.
    (highest,) = target.query("SELECT max(id) FROM forum_post")[0]
    (next_key,) = target.query("SELECT nextval(pg_get_serial_sequence('forum_post', 'id'))")[0]
    assert next_key > highest

    # The site, served from PostgreSQL: the same pages, pictures, and a search index rebuilt.
    on_pg = {**env, "DATABASE_URL": target.url}
    outcome_path, outcome_title = before["outcome"]
    search = f"/search/?q={quote(outcome_title)}"
    after = shown(on_pg, added["topic"], search, "/search/?q=caseworker")
    for path, main in before["main"].items():
        assert after["main"][path] == main, path
    assert after["pictures"] == before["pictures"]
    assert f'href="{outcome_path}"' in after["main"][search]
    assert "helped me find a caseworker" in after["main"]["/search/?q=caseworker"]  # the forum's

    # Moving again into a database that now holds data is refused, and changes nothing.
    counts = target.counts()
    refused = run(env, "manage.py", "move_to_postgresql", "--to", target.url, check=False)
    assert refused.returncode == 1
    assert "The PostgreSQL database already holds data" in refused.stderr
    assert "Nothing was changed" in refused.stderr
    assert target.counts() == counts
