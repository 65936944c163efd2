"""Two caseworkers save the same check-in at the same moment, each from the version they opened:
one save is kept whole, the other is told and changes nothing, on SQLite and on PostgreSQL.

On PostgreSQL the two saves race in two threads of the test process, each with its own
connection. The test's in-memory SQLite database cannot hold two writers at all (it refuses the
second at once instead of making it wait, as a database file does), so on SQLite the race runs in
a separate process against a database file set up as `make run` sets it up.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[2]

RACE = """
import json
import django

django.setup()
from django.core.management import call_command

call_command("migrate", verbosity=0)
from tests.measurement.check_in_race import race, set_up

print(json.dumps(race(*set_up())))
"""


def _report_from_a_sqlite_file(tmp_path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(  # noqa: S603 (this project's own Python)
        [sys.executable, "-c", RACE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_check_in_at_the_same_moment_lose_nothing(tmp_path):
    from tests.measurement.check_in_race import race, set_up

    if connection.vendor == "sqlite":
        report = _report_from_a_sqlite_file(tmp_path)
    else:
        report = race(*set_up())
    assert sorted(report["results"].values()) == ["conflict", "saved"], report
    winner = next(who for who, result in report["results"].items() if result == "saved")
    # The winner's answers, every one of them, and none of the other's; one new version.
    assert report["version"] == 2
    assert report["answers"] == {"lead": ["4", "yes"], "casey": ["1", "no"]}[winner]
    assert report["saves_logged"] == 2  # the baseline's first save and the winner's
