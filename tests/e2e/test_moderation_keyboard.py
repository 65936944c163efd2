"""A moderator clears a queue of five items by keyboard alone; single-key shortcuts can be
switched off (WCAG 2.1.4); the moderation pages fit a 320 px screen (screenshots kept)."""

import importlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import Page, expect

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.forum import services as forum_services
from mscos.forum.models import ForumCategory, Post, Status
from mscos.moderation import services as moderation_services
from mscos.moderation import watched_words
from mscos.moderation.models import AuditEntry, WatchedWord
from tests.conftest import with_role, with_two_factor

BODIES = [
    "I am not safe tonight, he has my passport",
    "Where can I find a solicitor who knows the NRM?",
    "Thank you all for last week",
    "Is anyone else waiting for a decision letter?",
    "Text me on 07700 900123, I live near SW1A 1AA",
]


def _restore_roles() -> None:
    """The browser tests empty the database between tests; put back what migrations made."""
    from django.apps import apps

    for module, function in [
        ("mscos.accounts.migrations.0003_roles", "create_roles"),
        ("mscos.forum.migrations.0004_moderator_permissions", "grant"),
        ("mscos.moderation.migrations.0005_append_only_audit_and_rejection_messages", "seed"),
    ]:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def moderator(site_url) -> User:
    """A moderator with two-factor sign-in, on a database the browser tests emptied."""
    _restore_roles()
    user = User.objects.create_user(
        username="mod", password="a-long-pass-phrase", display_name="Moderator Mo"
    )
    return with_two_factor(with_role(user, roles.MODERATOR))


def _ready(page: Page) -> None:
    """Shortcuts work once the script has run, and the script puts focus on the first item."""
    expect(page.locator("[data-queue-item]").first).to_be_focused()


@pytest.fixture
def five_waiting(site_url, member) -> list[Post]:
    # The seeded safeguarding phrase this test relies on, whatever earlier browser tests left in
    # the database the live server shares.
    WatchedWord.objects.get_or_create(phrase="i am not safe", action="urgent")
    cache.delete(watched_words.CACHE_KEY)
    for post in Post.objects.filter(status=Status.PENDING):  # anything the demo left waiting
        forum_services.post_approve_as_system(post=post, reason="test set-up")
    category = ForumCategory.objects.create(name="Checked", slug="checked-e2e", premoderation="all")
    posts = []
    for number, body in enumerate(BODIES):
        _topic, post, _ = forum_services.topic_create(
            category=category, title=f"Question {number + 1}", body=body, acting_user=member
        )
        posts.append(post)
    return posts


@pytest.fixture
def moderator_page(page: Page, context, site_url, moderator) -> Page:
    client = Client()
    client.force_login(moderator)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )
    return page


def _waiting() -> int:
    return Post.objects.filter(status=Status.PENDING).count()


@pytest.mark.browser
def test_a_moderator_clears_five_items_by_keyboard_alone(
    moderator_page: Page, five_waiting, moderator, offsite_requests
):
    page = moderator_page
    page.goto("/moderation/")
    expect(page.locator("[data-queue-item]")).to_have_count(5)
    first = page.locator("[data-queue-item]").first
    expect(first).to_be_focused()
    expect(first).to_contain_text("Urgent: someone may be in danger")

    # 1. Reject the first (urgent) item: r asks for the writer's message first.
    page.keyboard.press("r")
    expect(first.locator("[data-item-template]")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(first.locator("[data-item-reject]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-queue-item]")).to_have_count(4)

    # 2. Tick two items with x, moving with j, and approve both with a.
    _ready(page)
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("a")
    expect(page.locator("[data-queue-item]")).to_have_count(2)

    # 3. Move to the second item with j and approve it alone, then the last one.
    _ready(page)
    remaining = page.locator("[data-queue-item]").nth(1).get_attribute("data-queue-item")
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator("[data-queue-item]")).to_have_count(1)
    assert Post.objects.get(pk=remaining).status == Status.APPROVED
    _ready(page)
    page.keyboard.press("a")
    expect(page.locator("main")).to_contain_text("Nothing is waiting. Thank you.")

    statuses = sorted(Post.objects.get(pk=p.pk).status for p in five_waiting)
    assert statuses == [Status.APPROVED] * 4 + [Status.HIDDEN]
    assert Post.objects.get(pk=five_waiting[0].pk).status == Status.HIDDEN
    decided = AuditEntry.objects.filter(actor=moderator).values_list("action", flat=True)
    assert sorted(decided) == ["post_approved"] * 4 + ["post_rejected"]
    assert offsite_requests == []


