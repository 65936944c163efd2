"""Feeds carry public posts only, and never name an anonymous author."""

from django.test import Client

from mscos.accounts.models import User
from mscos.forum import services


def test_feeds_hold_public_posts_and_keep_anonymity(open_category, checked_category, member):
    secret = User.objects.create_user(
        username="secret_feed_author", display_name="Feed Secret Name"
    )
    services.topic_create(
        category=open_category, title="Open topic", body="Visible words", acting_user=member
    )
    services.topic_create(
        category=open_category,
        title="Quiet topic",
        body="Said quietly",
        acting_user=secret,
        anonymous=True,
    )
    services.topic_create(
        category=checked_category, title="Waiting topic", body="Not yet", acting_user=member
    )
    for url in ["/forums/feed/rss/", "/forums/feed/atom/", "/forums/open-talk/feed/rss/"]:
        response = Client().get(url)
        xml = response.content.decode()
        assert response.status_code == 200
        assert "Visible words" in xml and "Said quietly" in xml
        assert "Anonymous member" in xml
        assert "Feed Secret Name" not in xml and "secret_feed_author" not in xml
        assert "Waiting topic" not in xml


def test_members_only_category_has_no_public_feed(members_only_category):
    assert Client().get("/forums/members-room/feed/rss/").status_code == 404


def test_outcome_page_shows_its_latest_topics(client, outcome_page, member):
    from mscos.forum.models import ForumCategory

    category = ForumCategory.objects.get(outcome_page=outcome_page)
    category.premoderation = "none"
    category.save()
    services.topic_create(
        category=category, title="Safety planning with navigators", body="Hello", acting_user=member
    )
    html = client.get(outcome_page.url).content.decode()
    assert "Latest in the forum" in html and "Safety planning with navigators" in html
