"""Arabic pages keep mixed-direction text in order, checked where Chromium draws it: an English
topic title in the reply heading stays whole to the left of the Arabic words, a post header reads
author then date from the right, a search result's English snippet reads left to right beside its
isolated category and author, and an event's start time is drawn to the right of its end."""

import pytest
from playwright.sync_api import Page, expect

from mscos.events.models import EventPage
from mscos.forum.models import Post, Status

# The box of the heading's own words (its first text node), beside the isolated title.
LABEL_BOX = """heading => {
    const range = document.createRange();
    range.selectNodeContents(heading.firstChild);
    const box = range.getBoundingClientRect();
    return {left: box.left, right: box.right};
}"""


def box(page: Page, selector: str) -> dict:
    element = page.locator(selector).first
    expect(element).to_be_visible()
    return element.bounding_box()


def right_edge(found: dict) -> float:
    return found["x"] + found["width"]


@pytest.mark.browser
def test_reply_heading_keeps_an_english_title_whole_beside_the_arabic(page, site_url):
    topic = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic
    topic.title = "Housing after the NRM"  # short: one line, so boxes compare simply
    topic.save()
    page.goto(f"/ar/forums/t/{topic.pk}/reply/")
    heading = page.locator("h1")
    title = box(page, "h1 .reply-heading__title")
    expect(page.locator("h1 .reply-heading__title")).to_have_text(topic.title)
    label = heading.evaluate(LABEL_BOX)
    # Right to left: the Arabic words come first, on the right; the title follows on their left.
    assert label["left"] >= right_edge(title) - 1, (label, title)


@pytest.mark.browser
def test_post_header_reads_author_then_date_from_the_right(page, site_url):
    topic = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic
    page.goto(f"/ar/forums/t/{topic.pk}/")
    author = box(page, ".post__header .post__author")
    when = box(page, ".post__header time")
    assert author["x"] >= right_edge(when), (author, when)
    assert abs(author["y"] - when["y"]) < author["height"]  # same line


@pytest.mark.browser
def test_search_snippet_reads_in_its_own_direction(page, site_url):
    page.goto("/ar/search/?q=navigator")
    snippet = page.locator(".search-snippet").first
    expect(snippet).to_be_visible()
    assert snippet.evaluate("element => getComputedStyle(element).direction") == "ltr"
    # English words start at the left edge of the result, not the right.
    item = box(page, "#results-posts ~ ol .topic-list__item, #results-posts + ol .topic-list__item")
    assert snippet.bounding_box()["x"] - item["x"] < 40
    category = box(page, ".topic-list__item .meta bdi")
    author = box(page, ".topic-list__item .meta .post__author")
    assert category["x"] >= right_edge(author), (category, author)  # category first, on the right


@pytest.mark.browser
def test_event_time_starts_on_the_right_in_arabic(page, site_url):
    event = EventPage.objects.live().order_by("start").first()
    page.goto(f"/ar{event.url}" if not event.url.startswith("/ar/") else event.url)
    start = box(page, ".event-when__start")
    end = box(page, ".event-when__end")
    same_line = abs(start["y"] - end["y"]) < start["height"]
    # On one line the start is on the right; wrapped, the end is on a later line.
    assert (same_line and start["x"] >= right_edge(end) - 1) or end["y"] > start["y"], (start, end)
    page.goto(event.url)
    start, end = box(page, ".event-when__start"), box(page, ".event-when__end")
    assert end["x"] >= right_edge(start) - 1 or end["y"] > start["y"]  # English: left to right
