"""Background tasks of the core app."""

import datetime

from django.conf import settings
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@task
def prune_finished_tasks() -> int:
    """Deletes task rows finished longer ago than the retention period; returns how many.

    A task's row keeps its arguments, and some are personal (a message to an expert), so none is
    kept longer than needed to see that it ran.
    """
    cutoff = timezone.now() - datetime.timedelta(hours=settings.FINISHED_TASK_RETENTION_HOURS)
    deleted, _per_model = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted
