"""A real SMTP server on the loopback address, and mail sent through it."""

import socket
import threading
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller


class _Collector:
    def __init__(self) -> None:
        self.messages = []
        self.envelopes = []
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.arrived.set()
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """Mail goes to a real SMTP server on 127.0.0.1; the test reads what arrived."""
    collector = _Collector()
    with socket.socket() as probe:  # a free port (aiosmtpd's start-up check needs a real one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    yield collector
    controller.stop()


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    pass
