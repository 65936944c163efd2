"""Search forgives: a misspelt word finds what its right spelling finds, in every language; an
empty or fruitless search offers places to start and the helpline; the search is in the header
of every page; suggestions never reveal words from what a reader may not see."""

import re

import pytest

from mscos.forum.models import ForumCategory, Topic
from mscos.search import suggestions
from tests.search.test_site_search import main_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    pass


def result_links(html: str) -> list[str]:
    return re.findall(r'<h3 class="topic-list__title"><a href="([^"]+)"', html)


@pytest.mark.parametrize(
    ("prefix", "misspelt", "right"),
    [
        ("", "trafficing", "trafficking"),
        ("/ro", "siguraanta online", "siguranța online"),
        ("/sq", "interent", "internet"),
        ("/ar", "الانترنيت", "الإنترنت"),
    ],
    ids=["en", "ro", "sq", "ar"],
)
def test_a_misspelt_word_finds_what_the_right_spelling_finds(
    client, demo_site, prefix, misspelt, right
):
    html = main_of(client.get(f"{prefix}/search/", {"q": misspelt}))
    # The reader is told which words were searched for instead.
    corrected = re.search(r'<strong><bdi class="search-query">([^<]+)</bdi>', html)
    assert corrected, f"{misspelt!r} got no correction"
    assert suggestions.fold(right) == suggestions.fold(corrected.group(1))
    found = result_links(html)
    assert found, f"{misspelt!r} found nothing"
    assert found == result_links(main_of(client.get(f"{prefix}/search/", {"q": right})))


def test_word_forms_and_accents_are_forgiven():
    words = {"trafficking": "trafficking", "siguranta": "siguranța", "navigator": "navigator"}
    assert suggestions.closest_word("Traffickin", words) == "trafficking"
    assert suggestions.closest_word("trafficked", words) == "trafficking"
    assert suggestions.closest_word("siguranta", words) == "siguranța"
    assert suggestions.closest_word("navigaotr", words) == "navigator"  # letters swapped
    assert suggestions.closest_word("navigator", words) is None  # already right
    assert suggestions.closest_word("housing", words) is None  # nothing near


def test_suggestions_never_reveal_words_from_members_only_forums(client, demo_site):
    category = ForumCategory.objects.get(slug="feedback-and-suggestions")
    category.read_access = ForumCategory.Audience.MEMBERS
    category.save()
    topic = Topic.objects.filter(category=category).first()
    topic.title = "Quarterlymeetup planning"
    topic.save()
    html = main_of(client.get("/search/", {"q": "quarterlymeetap"}))
    assert "quarterlymeetup" not in html.lower()
    assert "search-correction" not in html


def test_an_empty_search_offers_outcomes_and_the_helpline(client, demo_site):
    html = main_of(client.get("/search/"))
    assert "Places to start" in html
    assert 'href="/core-outcomes/' in html
    assert 'href="tel:08000121700"' in html


def test_a_fruitless_search_says_so_and_offers_help(client, demo_site):
    html = main_of(client.get("/search/", {"q": "zzqxv wwqqk"}))
    assert "Nothing matched" in html
    assert "Places to start" in html
    assert 'href="tel:08000121700"' in html


@pytest.mark.parametrize("path", ["/", "/core-outcomes/", "/forums/", "/ar/", "/ro/forums/"])
def test_every_page_has_the_search_in_its_header(client, demo_site, path):
    html = client.get(path).content.decode()
    header = html[html.index('<header class="site-header"') : html.index("</header>")]
    prefix = path[:4] if path[:4] in ("/ar/", "/ro/") else "/"
    assert f'action="{prefix}search/"' in header
    assert 'name="q"' in header
