"""The language switcher leads to the same page in every language and back to English, from every
kind of page; an English address under a language prefix leads to the page's translation."""

import re

import pytest
from django.test import Client
from django.utils.encoding import iri_to_uri
from wagtail.models import Locale

from mscos.core.languages import path_in_language, path_without_language
from mscos.events.models import EventPage
from mscos.forum.models import ForumCategory, Topic
from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdatePage

LANGUAGES = ["ro", "sq", "ar"]


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


def switcher_links(content: str) -> dict[str, str]:
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return {lang: url for url, lang in re.findall(r'href="([^"]*)" lang="([^"]*)"', switcher)}


def english_addresses() -> dict[str, str]:
    outcome = OutcomePage.objects.filter(locale__language_code="en-gb", number=1).get()
    update = UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date").first()
    event = EventPage.objects.filter(locale__language_code="en-gb").first()
    category = ForumCategory.objects.order_by("sort_order").first()
    return {
        "home": "/",
        "outcome": path_without_language(outcome.url),
        "update": path_without_language(update.url),
        "event": path_without_language(event.url),
        "standard page": "/get-involved/",
        "forum index": "/forums/",
        "forum category": path_without_language(category.get_absolute_url()),
        "forum topic": path_without_language(Topic.objects.order_by("pk")[0].get_absolute_url()),
        "search": "/search/?q=housing",
    }


def lands_in(response, language: str) -> None:
    assert response.status_code == 200
    html = re.search(r"<html[^>]*>", response.content.decode()).group(0)
    assert f'lang="{language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_goes_to_every_language_and_back_to_the_same_page(client, demo_site, language):
    for kind, english in english_addresses().items():
        start = client.get(english)
        assert start.status_code == 200, kind
        there = switcher_links(start.content.decode())[language]
        assert there.startswith(f"/{language}/"), (kind, there)
        arrived = client.get(there, follow=True)
        lands_in(arrived, language)
        back = switcher_links(arrived.content.decode())["en-gb"]
        assert back == english, f"{kind}: the English link on {there} leads to {back}"
        home_again = client.get(back)
        lands_in(home_again, "en-gb")
        # From one translation to another and back, too.
        for other in LANGUAGES:
            sideways = switcher_links(arrived.content.decode())[other]
            moved = client.get(sideways, follow=True)
            lands_in(moved, other)
            assert switcher_links(moved.content.decode())["en-gb"] == english, (kind, other)


def test_english_link_on_an_arabic_page_leaves_arabic(client, demo_site):
    """Someone who taps العربية by mistake gets back to English."""
    for path in ["/ar/", "/ar/staying-safe-online/", "/ar/core-outcomes/"]:
        links = switcher_links(client.get(path, follow=True).content.decode())
        assert not links["en-gb"].startswith("/ar/"), path


@pytest.mark.parametrize(
    ("english_under_prefix", "translation"),
    [
        ("/ro/staying-safe-online/", "/ro/siguranta-online/"),
        ("/sq/staying-safe-online/", "/sq/siguria-ne-internet/"),
    ],
)
def test_english_address_under_a_prefix_leads_to_the_translation(
    client, demo_site, english_under_prefix, translation
):
    response = client.get(english_under_prefix)
    assert response.status_code == 302
    assert response["Location"] == translation
    with_query = client.get(f"{english_under_prefix}?from=menu")
    assert with_query["Location"] == f"{translation}?from=menu"


def test_every_translated_page_is_reached_from_its_english_address(client, demo_site):
    for page in OutcomePage.objects.filter(locale__language_code="en-gb").live():
        for language in LANGUAGES:
            translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
            if translated is None or translated.alias_of_id or not translated.live:
                continue
            response = client.get(path_in_language(page.url, language))
            assert response.status_code == 302, page.url
            assert response["Location"] == iri_to_uri(path_in_language(translated.url, language))


def test_untranslated_page_under_a_prefix_is_still_served_in_english(client, demo_site):
    response = client.get("/ro/get-involved/")
    assert response.status_code == 200
    assert "language-notice" in response.content.decode()
