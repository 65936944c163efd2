# ruff: noqa: S603, S607 (the commands are this project's own scripts and Debian's tools)
"""The shape of a real deployment, started by `bin/cluster.sh` (`make cluster`) on loopback:
HAProxy in front of three gunicorn app servers, PgBouncer in transaction mode before PostgreSQL,
Redis for the cache, sessions and rate limits, a task worker and a scheduler on two nodes.

What one server does, the others see: a sign-in, a moderator's approval (kept pages go out of
date on every server at once), a rate limit. A newsletter is delivered exactly once by the two
nodes' workers although the one sending it is killed mid-send; every periodic job runs once per
interval although two schedulers run; an app server killed outright loses no request but those
it was answering.

One cluster serves the whole module, in one test of named steps: pytest-xdist may hand the tests
of one module to different processes, and each would start a cluster of its own.
"""

import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
import redis
import requests
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from mscos.core.scheduling import registered_jobs
from tests.mail_server import Inbox, free_port, running

pytestmark = pytest.mark.cluster

REPO = Path(__file__).resolve().parents[2]
POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
# A Redis database of its own: the suite's processes use 0, 1, 2 … and empty theirs often.
REDIS = "redis://127.0.0.1:6379/15"
PASSWORD = "a-long-pass-phrase"
SUBSCRIBERS = 30
KILL_AT_MESSAGE = 8
# The newsletter's stalled-mailing job runs every minute: resuming can take that long.
NEWSLETTER_SECONDS = 100

SETUP = """
import json, django
django.setup()
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.forum import services
from mscos.forum.models import ForumCategory

password = %(password)r
member = User.objects.create_user(username="river", password=password, display_name="River")
User.objects.create_user(username="sky", password=password, display_name="Sky")
moderator = User.objects.create_user(username="mod", password=password, display_name="Moderator Mo")
moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
secret = generate_totp_secret()
TOTP.activate(moderator, secret)
category = ForumCategory.objects.create(
    name="Cluster talk", slug="cluster-talk", premoderation=ForumCategory.Premoderation.ALL
)
topic, first, _token = services.topic_create(
    category=category, title="Across servers", body="The opening post.", acting_user=member
)
services.post_approve(post=first, acting_user=moderator)
waiting, _token = services.post_create(
    topic=topic, body="Waiting for a moderator on every server.", acting_user=member
)
print(json.dumps({"secret": secret, "topic": topic.pk, "waiting_post": waiting.pk}))
"""

MAILING = """
import django
django.setup()
from django.utils import timezone
from mscos.newsletter import services
from mscos.newsletter.models import ConsentText, Subscriber

consent = ConsentText.objects.get()
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{i}@example.org", consent_text=consent, consented_at=timezone.now(),
               status=Subscriber.ACTIVE)
    for i in range(%(subscribers)d)
)
services.mailing_start(page=None, subject="Community update: Week 9",
                       html_body="<p>Week 9</p>", text_body="Week 9", acting_user=None)
"""


def missing_parts() -> list[str]:
    missing = [
        tool
        for tool in ("haproxy", "pgbouncer", "psql", "curl", "setsid", "flock")
        if shutil.which(tool, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin") is None
    ]
    try:
        psycopg.connect(POSTGRES, connect_timeout=3).close()
    except psycopg.Error:
        missing.append("PostgreSQL on 127.0.0.1:5432 (user postgres)")
    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=3).ping()
    except redis.RedisError:
        missing.append("Redis on 127.0.0.1:6379")
    return missing


class KillingInbox(Inbox):
    """Kills the node whose worker is sending when message number `kill_at` arrives, and does not
    accept that message (the worker dies while handing it over)."""

    def __init__(self):
        super().__init__()
        self.kill_at = 0
        self.seen = 0
        self.killed: str | None = None
        self.cluster: Cluster | None = None

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.cluster is not None and self.killed is None and self.seen == self.kill_at:
            self.killed = self.cluster.kill_sending_worker()
            return "451 4.3.0 Server going down"
        return await super().handle_DATA(server, session, envelope)


@dataclass
class Cluster:
    directory: Path
    database: str
    redis_prefix: str
    proxy: str
    apps: list[str]
    environment: dict[str, str]
    inbox: KillingInbox
    started_at: float
    facts: dict = field(default_factory=dict)

    def pid(self, name: str) -> int:
        return int((self.directory / "run" / f"{name}.pid").read_text())

    def log(self, name: str) -> str:
        return (self.directory / "log" / f"{name}.log").read_text(errors="replace")

    def rows(self, sql: str, *params) -> list[tuple]:
        dsn = f"postgresql://postgres@127.0.0.1:5432/{self.database}"
        with psycopg.connect(dsn, autocommit=True) as connection:
            return connection.execute(sql, params).fetchall()

    def manage_python(self, code: str) -> str:
        """Python run with Django set up as on a node (through PgBouncer)."""
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout

    def kill_sending_worker(self) -> str:
        (workers,) = self.rows(
            "SELECT worker_ids FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE %s AND status = 'RUNNING'",
            "%.send_mailing",
        )[0]
        node = workers[-1]  # "node1" or "node2"
        os.killpg(self.pid(f"worker{node.removeprefix('node')}"), signal.SIGKILL)
        return node


def node_environment(directory: Path) -> dict[str, str]:
    """The environment bin/cluster.sh gives every node (its `environment` file)."""
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/")}
    for line in (directory / "environment").read_text().splitlines():
        name, _, value = line.partition("=")
        environment[name] = subprocess.run(
            ["bash", "-c", f"printf %s {value}"], capture_output=True, text=True, check=True
        ).stdout
    return environment


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    missing = missing_parts()
    if missing:
        message = "the cluster needs " + ", ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI installs them: .ci/run)")
        pytest.skip(message)
    run = uuid.uuid4().hex[:10]
    directory = tmp_path_factory.mktemp("cluster")
    ports = [free_port() for _ in range(5)]
    settings = {
        "CLUSTER_DIR": str(directory),
        "CLUSTER_DATABASE": f"mscos_cluster_{run}",
        "REDIS_URL": REDIS,
        "REDIS_KEY_PREFIX": f"mscos-cluster-{run}",
        "HAPROXY_PORT": str(ports[0]),
        "PGBOUNCER_PORT": str(ports[1]),
        "APP_PORTS": " ".join(str(port) for port in ports[2:]),
        "SCHEDULER_INTERVAL": "1",
        "WORKER_INTERVAL": "0.2",
        "NEWSLETTER_STALL_SECONDS": "3",
    }
    inbox = KillingInbox()
    inbox.kill_at = KILL_AT_MESSAGE
    script = [str(REPO / "bin" / "cluster.sh")]
    base = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    with running(inbox):
        environment = {**base, **settings, "EMAIL_URL": f"smtp://127.0.0.1:{inbox.port}"}
        try:
            # The first start on a machine migrates a schema and collects static files (minutes);
            # later ones copy both.
            started = subprocess.run(
                [*script, "start"],
                cwd=REPO,
                env=environment,
                capture_output=True,
                text=True,
                timeout=900,
            )
            assert started.returncode == 0, started.stdout + started.stderr
            cluster = Cluster(
                directory=directory,
                database=settings["CLUSTER_DATABASE"],
                redis_prefix=settings["REDIS_KEY_PREFIX"],
                proxy=f"http://127.0.0.1:{ports[0]}",
                apps=[f"http://127.0.0.1:{port}" for port in ports[2:]],
                environment=node_environment(directory),
                inbox=inbox,
                started_at=time.time(),
            )
            inbox.cluster = cluster
            cluster.facts = json.loads(cluster.manage_python(SETUP % {"password": PASSWORD}))
            yield cluster
        finally:
            subprocess.run(
                [*script, "stop"], cwd=REPO, env=environment, capture_output=True, timeout=120
            )
            with psycopg.connect(POSTGRES, autocommit=True) as connection:
                connection.execute(
                    f'DROP DATABASE IF EXISTS "{settings["CLUSTER_DATABASE"]}" WITH (FORCE)'
                )
            store = redis.Redis.from_url(REDIS)
            for key in store.scan_iter(f"{settings['REDIS_KEY_PREFIX']}:*"):
                store.delete(key)


# --- talking to one app server as a browser would ----------------------------------------------


def browser(cluster: Cluster, address: str = "203.0.113.7") -> requests.Session:
    """A visitor at `address`, talking to one app server as HAProxy passes requests on: with the
    site's own Host and the client's address appended to X-Forwarded-For (rate limits count it,
    only ever as a keyed hash)."""
    session = requests.Session()
    session.headers.update(
        {"Host": cluster.proxy.removeprefix("http://"), "X-Forwarded-For": address}
    )
    return session


def csrf_token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert found, page[:2000]
    return found.group(1)


