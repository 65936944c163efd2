"""The task queue as in production, for tests of work that leaves the request: tasks are rows
in the database (django-tasks-db), run only when `run_worker()` is called, and a retry's wait
passes when `time_passes()` says so. Use the `database_tasks` fixture (import it into a test
module or conftest.py)."""

from unittest import mock

import pytest
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


@pytest.fixture
def database_tasks(settings):
    """Tasks queued in the database, as in production, run only when `run_worker` is called."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }


def run_worker() -> None:
    """`manage.py db_worker --batch`: runs every task that is due, then stops.

    The worker closes database connections it finds outside autocommit; here it shares the test's
    connection, which is inside the test's transaction (a real worker is its own process)."""
    with mock.patch.object(db_worker, "close_old_connections"):
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()


def time_passes() -> None:
    """Every waiting retry falls due."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def waiting_tasks() -> list[str]:
    """The names of the tasks still queued (a retry waiting for its time, or not yet run)."""
    return sorted(DBTaskResult.objects.filter(status="READY").values_list("task_path", flat=True))
