"""Periodic jobs are enqueued once per interval, however many schedulers run (the safety app's
purge of old address hashes, which runs through them, is tested in tests/safety/test_purge.py)."""

import datetime
import io
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import task

from mscos.core import scheduling
from mscos.core.models import PeriodicJobRun
from mscos.core.scheduling import enqueue_due_jobs, register_periodic, registered_jobs
from mscos.safety import retention

T0 = datetime.datetime(2026, 3, 14, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
RUNS: list[str] = []
RUNS_LOCK = threading.Lock()


@task
def record_run() -> None:
    with RUNS_LOCK:
        RUNS.append("tick")


@task
def record_other_run() -> None:
    with RUNS_LOCK:
        RUNS.append("tock")


@pytest.fixture(autouse=True)
def isolated_registries(monkeypatch):
    """Each test registers its own jobs and hash holders; the real ones stay as they are."""
    monkeypatch.setattr(scheduling, "_jobs", {})
    monkeypatch.setattr(retention, "_registrations", {})
    RUNS.clear()


# --- the scheduler ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_job_runs_at_once_then_once_per_interval():
    register_periodic("tick", every=HOUR, task=record_run)
    assert enqueue_due_jobs(now=T0) == ["tick"]
    assert enqueue_due_jobs(now=T0 + 30 * datetime.timedelta(minutes=1)) == []
    assert enqueue_due_jobs(now=T0 + HOUR - datetime.timedelta(seconds=1)) == []
    assert enqueue_due_jobs(now=T0 + HOUR) == ["tick"]
    assert enqueue_due_jobs(now=T0 + HOUR) == []
    assert RUNS == ["tick", "tick"]
    assert PeriodicJobRun.objects.get(name="tick").last_started_at == T0 + HOUR


@pytest.mark.django_db
def test_jobs_keep_their_own_intervals():
    register_periodic("tick", every=HOUR, task=record_run)
    register_periodic("tock", every=3 * HOUR, task=record_other_run)
    assert sorted(enqueue_due_jobs(now=T0)) == ["tick", "tock"]
    assert enqueue_due_jobs(now=T0 + HOUR) == ["tick"]
    assert sorted(enqueue_due_jobs(now=T0 + 3 * HOUR)) == ["tick", "tock"]


@pytest.mark.django_db
def test_two_schedulers_at_the_same_moment_enqueue_once():
    register_periodic("tick", every=HOUR, task=record_run)
    first = enqueue_due_jobs(now=T0)
    second = enqueue_due_jobs(now=T0)
    assert first == ["tick"] and second == []
    assert RUNS == ["tick"]


@pytest.mark.django_db
def test_a_scheduler_whose_clock_lags_does_not_enqueue_again():
    register_periodic("tick", every=HOUR, task=record_run)
    assert enqueue_due_jobs(now=T0) == ["tick"]
    assert enqueue_due_jobs(now=T0 - datetime.timedelta(minutes=5)) == []


# SQLite's shared in-memory test database locks whole tables, so there the same race is tested
# with separate processes on a database file (the next test); this one runs on PostgreSQL.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def _concurrent_schedulers_on_separate_connections_enqueue_once():
    register_periodic("tick", every=HOUR, task=record_run)
    barrier = threading.Barrier(4)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def scheduler() -> None:
        try:
            barrier.wait()
            names = enqueue_due_jobs(now=T0)
            with RUNS_LOCK:
                results.append(names)
        except BaseException as error:  # a failure in a thread must fail the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == [[], [], [], ["tick"]]
    assert RUNS == ["tick"]


if connection.vendor != "sqlite":
    test_concurrent_schedulers_on_separate_connections_enqueue_once = (
        _concurrent_schedulers_on_separate_connections_enqueue_once
    )


SCHEDULER_PROCESS = """
import sys, time, django
django.setup()
from django.db import connection
from mscos.core import scheduling
from mscos.core.models import PeriodicJobRun
from mscos.safety.tasks import purge_expired_address_hashes

if sys.argv[1] == "setup":
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the purge task reads every table that holds hashes
    sys.exit(0)
scheduling._jobs.clear()
scheduling.register_periodic(
    "purge", every=scheduling.datetime.timedelta(hours=1), task=purge_expired_address_hashes
)
start_at = float(sys.argv[1])
time.sleep(max(0.0, start_at - time.time()))  # every process starts its pass at once
print(",".join(scheduling.enqueue_due_jobs()))
"""


def test_scheduler_processes_sharing_a_sqlite_file_enqueue_once(tmp_path):
    """Several processes, as with several schedulers, on SQLite configured as in production."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'scheduler.sqlite3'}",
    }

    def run(*args: str) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", SCHEDULER_PROCESS, *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    setup = run("setup")
    assert setup.wait(timeout=120) == 0, setup.stderr.read()
    start_at = str(time.time() + 5)
    processes = [run(start_at) for _ in range(4)]
    outputs = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        outputs.append(stdout.strip().splitlines()[-1] if stdout.strip() else "")
    assert sorted(outputs) == ["", "", "", "purge"]


class FailingOnceTask:
    """Stands in for a task whose backend is down on the first attempt."""

    module_path = "tests.core.test_scheduling.FailingOnceTask"

    def __init__(self) -> None:
        self.attempts = 0

    def enqueue(self) -> None:
        self.attempts += 1
        if self.attempts == 1:
            raise ConnectionError("queue unavailable")


@pytest.mark.django_db
def test_a_job_that_could_not_be_enqueued_is_tried_again_on_the_next_pass(caplog):
    failing = FailingOnceTask()
    register_periodic("flaky", every=HOUR, task=failing)
    register_periodic("tick", every=HOUR, task=record_run)
    assert enqueue_due_jobs(now=T0) == ["tick"]
    assert "flaky" in caplog.text
    assert PeriodicJobRun.objects.get(name="flaky").last_started_at is None
    assert enqueue_due_jobs(now=T0 + datetime.timedelta(minutes=1)) == ["flaky"]
    assert failing.attempts == 2


def test_an_interval_must_be_positive():
    with pytest.raises(ValueError):
        register_periodic("never", every=datetime.timedelta(0), task=record_run)


def test_a_name_cannot_be_taken_by_another_task():
    register_periodic("tick", every=HOUR, task=record_run)
    register_periodic("tick", every=2 * HOUR, task=record_run)
    assert registered_jobs()["tick"].every == 2 * HOUR
    with pytest.raises(ValueError):
        register_periodic("tick", every=HOUR, task=record_other_run)


# --- the command ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_run_scheduler_once_enqueues_due_jobs_and_exits():
    register_periodic("tick", every=HOUR, task=record_run)
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "Enqueued tick" in out.getvalue()
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert RUNS == ["tick"]


@pytest.mark.django_db
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_run_scheduler_stops_cleanly_on_a_signal(signal_number):
    register_periodic("tick", every=HOUR, task=record_run)
    previous = signal.getsignal(signal_number)
    out = io.StringIO()

    def send_signal_once_listening() -> None:
        deadline = time.monotonic() + 10
        while signal.getsignal(signal_number) == previous and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal_number)

    sender = threading.Thread(target=send_signal_once_listening)
    sender.start()
    call_command("run_scheduler", "--interval", "30", stdout=out)
    sender.join()
    assert "Enqueued tick" in out.getvalue()
    assert "Scheduler stopped." in out.getvalue()
    assert signal.getsignal(signal_number) == previous