@pytest.mark.browser
def test_single_key_shortcuts_can_be_switched_off_and_it_is_remembered(
    moderator_page: Page, five_waiting, moderator
):
    page = moderator_page
    page.goto("/moderation/")
    page.get_by_role("button", name="Turn single-key shortcuts off").click()
    expect(page.locator(".mod-shortcuts")).to_contain_text("Single-key shortcuts are off.")
    page.locator("[data-queue-item]").first.focus()
    page.keyboard.press("a")
    page.keyboard.press("x")
    page.wait_for_timeout(300)
    assert _waiting() == 5
    assert not page.locator("input[name=posts]").first.is_checked()
    page.goto("/moderation/")  # remembered for this moderator
    expect(page.locator(".mod-shortcuts")).to_contain_text("Single-key shortcuts are off.")
    page.get_by_role("button", name="Turn them on").click()
    expect(page.locator(".mod-shortcuts")).to_contain_text("Single-key shortcuts are on")
    expect(page.locator("[data-queue-item]").first).to_be_focused()
    # The first item is the urgent one, which a opens a confirmation step for by design;
    # j moves to the next item, which a approves at once.
    page.keyboard.press("j")
    expect(page.locator("[data-queue-item]").nth(1)).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator("[data-queue-item]")).to_have_count(4)


@pytest.mark.browser
def test_the_queue_works_without_javascript(new_context, site_url, five_waiting, moderator):
    client = Client()
    client.force_login(moderator)
    context = new_context(java_script_enabled=False)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )
    page = context.new_page()
    page.goto("/moderation/")
    page.locator("input[name=posts]").nth(1).check()
    page.locator("input[name=posts]").nth(2).check()
    page.select_option("#bulk-action", "approve")
    page.get_by_role("button", name="Apply to ticked posts").click()
    expect(page.locator("[data-queue-item]")).to_have_count(3)
    page.get_by_role("link", name="Question 5").click()
    page.get_by_label("07700 900123").check()
    page.get_by_label("SW1A 1AA").check()
    page.get_by_role("button", name="Remove and approve").click()
    expect(page.locator("[data-queue-item]")).to_have_count(2)
    assert "[removed to keep you safe]" in Post.objects.get(pk=five_waiting[4].pk).body


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_moderation_pages_fit_the_screen(
    new_context, site_url, five_waiting, moderator, member, screenshot_dir, width
):
    lead = with_role(moderator, roles.SAFEGUARDING)
    moderation_services.report_create(
        post=Post.objects.filter(status=Status.APPROVED).first(),
        reason="harmful",
        note="Unkind to a newcomer",
        acting_user=member,
        reporter_hash="",
    )
    moderation_services.member_warn(member=member, message="Please be kind", acting_user=lead)
    moderation_services.queue_redact_approve(
        post=five_waiting[4],
        phrases=["07700 900123"],
        kinds=["phone"],
        acting_user=lead,
        reason="Your number was visible",
    )
    client = Client()
    client.force_login(lead)
    context = new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site_url,
            }
        ]
    )
    page = context.new_page()
    redactable = five_waiting[3]
    forum_services.post_moderator_edit(
        post=redactable,
        body="Email jo@example.org or call 020 7946 0958. I was kept at 14 Station Road.",
        acting_user=lead,
    )
    for name, url in [
        ("queue", "/moderation/"),
        ("item-redaction", f"/moderation/item/{redactable.pk}/"),
        ("audit-log", "/moderation/log/"),
    ]:
        page.goto(url)
        page.screenshot(path=screenshot_dir / f"moderation-{name}-{width}.png", full_page=True)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
        violations = [
            v
            for v in Axe().run(page).response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert violations == [], f"{name} at {width}px: {[v['id'] for v in violations]}"
