"""Background work (queued tasks, the scheduler's passes) never empties the readers' page cache:
on several servers the scheduler runs every minute and workers claim tasks all day, so a cache
emptied by them would keep almost nothing (tests/cluster/test_cluster.py found it)."""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client

from mscos.core import page_cache, scheduling
from mscos.core.scheduling import enqueue_due_jobs, register_periodic
from mscos.core.tasks import prune_finished_tasks
from tests.task_worker import database_tasks, run_worker  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def empty_page_cache(tmp_path, settings):
    settings.PAGE_CACHE_STAMP_FILE = tmp_path / "page-cache-generation"
    caches[page_cache.CACHE_ALIAS].clear()
    yield
    caches[page_cache.CACHE_ALIAS].clear()


def kept(path: str) -> str:
    response = Client().get(path)
    assert response.status_code == 200
    return response["X-Page-Cache"]


@pytest.mark.django_db
def test_every_table_named_as_unseen_is_a_real_table():
    tables = set(connection.introspection.table_names())
    # The database cache's table exists only where the cache is the database (no Redis).
    assert page_cache.UNSEEN_TABLES - tables - {"mscos_cache"} == set()


def test_queued_tasks_and_scheduler_passes_keep_the_readers_pages(
    demo_site,
    database_tasks,  # noqa: F811
    monkeypatch,
):
    # One job whose own work touches only the task queue: the machinery around it is tested.
    monkeypatch.setattr(scheduling, "_jobs", {})
    register_periodic("prune", every=datetime.timedelta(hours=1), task=prune_finished_tasks)
    assert (kept("/forums/"), kept("/forums/")) == ("miss", "hit")
    assert enqueue_due_jobs() == ["prune"]  # the claim, and the task queued
    run_worker()  # claims, runs and finishes it
    assert enqueue_due_jobs() == []  # a pass with nothing due still tries the claim
    assert kept("/forums/") == "hit"