def post_form(session: requests.Session, server: str, path: str, data: dict) -> requests.Response:
    """GET the form's page, then POST it with its CSRF token, on `server`."""
    page = session.get(server + path, timeout=30)
    assert page.status_code == 200, (path, page.status_code)
    return session.post(
        server + path,
        data={"csrfmiddlewaretoken": csrf_token(page.text), **data},
        headers={"Referer": server + path},
        timeout=30,
        allow_redirects=False,
    )


def sign_in(session: requests.Session, server: str, name: str, password: str = PASSWORD):
    return post_form(session, server, "/account/login/", {"login": name, "password": password})


def signed_in_as(session: requests.Session, server: str) -> str | None:
    """The name the account page greets, or None when it sends the visitor to sign in."""
    answer = session.get(server + "/account/", timeout=30, allow_redirects=False)
    if answer.status_code == 302:
        assert "/account/login/" in answer.headers["Location"]
        return None
    assert answer.status_code == 200
    return answer.text


def reader_page(cluster: Cluster, server: str, path: str) -> requests.Response:
    answer = browser(cluster).get(server + path, timeout=30)
    assert answer.status_code == 200
    return answer


# --- the steps ---------------------------------------------------------------------------------


def a_sign_in_on_one_server_holds_on_the_others(cluster: Cluster) -> None:
    first, *others = cluster.apps
    member = browser(cluster)
    assert sign_in(member, first, "river").status_code == 302
    for server in cluster.apps:
        page = signed_in_as(member, server)
        assert page is not None and "River" in page, server
    assert signed_in_as(browser(cluster), others[0]) is None  # a stranger is not
    # Signing out on one server ends the session on all of them.
    signed_out = post_form(member, others[-1], "/account/logout/", {})
    assert signed_out.status_code == 302
    for server in cluster.apps:
        assert signed_in_as(member, server) is None, server


def an_approval_on_one_server_shows_on_every_server_at_once(cluster: Cluster) -> None:
    topic = f"/forums/t/{cluster.facts['topic']}/"
    waiting = "Waiting for a moderator on every server."
    for server in cluster.apps:  # every server serves the kept page for readers, without the post
        # (a periodic job's write, e.g. a purge, may make kept pages out of date: read again)
        for _ in range(3):
            kept = reader_page(cluster, server, topic)
            if kept.headers["X-Page-Cache"] == "hit":
                break
        assert kept.headers["X-Page-Cache"] == "hit", server
        assert "The opening post." in kept.text and waiting not in kept.text
    moderator = browser(cluster)
    asked = sign_in(moderator, cluster.apps[0], "mod")
    assert asked.status_code == 302 and "/2fa/authenticate/" in asked.headers["Location"]
    counter = next(yield_hotp_counters_from_time())
    code = format_hotp_value(hotp_value(cluster.facts["secret"], counter))
    passed = post_form(moderator, cluster.apps[0], asked.headers["Location"], {"code": code})
    assert passed.status_code == 302, passed.text[:2000]
    # The topic page's own "Approve" button, on the first server.
    approved = moderator.post(
        cluster.apps[0] + f"/forums/p/{cluster.facts['waiting_post']}/moderate/",
        data={
            "action": "approve",
            "csrfmiddlewaretoken": moderator.cookies.get("csrftoken"),
        },
        headers={"Referer": cluster.apps[0] + topic},
        timeout=30,
        allow_redirects=False,
    )
    assert approved.status_code == 302, approved.text[:2000]
    # Every server sees it on its next read; the first read after the approval makes the page
    # afresh (the kept copies went out of date everywhere at once), the others may reuse it.
    pages = [reader_page(cluster, server, topic) for server in reversed(cluster.apps)]
    assert pages[0].headers["X-Page-Cache"] == "miss"
    for server, page in zip(reversed(cluster.apps), pages, strict=True):
        assert waiting in page.text, server


def a_rate_limit_counted_on_one_server_holds_on_the_others(cluster: Cluster) -> None:
    guesser = browser(cluster, "203.0.113.9")
    # Five wrong passwords for one account from one address, spread over the servers ...
    for attempt in range(5):
        server = cluster.apps[attempt % len(cluster.apps)]
        refused = sign_in(guesser, server, "sky", "not-the-password")
        assert refused.status_code == 200 and "Too many" not in refused.text
    # ... and the sixth try from that address is held off on a server that saw only one of them,
    # even with the right password; the member from another address gets in.
    for server in cluster.apps:
        held = sign_in(browser(cluster, "203.0.113.9"), server, "sky")
        assert held.status_code == 200, server
        assert "Too many failed login attempts" in held.text, server
    elsewhere = browser(cluster, "198.51.100.20")
    assert sign_in(elsewhere, cluster.apps[1], "sky").status_code == 302


