"""The header search keeps recent answers in memory (issue 18: under 100 ms at 1M posts), and
what it keeps never outlives a change: an unpublished page, a withdrawn recommendation or a
forum made members-only is gone from the very next search. Old posts are still found, and a
forum search that takes too long leaves the rest of the results."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Max

from mscos.core import shell_memo
from mscos.forum import search as forum_search
from mscos.forum.models import ForumCategory, Post, Status, Topic
from mscos.outcomes.models import OutcomePage
from mscos.practice.models import Recommendation
from mscos.search import selectors, suggestions
from tests.search.test_search_tolerance import result_links
from tests.search.test_site_search import main_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    pass


def test_a_page_unpublished_after_a_search_is_gone_from_the_next_one(client, demo_site):
    url = 'href="/core-outcomes/access-to-education/"'
    assert url in main_of(client.get("/search/", {"q": "qualifications"}))
    OutcomePage.objects.get(slug="access-to-education").unpublish()
    assert url not in main_of(client.get("/search/", {"q": "qualifications"}))


def test_a_withdrawn_recommendation_is_gone_from_the_next_search(client, demo_site):
    assert "Police training at every level" in main_of(
        client.get("/search/", {"q": "training police"})
    )
    Recommendation.objects.filter(title__startswith="Police training").update(live=False)
    assert "Police training at every level" not in main_of(
        client.get("/search/", {"q": "training police"})
    )


def test_a_forum_made_members_only_leaves_the_next_search(client, demo_site):
    assert "Ideas for the next workshop" in main_of(client.get("/search/", {"q": "workshop"}))
    category = ForumCategory.objects.get(slug="feedback-and-suggestions")
    category.read_access = ForumCategory.Audience.MEMBERS
    category.save()
    assert "Ideas for the next workshop" not in main_of(client.get("/search/", {"q": "workshop"}))


def test_an_old_post_with_a_rare_word_is_found_beneath_many_newer_ones(client, demo_site, member):
    topic = Topic.objects.filter(
        status=Status.APPROVED, category__slug="feedback-and-suggestions"
    ).first()
    position = topic.posts.aggregate(Max("position"))["position__max"]

    def add(body: str) -> Post:
        nonlocal position
        position += 1
        return Post.objects.create(
            topic=topic,
            position=position,
            author=member,
            body=body,
            body_html=f"<p>{body}</p>",
            status=Status.APPROVED,
        )

    old = add("The deposit scheme called Zephyrhold returned ours in full.")
    newer = [add(f"Tenancy deposits came up again, note {n}.") for n in range(45)]
    # More newer matches than the search looks at for a word in every post.
    assert old.get_absolute_url() in main_of(client.get("/search/", {"q": "zephyrhold"}))
    shown = result_links(main_of(client.get("/search/", {"q": "deposits"})))
    # The header shows the ten newest matching posts, newest first.
    assert [link for link in shown if "/forums/" in link] == [
        post.get_absolute_url() for post in reversed(newer[-10:])
    ]


def test_the_same_misspelling_again_gets_the_same_correction(client, demo_site):
    first = main_of(client.get("/search/", {"q": "trafficing"}))
    again = main_of(client.get("/search/", {"q": "trafficing"}))
    assert "search-correction" in first
    assert first == again


def test_a_forum_search_that_runs_too_long_leaves_the_other_results(client, demo_site, monkeypatch):
    def too_broad(*args, **kwargs):
        raise forum_search.SearchTooBroad

    monkeypatch.setattr(forum_search, "search_posts", too_broad)
    response = client.get("/search/", {"q": "navigator"})
    assert response.status_code == 200
    html = main_of(response)
    assert 'href="/practice/victim-navigator-programme/"' in html
    assert "In the forums" not in html


def test_only_the_most_recent_searches_are_kept():
    computed: list[str] = []

    def compute(word: str):
        def run() -> str:
            computed.append(word)
            return word.upper()

        return run

    shell_memo.forget()
    for word in ["one", "two", "three", "one"]:
        assert shell_memo.remember_recent("test", word, compute(word), 2) == word.upper()
    # "one" was pushed out by "two" and "three", so it was worked out again.
    assert computed == ["one", "two", "three", "one"]
    assert shell_memo.remember_recent("test", "three", compute("three"), 2) == "THREE"
    assert computed == ["one", "two", "three", "one"]


def test_a_search_with_nothing_to_find_reads_nothing_kept(demo_site):
    assert selectors.search_site("   ", AnonymousUser()).total == 0
    assert suggestions.did_you_mean("zzqxv") == ""
