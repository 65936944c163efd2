"""Periodic jobs: apps register a task and an interval; `manage.py run_scheduler` enqueues them.

Several servers may run the scheduler at once: each due job is claimed with one conditional UPDATE
on its `PeriodicJobRun` row, so only one of them enqueues it per interval.
"""

# Annotations stay unevaluated: django.tasks.Task is generic only to the type checker.
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.tasks import Task
from django.utils import timezone

from mscos.core.models import PeriodicJobRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PeriodicJob:
    name: str
    every: datetime.timedelta
    task: Task[[], Any]  # enqueued without arguments


_jobs: dict[str, PeriodicJob] = {}


def register_periodic(name: str, *, every: datetime.timedelta, task: Task[[], Any]) -> None:
    """Asks for `task` to be enqueued every `every`; apps call this in AppConfig.ready()."""
    if every <= datetime.timedelta(0):
        raise ValueError(f"Periodic job {name!r} needs a positive interval.")
    existing = _jobs.get(name)
    if existing is not None and existing.task.module_path != task.module_path:
        raise ValueError(f"Periodic job {name!r} is already registered for another task.")
    _jobs[name] = PeriodicJob(name=name, every=every, task=task)


def registered_jobs() -> dict[str, PeriodicJob]:
    """The registered jobs by name."""
    return dict(_jobs)


def _claim(job: PeriodicJob, *, now: datetime.datetime) -> bool:
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every)
    # One UPDATE decides: a second server (or a stale read) matches no row and enqueues nothing.
    return PeriodicJobRun.objects.filter(due, name=job.name).update(last_started_at=now) == 1


def enqueue_due_jobs(*, now: datetime.datetime | None = None) -> list[str]:
    """Enqueues every registered job whose interval has passed; returns the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in list(_jobs.values()):
        PeriodicJobRun.objects.get_or_create(name=job.name)
        try:
            # Claim and enqueue together: if enqueueing fails the claim is undone and retried.
            with transaction.atomic():
                if not _claim(job, now=now):
                    continue
                job.task.enqueue()
        except Exception:
            logger.exception("Could not enqueue periodic job %s", job.name)
            continue
        enqueued.append(job.name)
    return enqueued
