"""Forum posts carry the language their writer chose; readers can filter a topic by it."""

import re

from django.test import Client

from mscos.forum import services as forum_services
from mscos.forum.models import Post, Status

HOST = {"HTTP_HOST": "127.0.0.1"}


def a_topic():
    return Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic


def test_post_form_defaults_to_the_language_of_the_page(demo_site, member):
    client = Client(**HOST)
    client.force_login(member)
    topic = a_topic()
    content = client.get(f"/ro/forums/t/{topic.pk}/").content.decode()
    selected = re.search(r'<select name="language"[^>]*>.*?</select>', content, re.S).group(0)
    assert '<option value="ro" selected>' in selected
    content = client.get(f"/forums/t/{topic.pk}/").content.decode()
    selected = re.search(r'<select name="language"[^>]*>.*?</select>', content, re.S).group(0)
    assert '<option value="en-gb" selected>' in selected


def test_posts_keep_their_language_and_readers_can_filter(demo_site, member, other_member):
    topic = a_topic()
    romanian, _ = forum_services.post_create(
        topic=topic, body="Mulțumesc pentru sfat.", acting_user=member, language="ro"
    )
    arabic, _ = forum_services.post_create(
        topic=topic, body="شكرًا على النصيحة.", acting_user=other_member, language="ar"
    )
    unknown, _ = forum_services.post_create(
        topic=topic, body="Thanks.", acting_user=other_member, language="xx"
    )
    assert (romanian.language, arabic.language, unknown.language) == ("ro", "ar", "")
    # New members' first posts wait for a moderator; these are taken as approved.
    Post.objects.filter(pk__in=[romanian.pk, arabic.pk, unknown.pk]).update(status=Status.APPROVED)
    client = Client(**HOST)
    content = client.get(f"/forums/t/{topic.pk}/").content.decode()
    assert 'lang="ar" dir="auto">' in content and 'lang="ro" dir="auto">' in content
    only_arabic = client.get(f"/forums/t/{topic.pk}/?language=ar").content.decode()
    assert "شكرًا على النصيحة." in only_arabic
    assert "Mulțumesc pentru sfat." not in only_arabic
    assert client.get(f"/forums/t/{topic.pk}/?language=zz").status_code == 200


def test_a_reply_sent_in_arabic_is_stored_as_arabic(demo_site, member):
    import time

    client = Client(**HOST)
    client.force_login(member)
    topic = a_topic()
    form_page = client.get(f"/ar/forums/t/{topic.pk}/").content.decode()
    started = re.search(r'name="started" value="([^"]+)"', form_page).group(1)
    time.sleep(3.1)
    response = client.post(
        f"/ar/forums/t/{topic.pk}/reply/",
        {
            "body": "أشكركم جميعًا.",
            "content_note": "",
            "language": "ar",
            "started": started,
            "understood": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Post.objects.get(body="أشكركم جميعًا.").language == "ar"


def test_search_can_be_limited_to_one_language(demo_site, member):
    topic = a_topic()
    romanian, _ = forum_services.post_create(
        topic=topic, body="Locuința sigură a ajutat mult.", acting_user=member, language="ro"
    )
    english, _ = forum_services.post_create(
        topic=topic, body="Locuința is the Romanian word we used.", acting_user=member
    )
    Post.objects.filter(pk__in=[romanian.pk, english.pk]).update(status=Status.APPROVED)
    client = Client(**HOST)
    everything = client.get("/forums/search/?q=Locuința").content.decode()
    only_romanian = client.get("/forums/search/?q=Locuința&language=ro").content.decode()
    assert everything.count("topic-list__item") == 2
    assert only_romanian.count("topic-list__item") == 1
