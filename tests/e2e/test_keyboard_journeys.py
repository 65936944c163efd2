"""Journeys made with the keyboard alone, in English and in Arabic (right to left).

No mouse: only Tab, Shift+Tab, Enter, Space and typing. At every Tab stop the focused control must
show a focus indicator and must not be hidden under the sticky safety bar or the exit control
(tests/e2e/keyboard.py). Add a journey for a new feature as a function taking (page, language) and
list it in SIGNED_OUT_JOURNEYS or SIGNED_IN_JOURNEYS.
"""

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from mscos.events.models import EventPage, EventRegistration
from mscos.forum.models import Post, Status
from mscos.moderation.models import Report
from mscos.newsletter.models import Subscriber
from mscos.outcomes.models import OutcomeIndexPage, OutcomePage
from tests.e2e.keyboard import tab_to, walk_focus_order
from tests.e2e.test_accessibility import in_language, sign_in

OUTCOMES = "/core-outcomes/"
OUTCOME_TITLE = "Safety from any trafficker or other abuser"


def in_readers_language(page_in_english, language: str):
    """The page a reader of `language` is given: its translation where there is one (translated
    pages have addresses in their own script, e.g. /ar/النتائج-الأساسية/), else the English page."""
    locale = Locale.objects.filter(language_code=language).first()
    translation = page_in_english.get_translation_or_none(locale) if locale else None
    return (translation or page_in_english).specific


def read_an_outcome_page(page: Page, language: str) -> None:
    english = Locale.get_default()
    index = in_readers_language(OutcomeIndexPage.objects.get(locale=english), language)
    outcome = in_readers_language(
        OutcomePage.objects.get(title=OUTCOME_TITLE, locale=english), language
    )
    page.goto(index.url)
    link = page.locator("main a", has_text=outcome.title).first
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(outcome.title)
    walk_focus_order(page)


def open_the_forums_dropdown(page: Page, language: str) -> None:
    page.goto(in_language("/", language))
    menu = page.locator(".site-menu__toggle")
    if menu.is_visible():  # on a phone the sections are folded behind Menu
        tab_to(page, menu)
        page.keyboard.press("Enter")
    summary = page.locator("details[data-dropdown] > summary").first
    tab_to(page, summary)
    page.keyboard.press("Enter")
    first_link = page.locator("details[data-dropdown] .dropdown__list a").first
    expect(first_link).to_be_visible()
    tab_to(page, first_link)
    page.keyboard.press("Enter")
    page.wait_for_url("**/forums/**")


def use_the_exit_control(page: Page, language: str) -> None:
    page.goto(in_language(OUTCOMES, language))
    tab_to(page, page.locator("#exit-this-page"))
    page.keyboard.press("Enter")
    page.wait_for_url("https://neutral.example/**")


def post_a_reply(page: Page, language: str) -> None:
    topic = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic
    page.goto(in_language(f"/forums/t/{topic.pk}/", language))
    body = page.locator("textarea[name=body]")
    tab_to(page, body)
    page.keyboard.type("Thank you for sharing this. It helped me to read it.")
    understood = page.locator("input[name=understood]")
    if understood.count():
        tab_to(page, understood)
        page.keyboard.press("Space")
    send = page.locator("form[action$='/reply/'] button[type=submit]:not([name])")
    tab_to(page, send)
    time.sleep(3.2)  # the form refuses posts sent faster than a person could write one
    page.keyboard.press("Enter")
    # Shown either the topic with a confirmation or, when a moderator reads it first, the
    # waiting page with its help block.
    expect(page.locator(".messages, main .waiting").first).to_be_visible()
    reply = Post.objects.get(body__startswith="Thank you for sharing this")
    if reply.status == Status.PENDING:
        assert page.url.endswith(f"/forums/p/{reply.pk}/waiting/")
        expect(page.locator(".waiting-help")).to_be_visible()


