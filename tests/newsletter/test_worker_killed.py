# ruff: noqa: S603 (the commands are this project's own manage.py and Python)
"""A real worker process killed in the middle of a mailing, then restarted: each reader gets one.

The SMTP server (aiosmtpd, in this process) kills the worker with SIGKILL while it is handing over
a message, before the server has accepted it, as a crash or a power cut would. A restarted worker
then finishes the mailing. Every subscriber must end up with exactly one message, carrying the
Message-ID of their delivery row.
"""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.mail_server import Inbox, running

SUBSCRIBERS = 60
KILL_AT_MESSAGE = 23
REPO = Path(__file__).resolve().parents[2]

SETUP = """
import django
django.setup()
from django.core.management import call_command
from django.utils import timezone
from mscos.newsletter import services
from mscos.newsletter.models import ConsentText, Subscriber

call_command("migrate", verbosity=0)
consent = ConsentText.objects.get()
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{i}@example.org", consent_text=consent, consented_at=timezone.now(),
               status=Subscriber.ACTIVE)
    for i in range(int(__import__("sys").argv[1]))
)
services.mailing_start(page=None, subject="Community update: Week 5",
                       html_body="<p>Week 5</p>", text_body="Week 5", acting_user=None)
"""


class KillingInbox(Inbox):
    """Kills the worker when message number `kill_at` arrives, and does not accept that one."""

    worker: subprocess.Popen | None = None
    kill_at: int = 0
    seen: int = 0
    killed: bool = False

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if not self.killed and self.seen == self.kill_at and self.worker is not None:
            os.kill(self.worker.pid, signal.SIGKILL)
            self.killed = True
            return "451 4.3.0 Server going down"
        return await super().handle_DATA(server, session, envelope)


def run_manage(env, *args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def test_a_killed_worker_restarted_sends_every_subscriber_exactly_once(tmp_path):
    inbox = KillingInbox()
    inbox.kill_at = KILL_AT_MESSAGE
    database = tmp_path / "db.sqlite3"
    with running(inbox):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
            "DATABASE_URL": f"sqlite:///{database}",
            "VAR_DIR": str(tmp_path),
            "SECRET_KEY": "test-worker-killed",
            "EMAIL_URL": f"smtp://127.0.0.1:{inbox.port}",
            "SITE_URL": "http://testserver",
            "NEWSLETTER_STALL_SECONDS": "0",
        }
        env.pop("REDIS_URL", None)
        try:
            subprocess.run(
                [sys.executable, "-c", SETUP, str(SUBSCRIBERS)],
                cwd=REPO,
                env=env,
                check=True,
                timeout=180,
                capture_output=True,
            )
            worker_command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay"]
            inbox.worker = subprocess.Popen(
                [*worker_command, "--interval", "0.2"],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            assert inbox.worker.wait(timeout=120) == -signal.SIGKILL
            assert inbox.killed
            accepted_before_restart = len(inbox.messages)
            assert accepted_before_restart == KILL_AT_MESSAGE - 1
            with sqlite3.connect(database) as db:
                in_flight = db.execute(
                    "select count(*) from newsletter_delivery where status = 'sending'"
                ).fetchone()[0]
            assert in_flight >= 1  # the crash left claimed rows behind

            run_manage(env, "newsletter_resume")
            restarted = subprocess.Popen(
                [*worker_command, "--batch"],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            assert restarted.wait(timeout=180) == 0
        finally:
            if inbox.worker and inbox.worker.poll() is None:
                inbox.worker.kill()

    with sqlite3.connect(database) as db:
        rows = db.execute(
            "select s.email, d.message_id, d.status from newsletter_delivery d "
            "join newsletter_subscriber s on s.id = d.subscriber_id"
        ).fetchall()
    assert len(rows) == SUBSCRIBERS
    assert {status for _email, _id, status in rows} == {"sent"}
    received: dict[str, list[str]] = {}
    for message in inbox.messages:
        for address in message["X-Envelope-To"].split(", "):
            received.setdefault(address, []).append(message["Message-ID"])
    for address, message_id, _status in rows:
        assert received.get(address) == [message_id], address
    assert len(inbox.messages) == SUBSCRIBERS
