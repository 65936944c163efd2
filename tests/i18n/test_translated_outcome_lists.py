"""A translated outcome page shows what its English page shows under its words: the practice
examples, recommendations, resources and forum conversations of that outcome, the items still in
English (marked lang="en-gb", left to right) until someone translates them."""

import re

import pytest
from django.test import Client
from django.utils import translation

from mscos.core.languages import path_in_language
from mscos.demo.content_translated_pages import LIST_HEADINGS
from mscos.forum.selectors import category_for_page
from mscos.outcomes.models import OutcomePage
from mscos.practice.selectors import practice_examples_for_outcome, recommendations_for_outcome
from mscos.resources.selectors import resources_for_outcome

LANGUAGES = ["ro", "sq", "ar"]


def section(content: str, heading: str) -> str:
    """The <section> whose heading is `heading`, or ''."""
    for match in re.finditer(r'<section class="block-section">(.*?)</section>', content, re.S):
        if re.search(rf"<h2[^>]*>{re.escape(heading)}</h2>", match.group(1)):
            return match.group(1)
    return ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_outcome_pages_list_the_english_pages_practice_and_recommendations(
    demo_site, language
):
    client = Client(HTTP_HOST="127.0.0.1")
    checked = 0
    for outcome in OutcomePage.objects.filter(locale__language_code="en-gb", kind="core"):
        examples = practice_examples_for_outcome(outcome.pk)
        recommendations = recommendations_for_outcome(outcome.pk)
        resources = resources_for_outcome(outcome.pk)
        if not (examples or recommendations or resources):
            continue
        with translation.override("en-gb"):
            address = outcome.url
        english = client.get(address, follow=True).content.decode()
        response = client.get(path_in_language(address, language), follow=True)
        assert response.status_code == 200
        content = response.content.decode()
        assert "language-notice" not in content, "the page itself is translated"
        for heading, items in (
            ("Practice examples", [e.title for e in examples]),
            ("Recommendations", [r.title for r in recommendations]),
            ("Resources", [r.title for r in resources]),
        ):
            if not items:
                continue
            assert section(english, heading), (outcome.url, heading)
            translated = section(content, LIST_HEADINGS[heading][language])
            assert translated, (outcome.url, language, heading)
            for title in items:
                assert title in translated, (outcome.url, language, title)
            # Items nobody has translated are marked as English, so they read left to right.
            assert 'lang="en-gb" dir="ltr"' in translated
        checked += 1
    assert checked >= 3, "the demo ties examples and recommendations to several outcomes"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_outcome_page_links_to_its_outcomes_forum(demo_site, language):
    client = Client(HTTP_HOST="127.0.0.1")
    for outcome in OutcomePage.objects.filter(locale__language_code="en-gb", kind="core"):
        category = category_for_page(outcome.pk)
        if category is None:
            continue
        content = client.get(path_in_language(outcome.url, language), follow=True).content
        assert path_in_language(category.get_absolute_url(), language).encode() in content or (
            category.get_absolute_url().encode() in content
        )
        return
    pytest.fail("no outcome page has a forum category in the demo")


def test_english_outcome_page_marks_nothing_as_another_language(demo_site):
    client = Client(HTTP_HOST="127.0.0.1")
    outcome = OutcomePage.objects.filter(locale__language_code="en-gb", kind="core").first()
    content = client.get(outcome.url, follow=True).content.decode()
    assert 'class="card" lang=' not in content
    assert 'class="recommendation" lang=' not in content
