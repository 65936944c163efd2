"""Editors send an update (test, then everyone after a confirmation) and export subscribers;
members subscribe from their account."""

import csv
import io

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone

from mscos.newsletter.models import Delivery, Mailing, Subscriber, Suppression
from mscos.newsletter.selectors import address_digest
from mscos.updates.models import UpdatePage
from tests.newsletter.conftest import body_html, body_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def week_22(demo_site) -> UpdatePage:
    return UpdatePage.objects.get(label="Week 22")


def active(consent, email, **fields):
    return Subscriber.objects.create(
        email=email,
        consent_text=consent,
        consented_at=timezone.now(),
        status=Subscriber.ACTIVE,
        **fields,
    )


def test_editor_sends_a_test_then_everyone_once_after_confirming(
    client, editor, week_22, consent, smtp_inbox, django_capture_on_commit_callbacks
):
    EmailAddress.objects.create(user=editor, email="ed@example.org", verified=True, primary=True)
    readers = [active(consent, f"reader{i}@example.org") for i in range(3)]
    client.force_login(editor)
    url = f"/admin/updates/{week_22.pk}/send/"
    assert "Send by email" in client.get(f"/admin/pages/{week_22.pk}/edit/").content.decode()

    client.post(url, {"action": "test"})
    [test_message] = smtp_inbox.to("ed@example.org")
    assert test_message["Subject"].startswith("[Test]")
    assert smtp_inbox.to(readers[0].email) == []

    review = client.post(url, {"action": "review"})
    assert "This sends the update to 3 subscribers" in review.content.decode()
    assert not Mailing.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "confirm"})
        client.post(url, {"action": "confirm"})  # a second click sends nothing more
    for reader in readers:
        [message] = smtp_inbox.to(reader.email)
        assert message["Subject"] == "Community update: Week 22"
        html, text = body_html(message), body_text(message)
        assert "Victim Navigator programme" in html and "Victim Navigator programme" in text
        assert "<img" not in html  # readable without images, nothing to track opens
        assert 'href="/' not in html  # every link absolute
        assert "http://testserver/community-of-practice/updates/" in text
    assert Delivery.objects.filter(status=Delivery.SENT).count() == 3
    progress_page = client.get(url).content.decode()
    assert "3 sent, 0 failed, 0 waiting, of 3." in progress_page


def test_members_cannot_send(client, member, week_22):
    client.force_login(member)
    response = client.get(f"/admin/updates/{week_22.pk}/send/")
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next=/admin/updates/{week_22.pk}/send/"


def test_editors_export_subscribers_as_csv(client, editor, consent):
    active(consent, "one@example.org", name="One", source="home")
    active(consent, "two@example.org", source="update")
    client.force_login(editor)
    listing = client.get("/admin/newsletter/subscriber/")
    assert listing.status_code == 200 and "one@example.org" in listing.content.decode()
    response = client.get("/admin/newsletter/subscriber/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    emails = {row[0] for row in rows[1:]}
    assert emails == {"one@example.org", "two@example.org"}


def test_a_member_subscribes_a_verified_address_from_the_account(
    client, member, consent, outcome_page
):
    EmailAddress.objects.create(user=member, email="river@example.org", verified=True, primary=True)
    Suppression.objects.create(
        address_digest=address_digest("river@example.org"), reason="unsubscribed"
    )
    client.force_login(member)
    page = client.get("/newsletter/account/")
    assert "river@example.org" in page.content.decode()
    response = client.post(
        "/newsletter/account/",
        {"consent": "on", "consent_version": consent.version, "interests": [outcome_page.pk]},
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="river@example.org")
    assert subscriber.status == Subscriber.ACTIVE and subscriber.user == member
    assert not Suppression.objects.exists()  # their own choice lifts the earlier suppression
    client.post("/newsletter/account/", {"action": "unsubscribe"})
    assert not Subscriber.objects.exists()
    assert Suppression.objects.filter(reason="unsubscribed").exists()
