"""Joining: the form records the person, asks for updates only with consent, offers an account."""

import pytest

from mscos.joining.models import JoinRequest
from mscos.outcomes.models import OutcomePage
from tests.bot_check import human

JOIN = "/get-involved/join/"


def join(client, **fields):
    from mscos.newsletter.selectors import current_consent_text

    data = {
        "consent_version": current_consent_text().version,
        "name": "Sam",
        "email": "Sam@Example.org",
        "role": "practitioner",
        "organisation": "",
        "country": "Romania",
        **fields,
    }
    return client.post(JOIN, human(data))


@pytest.mark.django_db
def test_joining_with_consent_records_interests_and_asks_for_the_updates(client, demo_site):
    assert "Join the Community of Practice" in client.get("/get-involved/").text
    housing = OutcomePage.objects.get(slug="secure-and-suitable-housing")
    response = join(client, outcomes=[housing.pk], consent_to_updates="on")
    assert response.status_code == 200
    assert "Thank you, Sam" in response.text
    assert "Nothing is sent until you confirm" in response.text
    assert 'href="/account/signup/"' in response.text
    joined = JoinRequest.objects.get()
    assert joined.email == "sam@example.org"
    assert list(joined.outcomes.all()) == [housing]
    assert joined.subscription_requested_at is not None


@pytest.mark.django_db
def test_joining_without_consent_asks_for_nothing(client, demo_site):
    response = join(client, role="lived_experience")
    assert "Thank you, Sam" in response.text
    assert "Nothing is sent until you confirm" not in response.text
    assert JoinRequest.objects.get().subscription_requested_at is None


@pytest.mark.django_db
def test_mistakes_keep_what_was_written(client, demo_site):
    response = join(client, email="sam-at-example", organisation="Helping Hands", role="")
    assert "Enter a valid email address." in response.text
    assert 'value="Helping Hands"' in response.text
    assert 'value="Romania"' in response.text
    assert not JoinRequest.objects.exists()


@pytest.mark.django_db
def test_joining_is_rate_limited(client, demo_site, fresh_cache):
    for number in range(5):
        join(client, email=f"p{number}@example.org")
    response = join(client, email="sixth@example.org", organisation="Kept")
    assert response.status_code == 429
    assert 'value="Kept"' in response.text
    assert JoinRequest.objects.count() == 5


@pytest.mark.django_db
def test_joining_with_consent_mails_the_newsletter_confirmation_and_nothing_else(
    client, demo_site, smtp_server, django_capture_on_commit_callbacks
):
    from mscos.newsletter.models import Subscriber
    from mscos.newsletter.selectors import current_consent_text

    consent = current_consent_text()
    housing = OutcomePage.objects.get(slug="secure-and-suitable-housing")
    form_page = client.get(JOIN).text
    assert f'value="{consent.version}"' in form_page
    with django_capture_on_commit_callbacks(execute=True):
        join(
            client,
            outcomes=[housing.pk],
            consent_to_updates="on",
            consent_version=consent.version,
        )
    subscriber = Subscriber.objects.get(email="sam@example.org")
    assert subscriber.status == Subscriber.PENDING and subscriber.consent_text == consent
    assert list(subscriber.interests.all()) == [housing]
    [confirmation] = smtp_server.to("sam@example.org")
    assert "confirm" in confirmation["Subject"].lower()


@pytest.mark.django_db
def test_consent_to_an_older_consent_text_is_asked_again(client, demo_site, smtp_server):
    from mscos.newsletter.models import Subscriber

    response = join(client, consent_to_updates="on", consent_version="an-old-version")
    assert "The consent text has changed" in response.text
    assert not JoinRequest.objects.exists() and not Subscriber.objects.exists()
    assert smtp_server.messages == []


@pytest.mark.django_db
def test_a_name_with_a_line_break_is_refused_before_anything_is_saved(client, demo_site):
    response = join(client, name="Sam\nBcc: everyone@example.org", consent_to_updates="on")
    assert "without line breaks" in response.text
    assert not JoinRequest.objects.exists()
