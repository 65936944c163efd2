"""Watching with batched emails that never name anonymous authors; muting; breaks; new markers."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from mscos.accounts.models import User
from mscos.forum import reader, services, watching
from mscos.forum.models import Notification


@pytest.fixture
def watcher(db) -> User:
    user = User.objects.create_user(
        username="watcher", password="pw-long-enough-1", display_name="W"
    )
    EmailAddress.objects.create(user=user, email="watcher@example.org", verified=True, primary=True)
    return user


def test_watching_a_topic_sends_one_batched_email(client, watcher, member, topic, mailoutbox):
    client.force_login(watcher)
    client.post("/forums/watch/", {"topic": topic.pk, "watch": "on"})
    services.post_create(topic=topic, body="First new reply", acting_user=member)
    services.post_create(topic=topic, body="Second new reply", acting_user=member)
    assert Notification.objects.filter(user=watcher, sent_at__isnull=True).count() == 2
    assert watching.send_notification_digests.enqueue().return_value == 1
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    # Titles and links only, unless the member asks for the posts' text (tests/forum/test_digests).
    assert body.count("Housing after the NRM") == 2
    assert "First new reply" not in body and "Second new reply" not in body
    assert mailoutbox[0].to == ["watcher@example.org"]
    watching.send_notification_digests.enqueue()
    assert len(mailoutbox) == 1  # nothing is sent twice


def test_notification_emails_never_name_an_anonymous_author(watcher, open_category, mailoutbox):
    hidden = User.objects.create_user(username="hidden_login", display_name="Hidden Person")
    watching.watch_set(user=watcher, category=open_category, watching=True)
    services.topic_create(
        category=open_category,
        title="Hard to say",
        body="Something I lived through",
        acting_user=hidden,
        anonymous=True,
    )
    watching.send_notification_digests.enqueue()
    body = mailoutbox[0].body + mailoutbox[0].subject
    assert "Anonymous member" in body
    assert "Hidden Person" not in body and "hidden_login" not in body


def test_no_email_to_unverified_addresses_or_for_pending_posts(
    watcher, open_category, checked_category, member, mailoutbox
):
    EmailAddress.objects.filter(user=watcher).update(verified=False)
    watching.watch_set(user=watcher, category=open_category, watching=True)
    services.topic_create(category=open_category, title="Open", body="x", acting_user=member)
    watching.send_notification_digests.enqueue()
    assert mailoutbox == []
    EmailAddress.objects.filter(user=watcher).update(verified=True)
    watching.watch_set(user=watcher, category=checked_category, watching=True)
    services.topic_create(category=checked_category, title="Waiting", body="x", acting_user=member)
    assert not Notification.objects.filter(post__topic__title="Waiting").exists()


def main_menu(client) -> str:
    """The site menu of the forums page as the client sees it; fails if the page has none."""
    nav = re.search(
        r'<nav class="primary-nav".*?</nav>', client.get("/forums/").content.decode(), re.S
    )
    assert nav is not None, "the page has no main menu"
    assert "Your account" in nav.group(0)
    return nav.group(0)


def test_a_break_pauses_emails_and_hides_the_forums_from_the_menu(
    client, demo_site, watcher, topic, member, mailoutbox
):
    client.force_login(watcher)
    watching.watch_set(user=watcher, topic=topic, watching=True)
    response = client.post("/forums/preferences/", {"action": "break", "days": "7"})
    assert response.status_code == 302
    # The menu is still there (the account link), only without the Forums item.
    assert ">Forums" not in main_menu(client)
    services.post_create(topic=topic, body="While away", acting_user=member)
    watching.send_notification_digests.enqueue()
    assert mailoutbox == []
    client.post("/forums/preferences/", {"action": "end_break"})
    assert ">Forums" in main_menu(client)
    # Back from the break, the next digest arrives (so the silence above was the break's doing).
    services.post_create(topic=topic, body="After the break", acting_user=member)
    watching.send_notification_digests.enqueue()
    assert [message.to for message in mailoutbox] == [["watcher@example.org"]]


def test_muted_words_fold_posts_away_for_that_member_only(client, member, other_member, topic):
    services.post_create(topic=topic, body="A story about the court hearing", acting_user=member)
    client.force_login(other_member)
    client.post("/forums/preferences/", {"muted_words": "Court\n", "hide_content_noted": ""})
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Folded away: it contains a word you muted" in html
    assert "Folded away" not in Client().get(topic.get_absolute_url()).content.decode()


def test_hide_content_noted_posts_by_default(client, member, other_member, topic):
    services.post_create(topic=topic, body="Details", acting_user=member, content_note="violence")
    reader.preferences_update(user=other_member, muted_words="", hide_content_noted=True)
    assert (
        reader.folded_reason(
            topic.posts.get(content_note="violence"), reader.preferences_for(other_member)
        )
        == "content_note"
    )


def test_new_markers_follow_what_a_member_has_read(
    client, member, other_member, topic, open_category
):
    client.force_login(other_member)
    assert "badge--new" in client.get("/forums/open-talk/").content.decode()
    client.get(topic.get_absolute_url())
    assert "badge--new" not in client.get("/forums/open-talk/").content.decode()
    services.post_create(topic=topic, body="Something new", acting_user=member)
    assert "badge--new" in client.get("/forums/open-talk/").content.decode()


def test_cannot_watch_what_one_cannot_read(client, member, members_only_category):
    client.logout()
    assert (
        client.post("/forums/watch/", {"category": "members-room", "watch": "on"}).status_code
        == 302
    )
    from mscos.forum.models import Watch

    assert not Watch.objects.exists()


def test_bad_break_length_is_refused_kindly(client, member, db):
    client.force_login(member)
    response = client.post("/forums/preferences/", {"action": "break", "days": "-3"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not reader.is_on_break(member)
