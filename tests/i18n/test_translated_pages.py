"""The safety-critical pages, the outcome set and the latest update are real translations in every
language the site offers: their own title and words, not English with the "not translated"
notice; sections keep listing the pages nobody has translated yet."""

import html
import re

import pytest
from django.test import Client

from mscos.core.languages import path_in_language
from mscos.demo import content_translated_pages as words
from mscos.demo.content_translations import STAYING_SAFE
from mscos.forum.models import Topic
from mscos.outcomes.models import OutcomePage
from mscos.updates.models import UpdatePage

LANGUAGES = ["ro", "sq", "ar"]


@pytest.fixture
def client():
    return Client(HTTP_HOST="127.0.0.1")


def read(client, path: str) -> str:
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    return html.unescape(response.content.decode())


def heading(content: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", content, re.S).group(1)).strip()


def translated_pages(language: str) -> list[tuple[str, str, str]]:
    """(English address, title, a sentence) for each page that must be translated."""
    english_update = UpdatePage.objects.filter(locale__language_code="en-gb").order_by("-date")[0]
    pages = [
        ("/", words.HOME[language]["title"], words.HOME[language]["intro"]),
        (
            "/staying-safe-online/",
            STAYING_SAFE[language]["title"],
            STAYING_SAFE[language]["intro"],
        ),
        (
            "/core-outcomes/",
            words.OUTCOMES_INDEX[language]["title"],
            words.OUTCOMES_INDEX[language]["intro"],
        ),
        (
            "/core-outcomes/working-with-the-outcomes-as-a-set/",
            words.SET_PAGE[language]["title"],
            words.SET_PAGE[language]["intro"],
        ),
        (english_update.url, words.UPDATE[language]["title"], words.UPDATE[language]["summary"]),
    ]
    for outcome in OutcomePage.objects.filter(locale__language_code="en-gb", kind="core"):
        _slug, title, summary, _descriptor = words.OUTCOMES[outcome.number][language]
        pages.append((outcome.url, title, summary))
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_safety_pages_outcomes_and_latest_update_are_translated(client, demo_site, language):
    pages = translated_pages(language)
    assert len(pages) == 12  # home, staying safe, section, set page, update, seven outcomes
    for english, title, sentence in pages:
        content = read(client, path_in_language(english, language))
        assert "language-notice" not in content, f"{english} is not translated into {language}"
        assert f'lang="{language}"' in re.search(r"<html[^>]*>", content).group(0)
        assert title in heading(content) or title in content, english
        assert sentence in content, english


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translated_section_still_lists_its_untranslated_pages(client, demo_site, language):
    content = read(client, f"/{language}/core-outcomes/")
    outcome = words.OUTCOMES[1][language][1]
    assert outcome in content, "translated outcomes are listed in the reader's language"
    assert "Corporate responsibility and finance" in content, "an untranslated page stays listed"
    archive = read(client, f"/{language}/community-of-practice/updates/")
    listed = UpdatePage.objects.filter(locale__language_code="en-gb").count()
    assert listed >= 7
    assert words.UPDATE[language]["title"] in archive
    assert "Access to education" in archive, "updates nobody translated stay in the archive"


def test_lists_across_the_site_show_each_page_once(client, demo_site):
    english = read(client, "/core-outcomes/working-with-the-outcomes-as-a-set/")
    assert english.count(">Secure and suitable housing<") <= 2
    assert "سكن آمن ومناسب" not in english and "Locuință sigură" not in english
    feed = client.get("/updates/feed/").content.decode()
    assert "الأمان من أي متاجر" not in feed


def test_translations_are_marked_for_native_review():
    with open(words.__file__, encoding="utf-8") as module:
        source = module.read()
    assert "First drafts for a native speaker to review" in source


GUIDELINES = {
    "ro": "Fiți amabil și porniți de la ideea că ceilalți au intenții bune.",
    "sq": "Jini të sjellshëm dhe besoni në qëllimin e mirë të të tjerëve.",
    "ar": "كن لطيفًا وأحسن الظن بالآخرين.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_posting_guidelines_are_in_the_readers_language(client, demo_site, language):
    topic = Topic.objects.order_by("pk").first()
    reply = read(client, f"/{language}/forums/t/{topic.pk}/reply/")
    assert GUIDELINES[language] in reply
    assert "Be kind and assume good faith" not in reply
    category = read(client, path_in_language(topic.category.get_absolute_url(), language))
    assert GUIDELINES[language] in category
