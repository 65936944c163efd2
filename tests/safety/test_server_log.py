"""gunicorn's own log lines carry no client address, whatever a client sends.

A real gunicorn, started with the project's gunicorn.conf.py on a loopback address of its own, gets
requests it must refuse (gunicorn logs `Invalid request from ip=…` for each); everything it writes
is then searched for the address the requests came from.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_ADDRESS = "127.0.0.2"
CLIENT_ADDRESS = "127.0.0.3"
ANY_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])")


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _send_raw(port: int, payload: bytes) -> bytes:
    with socket.create_connection(
        (SERVER_ADDRESS, port), timeout=10, source_address=(CLIENT_ADDRESS, 0)
    ) as connection:
        connection.sendall(payload)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def _wait_until_listening(port: int, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped at start: {server.communicate()}")
        try:
            socket.create_connection((SERVER_ADDRESS, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start listening in time")


def _loopback_aliases_work() -> bool:
    try:
        with socket.socket() as probe:
            probe.bind((CLIENT_ADDRESS, 0))
        return True
    except OSError:
        return False


def test_refused_requests_leave_no_client_address_in_anything_gunicorn_writes(tmp_path):
    if not _loopback_aliases_work():
        message = f"{CLIENT_ADDRESS} cannot be bound here (Linux routes all of 127/8 to lo)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port(SERVER_ADDRESS)
    env = {
        **{key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"},
        "DJANGO_SETTINGS_MODULE": "mscos.settings.test",
        "WEB_CONCURRENCY": "1",
    }
    stdout_path, stderr_path = tmp_path / "stdout.log", tmp_path / "stderr.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        server = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"{SERVER_ADDRESS}:{port}",
                "--log-level",
                "debug",
                "mscos.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            _wait_until_listening(port, server, time.monotonic() + 60)
            answers = [
                _send_raw(port, b"THIS IS NOT HTTP\r\n\r\n"),
                _send_raw(port, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
                _send_raw(port, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\x01: y\r\n\r\n"),
            ]
            time.sleep(0.5)  # the worker's log lines are written after the answer
        finally:
            server.terminate()
            server.wait(timeout=30)
    statuses = [answer.split(b" ", 2)[1] for answer in answers]
    assert statuses == [b"400", b"414", b"400"], answers  # refused, each logged by gunicorn
    written = stdout_path.read_text(errors="replace") + stderr_path.read_text(errors="replace")
    assert "Invalid request" in written  # gunicorn did log each refusal
    assert CLIENT_ADDRESS not in written
    assert "127.0.0.1" not in written
    assert ANY_IPV4.findall(written) == []
