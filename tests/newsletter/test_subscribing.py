"""Subscribing with double opt-in, preferences and one-click unsubscribe, mail through aiosmtpd."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from mscos.newsletter import services
from mscos.newsletter.models import Subscriber, Suppression
from mscos.newsletter.selectors import is_suppressed
from tests.newsletter.conftest import body_text

pytestmark = pytest.mark.django_db

ADDRESS = "reader@example.org"


def subscribe(client, consent, **fields):
    data = {"email": ADDRESS, "name": "", "consent": "on", "consent_version": consent.version}
    data.update(fields)
    return client.post("/newsletter/subscribe/", data)


def link_in(message, path_start: str) -> str:
    match = re.search(
        r"http://testserver(" + re.escape(path_start) + r"[^\s>]+)", body_text(message)
    )
    assert match, body_text(message)
    return match.group(1)


def test_double_opt_in_sends_only_the_confirmation_until_the_link_is_followed(
    client, smtp_inbox, consent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, consent, name="Robin")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    [confirmation] = smtp_inbox.to(ADDRESS)
    assert "confirm" in confirmation["Subject"].lower()
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.PENDING
    assert subscriber.consent_text == consent and subscriber.consented_at is not None

    confirm_path = link_in(confirmation, "/newsletter/confirm/")
    # A mail scanner following the link does not subscribe anyone.
    assert client.get(confirm_path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.PENDING
    # The button works without any cookie or CSRF token: the signed link is the proof.
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(confirm_path).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.ACTIVE and subscriber.confirmed_at


def test_the_same_address_twice_changes_nothing_and_reveals_nothing(
    client, smtp_inbox, consent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = subscribe(client, consent, name="Robin")
        second = subscribe(client, consent, name="Someone else")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert len(smtp_inbox.to(ADDRESS)) == 1
    assert Subscriber.objects.get(email=ADDRESS).name == "Robin"

    Subscriber.objects.filter(email=ADDRESS).update(status=Subscriber.ACTIVE)
    with django_capture_on_commit_callbacks(execute=True):
        third = subscribe(client, consent, email=ADDRESS.upper())
    assert third["Location"] == first["Location"]
    assert len(smtp_inbox.to(ADDRESS)) == 1
    assert Subscriber.objects.count() == 1


def test_a_suppressed_address_gets_no_mail_and_the_same_answer(
    client, smtp_inbox, consent, django_capture_on_commit_callbacks
):
    services.suppress_address(email=ADDRESS, reason=Suppression.UNSUBSCRIBED)
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, consent)
    assert response.status_code == 302
    assert smtp_inbox.to(ADDRESS) == []
    assert not Subscriber.objects.exists()


def test_subscribe_pages_set_no_cookie_for_readers(client, consent):
    assert client.get("/newsletter/subscribe/").cookies == {}
    response = subscribe(client, consent)
    assert response.status_code == 302
    assert response.cookies == {}


@pytest.mark.parametrize(
    "name", ["Eve\r\nBcc: victim@example.org", "Eve\nSubject: hi", "Eve\u2028Bcc: x@y.z"]
)
def test_header_injection_in_the_name_is_refused_and_nothing_saved(
    client, smtp_inbox, consent, name, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client, consent, name=name)
    assert response.status_code == 400
    assert "without line breaks" in response.content.decode()
    assert ADDRESS in response.content.decode()  # the form comes back filled in
    assert not Subscriber.objects.exists()
    assert smtp_inbox.messages == []


def test_missing_consent_is_a_friendly_error(client, consent):
    response = client.post(
        "/newsletter/subscribe/", {"email": ADDRESS, "consent_version": consent.version}
    )
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_a_forged_or_mangled_token_opens_nothing(client, consent):
    subscriber = Subscriber.objects.create(
        email=ADDRESS, consent_text=consent, consented_at="2026-01-01T00:00Z"
    )
    assert (
        client.get(f"/newsletter/preferences/{subscriber.pk}.{subscriber.key}:x/").status_code
        == 404
    )
    assert client.post(f"/newsletter/confirm/{subscriber.pk}:abc/").status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.PENDING


def test_one_click_unsubscribe_works_as_the_header_promises(
    smtp_inbox, consent, django_capture_on_commit_callbacks, settings
):
    from mscos.newsletter.tasks import send_mailing

    Subscriber.objects.create(
        email=ADDRESS, consent_text=consent, consented_at="2026-01-01T00:00Z", status="active"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.mailing_start(
            page=None,
            subject="Community update: Week 1",
            html_body='<p>Hello</p><a href="%%UNSUBSCRIBE_URL%%">Unsubscribe</a>',
            text_body="Hello\n%%PREFERENCES_URL%%\n%%UNSUBSCRIBE_URL%%",
            acting_user=None,
        )
    [message] = smtp_inbox.to(ADDRESS)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    assert url.startswith("http://testserver/newsletter/unsubscribe/")
    assert url in body_text(message)

    # A mail provider's POST: no cookie, no CSRF token, just the body RFC 8058 prescribes.
    response = Client(enforce_csrf_checks=True).post(
        urlsplit(url).path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email=ADDRESS).exists()
    assert is_suppressed(ADDRESS)
    assert not Suppression.objects.filter(address_digest__contains="example").exists()

    smtp_inbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_subscription(
            email=ADDRESS, consent_text_version=consent.version, source="test"
        )
        Subscriber.objects.create(
            email="other@example.org",
            consent_text=consent,
            consented_at="2026-01-01T00:00Z",
            status="active",
        )
        services.mailing_start(
            page=None, subject="Week 2", html_body="<p>2</p>", text_body="2", acting_user=None
        )
    assert smtp_inbox.to(ADDRESS) == []
    assert len(smtp_inbox.to("other@example.org")) == 1
    assert send_mailing  # the task ran through the immediate backend


def test_preferences_link_changes_interests_without_signing_in(
    client, consent, outcome_page, smtp_inbox, django_capture_on_commit_callbacks
):
    from mscos.newsletter.messages import preferences_url

    subscriber = Subscriber.objects.create(
        email=ADDRESS, consent_text=consent, consented_at="2026-01-01T00:00Z", status="active"
    )
    path = urlsplit(preferences_url(subscriber)).path
    page = client.get(path)
    assert page.status_code == 200 and ADDRESS in page.content.decode()
    assert page.cookies == {}
    response = Client(enforce_csrf_checks=True).post(
        path, {"name": "Robin", "interests": [outcome_page.pk]}
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.name == "Robin"
    assert list(subscriber.interests.all()) == [outcome_page]
    bad = client.post(path, {"name": "Robin\r\nBcc: x@example.org"})
    assert bad.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.name == "Robin"
