"""No time limit without warning, and no draft lost when a session ends (WCAG 2.2.1, 2.2.5).

The idle timeout is shortened for these tests; the page warns before it runs out, "I'm still
here" (pressed by keyboard) extends it, and a reply typed before the session ended is kept in
this tab only and offered back after signing in again (tests/e2e/test_drafts_on_device.py has
the rules for how long, and what clears it).
"""

import time

import pytest
from playwright.sync_api import expect

from mscos.forum.models import Post, Status
from tests.e2e.keyboard import is_focused
from tests.e2e.test_accessibility import sign_in

DRAFT = "Notes on the housing workshop, written slowly, that I do not want to lose."


def a_topic_path() -> str:
    return (
        f"/forums/t/{Post.objects.filter(status=Status.APPROVED).order_by('pk').first().topic_id}/"
    )


def signed_in(page) -> bool:
    return page.locator(".primary-nav__item--account a[href$='/account/']").count() == 1


@pytest.mark.browser
def test_warning_before_the_session_ends_and_im_still_here_extends_it(
    new_context, site_url, member, settings
):
    settings.MEMBER_SESSION_IDLE_SECONDS = 8
    settings.SESSION_WARNING_SECONDS = 6
    context = new_context(viewport={"width": 320, "height": 700})
    sign_in(context, site_url, member)
    page = context.new_page()
    page.goto(a_topic_path())
    loaded = time.monotonic()
    warning = page.locator("[data-session-warning]")
    expect(warning.locator("[data-session-soon]")).to_be_visible(timeout=5000)
    assert warning.get_attribute("role") == "alert"
    button = warning.locator("[data-session-extend]")
    assert is_focused(button), "the warning should move focus to I'm still here"
    expect(button).to_be_in_viewport()
    with page.expect_response("**/account/still-here/") as extended:
        page.keyboard.press("Enter")
    assert extended.value.status == 204
    expect(warning.locator("[data-session-soon]")).to_be_hidden()
    # Past the first deadline (8 s after the page loaded): still signed in thanks to the button.
    time.sleep(max(0, 8.5 - (time.monotonic() - loaded)))
    page.reload()
    assert signed_in(page), "pressing I'm still here did not extend the session"


@pytest.mark.browser
def test_without_the_button_the_session_ends_and_the_page_says_so(
    new_context, site_url, member, settings
):
    settings.MEMBER_SESSION_IDLE_SECONDS = 4
    settings.SESSION_WARNING_SECONDS = 2
    context = new_context(viewport={"width": 1280, "height": 700})
    sign_in(context, site_url, member)
    page = context.new_page()
    page.goto(a_topic_path())
    expect(page.locator("[data-session-ended]")).to_be_visible(timeout=8000)
    page.reload()
    assert not signed_in(page)


@pytest.mark.browser
def test_still_here_works_without_javascript(new_context, site_url, member):
    context = new_context(java_script_enabled=False)
    sign_in(context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    page.goto(path)
    page.locator("[data-session-extend]").press("Enter")
    page.wait_for_url(f"**{path}")
    expect(page.locator(".messages")).to_be_visible()
    assert signed_in(page)


@pytest.mark.browser
def test_a_draft_survives_the_session_ending_and_is_offered_back(
    new_context, site_url, member, settings, screenshot_dir
):
    settings.MEMBER_SESSION_IDLE_SECONDS = 4
    settings.SESSION_WARNING_SECONDS = 2
    context = new_context(viewport={"width": 320, "height": 700})
    sign_in(context, site_url, member)
    page = context.new_page()
    sent_bodies = []
    page.on("request", lambda request: sent_bodies.append(request.post_data or ""))
    path = a_topic_path()
    # A members-only category: once the session has ended, nothing is posted (not even as a
    # guest) and the page hands the text back.
    topic = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic
    topic.category.guests_may_post = False
    topic.category.save()
    page.goto(path)
    body = page.locator("textarea[name=body]")
    body.focus()
    page.keyboard.type(DRAFT)
    assert not any(DRAFT in sent for sent in sent_bodies), "the draft was sent before posting"
    time.sleep(4.5)  # the session runs out while the reader is still writing

    understood = page.locator("input[name=understood]")
    if understood.count():
        understood.check()
    page.locator("form[action$='/reply/'] button[type=submit]:not([name])").click()
    expect(page.locator("h1")).to_have_text("You were signed out, so nothing was posted")
    expect(page.locator("#kept-body")).to_have_value(DRAFT)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert not Post.objects.filter(body=DRAFT).exists()
    page.screenshot(path=screenshot_dir / "signed-out-while-writing-320.png", full_page=True)

    # Signed in again (the session is gone): the topic offers the draft back.
    sign_in(context, site_url, member)
    page.goto(path)
    offer = page.locator(".draft-offer")
    expect(offer).to_be_visible()
    offer.locator("[data-draft-restore]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("textarea[name=body]")).to_have_value(DRAFT)

    # Sent successfully this time: the draft is forgotten.
    settings.MEMBER_SESSION_IDLE_SECONDS = 3600
    page.goto(path)
    page.locator(".draft-offer [data-draft-restore]").click()
    if page.locator("input[name=understood]").count():
        page.locator("input[name=understood]").check()
    time.sleep(3.2)
    page.locator("form[action$='/reply/'] button[type=submit]:not([name])").click()
    # A new member's reply waits for a moderator: the page says so, with help while they wait.
    expect(page.locator("h1")).to_have_text("Thank you: your post is waiting for a moderator")
    assert Post.objects.filter(body=DRAFT).exists()
    page.goto(path)
    expect(page.locator(".draft-offer")).to_have_count(0)
    for storage in ("sessionStorage", "localStorage"):
        kept = f"() => Object.keys({storage}).filter(k => k.startsWith('mscos-draft'))"
        assert page.evaluate(kept) == [], storage