def report_a_post(page: Page, language: str) -> None:
    post = Post.objects.filter(status=Status.APPROVED).order_by("pk").first()
    page.goto(in_language(f"/forums/t/{post.topic_id}/", language))
    report = page.locator(f"a[href$='/forums/p/{post.pk}/report/']")
    tab_to(page, report)
    page.keyboard.press("Enter")
    page.wait_for_url("**/report/")
    first_reason = page.locator("input[name=reason]").first
    tab_to(page, first_reason)
    page.keyboard.press("ArrowDown")  # radio buttons: arrows choose (and mirror in Arabic)
    send = page.locator("main form button[type=submit]")
    tab_to(page, send)
    page.keyboard.press("Enter")
    expect(page.locator(".messages, h1").first).to_be_visible()
    page.wait_for_load_state()
    assert Report.objects.filter(post=post).exists(), "the report was not received"


def subscribe_to_the_update(page: Page, language: str) -> None:
    email = f"keyboard-{language}@example.org"
    page.goto(in_language("/", language))
    subscribe = page.locator("main a[href*='/newsletter/subscribe/']").first
    tab_to(page, subscribe, limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url("**/newsletter/subscribe/**")
    tab_to(page, page.locator("input[name=email]"))
    page.keyboard.type(email)
    tab_to(page, page.locator("input[name=interests]").first)
    page.keyboard.press("Space")
    tab_to(page, page.locator("input[name=consent]"))
    page.keyboard.press("Space")
    tab_to(page, page.locator("main form button[type=submit]"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/check-your-inbox/")
    walk_focus_order(page)
    subscriber = Subscriber.objects.get(email=email)
    assert subscriber.status == Subscriber.PENDING and subscriber.interests.count() == 1


def register_for_an_event(page: Page, language: str) -> None:
    event = EventPage.objects.live().filter(invite_only=False, capacity__gt=0).order_by("start")
    event = next(e for e in event if e.registration_is_open())
    page.goto(in_language("/events/", language))
    tab_to(page, page.locator(f"main a[href$='{event.slug}/']").first, limit=120)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{event.slug}/")
    tab_to(page, page.locator("main a[href$='/register/']").first)
    page.keyboard.press("Enter")
    page.wait_for_url("**/register/")
    tab_to(page, page.locator("input[name=name]"))
    page.keyboard.type("Quiet Heron")
    page.keyboard.press("Tab")
    page.keyboard.type(f"heron-{language}@example.org")
    tab_to(page, page.locator("input[name=role]").first)
    page.keyboard.press("Space")
    tab_to(page, page.locator("input[name=consent]"))
    page.keyboard.press("Space")
    tab_to(page, page.locator("main form button[type=submit]"))
    time.sleep(3.2)  # the form refuses registrations sent faster than a person could fill it in
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/registration/**")
    walk_focus_order(page)
    assert EventRegistration.objects.filter(event=event, email=f"heron-{language}@example.org")


SIGNED_OUT_JOURNEYS: list[Callable[[Page, str], None]] = [
    read_an_outcome_page,
    open_the_forums_dropdown,
    use_the_exit_control,
    subscribe_to_the_update,
    register_for_an_event,
]
SIGNED_IN_JOURNEYS: list[Callable[[Page, str], None]] = [post_a_reply, report_a_post]


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["en-gb", "ar"])
@pytest.mark.parametrize("journey", SIGNED_OUT_JOURNEYS, ids=lambda j: j.__name__)
def test_signed_out_keyboard_journey(new_context, site_url, journey, language, width):
    page = new_context(viewport={"width": width, "height": 700}).new_page()
    journey(page, language)


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["en-gb", "ar"])
@pytest.mark.parametrize("journey", SIGNED_IN_JOURNEYS, ids=lambda j: j.__name__)
def test_signed_in_keyboard_journey(new_context, site_url, member, journey, language, width):
    context = new_context(viewport={"width": width, "height": 700})
    sign_in(context, site_url, member)
    journey(context.new_page(), language)


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en-gb", "ar"])
def test_focus_reaches_the_footer_without_hiding_under_the_exit_control(
    new_context, site_url, language
):
    """A long page at 320 px, tabbed to the very end: every stop visible (WCAG 2.4.11)."""
    page = new_context(viewport={"width": 320, "height": 568}).new_page()
    page.goto(in_language(OUTCOMES, language))
    tab_to(page, page.locator("footer a[href$='/privacy/']"), limit=150)
