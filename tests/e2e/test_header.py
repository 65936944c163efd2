"""The header on a cheap phone (320 x 640): the page title in view on arrival, the sections
folded behind a Menu that works without JavaScript, the search in reach, and the exit control
never over whatever has focus (WCAG 2.4.11), in every language."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import in_language

LANGUAGES = ["en-gb", "ro", "sq", "ar"]
PHONE = {"width": 320, "height": 640}
# "About a third of the screen" for the safety bar and the header together.
CHROME_LIMIT_PX = 640 * 0.35
PAGES = ["/", "/core-outcomes/", "/forums/"]

OVERLAP = """() => {
    const exit = document.querySelector('.exit-button').getBoundingClientRect();
    const element = document.activeElement;
    if (!element || element === document.body || element.matches('.exit-button')) { return null; }
    const box = element.getBoundingClientRect();
    const overlaps = box.left < exit.right && box.right > exit.left
        && box.top < exit.bottom && box.bottom > exit.top;
    if (!overlaps) { return null; }
    // Under it only where the exit control is drawn on top (the skip link sits above it).
    const x = (Math.max(box.left, exit.left) + Math.min(box.right, exit.right)) / 2;
    const y = (Math.max(box.top, exit.top) + Math.min(box.bottom, exit.bottom)) / 2;
    const hit = document.elementFromPoint(x, y);
    const covered = hit && hit.closest('.exit-button');
    return covered ? `${element.tagName} ${(element.innerText || '').trim().slice(0, 40)}`
        + ` at ${Math.round(box.top)}..${Math.round(box.bottom)} under the exit control`
        + ` at ${Math.round(exit.top)}..${Math.round(exit.bottom)}` : null;
}"""


def header_bottom(page: Page) -> float:
    return (
        page.locator(".site-header").bounding_box()["y"]
        + page.locator(".site-header").bounding_box()["height"]
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_title_is_in_view_on_a_phone(new_context, site_url, language, path):
    page = new_context(viewport=PHONE).new_page()
    page.goto(in_language(path, language))
    bottom = header_bottom(page)
    assert bottom <= CHROME_LIMIT_PX, f"the safety bar and header take {bottom:.0f} of 640 px"
    title = page.locator("h1").first.bounding_box()
    # At least the first line of the title is on the screen without scrolling.
    assert title["y"] >= bottom and title["y"] + 30 <= PHONE["height"], title
    expect(page.locator(".primary-nav")).to_be_hidden()
    expect(page.locator("#header-search")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_opens_and_leads_somewhere_without_javascript(new_context, site_url, language):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(in_language("/", language))
    toggle = page.locator(".site-menu__toggle")
    expect(toggle).to_be_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    links = page.locator(".primary-nav__link")
    expect(links.first).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()
    href = links.nth(1).get_attribute("href")
    links.nth(1).click()
    page.wait_for_url(f"**{href}")


@pytest.mark.browser
def test_wide_screens_show_the_sections_without_a_menu_toggle(new_context, site_url):
    page = new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=False
    ).new_page()
    page.goto("/")
    expect(page.locator(".site-menu__toggle")).to_be_hidden()
    expect(page.locator(".primary-nav__link").first).to_be_visible()
    expect(page.locator(".language-switcher")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_tabbing_never_leaves_focus_under_the_exit_control(new_context, site_url, language):
    page = new_context(viewport=PHONE).new_page()
    page.goto(in_language("/core-outcomes/", language))
    problems = []
    for _ in range(70):
        page.keyboard.press("Tab")
        problem = page.evaluate(OVERLAP)
        if problem:
            problems.append(problem)
    assert not problems, problems
