"""Registering for an event, joining and sending feedback, in Chromium, with mail over SMTP."""

import re

import pytest
from playwright.sync_api import expect

from mscos.events.models import EventRegistration
from mscos.feedback.models import Feedback
from mscos.joining.models import JoinRequest
from tests.mail_server import body_of, smtp_server  # noqa: F401 (a fixture)

# The forms refuse anything sent within three seconds of loading (bots are quicker).
HUMAN_PAUSE_MS = 3200


@pytest.mark.browser
def test_register_for_a_workshop_and_cancel_by_the_mailed_link(
    page,
    smtp_server,  # noqa: F811 (the fixture imported above)
    screenshot_dir,
):
    page.goto("/events/")
    page.get_by_role("link", name="Workshop: reporting crime safely and with confidence").click()
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Name or pseudonym").fill("Quiet Heron")
    page.get_by_label("Email address").fill("heron@example.org")
    page.get_by_label("Expert by lived experience").check()
    page.get_by_label("Access needs").fill("Captions, please")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_label("I agree that the organisers").check()
    page.get_by_role("button", name="Register").click()

    expect(page.locator("h1")).to_have_text("Your registration")
    expect(page.get_by_text("Place confirmed")).to_be_visible()
    expect(page.get_by_text("meet.example.org/mscos-workshop")).to_be_visible()
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"event-registration-{width}.png", full_page=True)

    (mail,) = smtp_server.to("heron@example.org")
    link = re.search(r"https?://\S+(/events/registration/\S+/)", body_of(mail)).group(1)
    page.goto(link)
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Cancelled", exact=True)).to_be_visible()
    assert EventRegistration.objects.get().status == "cancelled"


@pytest.mark.browser
def test_join_form_keeps_input_after_a_mistake_then_offers_an_account(page, screenshot_dir):
    page.goto("/get-involved/")
    page.get_by_role("link", name="Join the Community of Practice").click()
    page.get_by_label("Name or pseudonym").fill("Sam")
    page.get_by_label("Email address").fill("sam-at-example")
    page.get_by_label("Practitioner").check()
    page.get_by_label("Country").fill("Romania")
    page.get_by_label("Access to education").check()
    page.get_by_label("Send me the Community of Practice updates").check()
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Join").click()

    expect(page.get_by_text("Enter a valid email address.", exact=True)).to_be_visible()
    expect(page.get_by_label("Country")).to_have_value("Romania")
    expect(page.get_by_label("Access to education")).to_be_checked()
    assert not JoinRequest.objects.exists()

    page.get_by_label("Email address").fill("sam@example.org")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", name="Thank you, Sam")).to_be_visible()
    expect(page.get_by_role("link", name="Create an account")).to_be_visible()
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"join-thanks-{width}.png", full_page=True)
    joined = JoinRequest.objects.get()
    assert joined.country == "Romania" and joined.consent_to_updates


@pytest.mark.browser
def test_anonymous_feedback_without_javascript(nojs_page, screenshot_dir):
    page = nojs_page
    page.goto("/feedback/")
    expect(page.get_by_role("link", name="Feedback and suggestions forum")).to_be_visible()
    page.get_by_label("Events and podcasts").check()
    page.get_by_label("Your feedback or suggestion").fill("Please add captions to the podcast.")
    page.wait_for_timeout(HUMAN_PAUSE_MS)
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you")
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=screenshot_dir / f"feedback-{width}.png", full_page=True)
    item = Feedback.objects.get()
    assert (item.topic, item.name, item.email) == ("events", "", "")


MY_PAGES = [
    pytest.param("/events/", id="events"),
    pytest.param("/events/workshop-reporting-safely/", id="event"),
    pytest.param("/events/workshop-reporting-safely/register/", id="event-register"),
    pytest.param("/podcast/episode-1-reporting-safely/", id="episode"),
    pytest.param("/feedback/", id="feedback"),
    pytest.param("/get-involved/join/", id="join"),
]


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", MY_PAGES)
def test_no_serious_accessibility_violations_or_offsite_requests(
    new_context, site_url, offsite_requests, path, width
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.e2e.test_accessibility import describe

    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(path)
    results = Axe().run(page)
    blocking = results.response["violations"]
    assert blocking == [], describe(blocking)
    assert offsite_requests == []
