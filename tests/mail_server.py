"""A real SMTP server on the loopback address (aiosmtpd), for tests that check what mail says.

Use the `smtp_server` fixture (import it into an area's conftest.py): it points the default
mailer at the server and collects every message it receives, parsed. `running(Inbox())` is the
same server without the settings, for tests whose mail comes from another process.
"""

import email
import email.policy
import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

# aiosmtpd logs every SMTP command at INFO; the tests read the messages instead.
logging.getLogger("mail.log").setLevel(logging.WARNING)


class Inbox:
    """The server's handler: what it accepted, parsed, each with an `X-Envelope-To` header.

    `refuse` maps an address to an RCPT reply such as "550 5.1.1 No such mailbox";
    `refuse_once` does so for the next attempt only.
    """

    def __init__(self):
        self._messages: list[EmailMessage] = []
        self.refuse: dict[str, str] = {}
        self.refuse_once: dict[str, str] = {}
        self.port = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse_once:
            return self.refuse_once.pop(address)
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self.lock:
            self._messages.append(message)
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return list(self._messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m["X-Envelope-To"].split(", ")]

    def clear(self) -> None:
        with self.lock:
            self._messages.clear()

    def wait_for(self, count: int, seconds: float = 5) -> list[EmailMessage]:
        """The messages, once `count` have arrived or `seconds` have passed."""
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


def body_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def attachments_of(message: EmailMessage) -> dict[str, bytes]:
    return {
        part.get_filename(): part.get_payload(decode=True) for part in message.iter_attachments()
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(inbox: Inbox) -> Iterator[Inbox]:
    """`inbox` listening on a free loopback port for the duration of the block."""
    inbox.port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(settings):
    with running(Inbox()) as inbox:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": inbox.port, "timeout": 10},
            }
        }
        yield inbox
