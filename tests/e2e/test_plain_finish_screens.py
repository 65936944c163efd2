"""Issue 18's finish, as a reader sees it at 320 px and 1280 px in English and Arabic: the pages
changed for plain language (contents lists, the PDF link with its size, the feedback form and its
confirmation, a translated outcome page with its lists), screenshot for a person to look at, and
checked for what a screenshot shows: form controls in the site's font, the contents list on
screen, nothing wider than the phone."""

import pytest
from playwright.sync_api import Page

from tests.e2e.test_visual import horizontal_overflow

PAGES = [
    ("staying-safe", "/staying-safe-online/"),
    ("outcome", "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"),
    ("update", "/updates/latest/"),
    ("privacy", "/privacy/"),
    ("feedback", "/feedback/"),
]
LANGUAGES = {"en": "", "ar": "/ar"}


def font_of(page: Page, selector: str) -> str:
    return page.evaluate("(s) => getComputedStyle(document.querySelector(s)).fontFamily", selector)


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_language_pages_look_finished(new_context, screenshot_dir, width, language):
    context = new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    overflowing = {}
    for name, path in PAGES:
        response = page.goto(LANGUAGES[language] + path)
        assert response is not None and response.status == 200, path
        page.screenshot(
            path=screenshot_dir / f"finish-{name}-{language}-{width}.png", full_page=True
        )
        if overflow := horizontal_overflow(page):
            overflowing[name] = overflow
        if name in ("staying-safe", "outcome", "privacy"):
            assert page.locator("nav.contents-list").is_visible(), (name, language)
    assert overflowing == {}, f"wider than {width} px: {overflowing}"

    page.goto(LANGUAGES[language] + "/feedback/")
    body_font = font_of(page, "body")
    assert font_of(page, ".form-page form button.button") == body_font
    assert font_of(page, "form textarea") == body_font
    page.locator("textarea").fill("The contents lists help on my phone.")
    page.wait_for_timeout(3200)  # a person takes a few seconds (the bot check's minimum)
    page.locator(".form-page form button.button").click()
    page.wait_for_load_state()
    assert page.locator("form textarea").count() == 0, "a page of its own, no empty form"
    page.screenshot(
        path=screenshot_dir / f"finish-feedback-sent-{language}-{width}.png", full_page=True
    )
