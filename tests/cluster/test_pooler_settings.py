"""PgBouncer in transaction mode hands each transaction whichever server connection is free, so the
settings behind it keep nothing from one transaction to the next (docs/deploy.md, "Several
servers")."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mscos.settings.environment import database_behind_pooler

REPO = Path(__file__).resolve().parents[2]
POSTGRES = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "mscos",
    "CONN_MAX_AGE": 60,
    "OPTIONS": {"sslmode": "prefer"},
}


def test_behind_pgbouncer_nothing_outlives_a_transaction():
    database = database_behind_pooler(POSTGRES, "pgbouncer")
    assert database["CONN_MAX_AGE"] == 0
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert database["OPTIONS"] == {"sslmode": "prefer", "prepare_threshold": None}
    assert POSTGRES["CONN_MAX_AGE"] == 60  # the settings it was given are left as they were


def test_without_a_pooler_connections_are_kept():
    assert database_behind_pooler(POSTGRES, "") == POSTGRES


def test_an_unknown_pooler_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOLER"):
        database_behind_pooler(POSTGRES, "pgpool")


def test_the_environment_variable_reaches_the_settings():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['DISABLE_SERVER_SIDE_CURSORS'], d['OPTIONS'])"
    )
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
        "SECRET_KEY": "pooler-settings-test",
        "DATABASE_URL": "postgres://mscos@127.0.0.1:6432/mscos",
        "DATABASE_POOLER": "pgbouncer",
    }
    shown = subprocess.run(  # noqa: S603 (this project's own Python)
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shown.strip() == "0 True {'prepare_threshold': None}"
