"""The benchmark's processes: where its files live, the environment every process runs with,
and gunicorn started, waited for and stopped (bench/run.py, bench/page_cache.py)."""

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
VAR_DIR = DATA_DIR / "var"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment gunicorn and the generator run with: local settings, DEBUG off.

    The page cache for readers is off (PAGE_CACHE_SECONDS=0): this benchmark measures the pages as
    they are made, as members get them and readers on a miss; bench/page_cache.py measures both."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench",
        "VAR_DIR": str(VAR_DIR),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(REPO_DIR),
        "PAGE_CACHE_SECONDS": "0",
        **extra,
    }
    # Anonymous reads never touch the cache; without Redis both engines run the same way.
    env.pop("REDIS_URL", None)
    env.pop("WEB_CONCURRENCY", None)
    return env


def run_checked(command: list[str], *, env: dict[str, str], timeout: float, what: str) -> str:
    result = subprocess.run(
        command, env=env, cwd=REPO_DIR, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    # BENCH_PORT: a port agreed for this run (several people share the machine's ports).
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 10.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(database_url: str, log_path: Path, **extra_env: str) -> Iterator[tuple[int, int]]:
    """gunicorn with the project's config and 2 workers, stopped (and waited for) afterwards."""
    port = free_port()
    binary = Path(sys.executable).with_name("gunicorn")
    command = [
        str(binary if binary.exists() else shutil.which("gunicorn") or "gunicorn"),
        "--config=gunicorn.conf.py",
        "--workers=2",
        f"--bind=127.0.0.1:{port}",
        # gunicorn's default control socket is one path per user (~/.gunicorn/gunicorn.ctl);
        # this server must not take it over from another gunicorn on the machine.
        "--no-control-socket",
        "mscos.wsgi",
    ]
    with log_path.open("a") as log_file:
        # Output to a file: a pipe nobody reads would fill up and stall the server.
        server = subprocess.Popen(
            command,
            env=server_env(database_url, **extra_env),
            cwd=REPO_DIR,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited ({server.returncode}); see {log_path}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if fetch(port, "/forums/", timeout=5)[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not answer within 60 s; see {log_path}")
            time.sleep(0.25)
        log(f"gunicorn (pid {server.pid}) serving on 127.0.0.1:{port}")
        yield port, server.pid
    finally:
        server.terminate()  # gunicorn stops its workers gracefully on SIGTERM
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # its own session: only what we started
            server.wait(timeout=10)


def wait_until_responsive(port: int) -> None:
    """After slow searches: until a light page answers quickly again (bounded)."""
    deadline = time.monotonic() + 90
    quick_answers = 0
    while quick_answers < 3 and time.monotonic() < deadline:
        begin = time.monotonic()
        with contextlib.suppress(OSError, http.client.HTTPException):
            fetch(port, "/forums/", timeout=5)
        quick_answers = quick_answers + 1 if time.monotonic() - begin < 0.5 else 0


def collect_static() -> None:
    # DEBUG off: pages name static files through WhiteNoise's manifest, so it must exist.
    run_checked(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity=0"],
        env=server_env(f"sqlite:///{VAR_DIR / 'unused.sqlite3'}"),
        timeout=600,
        what="collectstatic",
    )
