"""Search finds public posts only, respects who may read, and keeps anonymous authors anonymous."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client

from mscos.accounts.models import User
from mscos.forum import search, services
from mscos.forum.models import Post


@pytest.fixture
def posts(open_category, checked_category, members_only_category, member):
    secret = User.objects.create_user(username="secret_search_author", display_name="Search Secret")
    services.topic_create(
        category=open_category,
        title="Tenancy support",
        body="Finding a landlord who understands",
        acting_user=member,
    )
    services.topic_create(
        category=open_category,
        title="Quiet words",
        body="My landlord frightened me",
        acting_user=secret,
        anonymous=True,
    )
    services.topic_create(
        category=checked_category,
        title="Pending landlord story",
        body="landlord waiting",
        acting_user=member,
    )
    services.topic_create(
        category=members_only_category,
        title="Inside landlord talk",
        body="landlord inside",
        acting_user=member,
    )


def test_search_finds_public_posts_with_stemming(client, posts):
    html = client.get("/forums/search/?q=landlords").content.decode()
    assert "Tenancy support" in html and "Quiet words" in html
    assert "Pending landlord story" not in html
    assert "Inside landlord talk" not in html  # members only
    assert "Anonymous member" in html
    assert "Search Secret" not in html and "secret_search_author" not in html


def test_members_see_members_only_results(posts, member):
    client = Client()
    client.force_login(member)
    assert "Inside landlord talk" in client.get("/forums/search/?q=landlord").content.decode()


def test_search_can_be_limited_to_a_category(client, posts, open_category):
    html = client.get("/forums/search/?q=landlord&category=checked-talk").content.decode()
    assert "Tenancy support" not in html


def test_hidden_or_deleted_posts_leave_the_index(client, posts, moderator):
    post = Post.objects.get(topic__title="Tenancy support")
    services.post_hide(post=post, acting_user=moderator)
    assert "Tenancy support" not in client.get("/forums/search/?q=landlord").content.decode()


@pytest.mark.parametrize(
    "hostile", ['"', "AND OR NOT", "*", "title:x", "(", "NEAR(a b)", "a" * 500]
)
def test_any_input_is_safe(client, posts, hostile):
    response = client.get("/forums/search/", {"q": hostile})
    assert response.status_code == 200


def test_empty_search_shows_the_form(client, db):
    response = client.get("/forums/search/")
    assert response.status_code == 200 and 'role="search"' in response.content.decode()
    assert search.search_posts("   ", None) == []


def test_search_index_survives_a_table_rebuild(client, posts):
    """SQLite drops triggers when Django rebuilds a table; migrate puts them back and refills."""
    from django.db import connection

    if connection.vendor != "sqlite":
        assert search.ensure_sqlite_index() is False  # PostgreSQL indexes need no repair
        return
    with connection.cursor() as cursor:
        for name in search.SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")  # what a table rebuild does
        cursor.execute("DELETE FROM forum_post_fts")
    assert "Tenancy support" not in client.get("/forums/search/?q=landlord").content.decode()
    assert search.ensure_sqlite_index() is True
    assert search.ensure_sqlite_index() is False  # idempotent
    assert "Tenancy support" in client.get("/forums/search/?q=landlord").content.decode()


@pytest.mark.parametrize("statistics_say", ["rare", "common"])
def test_an_old_post_with_a_rare_word_is_found_beyond_the_newest_posts(
    client, open_category, member, monkeypatch, statistics_say
):
    """PostgreSQL goes straight to its index for a word its statistics call rare; otherwise it
    looks at the newest posts first and falls back to the index. Either way an old post with the
    word must be found, and newer matches come first."""
    monkeypatch.setattr(search, "RECENT_WINDOW", 2)
    monkeypatch.setattr(search, "SMALL_FORUM_POSTS", float("-inf"))  # as on a big forum
    if statistics_say == "common":
        monkeypatch.setattr(search, "RARE_WORD_SHARE", -1)
    services.topic_create(
        category=open_category, title="Old story", body="zanzibarish", acting_user=member
    )
    for number in range(4):
        services.topic_create(
            category=open_category,
            title=f"Newer {number}",
            body="ordinary words" if number < 3 else "zanzibarish again",
            acting_user=member,
        )
    titles = [post.topic.title for post in search.search_posts("zanzibarish", AnonymousUser())]
    assert titles == ["Newer 3", "Old story"]


def _search_cancelled_by_the_server_shows_a_friendly_message(client, posts, monkeypatch):
    # Queries that outlast the timeout, with the same parameters as the real ones (which of the
    # two runs first depends on the statistics).
    slow = (
        "SELECT 1 FROM pg_sleep(1) WHERE %s::int > 0 AND %s <> '' AND %s = %s"
        " AND %s::int[] IS NOT NULL"
    )
    monkeypatch.setattr(search, "RECENT_POSTS_SQL", slow + " LIMIT %s")
    monkeypatch.setattr(
        search,
        "ALL_POSTS_SQL",
        "SELECT 1 FROM pg_sleep(1) WHERE %s <> '' AND %s = %s AND %s::int[] IS NOT NULL LIMIT %s",
    )
    monkeypatch.setattr(search, "POSTGRES_TIMEOUT_MS", 50)
    response = client.get("/forums/search/?q=landlord")
    assert response.status_code == 200
    assert "took too long" in response.content.decode()
    # The timeout belonged to that transaction only: the next search works.
    monkeypatch.undo()
    assert "Tenancy support" in client.get("/forums/search/?q=landlord").content.decode()


if connection.vendor == "postgresql":
    test_search_cancelled_by_the_server_shows_a_friendly_message = (
        _search_cancelled_by_the_server_shows_a_friendly_message
    )


def test_a_result_reads_as_the_post_was_written(client, open_category, member):
    services.topic_create(
        category=open_category,
        title="Signs",
        body="Rent & wages <3 **matter**\n\nSecond paragraph with <script>alert(1)</script> text",
        acting_user=member,
    )
    html = client.get("/forums/search/?q=wages").content.decode()
    snippet = html.split('class="topic-list__item"', 1)[1].split("</li>", 1)[0]
    assert "Rent &amp; wages &lt;3 matter Second paragraph with" in snippet
    assert "&amp;amp;" not in snippet and "<script" not in snippet and "<strong>" not in snippet
