"""SQLite runs in WAL mode with IMMEDIATE transactions, so concurrent writers queue."""

import contextlib
import threading

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from mscos.settings.environment import sqlite_options


@pytest.fixture(autouse=True)
def separate_file_databases(django_db_blocker):
    """These tests open their own file databases, beside the test database."""
    with django_db_blocker.unblock():
        yield


def file_connection(path) -> DatabaseWrapper:
    """A connection configured as settings configure the embedded database, whatever the suite's."""
    config = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": sqlite_options(),
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
    }
    return DatabaseWrapper(config, alias="sqlite-file-check")


def test_file_database_uses_wal_and_a_long_busy_timeout(tmp_path):
    wrapper = file_connection(tmp_path / "check.sqlite3")
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20_000
    assert sqlite_options()["transaction_mode"] == "IMMEDIATE"
    wrapper.close()


def test_concurrent_writers_queue_instead_of_failing(tmp_path):
    path = tmp_path / "concurrent.sqlite3"
    setup = file_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    setup.close()
    errors: list[Exception] = []

    def writer(number: int) -> None:
        wrapper = file_connection(path)
        try:
            for index in range(20):
                wrapper.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
                with wrapper.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM note")  # a read, then a write
                    cursor.execute("INSERT INTO note (body) VALUES (%s)", [f"{number}-{index}"])
                    wrapper.commit()
                    wrapper.set_autocommit(True)
        except Exception as error:  # collected for the assertion below
            errors.append(error)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = file_connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM note")
        assert cursor.fetchone()[0] == 8 * 20
    check.close()


def test_overlapping_read_then_write_transactions_do_not_deadlock(tmp_path):
    """Deferred transactions would both take read locks here and one would fail at once."""
    path = tmp_path / "overlap.sqlite3"
    setup = file_connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
        cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
    setup.close()
    both_reading = threading.Barrier(2)
    errors: list[Exception] = []

    def increment() -> None:
        wrapper = file_connection(path)
        try:
            # What transaction.atomic() does on SQLite: BEGIN with the configured mode.
            wrapper.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
            with wrapper.cursor() as cursor:
                cursor.execute("SELECT value FROM counter WHERE id = 1")
                value = cursor.fetchone()[0]
                # IMMEDIATE makes the second wait at BEGIN, so the barrier times out.
                with contextlib.suppress(threading.BrokenBarrierError):
                    both_reading.wait(timeout=0.5)
                cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
            wrapper.commit()
        except Exception as error:  # collected for the assertion below
            errors.append(error)
        finally:
            wrapper.close()

    threads = [threading.Thread(target=increment) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    check = file_connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        assert cursor.fetchone()[0] == 2  # no lost update either
    check.close()
