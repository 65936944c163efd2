"""Site search: pages, practice, recommendations, resources and forum posts, with an outcome
filter; hostile input is harmless."""

import pytest

from mscos.forum.models import ForumCategory, Post
from mscos.outcomes.models import OutcomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    pass


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_search_finds_practice_pages_recommendations_and_posts(client, demo_site):
    html = main_of(client.get("/search/", {"q": "navigator"}))
    assert 'href="/practice/victim-navigator-programme/"' in html
    assert "Reporting with a Victim Navigator" in html  # a forum post
    assert "In the forums" in html
    html = main_of(client.get("/search/", {"q": "training police"}))
    assert "Police training at every level" in html  # a recommendation


def test_every_word_must_match(client, demo_site):
    html = main_of(client.get("/search/", {"q": "navigator housing"}))
    assert "victim-navigator-programme" not in html


def test_outcome_filter_narrows_pages_and_forum_posts(client, demo_site):
    housing = OutcomePage.objects.get(slug="secure-and-suitable-housing")
    html = main_of(client.get("/search/", {"q": "navigator", "outcome": housing.pk}))
    assert "victim-navigator-programme" not in html
    assert "Reporting with a Victim Navigator" not in html
    safety = OutcomePage.objects.get(slug="safety-from-any-trafficker-or-other-abuser")
    html = main_of(client.get("/search/", {"q": "navigator", "outcome": safety.pk}))
    assert "victim-navigator-programme" in html
    assert "Reporting with a Victim Navigator" in html
    assert f'<option value="{safety.pk}" selected>' in html


def test_unpublished_pages_and_hidden_posts_are_never_found(client, demo_site):
    page = OutcomePage.objects.get(slug="access-to-education")
    page.unpublish()
    html = main_of(client.get("/search/", {"q": "qualifications"}))
    assert 'href="/core-outcomes/access-to-education/"' not in html
    post = Post.objects.get(body__icontains="not at a police station")
    post.status = "rejected"
    post.save()
    html = main_of(client.get("/search/", {"q": "police station"}))
    assert post.get_absolute_url() not in html


def test_members_only_forum_posts_stay_out_of_a_guests_results(client, demo_site, member):
    category = ForumCategory.objects.get(slug="feedback-and-suggestions")
    category.read_access = ForumCategory.Audience.MEMBERS
    category.save()
    assert "Ideas for the next workshop" not in main_of(client.get("/search/", {"q": "workshop"}))
    client.force_login(member)
    assert "Ideas for the next workshop" in main_of(client.get("/search/", {"q": "workshop"}))


@pytest.mark.parametrize(
    "query",
    ['"', "NEAR(", "a* OR b*", "'; DROP TABLE wagtailcore_page; --", "\x00", "x" * 5000, "%_%"],
)
def test_hostile_queries_are_harmless(client, demo_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert client.get("/").status_code == 200


def test_empty_search_shows_only_the_form(client, demo_site):
    html = main_of(client.get("/search/"))
    assert 'role="search"' in html and "result" not in html
    assert not client.get("/search/").cookies
