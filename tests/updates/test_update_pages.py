"""Update pages, the archive, /updates/latest/, the feeds and the PDF, on the demo content."""

import datetime
import io
import re

import feedparser
import pytest
from django.conf import settings
from pypdf import PdfReader

from mscos.updates.models import UpdateIndexPage, UpdatePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def week_22(demo_site) -> UpdatePage:
    return UpdatePage.objects.get(label="Week 22")


def add_update(index, *, label, date, outcomes=(), theme="", title=None) -> UpdatePage:
    page = UpdatePage(
        title=title or f"About {label}",
        label=label,
        date=date,
        summary=f"Summary of {label}.",
        focus_theme=theme,
    )
    page.focus_outcomes = list(outcomes)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_the_update_page_shows_every_part(client, week_22):
    html = client.get(week_22.url).content.decode()
    for expected in [
        "Week 22",
        "Hello, and thank you",  # greeting
        "The Victim Navigator programme",  # practice example
        "Helene Miller KPM",  # quote speaker
        "Employ survivor leaders.",  # recommendation list
        "Podcast",  # teaser
        "Did you know?",
        "Join the safety forum",  # forum call to action
        "Research Advisory Board",  # contributor flag
        "co-directors of the Community of Practice",  # editors' credit
        "/newsletter/subscribe/",
    ]:
        assert expected in html, expected
    # The PDF link says what it is and how big (made on first view to measure it).
    assert re.search(r"Full version \(PDF file, [\d.]+\xa0KB\)", html), "PDF link with its size"


def test_reading_pages_set_no_cookie(client, week_22):
    for url in [
        week_22.url,
        week_22.get_parent().url,
        "/",
        "/updates/feed/",
        "/newsletter/subscribe/",
    ]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert response.cookies == {}, url


def test_archive_is_grouped_by_year_and_filters_by_outcome(client, week_22, outcome_page):
    index = UpdateIndexPage.objects.get(locale__language_code="en-gb")
    other_outcome = (
        week_22.focus_outcomes.model.objects.exclude(pk=outcome_page.pk).filter(kind="core").first()
    )
    # The demo's updates are dated from the day it is loaded; this one is a year or more older.
    older = week_22.date - datetime.timedelta(days=400)
    add_update(index, label="Update 24", date=older, outcomes=[other_outcome])
    html = client.get(index.url).content.decode()
    assert html.index("Week 22") < html.index("Update 24")
    for year in (week_22.date.year, older.year):
        assert f'<h2 id="year-{year}">{year}</h2>' in html
    filtered = client.get(index.url, {"outcome": outcome_page.slug}).content.decode()
    assert "Week 22" in filtered and "Update 24" not in filtered
    assert "Rachel Witkin" in filtered  # contributors on the card


def test_latest_redirects_to_the_newest_update(client, week_22):
    index = UpdateIndexPage.objects.get(locale__language_code="en-gb")
    newer_date = week_22.date + datetime.timedelta(days=1)
    newer = add_update(index, label="Update 23", date=newer_date, theme="Housing")
    response = client.get("/updates/latest/")
    assert response.status_code == 302
    assert response["Location"] == newer.url
    newer.unpublish()
    assert client.get("/updates/latest/")["Location"] == week_22.url


@pytest.mark.parametrize("path", ["/updates/feed/", "/updates/feed/atom/"])
def test_feeds_parse_and_every_item_has_a_link_date_and_id(client, week_22, path):
    index = UpdateIndexPage.objects.get(locale__language_code="en-gb")
    add_update(index, label="Update 23", date=week_22.date, theme="Housing")
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    # Each update once (the demo's seven and this one), not once per translation.
    assert len(feed.entries) == UpdatePage.objects.filter(locale=index.locale).count() == 8
    for entry in feed.entries:
        assert entry.link.startswith(settings.SITE_URL + "/")
        assert entry.get("published_parsed") or entry.get("updated_parsed")
        assert entry.id
    assert {entry.title for entry in feed.entries} >= {
        "Week 22: Safety from any trafficker or other abuser"
    }


def test_the_home_page_shows_the_latest_update_and_its_focus(client, week_22):
    html = client.get("/").content.decode()
    assert "Week 22" in html
    assert "Focus: Safety from any trafficker or other abuser" in html


def test_the_pdf_is_made_from_the_page(client, week_22):
    response = client.get(f"{week_22.url}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # Selectable text with the page's content, as a reader's PDF viewer extracts it.
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in [
        "Week 22",
        "Victim Navigator programme",
        "Employ survivor leaders",
        "Keith Lewis",
    ]:
        assert expected in text, expected


def test_an_uploaded_pdf_replaces_the_generated_one(client, week_22):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Week 22 (print)", file=ContentFile(b"%PDF-1.4 x", "w22.pdf")
    )
    week_22.pdf = document
    week_22.save_revision().publish()
    response = client.get(f"{week_22.url}pdf/")
    assert response.status_code == 302 and response["Location"] == document.url


def test_updates_path_reaches_the_archive(client, week_22):
    response = client.get("/updates/")
    assert response.status_code == 302
    assert response["Location"] == week_22.get_parent().url


def test_short_addresses_keep_the_readers_language(client, demo_site):
    archive = client.get("/ar/updates/")
    assert archive.status_code == 302 and archive["Location"].startswith("/ar/")
    latest = client.get("/ar/updates/latest/")
    assert latest.status_code == 302 and latest["Location"].startswith("/ar/")
    assert client.get(latest["Location"]).status_code == 200
