"""Sending a mailing: one message each, temporary failures retried, permanent ones recorded."""

import datetime

import pytest
from django.utils import timezone

from mscos.newsletter import sending, services
from mscos.newsletter.models import Delivery, Mailing, Subscriber
from mscos.newsletter.selectors import is_suppressed, mailing_progress
from tests.newsletter.conftest import body_html, body_text

pytestmark = pytest.mark.django_db


def make_subscribers(consent, count: int) -> list[Subscriber]:
    return [
        Subscriber.objects.create(
            email=f"reader{i}@example.org",
            consent_text=consent,
            consented_at=timezone.now(),
            status=Subscriber.ACTIVE,
        )
        for i in range(count)
    ]


def start(subject="Community update: Week 3", html='<p>Hi <a href="/forums/">forums</a></p>'):
    return services.mailing_start(
        page=None, subject=subject, html_body=html, text_body="Hi", acting_user=None
    )


def test_every_subscriber_gets_one_mail_with_a_fixed_message_id(
    smtp_inbox, consent, django_capture_on_commit_callbacks
):
    people = make_subscribers(consent, 5)
    Subscriber.objects.create(
        email="waiting@example.org", consent_text=consent, consented_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailing = start()
    for person in people:
        [message] = smtp_inbox.to(person.email)
        delivery = Delivery.objects.get(mailing=mailing, subscriber=person)
        assert message["Message-ID"] == delivery.message_id
        assert message["From"].addresses[0].display_name == "Community update"
        assert message.get_body(preferencelist=("plain",)) and body_html(message)
        assert "Hi" in body_text(message)
    assert smtp_inbox.to("waiting@example.org") == []
    assert len(smtp_inbox.messages) == 5
    progress = mailing_progress(mailing)
    assert (progress.sent, progress.failed, progress.total) == (5, 0, 5)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.FINISHED


def test_temporary_failures_are_retried_after_a_backoff_and_permanent_ones_recorded(
    smtp_inbox, consent, settings, django_capture_on_commit_callbacks
):
    people = make_subscribers(consent, 3)
    smtp_inbox.refuse_once[people[0].email] = "451 4.3.0 Try again later"
    smtp_inbox.refuse[people[1].email] = "550 5.1.1 No such mailbox"
    with django_capture_on_commit_callbacks(execute=True):
        mailing = start()
    temporary = Delivery.objects.get(mailing=mailing, subscriber=people[0])
    assert temporary.status == Delivery.PENDING and temporary.attempts == 1
    assert temporary.next_attempt_at > timezone.now() + datetime.timedelta(seconds=30)
    permanent = Delivery.objects.get(mailing=mailing, subscriber__isnull=True)
    assert permanent.status == Delivery.FAILED and "550" in permanent.last_error
    assert is_suppressed(people[1].email)
    assert len(smtp_inbox.to(people[2].email)) == 1

    # Nothing is due yet: running again sends nothing.
    assert sending.deliver(mailing.pk) is not None
    assert smtp_inbox.to(people[0].email) == []
    Delivery.objects.filter(pk=temporary.pk).update(next_attempt_at=timezone.now())
    assert sending.deliver(mailing.pk) is None
    assert len(smtp_inbox.to(people[0].email)) == 1
    progress = mailing_progress(mailing)
    assert (progress.sent, progress.failed, progress.total) == (2, 1, 3)


def test_a_subject_with_a_line_break_is_never_sent(
    smtp_inbox, consent, django_capture_on_commit_callbacks
):
    make_subscribers(consent, 1)
    with pytest.raises(Exception, match="line breaks"):
        start(subject="Week 3\r\nBcc: everyone@example.org")
    assert not Mailing.objects.exists()
    # Even a subject smuggled into the database is refused at sending time.
    with django_capture_on_commit_callbacks(execute=True):
        mailing = start()
    Mailing.objects.filter(pk=mailing.pk).update(
        subject="Week 3\nBcc: everyone@example.org", status=Mailing.SENDING
    )
    Delivery.objects.update(status=Delivery.PENDING)
    smtp_inbox.clear()
    sending.deliver(mailing.pk)
    assert smtp_inbox.messages == []
    assert Delivery.objects.get().status == Delivery.FAILED


def test_newsletter_settings_refuse_line_breaks_in_sender_and_subject():
    from django.core.exceptions import ValidationError

    from mscos.newsletter.models import NewsletterSettings

    settings_object = NewsletterSettings(
        sender_name="News\r\nBcc: x@example.org", subject_template="Update {label}\nBcc: y"
    )
    with pytest.raises(ValidationError) as error:
        settings_object.full_clean()
    assert {"sender_name", "subject_template"} <= set(error.value.message_dict)


def test_a_stalled_mailing_is_resumed_and_one_waiting_for_a_retry_is_left_alone(
    smtp_inbox, consent, settings, django_capture_on_commit_callbacks
):
    people = make_subscribers(consent, 2)
    with django_capture_on_commit_callbacks(execute=True):
        mailing = start()
    smtp_inbox.clear()
    long_ago = timezone.now() - datetime.timedelta(minutes=10)
    # As a killed worker leaves it: one row claimed, nothing heard from it since.
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.SENDING, heartbeat_at=long_ago)
    Delivery.objects.filter(subscriber=people[0]).update(
        status=Delivery.SENDING, claimed_at=long_ago, sent_at=None
    )
    Delivery.objects.filter(subscriber=people[1]).update(
        status=Delivery.PENDING, next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert sending.resume_stalled() == [mailing.pk]
    assert len(smtp_inbox.to(people[0].email)) == 1
    assert smtp_inbox.to(people[1].email) == []  # its retry is not due yet
    Mailing.objects.filter(pk=mailing.pk).update(heartbeat_at=long_ago)
    assert sending.resume_stalled() == []
