"""Twenty members replying to one topic at the same moment lose no post and get no error."""

import json
import os
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from urllib.parse import quote

import dj_database_url
import psycopg
import pytest
from psycopg import sql

THREADS = 20

# Runs in a separate process, against a database of its own set up as in production; the test's
# in-memory SQLite database would serialise everything on one shared connection.
POSTING_PROCESS = """
import json, sys, threading, traceback
import django

django.setup()
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import ForumCategory, Topic

threads_wanted = int(sys.argv[1])
call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)
cache.clear()  # the service allows 10 posts per member per 10 minutes
category = ForumCategory.objects.create(name="Race", slug="race", premoderation="none")
opener = User.objects.create_user(username="opener", display_name="Opener")
member_ids = [
    User.objects.create_user(username=f"member{i}", display_name=f"Member {i}").pk
    for i in range(threads_wanted)
]
topic, _post, _token = services.topic_create(
    category=category, title="Many replies at once", body="Opening words", acting_user=opener
)
connection.close()  # from here on, only the threads' own connections touch the database

barrier = threading.Barrier(threads_wanted, timeout=60)
errors = []
errors_lock = threading.Lock()


def reply(member_id):
    try:
        # Connect and load before the barrier, so the threads race in post_create itself.
        member = User.objects.get(pk=member_id)
        own_topic = Topic.objects.select_related("category").get(pk=topic.pk)
        barrier.wait()
        services.post_create(
            topic=own_topic,
            body=f"Reply from member {member_id}",
            acting_user=member,
            address_hash=f"ah1:test-{member_id}",
        )
    except BaseException:  # every failure, of any kind, is reported to the test
        with errors_lock:
            errors.append(traceback.format_exc())
    finally:
        connection.close()


threads = [threading.Thread(target=reply, args=(pk,)) for pk in member_ids]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(timeout=90)
stuck = sum(thread.is_alive() for thread in threads)
print(json.dumps({"topic": topic.pk, "category": category.pk, "errors": errors, "stuck": stuck}))
"""

COUNTS_SQL = (
    "SELECT t.reply_count, t.next_position, c.post_count FROM forum_topic t "
    "JOIN forum_forumcategory c ON c.id = t.category_id WHERE t.id = {param}"
)
POSTS_SQL = "SELECT position, status, author_id FROM forum_post WHERE topic_id = {param}"


def run_posting_process(database_url: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
        "DATABASE_URL": database_url,
    }
    # The rate-limit counters live in the fresh database's cache table: no other run's counters
    # count here, and clearing them touches nothing outside this test.
    env.pop("REDIS_URL", None)
    process = subprocess.run(  # noqa: S603
        [sys.executable, "-c", POSTING_PROCESS, str(THREADS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout.strip().splitlines()[-1])


def check_no_post_lost(report: dict, query: Callable[[str, int], list[tuple]]) -> None:
    assert report["errors"] == [], "\n".join(report["errors"])
    assert report["stuck"] == 0
    rows = query(POSTS_SQL, report["topic"])
    positions = sorted(position for position, _status, _author in rows)
    assert len(rows) == THREADS + 1  # the opening post and one reply per thread
    assert positions == list(range(1, THREADS + 2))
    assert {status for _position, status, _author in rows} == {"approved"}
    assert len({author for _position, _status, author in rows}) == THREADS + 1
    assert query(COUNTS_SQL, report["topic"]) == [(THREADS, THREADS + 2, THREADS + 1)]


def test_twenty_threads_replying_on_a_sqlite_file_lose_nothing(tmp_path):
    """SQLite as in production (WAL, IMMEDIATE transactions, busy timeout), in a file."""
    path = tmp_path / "forum.sqlite3"
    report = run_posting_process(f"sqlite:///{path}")

    def query(statement: str, topic_id: int) -> list[tuple]:
        with sqlite3.connect(path) as db:
            return db.execute(statement.format(param="?"), (topic_id,)).fetchall()

    check_no_post_lost(report, query)


def postgres_server_url() -> str:
    """The server the suite uses when it runs on PostgreSQL, else the local one."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    return "postgres://postgres@127.0.0.1:5432/postgres"


@pytest.fixture
def postgres_database() -> Iterator[tuple[str, Callable[[str, int], list[tuple]]]]:
    """A fresh database on the PostgreSQL server, dropped afterwards."""
    server = dj_database_url.parse(postgres_server_url())
    params = {
        "host": server["HOST"] or "127.0.0.1",
        "port": server["PORT"] or 5432,
        "user": server["USER"] or "postgres",
        "password": server["PASSWORD"] or None,
        "connect_timeout": 5,
    }
    try:
        admin = psycopg.connect(dbname="postgres", autocommit=True, **params)
    except psycopg.OperationalError as error:
        message = f"PostgreSQL is not reachable at {params['host']}:{params['port']}: {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"mscos_concurrency_{secrets.token_hex(6)}"
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            login = quote(params["user"], safe="")
            if params["password"]:
                login += ":" + quote(params["password"], safe="")
            url = f"postgres://{login}@{params['host']}:{params['port']}/{name}"

            def query(statement: str, topic_id: int) -> list[tuple]:
                with psycopg.connect(dbname=name, **params) as db:
                    return db.execute(statement.format(param="%s"), (topic_id,)).fetchall()

            yield url, query
        finally:
            # FORCE: a connection the posting process failed to close must not keep it alive.
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def test_twenty_threads_replying_on_postgresql_lose_nothing(postgres_database):
    url, query = postgres_database
    check_no_post_lost(run_posting_process(url), query)
