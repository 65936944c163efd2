"""Forum digests: one-click unsubscribe (RFC 8058), an HTML part, no post text unless asked for,
and a member without email told where news will be."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from mscos.accounts.models import User
from mscos.forum import services, watching
from mscos.forum.models import ReaderPreferences


@pytest.fixture
def watcher(db) -> User:
    user = User.objects.create_user(
        username="watcher", password="pw-long-enough-1", display_name="W"
    )
    EmailAddress.objects.create(user=user, email="watcher@example.org", verified=True, primary=True)
    return user


@pytest.fixture
def site_on_https(settings):
    settings.SITE_URL = "https://forum.example.org"


def _digest_for(watcher, topic, member, mailoutbox, body="A reply about my landlord"):
    watching.watch_set(user=watcher, topic=topic, watching=True)
    services.post_create(topic=topic, body=body, acting_user=member)
    watching.send_notification_digests.enqueue()
    return mailoutbox[-1] if mailoutbox else None


def test_a_digest_has_one_click_unsubscribe_and_an_html_part(
    site_on_https, watcher, member, topic, mailoutbox
):
    mail = _digest_for(watcher, topic, member, mailoutbox)
    link = mail.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https://forum\.example\.org/forums/digests/stop/[^>]+/>", link)
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail.extra_headers["Auto-Submitted"] == "auto-generated"
    ((html, kind),) = mail.alternatives
    assert kind == "text/html"
    assert "Housing after the NRM" in html and "https://forum.example.org/forums/p/" in html
    assert link[1:-1] in html and link[1:-1] in mail.body  # the same stop link, visible too
    # The headers survive into the message as sent.
    raw = mail.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_the_one_click_post_stops_that_members_digests_without_signing_in(
    site_on_https, watcher, member, topic, mailoutbox
):
    mail = _digest_for(watcher, topic, member, mailoutbox)
    path = mail.extra_headers["List-Unsubscribe"][1:-1].removeprefix("https://forum.example.org")
    mail_client = Client(enforce_csrf_checks=True)  # a mail program: no cookie, no CSRF token
    # Opening the link (a mail scanner does) changes nothing.
    shown = mail_client.get(path)
    assert shown.status_code == 200 and '<form method="post"' in shown.text
    assert not shown.cookies
    assert ReaderPreferences.objects.filter(user=watcher, digest_emails=False).count() == 0
    answer = mail_client.post(path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert not answer.cookies
    assert ReaderPreferences.objects.get(user=watcher).digest_emails is False

    sent_before = len(mailoutbox)
    services.post_create(topic=topic, body="Another reply", acting_user=member)
    watching.send_notification_digests.enqueue()
    assert len(mailoutbox) == sent_before  # no more digests
    # Still watching: the news waits on the Following page.
    member_client = Client()
    member_client.force_login(watcher)
    page = member_client.get("/forums/following/")
    assert page.status_code == 200
    assert "Housing after the NRM" in page.text
    assert "No emails are sent to you about them." in page.text


def test_a_forged_or_other_members_stop_link_stops_nobody(
    site_on_https, watcher, member, topic, mailoutbox
):
    token = watching.digest_stop_token(watcher)
    other_id_token = token.replace(str(watcher.pk), str(member.pk), 1)
    client = Client(enforce_csrf_checks=True)
    for forged in (other_id_token, "1:abc", token + "x"):
        response = client.post(f"/forums/digests/stop/{forged}/", {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200  # the same answer: nothing to tell apart
    assert not ReaderPreferences.objects.filter(digest_emails=False).exists()


def test_digests_quote_no_post_text_unless_the_member_asks(watcher, member, topic, mailoutbox):
    mail = _digest_for(watcher, topic, member, mailoutbox)
    assert "A reply about my landlord" not in mail.body
    assert "A reply about my landlord" not in mail.alternatives[0][0]
    assert "Housing after the NRM" in mail.body

    client = Client()
    client.force_login(watcher)
    client.post(
        "/forums/preferences/",
        {"muted_words": "", "digest_emails": "on", "digest_post_text": "on"},
    )
    assert ReaderPreferences.objects.get(user=watcher).digest_post_text is True
    services.post_create(topic=topic, body="The deposit came back today", acting_user=member)
    watching.send_notification_digests.enqueue()
    asked = mailoutbox[-1]
    assert "The deposit came back today" in asked.body
    assert "The deposit came back today" in asked.alternatives[0][0]


def test_the_preferences_page_offers_both_digest_choices_text_off_by_default(watcher):
    client = Client()
    client.force_login(watcher)
    page = client.get("/forums/preferences/").text
    emails = re.search(r'<input[^>]*name="digest_emails"[^>]*>', page).group(0)
    text = re.search(r'<input[^>]*name="digest_post_text"[^>]*>', page).group(0)
    assert "checked" in emails
    assert "checked" not in text


def test_watch_tells_a_member_without_email_where_news_will_be(member, topic):
    client = Client()
    client.force_login(member)  # the cast's member has no email address
    response = client.post("/forums/watch/", {"topic": topic.pk, "watch": "on"}, follow=True)
    assert "You will get an email" not in response.text
    assert 'href="/forums/following/"' in response.text
    assert "no email is sent" in response.text
    following = client.get("/forums/following/").text
    assert "Housing after the NRM" in following


def test_watch_promises_email_only_to_a_member_who_will_get_it(watcher, topic):
    client = Client()
    client.force_login(watcher)
    response = client.post("/forums/watch/", {"topic": topic.pk, "watch": "on"}, follow=True)
    assert "You will get an email when there is something new here." in response.text


@pytest.mark.django_db
def test_stopping_on_the_following_page_stays_there(watcher, topic):
    watching.watch_set(user=watcher, topic=topic, watching=True)
    client = Client()
    client.force_login(watcher)
    response = client.post(
        "/forums/watch/", {"topic": topic.pk, "watch": "off", "next": "/forums/following/"}
    )
    assert response["Location"] == "/forums/following/"
    assert not watching.is_watching(watcher, topic=topic)
    # Any other "next" is ignored: no open redirect.
    response = client.post(
        "/forums/watch/", {"topic": topic.pk, "watch": "on", "next": "https://evil.example/"}
    )
    assert response["Location"] == topic.get_absolute_url()
