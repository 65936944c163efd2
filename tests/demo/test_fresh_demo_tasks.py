"""A fresh `make run` loads the demo and starts the task worker: every task the demo queued must
run cleanly (the worker used to print two failed search-index tasks for a page the demo removed)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def manage(*arguments: str, env: dict[str, str]) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    return output


def test_the_tasks_a_fresh_demo_queues_all_succeed(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
    }
    env.pop("DATABASE_URL", None)  # as `make run`: the embedded SQLite database
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("createcachetable", env=env)
    manage("load_demo", env=env)
    log = manage("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", env=env)
    # The scheduler's periodic jobs are not queued here; what the worker ran is the demo's own.
    statuses = manage(
        "shell",
        "-c",
        "from django_tasks_db.models import DBTaskResult as R; "
        "print(sorted(set(R.objects.values_list('status', flat=True))))",
        env=env,
    )
    assert "Traceback" not in log
    assert statuses.strip().splitlines()[-1] == "['SUCCESSFUL']"
