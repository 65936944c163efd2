"""Nothing left behind on the device: unsent drafts live in this tab only, for 3 hours at most.

A draft is kept in sessionStorage while the reader writes, never in localStorage; a new tab,
Exit, signing out and sending all leave nothing to offer back. Someone who is not signed in has
nothing kept unless they tick "Keep a copy while I write" (shown only with JavaScript).
"""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from mscos.forum.models import Post, Status
from tests.e2e.test_accessibility import sign_in

DRAFT = "Words I have not sent yet, about where I live."
DRAFT_KEYS = "() => Object.keys(sessionStorage).filter(k => k.startsWith('mscos-draft'))"
OLD_DRAFT_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('mscos-draft'))"


def a_topic_path() -> str:
    post = Post.objects.filter(status=Status.APPROVED).order_by("pk").first()
    return f"/forums/t/{post.topic_id}/"


def type_a_draft(page: Page, path: str) -> None:
    page.goto(path)
    body = page.locator("textarea[name=body]")
    body.focus()
    page.keyboard.type(DRAFT)


def assert_nothing_offered(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator("textarea[name=body]")).to_have_value("")
    expect(page.locator(".draft-offer")).to_have_count(0)
    assert page.evaluate(DRAFT_KEYS) == []
    assert page.evaluate(OLD_DRAFT_KEYS) == []


def signed_in_context(new_context, site_url, member) -> BrowserContext:
    context = new_context()
    sign_in(context, site_url, member)
    return context


@pytest.mark.browser
def test_a_draft_stays_in_its_tab_and_a_new_tab_finds_nothing(new_context, site_url, member):
    context = signed_in_context(new_context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    type_a_draft(page, path)
    assert len(page.evaluate(DRAFT_KEYS)) == 1, "the draft is kept while the tab is open"
    assert page.evaluate(OLD_DRAFT_KEYS) == [], "a draft must never go to localStorage"
    page.reload()
    expect(page.locator(".draft-offer")).to_be_visible()  # same tab: offered back

    page.close()
    assert_nothing_offered(context.new_page(), path)


@pytest.mark.browser
def test_exit_clears_the_draft(new_context, site_url, member):
    context = signed_in_context(new_context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    type_a_draft(page, path)
    page.locator("#exit-this-page").click()
    page.wait_for_url("https://neutral.example/**")
    sign_in(context, site_url, member)  # Exit signed them out; same tab, signed in again
    assert_nothing_offered(page, path)


@pytest.mark.browser
def test_signing_out_clears_the_draft(new_context, site_url, member):
    context = signed_in_context(new_context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    type_a_draft(page, path)
    page.goto("/account/")
    with page.expect_navigation():
        page.locator("form[action='/account/logout/'] button[type=submit]").click()
    expect(page.locator(".primary-nav__item--account a[href$='/account/']")).to_have_count(0)
    sign_in(context, site_url, member)
    assert_nothing_offered(page, path)


@pytest.mark.browser
def test_sending_clears_the_draft(new_context, site_url, member):
    context = signed_in_context(new_context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    type_a_draft(page, path)
    if page.locator("input[name=understood]").count():
        page.locator("input[name=understood]").check()
    page.wait_for_timeout(3200)  # the bot check's minimum time to fill a form
    page.locator("form[action$='/reply/'] button[type=submit]:not([name])").click()
    page.wait_for_url(lambda url: "/reply/" not in url)
    assert Post.objects.filter(body=DRAFT).exists()
    assert_nothing_offered(page, path)


@pytest.mark.browser
def test_a_draft_older_than_three_hours_is_discarded(new_context, site_url, member):
    context = signed_in_context(new_context, site_url, member)
    page = context.new_page()
    path = a_topic_path()
    type_a_draft(page, path)
    page.evaluate(
        """() => Object.keys(sessionStorage).filter(k => k.startsWith('mscos-draft:'))
            .forEach(k => { const entry = JSON.parse(sessionStorage.getItem(k));
                entry.at = Date.now() - 3 * 60 * 60 * 1000 - 1000;
                sessionStorage.setItem(k, JSON.stringify(entry)); })"""
    )
    assert_nothing_offered(page, path)


@pytest.mark.browser
def test_drafts_the_old_code_left_in_local_storage_are_removed(page):
    path = a_topic_path()
    page.goto(path)
    page.evaluate(
        f"() => localStorage.setItem('mscos-draft:{path}reply/#body', 'left by the old code')"
    )
    page.reload()
    assert page.evaluate(OLD_DRAFT_KEYS) == []
    expect(page.locator(".draft-offer")).to_have_count(0)


@pytest.mark.browser
def test_a_guest_keeps_nothing_without_the_tick(page):
    reply = f"{a_topic_path()}reply/"
    page.goto(reply)
    keep = page.get_by_label("Keep a copy while I write")
    expect(keep).not_to_be_checked()
    type_a_draft(page, reply)
    assert page.evaluate(DRAFT_KEYS) == []
    assert_nothing_offered(page, reply)

    # Ticked: kept in this tab and offered back; unticked again: gone at once.
    page.get_by_label("Keep a copy while I write").check()
    page.locator("textarea[name=body]").fill(DRAFT)
    assert len(page.evaluate(DRAFT_KEYS)) == 1
    page.reload()
    expect(page.locator(".draft-offer")).to_be_visible()
    expect(page.get_by_label("Keep a copy while I write")).to_be_checked()
    page.get_by_label("Keep a copy while I write").uncheck()
    assert page.evaluate(DRAFT_KEYS) == []


@pytest.mark.browser
def test_without_javascript_there_is_no_tick_box(nojs_page):
    nojs_page.goto(f"{a_topic_path()}reply/")
    expect(nojs_page.locator("textarea[name=body]")).to_be_visible()
    expect(nojs_page.locator("[data-draft-keep]")).to_have_count(0)
    expect(nojs_page.get_by_text("Keep a copy while I write")).to_have_count(0)
