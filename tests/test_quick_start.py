"""The README's quick start, as a newcomer runs it: `make run` serves the site; Ctrl-C stops it."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_find_python_prints_a_recent_interpreter():
    result = subprocess.run(  # noqa: S603
        [str(REPO / "bin" / "find-python.sh")], capture_output=True, text=True, check=True
    )
    version = subprocess.run(  # noqa: S603
        [result.stdout.strip(), "-c", "import sys; print(sys.version_info[:2] >= (3, 12))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == "True"


def test_find_python_explains_what_is_missing(tmp_path):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    for tool in ["sh", "ls", "sort", "dirname", "cat"]:
        if found := shutil.which(tool):
            (empty_bin / tool).symlink_to(found)
    result = subprocess.run(  # noqa: S603
        ["/bin/sh", str(REPO / "bin" / "find-python.sh")],
        env={
            "PATH": str(empty_bin),
            "PYENV_ROOT": str(tmp_path / "no-pyenv"),
            "HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "No Python 3.12 or newer was found" in result.stderr


def processes_in_session(session_id: int) -> str:
    """Command lines of every process in the session that `make run` started."""
    listing = subprocess.run(
        ["ps", "-e", "-o", "sess=,args="],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "\n".join(
        line.split(None, 1)[1]
        for line in listing.splitlines()
        if line.split(None, 1)[0] == str(session_id) and len(line.split(None, 1)) == 2
    )


def wait_for(url: str, process: subprocess.Popen, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"make run exited early:\n{process.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                return response.read()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_make_run_serves_the_site_and_ctrl_c_stops_everything(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    env.pop("DATABASE_URL", None)  # the quick start is the embedded SQLite database
    env.pop("SITE_URL", None)  # the address comes from where it is served
    # Nor Redis: on the PostgreSQL + Redis pass the other test processes share it, and their
    # cached Wagtail site paths (at 127.0.0.1:8000) would answer for this site's.
    env.pop("REDIS_URL", None)
    env.pop("REDIS_KEY_PREFIX", None)
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run"],  # noqa: S607
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        # The first run migrates and loads the demo: minutes on a busy machine.
        home = wait_for(f"http://127.0.0.1:{port}/", process, seconds=300).decode()
        assert 'id="exit-this-page"' in home
        # Served on a port of its own, the site's absolute links say that port (not 8000, not
        # Wagtail's localhost:80): the canonical link, the sitemap.
        origin = f"http://127.0.0.1:{port}"
        assert f'<link rel="canonical" href="{origin}/">' in home
        sitemap = wait_for(f"{origin}/sitemap.xml", process, seconds=10).decode()
        assert f"<loc>{origin}/core-outcomes/</loc>" in sitemap
        assert "localhost" not in sitemap and ":8000" not in sitemap
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/core-outcomes/") as response:
            assert response.headers["Server"].startswith("gunicorn")
        static = home.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{static}") as response:
            assert response.status == 200 and b"--exit" in response.read()
        assert (tmp_path / "var" / "db.sqlite3").exists()
        assert (tmp_path / "var" / "secret_key").exists()
        processes = processes_in_session(process.pid)
        with pytest.raises(urllib.error.HTTPError) as not_found:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page/")
        page = not_found.value.read().decode()
        assert not_found.value.code == 404
        assert "We could not find that page" in page  # the site's page, not DEBUG's report
        assert "URLconf" not in page
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in the terminal sends
        output, _ = process.communicate(timeout=60)
    assert "db_worker" in processes, f"{processes}\n{output}"
    assert "run_scheduler" in processes, f"{processes}\n{output}"
    assert f"Local admin: http://127.0.0.1:{port}/admin/" in output and "password:" in output
    assert f"Admin: http://127.0.0.1:{port}/admin/" in output
    remaining = processes_in_session(process.pid)
    assert remaining.strip() == "", f"still running after Ctrl-C: {remaining}"
