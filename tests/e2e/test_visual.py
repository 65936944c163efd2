"""Full-page screenshots at a narrow and a wide viewport, for a person to look at.

They are written to test-artifacts/screenshots/ (gitignored). The test also fails if a page
scrolls sideways at 320 px, which a person would otherwise only notice by looking.
"""

import pytest
from playwright.sync_api import Page, expect

SCREENSHOT_PAGES = [
    ("home", "/", 200),
    ("outcome", "/core-outcomes/safety-from-any-trafficker-or-other-abuser/", 200),
    ("forums", "/forums/", 200),
    (
        "update",
        "/community-of-practice/updates/week-22-safety-from-any-trafficker-or-other-abuser/",
        200,
    ),
    ("not-found", "/no-such-page-here/", 404),
]
WIDTHS = [320, 1280]
HEIGHT = 800


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when it fits)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(new_context, screenshot_dir, width):
    context = new_context(viewport={"width": width, "height": HEIGHT})
    page = context.new_page()
    overflowing = {}

    for name, path, status in SCREENSHOT_PAGES:
        response = page.goto(path)
        assert response is not None and response.status == status, path
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)
        if overflow := horizontal_overflow(page):
            overflowing[name] = overflow

    page.goto("/")
    menu = page.locator(".site-menu__toggle")
    if menu.is_visible():  # on a phone the sections are folded behind Menu
        menu.click()
    dropdown = page.locator("details[data-dropdown]").filter(
        has=page.locator("summary", has_text="Forums")
    )
    dropdown.locator("summary").click()
    expect(dropdown.locator(".dropdown__list")).to_be_visible()
    page.screenshot(path=screenshot_dir / f"forums-dropdown-open-{width}.png", full_page=True)
    if overflow := horizontal_overflow(page):
        overflowing["forums-dropdown-open"] = overflow

    assert overflowing == {}, (
        f"pages wider than the {width}px viewport (px too wide): {overflowing}"
    )
