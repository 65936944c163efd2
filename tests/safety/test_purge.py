"""The safety app's purge of old address hashes: only what is older than the retention setting
(30 days unless set) is blanked or deleted, and the safety app schedules it every six hours."""

import datetime

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.utils import timezone

from mscos.core import scheduling
from mscos.core.scheduling import enqueue_due_jobs, register_periodic, registered_jobs
from mscos.safety import retention
from mscos.safety.retention import purge_expired, register_address_hash
from mscos.safety.tasks import purge_expired_address_hashes
from tests.settings.declared import declared_default


@pytest.fixture(autouse=True)
def isolated_registries(monkeypatch):
    """Each test registers its own jobs and hash holders; the real ones stay as they are."""
    monkeypatch.setattr(scheduling, "_jobs", {})
    monkeypatch.setattr(retention, "_registrations", {})


def test_the_safety_app_schedules_the_hash_purge(monkeypatch):
    monkeypatch.undo()  # the real registry, as AppConfig.ready() left it
    job = registered_jobs()["purge-address-hashes"]
    assert job.every == datetime.timedelta(hours=6)
    assert job.task.module_path == purge_expired_address_hashes.module_path


# --- purging old address hashes ---------------------------------------------------------------


def log_entry(user, *, age: datetime.timedelta, hashed: str) -> LogEntry:
    return LogEntry.objects.create(
        user=user,
        action_flag=ADDITION,
        object_repr=hashed,
        action_time=timezone.now() - age,
    )


@pytest.mark.django_db
def test_purge_blanks_only_old_hashes(member):
    old = log_entry(member, age=datetime.timedelta(days=31), hashed="ah1:old")
    blank = log_entry(member, age=datetime.timedelta(days=40), hashed="")
    recent = log_entry(member, age=datetime.timedelta(days=29), hashed="ah1:recent")
    register_address_hash(
        LogEntry, hash_field="object_repr", time_field="action_time", delete_row=False
    )
    assert purge_expired() == 1
    assert LogEntry.objects.get(pk=old.pk).object_repr == ""
    assert LogEntry.objects.get(pk=blank.pk).object_repr == ""
    assert LogEntry.objects.get(pk=recent.pk).object_repr == "ah1:recent"
    assert purge_expired() == 0


@pytest.mark.django_db
def test_purge_deletes_only_old_rows(member):
    old = log_entry(member, age=datetime.timedelta(days=31), hashed="ah1:old")
    recent = log_entry(member, age=datetime.timedelta(days=29), hashed="ah1:recent")
    register_address_hash(
        LogEntry, hash_field="object_repr", time_field="action_time", delete_row=True
    )
    assert purge_expired() == 1
    assert not LogEntry.objects.filter(pk=old.pk).exists()
    assert LogEntry.objects.get(pk=recent.pk).object_repr == "ah1:recent"


@pytest.mark.django_db
def test_purge_follows_the_retention_setting(member, settings):
    settings.ADDRESS_HASH_RETENTION_DAYS = 7
    week_old = log_entry(member, age=datetime.timedelta(days=8), hashed="ah1:week")
    register_address_hash(
        LogEntry, hash_field="object_repr", time_field="action_time", delete_row=True
    )
    assert purge_expired() == 1
    assert not LogEntry.objects.filter(pk=week_old.pk).exists()


@pytest.mark.django_db
def test_purge_defaults_to_thirty_days(member, settings):
    settings.ADDRESS_HASH_RETENTION_DAYS = declared_default("ADDRESS_HASH_RETENTION_DAYS")
    now = timezone.now()
    day_31 = log_entry(member, age=datetime.timedelta(days=30, minutes=1), hashed="ah1:a")
    day_29 = log_entry(member, age=datetime.timedelta(days=29, hours=23), hashed="ah1:b")
    register_address_hash(
        LogEntry, hash_field="object_repr", time_field="action_time", delete_row=False
    )
    assert purge_expired(now=now) == 1
    assert LogEntry.objects.get(pk=day_31.pk).object_repr == ""
    assert LogEntry.objects.get(pk=day_29.pk).object_repr == "ah1:b"


def test_registering_a_field_that_does_not_exist_fails_at_once():
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldDoesNotExist):
        register_address_hash(
            LogEntry, hash_field="address_hash", time_field="action_time", delete_row=False
        )


@pytest.mark.django_db
def test_the_scheduled_purge_task_runs_through_the_scheduler(member):
    old = log_entry(member, age=datetime.timedelta(days=45), hashed="ah1:old")
    register_address_hash(
        LogEntry, hash_field="object_repr", time_field="action_time", delete_row=False
    )
    register_periodic(
        "purge-address-hashes", every=datetime.timedelta(hours=6), task=purge_expired_address_hashes
    )
    assert enqueue_due_jobs() == ["purge-address-hashes"]
    assert LogEntry.objects.get(pk=old.pk).object_repr == ""
    assert enqueue_due_jobs(now=timezone.now() + datetime.timedelta(hours=1)) == []
