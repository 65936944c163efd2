"""Exit this page: leaves for the neutral site, leaves no way Back, and forgets the reader."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from playwright.sync_api import Page, expect

from mscos.core.models import SafetySettings

HOME = "/"
OUTCOME = "/core-outcomes/safety-from-any-trafficker-or-other-abuser/"
EXIT_CONTROLS = [
    pytest.param("#exit-this-page", id="safety-bar"),
    pytest.param(".site-footer a[href='/exit/']", id="footer"),
]


@pytest.fixture
def exit_url(demo_site) -> str:
    url = SafetySettings.for_site(demo_site).exit_url
    assert url.startswith("https://neutral.example/")
    return url


def assert_on_neutral_page(page: Page, exit_url: str) -> None:
    page.wait_for_url(exit_url)
    expect(page.locator("h1")).to_have_text("Neutral weather")


@pytest.mark.browser
@pytest.mark.parametrize("control", EXIT_CONTROLS)
def test_exit_replaces_the_page_so_back_does_not_return(page, site_url, exit_url, control):
    page.goto(HOME)  # page A
    page.goto(OUTCOME)  # page B: the one the reader wants to hide
    expect(page.locator(control)).to_have_text("Exit this page")

    page.locator(control).click()
    assert_on_neutral_page(page, exit_url)

    page.go_back()
    assert page.url != f"{site_url}{OUTCOME}", "Back returned to the page the reader exited from"
    assert page.url == f"{site_url}{HOME}"


@pytest.mark.browser
def test_exit_signs_out_and_clears_cookies_and_storage(
    page, context, site_url, exit_url, member, offsite_requests
):
    client = Client()
    client.force_login(member)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": site_url}]
    )

    page.goto(OUTCOME)
    page.evaluate("() => localStorage.setItem('probe', 'left behind')")
    assert Session.objects.filter(session_key=session_key).exists()
    assert [cookie["name"] for cookie in context.cookies(site_url)] == [
        settings.SESSION_COOKIE_NAME
    ]

    page.locator("#exit-this-page").click()
    assert_on_neutral_page(page, exit_url)

    assert not Session.objects.filter(session_key=session_key).exists(), "session survived exit"
    assert context.cookies(site_url) == [], "cookies for the site survived exit"
    assert offsite_requests == [exit_url]

    page.goto(HOME)
    assert page.evaluate("() => localStorage.getItem('probe')") is None, "storage survived exit"
    assert context.cookies() == []


@pytest.mark.browser
def test_three_shift_presses_exit_but_two_do_not(page, site_url, exit_url, outcome_page):
    page.goto(HOME)
    page.goto(OUTCOME)
    heading = page.locator("h1")
    expect(heading).to_have_text(outcome_page.title)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == f"{site_url}{OUTCOME}", "two presses of Shift already left the page"
    expect(heading).to_have_text(outcome_page.title)

    page.keyboard.press("Shift")
    assert_on_neutral_page(page, exit_url)

    page.go_back()
    assert page.url == f"{site_url}{HOME}", "Back returned to the page the reader exited from"


@pytest.mark.browser
def test_exit_without_javascript_is_a_plain_link(nojs_page, exit_url):
    page = nojs_page
    page.goto(OUTCOME)
    control = page.locator("#exit-this-page")
    assert control.evaluate("element => element.tagName") == "A"
    expect(control).to_have_attribute("href", "/exit/")
    expect(control).to_have_text("Exit this page")

    control.click()
    assert_on_neutral_page(page, exit_url)


@pytest.mark.browser
@pytest.mark.parametrize(
    "chord",
    [
        pytest.param("Shift+Tab", id="shift-tab-backwards-through-links"),
        pytest.param("Shift+KeyH", id="typing-capital-letters"),
    ],
)
def test_shift_held_with_another_key_does_not_exit(page, site_url, outcome_page, chord):
    """Only Shift pressed on its own counts; moving back with Shift+Tab or typing capitals must
    not throw the reader off the site (and sign them out, losing what they were writing)."""
    page.goto(OUTCOME)
    for _ in range(3):
        page.keyboard.press(chord)
    page.wait_for_timeout(300)
    assert page.url == f"{site_url}{OUTCOME}", f"three presses of {chord} left the page"
    expect(page.locator("h1")).to_have_text(outcome_page.title)
