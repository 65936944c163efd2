"""The page shell's navigation: the Forums drop-down, the forum button, and keyboard order."""

import pytest
from playwright.sync_api import Locator, Page, expect

from mscos.forum.models import ForumCategory

HOME = "/"
OUTCOME = "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"
PAGES = [pytest.param(HOME, id="home"), pytest.param(OUTCOME, id="outcome")]


def forums_dropdown(page: Page) -> Locator:
    return page.locator("details[data-dropdown]").filter(
        has=page.locator("summary", has_text="Forums")
    )


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_until_focused(page: Page, target: Locator, limit: int = 40) -> int:
    """Presses Tab from the top of the page until `target` has focus; returns how many presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if is_focused(target):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {target}")


def assert_lists_every_category(dropdown: Locator, categories: list[ForumCategory]) -> None:
    links = dropdown.locator(".dropdown__list a")
    expect(links.first).to_be_visible()
    texts = [text.strip() for text in links.all_inner_texts()]
    expected = [category.name for category in categories]
    # The first entry leads to all forums; then one link per category, in the editors' order.
    assert texts[1:] == expected, f"drop-down lists {texts}, categories are {expected}"
    for category in categories:
        link = dropdown.locator(".dropdown__list a", has_text=category.name)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", category.get_absolute_url())


def assert_on_category(page: Page, site_url: str, category: ForumCategory) -> None:
    expect(page).to_have_url(f"{site_url}/forums/{category.slug}/")
    expect(page.locator("h1")).to_have_text(category.name)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_forums_dropdown_opens_by_keyboard(page, site_url, forum_categories, path):
    page.goto(path)
    dropdown = forums_dropdown(page)
    summary = dropdown.locator("summary")
    expect(dropdown).not_to_have_attribute("open", "")

    tab_until_focused(page, summary)
    page.keyboard.press("Enter")
    expect(dropdown).to_have_attribute("open", "")
    assert_lists_every_category(dropdown, forum_categories)

    # Escape closes it again and gives focus back to the toggle (shell.js).
    page.keyboard.press("Escape")
    expect(dropdown).not_to_have_attribute("open", "")
    assert is_focused(summary)

    # Reopen, move into the list by keyboard, and follow a link.
    page.keyboard.press("Enter")
    expect(dropdown).to_have_attribute("open", "")
    target = forum_categories[0] if path == HOME else forum_categories[-1]
    tab_until_focused(page, dropdown.locator(".dropdown__list a", has_text=target.name))
    page.keyboard.press("Enter")
    assert_on_category(page, site_url, target)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_forums_dropdown_link_click(page, site_url, forum_categories, path):
    page.goto(path)
    dropdown = forums_dropdown(page)
    dropdown.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(dropdown).to_have_attribute("open", "")
    target = forum_categories[1] if path == HOME else forum_categories[-2]
    dropdown.locator(".dropdown__list a", has_text=target.name).click()
    assert_on_category(page, site_url, target)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_forums_dropdown_works_without_javascript(nojs_page, site_url, forum_categories, path):
    page = nojs_page
    page.goto(path)
    dropdown = forums_dropdown(page)
    expect(dropdown).not_to_have_attribute("open", "")
    expect(dropdown.locator(".dropdown__list")).to_be_hidden()

    dropdown.locator("summary").click()
    expect(dropdown).to_have_attribute("open", "")
    assert_lists_every_category(dropdown, forum_categories)

    target = forum_categories[2]
    dropdown.locator(".dropdown__list a", has_text=target.name).click()
    assert_on_category(page, site_url, target)


@pytest.mark.browser
def test_forum_button_on_home_page_leads_to_all_forums(page, site_url):
    page.goto(HOME)
    button = page.locator(".banner .forum-button")
    expect(button).to_have_count(1)
    expect(button).to_have_text("Go to the forums")
    button.click()
    expect(page).to_have_url(f"{site_url}/forums/")
    expect(page.locator("h1")).to_have_text("Forums")


@pytest.mark.browser
def test_forum_button_on_outcome_page_leads_to_its_category(page, site_url, outcome_page):
    category = ForumCategory.objects.get(outcome_page=outcome_page)
    page.goto(OUTCOME)
    button = page.locator(".banner .forum-button")
    expect(button).to_have_count(1)
    expect(button).to_contain_text(category.name)
    button.click()
    assert_on_category(page, site_url, category)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_first_tab_reaches_skip_link_then_exit_control(page, site_url, path):
    page.goto(path)
    skip_link = page.locator("a.skip-link")
    exit_control = page.locator("#exit-this-page")

    page.keyboard.press("Tab")
    assert is_focused(skip_link), "first Tab should focus the skip link"
    # A focused skip link must be on screen, not left hidden above the top edge.
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0, f"focused skip link is off screen: {box}"

    page.keyboard.press("Tab")
    assert is_focused(exit_control), "second Tab should focus the Exit this page control"
    expect(exit_control).to_be_in_viewport()


def obscured_by_safety_bar(page: Page, selector: str) -> dict:
    """Where `selector`'s box starts, and where the sticky safety bar ends, in viewport pixels."""
    return page.evaluate(
        """selector => ({
            top: document.querySelector(selector).getBoundingClientRect().top,
            barBottom: document.querySelector('.safety-bar').getBoundingClientRect().bottom,
        })""",
        selector,
    )


@pytest.mark.browser
@pytest.mark.parametrize("width, height", [(320, 568), (1280, 800)])
def test_skip_link_target_is_not_hidden_under_the_sticky_safety_bar(
    new_context, screenshot_dir, width, height
):
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(HOME)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert is_focused(page.locator("#main"))
    page.screenshot(path=screenshot_dir / f"after-skip-link-{width}.png")
    place = page.evaluate(
        """() => ({
            contentTop: document.querySelector('#main > :first-child').getBoundingClientRect().top,
            barBottom: document.querySelector('.safety-bar').getBoundingClientRect().bottom,
        })"""
    )
    assert place["contentTop"] >= place["barBottom"], (
        f"at {width}x{height} the skip link scrolls the start of the main content under the "
        f"sticky safety bar: {place}"
    )