def a_newsletter_is_delivered_once_although_a_worker_dies(cluster: Cluster) -> None:
    cluster.manage_python(MAILING % {"subscribers": SUBSCRIBERS})  # sent from a node
    deadline = time.monotonic() + NEWSLETTER_SECONDS
    statuses: list[tuple] = []
    while time.monotonic() < deadline:
        statuses = cluster.rows("SELECT status, count(*) FROM newsletter_delivery GROUP BY status")
        if statuses == [("sent", SUBSCRIBERS)]:
            break
        time.sleep(0.5)
    assert statuses == [("sent", SUBSCRIBERS)]
    assert cluster.inbox.killed is not None  # one worker died in the middle
    survivor = {"node1": "node2", "node2": "node1"}[cluster.inbox.killed]
    workers = cluster.rows(
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s "
        "ORDER BY enqueued_at",
        "%.send_mailing",
    )
    assert workers[0] == ("RUNNING", [cluster.inbox.killed])  # it never came back
    assert ("SUCCESSFUL", [survivor]) in workers[1:]
    rows = cluster.rows(
        "SELECT s.email, d.message_id FROM newsletter_delivery d "
        "JOIN newsletter_subscriber s ON s.id = d.subscriber_id"
    )
    received: dict[str, list[str]] = {}
    for message in cluster.inbox.messages:
        for address in message["X-Envelope-To"].split(", "):
            received.setdefault(address, []).append(message["Message-ID"])
    assert len(rows) == SUBSCRIBERS
    for address, message_id in rows:
        assert received.get(address) == [message_id], address
    assert len(cluster.inbox.messages) == SUBSCRIBERS


def each_periodic_job_runs_once_per_interval(cluster: Cluster) -> None:
    jobs = {job.task.module_path: job.every for job in registered_jobs().values()}
    runs: dict[str, list] = {}
    for path, enqueued_at in cluster.rows(
        "SELECT task_path, enqueued_at FROM django_tasks_database_dbtaskresult ORDER BY enqueued_at"
    ):
        if path in jobs:
            runs.setdefault(path, []).append(enqueued_at)
    assert set(runs) == set(jobs)  # both schedulers passed every second ...
    elapsed = timedelta(seconds=time.time() - cluster.started_at + 5)
    for path, times in runs.items():
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert all(gap >= jobs[path] - timedelta(seconds=1) for gap in gaps), (path, times)
        assert len(times) <= elapsed // jobs[path] + 1, (path, times)
    # ... and what they enqueued, each reported once, adds up to what was run.
    reported = cluster.log("scheduler1") + cluster.log("scheduler2")
    assert reported.count("Enqueued ") == sum(len(times) for times in runs.values())
    for name in ("scheduler1", "scheduler2"):
        os.kill(cluster.pid(name), 0)  # still running


def a_killed_app_server_loses_only_what_it_was_answering(cluster: Cluster) -> None:
    results: list[int | str] = []
    lock = threading.Lock()
    stop = threading.Event()
    readers = 4

    def read() -> None:
        session = requests.Session()  # no cookie: some pages are kept, some are made
        number = 0
        while not stop.is_set():
            number += 1
            try:
                outcome: int | str = session.get(
                    cluster.proxy + f"/forums/?page={number % 3 + 1}", timeout=30
                ).status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    with lock:
        before = len(results)
    os.killpg(cluster.pid("app2"), signal.SIGKILL)  # the master and its workers, at once
    time.sleep(5)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert before > 10 and len(results) > before + 10
    lost = [outcome for outcome in results if outcome != 200]
    assert len(lost) <= readers, lost  # at most the requests app2 was answering
    assert "app_servers/app2 is DOWN" in cluster.log("haproxy")


STEPS: list[Callable[[Cluster], None]] = [
    a_sign_in_on_one_server_holds_on_the_others,
    an_approval_on_one_server_shows_on_every_server_at_once,
    a_rate_limit_counted_on_one_server_holds_on_the_others,
    a_newsletter_is_delivered_once_although_a_worker_dies,
    each_periodic_job_runs_once_per_interval,
    a_killed_app_server_loses_only_what_it_was_answering,  # last: app2 stays down
]


def test_several_servers_behave_as_one_site(cluster):
    failed = []
    for step in STEPS:
        try:
            step(cluster)
        except Exception:  # every step runs; the report names each that failed, and where
            failed.append(f"{step.__name__}:\n{traceback.format_exc(limit=-3)}")
    assert not failed, "\n".join(failed)
