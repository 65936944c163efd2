"""A real SMTP server (aiosmtpd) on the loopback address receives every mail in these tests."""

import pytest

from mscos.newsletter.defaults import FIRST_CONSENT_TEXT, FIRST_CONSENT_VERSION
from mscos.newsletter.models import ConsentText
from tests.mail_server import smtp_server  # noqa: F401 (a fixture)


@pytest.fixture
def smtp_inbox(smtp_server, settings):  # noqa: F811 (the fixture above)
    settings.SITE_URL = "http://testserver"
    return smtp_server


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
