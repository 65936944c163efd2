"""Reading the forums: order, pagination that costs the same at the end, and constant queries."""

import pytest
from django.test import Client
from django.utils import timezone

from mscos.forum import selectors, services
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.forum.rendering import render_markdown


def bulk_topic(category, author, replies: int, title="Long one") -> Topic:
    now = timezone.now()
    topic = Topic.objects.create(
        category=category,
        title=title,
        author=author,
        status=Status.APPROVED,
        last_activity_at=now,
        reply_count=replies,
        next_position=replies + 2,
    )
    Post.objects.bulk_create(
        Post(
            topic=topic,
            position=n,
            author=author,
            body=f"Post {n}",
            body_html=render_markdown(f"Post {n}"),
            status=Status.APPROVED,
        )
        for n in range(1, replies + 2)
    )
    return topic


def bulk_topics(category, author, count: int) -> None:
    for number in range(count):
        bulk_topic(category, author, replies=0, title=f"Topic {number}")


@pytest.mark.parametrize("count", [1, 100])
def test_index_queries_do_not_grow_with_categories(
    client, db, django_assert_max_num_queries, count
):
    ForumCategory.objects.bulk_create(
        ForumCategory(name=f"Category {n}", slug=f"category-{n}") for n in range(count)
    )
    with django_assert_max_num_queries(12):
        response = client.get("/forums/")
    # Categories without conversations are listed together, one link each.
    assert response.content.decode().count('href="/forums/category-') == count


@pytest.mark.parametrize("count", [1, 100])
def test_category_page_queries_do_not_grow_with_topics(
    client, open_category, member, django_assert_max_num_queries, count
):
    bulk_topics(open_category, member, count)
    with django_assert_max_num_queries(12):
        response = client.get("/forums/open-talk/")
    shown = min(count, selectors.TOPICS_PER_PAGE)
    assert response.content.decode().count('class="topic-list__item"') == shown


@pytest.mark.parametrize("replies", [0, 99])
def test_topic_page_queries_do_not_grow_with_posts(
    client, open_category, member, other_member, django_assert_max_num_queries, replies
):
    topic = bulk_topic(open_category, member, replies)
    client.force_login(other_member)
    with django_assert_max_num_queries(34):  # settings rows are created on this first request
        response = client.get(topic.get_absolute_url())
    assert response.content.decode().count('class="post"') == min(replies + 1, 20)


def test_the_index_never_shows_an_old_count_or_name(client, open_category, member):
    """The category list is kept as rendered; whatever it shows changing must show at once."""
    assert "No conversations yet" in client.get("/forums/").text
    services.topic_create(category=open_category, title="First", body="Hello", acting_user=member)
    assert "1 topic · 1 post" in client.get("/forums/").text
    ForumCategory.objects.filter(pk=open_category.pk).update(name="Renamed talk")
    page = client.get("/forums/").text
    assert "Renamed talk" in page and "Open talk" not in page
    romanian = client.get("/ro/forums/").text
    assert "1 subiect" in romanian and 'href="/ro/forums/open-talk/"' in romanian
    assert 'href="/forums/open-talk/"' in client.get("/forums/").text


def test_pinned_topics_come_first_then_latest_activity(client, open_category, member):
    old = bulk_topic(open_category, member, 0, title="Old but pinned")
    Topic.objects.filter(pk=old.pk).update(
        is_pinned=True, last_activity_at=timezone.now() - timezone.timedelta(days=30)
    )
    bulk_topic(open_category, member, 0, title="Fresh")
    html = client.get("/forums/open-talk/").content.decode()
    assert html.index("Old but pinned") < html.index("Fresh")


def test_keyset_pages_walk_a_long_topic_both_ways(client, open_category, member):
    topic = bulk_topic(open_category, member, replies=44)  # 45 posts
    first = client.get(topic.get_absolute_url()).content.decode()
    assert "Post 1<" in first and "Post 20<" in first and "Post 21<" not in first
    assert "?after=20" in first
    second = client.get(topic.get_absolute_url() + "?after=20").content.decode()
    assert "Post 21<" in second and "Post 40<" in second
    last = client.get(topic.get_absolute_url() + "?last").content.decode()
    assert "Post 26<" in last and "Post 45<" in last and "Post 25<" not in last
    assert "?before=26" in last
    earlier = client.get(topic.get_absolute_url() + "?before=26").content.decode()
    assert "Post 6<" in earlier and "Post 25<" in earlier


def test_last_page_costs_no_more_queries_than_the_first(
    client, open_category, member, django_assert_max_num_queries
):
    topic = bulk_topic(open_category, member, replies=299)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(topic.get_absolute_url())
    with CaptureQueriesContext(connection) as last:
        client.get(topic.get_absolute_url() + "?last")
    assert len(last.captured_queries) <= len(first.captured_queries) + 1
    assert not any("OFFSET" in query["sql"] for query in last.captured_queries)


def test_permalink_lands_on_the_page_holding_the_post(client, open_category, member):
    topic = bulk_topic(open_category, member, replies=44)
    post = Post.objects.get(topic=topic, position=33)
    response = client.get(f"/forums/p/{post.pk}/")
    assert response["Location"] == f"{topic.get_absolute_url()}?after=32#post-{post.pk}"
    assert "Post 33<" in client.get(response["Location"]).content.decode()


def test_bad_page_parameters_fall_back_quietly(client, open_category, member):
    topic = bulk_topic(open_category, member, replies=3)
    for query in ["?after=abc", "?before=-5", "?page=zz"]:
        assert client.get(topic.get_absolute_url() + query).status_code == 200
    assert client.get("/forums/open-talk/?page=zz").status_code == 200


def test_members_only_category_is_hidden_from_guests(client, members_only_category, member):
    topic = bulk_topic(members_only_category, member, 0, title="Inside")
    assert "Members room" not in client.get("/forums/").content.decode()
    assert client.get("/forums/members-room/").status_code == 404
    assert client.get(topic.get_absolute_url()).status_code == 404
    signed_in = Client()
    signed_in.force_login(member)
    assert signed_in.get(topic.get_absolute_url()).status_code == 200
