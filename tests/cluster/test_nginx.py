# ruff: noqa: S603 (the commands are this project's own and Debian's nginx)
"""deploy/nginx-site.conf, run: nginx from Debian's package in front of one gunicorn app server on
loopback, with the file as shipped except what a machine of its own would change (ports instead of
80/443 without the certificate, the log and data folders). It serves static files and pictures'
sizes from disk, passes pages to the app, redirects plain HTTP, and never writes a client's
address into a log, even the one a client claims in X-Forwarded-For, even when the app is down.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.cluster

REPO = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
CLIENT = "127.0.0.2"  # the reader's address: loopback, but not the one the servers use
CLAIMED = "203.0.113.7"  # what a client writes into X-Forwarded-For
PORTS = range(8151, 8170)  # this test's own ports


def _ports(count: int) -> list[int]:
    found = []
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError("no free port in 8151-8169")


def site_config(directory: Path, app: int, https: int, http: int) -> str:
    """The shipped site config with this machine's ports and folders; each change must apply."""
    text = (REPO / "deploy" / "nginx-site.conf").read_text()
    changes = [
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app};"),
        ("    listen 80;\n", f"    listen 127.0.0.1:{http};\n"),
        ("    listen [::]:80;\n", ""),
        ("    listen 443 ssl;\n", f"    listen 127.0.0.1:{https};\n"),
        ("    listen [::]:443 ssl;\n", ""),
        ("    http2 on;\n", ""),
        ("/var/log/nginx/", f"{directory}/log/"),
        ("/srv/mscos/var/", f"{directory}/var/"),
    ]
    for old, new in changes:
        assert old in text, f"deploy/nginx-site.conf no longer has {old!r}"
        text = text.replace(old, new)
    text = re.sub(r"\n\s*ssl_[a-z_]+ [^;]+;", "", text)
    return text


def main_config(directory: Path, site: Path) -> str:
    return f"""
user root;
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/log/main.error.log error;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {directory}/work/body;
    proxy_temp_path {directory}/work/proxy;
    fastcgi_temp_path {directory}/work/fastcgi;
    uwsgi_temp_path {directory}/work/uwsgi;
    scgi_temp_path {directory}/work/scgi;
    include {site};
}}
"""


def _wait(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {seconds:.0f} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class FromClient(requests.adapters.HTTPAdapter):
    """Connections from CLIENT's address, as a reader's would come from theirs."""

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (CLIENT, 0)
        super().init_poolmanager(*args, **kwargs)


@pytest.fixture(scope="module")
def nginx_in_front(tmp_path_factory):
    if not os.access(NGINX, os.X_OK):
        message = "nginx is not installed (apt-get install nginx)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI installs it: .ci/run)")
        pytest.skip(message)
    directory = tmp_path_factory.mktemp("nginx")
    for folder in ("log", "work", "var/media/images", "var/static"):
        (directory / folder).mkdir(parents=True)
    app, https, http = _ports(3)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mscos.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory}/db.sqlite3",
        "VAR_DIR": str(directory / "var"),
        "SECRET_KEY": "nginx-test-only",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{https}",
        "TRUSTED_PROXY_COUNT": "1",
        "WEB_CONCURRENCY": "1",
    }
    for name in ("REDIS_URL", "MEDIA_S3_BUCKET"):
        env.pop(name, None)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([*manage, *command], cwd=REPO, env=env, check=True, capture_output=True)
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{app}",
            "mscos.wsgi",
        ],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=(directory / "log" / "gunicorn.log").open("w"),
    )
    site = directory / "site.conf"
    site.write_text(site_config(directory, app, https, http))
    main = directory / "nginx.conf"
    main.write_text(main_config(directory, site))
    checked = subprocess.run([NGINX, "-t", "-c", str(main)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    nginx = subprocess.Popen([NGINX, "-c", str(main)], start_new_session=True)
    try:
        _wait(f"http://127.0.0.1:{app}/robots.txt")
        _wait(f"http://127.0.0.1:{https}/robots.txt")
        session = requests.Session()
        session.mount("http://", FromClient())
        yield {
            "directory": directory,
            "https": https,
            "http": http,
            "gunicorn": gunicorn,
            "session": session,
        }
    finally:
        _stop(nginx)
        _stop(gunicorn)
        shutil.rmtree(directory / "work", ignore_errors=True)


def test_nginx_serves_static_files_and_pictures_passes_pages_and_logs_no_address(nginx_in_front):
    directory, session = nginx_in_front["directory"], nginx_in_front["session"]
    base = f"http://127.0.0.1:{nginx_in_front['https']}"
    claimed = {"X-Forwarded-For": CLAIMED}

    # Pages come from the app, through nginx.
    home = session.get(f"{base}/forums/", headers=claimed, timeout=30)
    assert home.status_code == 200
    assert "data-exit-this-page" in home.text  # the page shell, rendered by the app
    stylesheet = re.search(r'rel="stylesheet" href="(/static/[^"]+)"', home.text).group(1)
    assert session.get(f"{base}/no-such-page/", timeout=30).status_code == 404

    # Static files from disk: one collectstatic wrote, and one only the disk has (the app would
    # answer 404 for it), so nginx is the one answering.
    css = session.get(f"{base}{stylesheet}", timeout=10)
    assert css.status_code == 200
    assert css.content == (directory / "var" / stylesheet.removeprefix("/")).read_bytes()
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    (directory / "var/static/only-on-disk.txt").write_text("from nginx")
    assert session.get(f"{base}/static/only-on-disk.txt", timeout=10).text == "from nginx"
    (directory / "var/media/images/a-size.webp").write_bytes(b"RIFF-a-picture")
    picture = session.get(f"{base}/media/images/a-size.webp", timeout=10)
    assert (picture.status_code, picture.content) == (200, b"RIFF-a-picture")
    assert session.get(f"{base}/media/original_images/x.png", timeout=10).status_code == 404

    # Plain HTTP is sent to HTTPS.
    plain = session.get(
        f"http://127.0.0.1:{nginx_in_front['http']}/forums/", allow_redirects=False, timeout=10
    )
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://127.0.0.1")

    # The app goes away: nginx answers 502 for it.
    _stop(nginx_in_front["gunicorn"])
    assert session.get(f"{base}/forums/", headers=claimed, timeout=30).status_code == 502

    time.sleep(1)  # nginx writes its logs as each request ends
    access = (directory / "log" / "mscos.access.log").read_text()
    assert f'"GET {stylesheet} HTTP/1.1" 200' in access
    assert '"GET /forums/ HTTP/1.1" 502' in access
    for log in (directory / "log").glob("*.log"):
        text = log.read_text()
        assert CLIENT not in text, f"{log.name} names the client's address"
        assert CLAIMED not in text, f"{log.name} names the address the client claimed"
