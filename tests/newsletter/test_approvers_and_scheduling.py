"""Approvers send updates too; the confirmation shows what will go out; sending can be scheduled
and cancelled; each subscriber is greeted by the name they gave and reads the update's summary."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.html import escape

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.newsletter import services
from mscos.newsletter.models import Delivery, Mailing, Subscriber
from mscos.updates.models import UpdatePage
from tests.conftest import with_two_factor
from tests.newsletter.conftest import body_html, body_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def week_22(demo_site) -> UpdatePage:
    return UpdatePage.objects.get(label="Week 22")


@pytest.fixture
def approver(db) -> User:
    user = User.objects.create_user(
        username="abe", password="a-long-pass-phrase", display_name="Approver Abe", is_staff=True
    )
    user.groups.add(Group.objects.get(name=roles.APPROVER))
    return with_two_factor(user)


def active(consent, email, name=""):
    return Subscriber.objects.create(
        email=email,
        name=name,
        consent_text=consent,
        consented_at=timezone.now(),
        status=Subscriber.ACTIVE,
    )


def local_input(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_an_approver_sees_send_by_email_and_a_full_confirmation(client, approver, week_22, consent):
    active(consent, "ana@example.org", "Ana")
    active(consent, "bo@example.org")
    client.force_login(approver)
    assert "Send by email" in client.get(f"/admin/pages/{week_22.pk}/edit/").text
    review = client.post(f"/admin/updates/{week_22.pk}/send/", {"action": "review"}).text
    assert "Community update: Week 22" in review  # the subject
    assert "Community update &lt;" in review  # the sender, name and address
    assert "2 subscribers" in review  # the audience
    assert f'src="/admin/updates/{week_22.pk}/send/preview/"' in review
    assert "Dear Ana," in review  # how a named subscriber is greeted
    preview = client.get(f"/admin/updates/{week_22.pk}/send/preview/")
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert escape(week_22.summary) in preview.text and "Hello," in preview.text
    assert not Mailing.objects.exists()


def test_members_and_moderators_cannot_send_or_preview(client, member, moderator, week_22):
    for user in (member, moderator):
        client.force_login(user)
        for url in (
            f"/admin/updates/{week_22.pk}/send/",
            f"/admin/updates/{week_22.pk}/send/preview/",
        ):
            response = client.get(url)
            assert response.status_code == 302
            # A member has no admin: sign in as someone who has; a moderator has the admin but
            # not this permission: Wagtail sends them back to the dashboard with a notice.
            expected = f"/account/login/?next={url}" if user == member else "/admin/"
            assert response["Location"] == expected
    assert not Mailing.objects.exists()


def test_each_subscriber_is_greeted_by_name_and_reads_the_summary(
    client, approver, week_22, consent, smtp_inbox, django_capture_on_commit_callbacks
):
    active(consent, "ana@example.org", "Ana")
    active(consent, "nameless@example.org")
    active(consent, "tricky@example.org", "<b>Bo</b>")
    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/updates/{week_22.pk}/send/", {"action": "confirm"})
    [ana] = smtp_inbox.to("ana@example.org")
    [nameless] = smtp_inbox.to("nameless@example.org")
    [tricky] = smtp_inbox.to("tricky@example.org")
    assert "Dear Ana," in body_text(ana) and "Dear Ana," in body_html(ana)
    assert "Hello," in body_text(nameless) and "Dear" not in body_text(nameless)
    assert "Dear &lt;b&gt;Bo&lt;/b&gt;," in body_html(tricky)
    for message in (ana, nameless, tricky):
        assert week_22.summary in body_text(message)
        assert "Dear members" not in body_text(message)
        assert "%%GREETING%%" not in body_html(message)


def test_a_scheduled_sending_waits_for_its_time_then_the_periodic_job_starts_it(
    client, approver, week_22, consent, smtp_inbox, django_capture_on_commit_callbacks
):
    active(consent, "ana@example.org", "Ana")
    when = timezone.now() + datetime.timedelta(days=1)
    client.force_login(approver)
    url = f"/admin/updates/{week_22.pk}/send/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "schedule", "send_at": local_input(when)})
    assert response.status_code == 302
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.SCHEDULED and not mailing.deliveries.exists()
    assert smtp_inbox.to("ana@example.org") == []
    page = client.get(url).text
    assert "will be sent on" in page and "Cancel the scheduled sending" in page
    late_subscriber = active(consent, "late@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert services.start_due_mailings(now=timezone.now()) == []  # not yet
        assert services.start_due_mailings(now=when + datetime.timedelta(minutes=1)) == [mailing.pk]
        assert services.start_due_mailings(now=when + datetime.timedelta(minutes=2)) == []
    assert len(smtp_inbox.to("ana@example.org")) == 1
    assert len(smtp_inbox.to(late_subscriber.email)) == 1  # subscribed before it started
    assert Delivery.objects.filter(status=Delivery.SENT).count() == 2


def test_the_periodic_job_is_registered():
    from mscos.core.scheduling import registered_jobs

    assert "newsletter.start_scheduled_mailings" in registered_jobs()


def test_a_scheduled_sending_can_be_cancelled_before_it_starts(
    client, approver, week_22, consent, smtp_inbox, django_capture_on_commit_callbacks
):
    active(consent, "ana@example.org", "Ana")
    when = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(approver)
    url = f"/admin/updates/{week_22.pk}/send/"
    client.post(url, {"action": "schedule", "send_at": local_input(when)})
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert "Nothing was sent" in response.text
    assert not Mailing.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.start_due_mailings(now=when + datetime.timedelta(hours=1)) == []
    assert smtp_inbox.to("ana@example.org") == []
    # Once cancelled, it can be scheduled (or sent) again.
    review = client.post(url, {"action": "review"}).text
    assert "1 subscriber" in review


def test_cancelling_after_sending_started_changes_nothing(
    client, approver, week_22, consent, django_capture_on_commit_callbacks
):
    active(consent, "ana@example.org")
    when = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(approver)
    url = f"/admin/updates/{week_22.pk}/send/"
    client.post(url, {"action": "schedule", "send_at": local_input(when)})
    with django_capture_on_commit_callbacks(execute=True):
        services.start_due_mailings(now=when)
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert "could not be cancelled" in response.text
    assert Mailing.objects.get().status != Mailing.SCHEDULED


@pytest.mark.parametrize("send_at", ["", "not a date", "past"])
def test_a_time_that_is_missing_or_past_is_refused_kindly(
    client, approver, week_22, consent, send_at
):
    active(consent, "ana@example.org")
    if send_at == "past":
        send_at = local_input(timezone.now() - datetime.timedelta(hours=1))
    client.force_login(approver)
    response = client.post(
        f"/admin/updates/{week_22.pk}/send/", {"action": "schedule", "send_at": send_at}
    )
    assert response.status_code == 200
    assert (
        "Please choose a date and a time" in response.text
        or "at least a few minutes from now" in response.text
    )
    assert not Mailing.objects.exists()
