"""A real SMTP server (aiosmtpd) on the loopback address receives every mail in these tests."""

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller

from mscos.newsletter.defaults import FIRST_CONSENT_TEXT, FIRST_CONSENT_VERSION
from mscos.newsletter.models import ConsentText


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Inbox:
    """What the server accepted; `refuse` maps an address to an RCPT reply such as "550 ..."."""

    messages: list = field(default_factory=list)
    refuse: dict = field(default_factory=dict)
    refuse_once: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse_once:
            return self.refuse_once.pop(address)
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        with self.lock:
            return [message for rcpts, message in self.messages if address in rcpts]

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    settings.SITE_URL = "http://testserver"
    inbox.port = port
    yield inbox
    controller.stop()


@pytest.fixture
def consent(db) -> ConsentText:
    consent, _created = ConsentText.objects.get_or_create(
        version=FIRST_CONSENT_VERSION, defaults={"text": FIRST_CONSENT_TEXT}
    )
    return consent


def body_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def body_html(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
