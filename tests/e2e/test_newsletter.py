"""Subscribing in a real browser: by keyboard, without JavaScript, without a cookie; and the
update pages and newsletter forms pass axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from mscos.newsletter.models import Subscriber
from tests.e2e.test_accessibility import describe

UPDATE = "/community-of-practice/updates/week-22-safety-from-any-trafficker-or-other-abuser/"


@pytest.mark.browser
def test_a_reader_subscribes_by_keyboard_without_javascript_or_cookies(
    nojs_page, site_url, offsite_requests
):
    page = nojs_page
    page.goto(UPDATE)
    page.get_by_role("link", name="Subscribe").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Subscribe to the weekly update")).to_be_visible()
    page.get_by_label("Email address").focus()
    page.keyboard.type("keyboard.reader@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Sam")
    page.get_by_label("Safety from any trafficker or other abuser").check()
    page.get_by_label(re.compile("I would like the Community of Practice update")).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Subscribe").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()

    [confirmation] = mail.outbox
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    page.goto("/newsletter/" + link.split("/newsletter/", 1)[1])  # the live server's own address
    page.get_by_role("button", name="Yes, send me the update").press("Enter")
    expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()
    subscriber = Subscriber.objects.get(email="keyboard.reader@example.org")
    assert subscriber.status == Subscriber.ACTIVE and subscriber.name == "Sam"
    assert page.context.cookies() == []
    assert offsite_requests == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(
    "path",
    [
        pytest.param(UPDATE, id="update"),
        pytest.param("/community-of-practice/updates/", id="archive"),
        pytest.param("/newsletter/subscribe/", id="subscribe"),
    ],
)
def test_update_and_newsletter_pages_pass_axe(new_context, site_url, path, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(path)
    results = Axe().run(page)
    blocking = results.response["violations"]
    assert blocking == [], describe(blocking)
