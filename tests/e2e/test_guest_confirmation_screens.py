"""The guest's "thank you" page at a phone's width and a desktop's, in English and Arabic: the help
comes first, nothing scrolls sideways, and the private link wraps instead of overflowing."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from mscos.forum.models import Post, Status


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_guest_confirmation_page_fits_and_puts_help_first(
    new_context, language, width, screenshot_dir
):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    topic_id = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic_id
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{prefix}/forums/t/{topic_id}/reply/")
    page.locator("textarea[name=body]").fill("A guest's reply.")
    if page.locator("input[name=understood]").count():
        page.locator("input[name=understood]").check()
    page.wait_for_timeout(3200)  # the bot check's minimum time to fill a form
    page.locator("form[method=post] button[type=submit]:not([name])").click()
    heading = page.locator("h1")
    expect(heading).to_be_visible()
    with translation.override(language):
        expect(heading).to_have_text(gettext("Thank you: your post is waiting for a moderator"))
    expect(page.locator(".waiting-help")).to_be_visible()
    expect(page.locator(".guest-link")).to_be_visible()
    # Measured once the page has settled (its style sheet and fonts applied).
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    help_box = page.locator(".waiting-help").bounding_box()
    link_box = page.locator(".guest-link").bounding_box()
    assert help_box["y"] < link_box["y"], "the help should come before the private link"
    assert link_box["x"] >= 0 and link_box["x"] + link_box["width"] <= width
    page.screenshot(
        path=screenshot_dir / f"guest-confirmation-{language}-{width}.png", full_page=True
    )
