"""In the Wagtail admin, an editor adds a perspective to an outcome page and submits it; an
approver publishes it; readers then see it. Both sign in with a password and an authenticator
code, as staff must."""

import contextlib
import re

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from mscos.accounts import roles
from mscos.accounts.models import User
from mscos.outcomes.models import OutcomePage

QUOTE = "Learning English gave me my own voice at the job centre."


def staff_member(username: str, group: str) -> tuple[User, str]:
    user = User.objects.create_user(
        username=username, password="a-long-pass-phrase", display_name=username, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in(page: Page, username: str, secret: str, next_url: str) -> None:
    page.goto(f"/account/login/?next={next_url}")
    page.get_by_label("Sign-in name").fill(username)
    page.get_by_label("Password").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign In").click()
    page.locator("input[name=code]").fill(current_code(secret))
    # Scoped to the two-factor form: the header's search form has a submit button of its own.
    page.locator("form:has(input[name=code]) button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/"))


@pytest.mark.browser
def test_editor_submits_a_perspective_and_an_approver_publishes_it(
    new_context, site_url, screenshot_dir
):
    outcome = OutcomePage.objects.get(slug="access-to-education")
    _editor, editor_secret = staff_member("edna", roles.EDITOR)
    _approver, approver_secret = staff_member("abe", roles.APPROVER)
    edit_url = f"/admin/pages/{outcome.pk}/edit/"

    editor_page = new_context().new_page()
    sign_in(editor_page, "edna", editor_secret, edit_url)
    expect(
        editor_page.get_by_role("heading", name=re.compile("Access to education"))
    ).to_be_visible()
    # Editors have no publish button: only drafts and submitting for approval.
    expect(editor_page.get_by_role("button", name="Publish")).to_have_count(0)

    # Add a perspective block at the end of the body.
    body = editor_page.locator("[data-contentpath='body']").first
    body.scroll_into_view_if_needed()
    body.get_by_role("button", name="Insert a block").last.click()
    editor_page.get_by_role("option", name=re.compile("^Perspective")).click()
    perspective = body.locator("[data-contentpath='quote'] textarea").last
    perspective.fill(QUOTE)
    body.locator("[data-contentpath='role'] input").last.fill("Survivor")
    lived_experience = body.get_by_label("Expert by lived experience").last
    # The block editor may still be drawing the new block: a click then changes nothing.
    for _attempt in range(3):
        lived_experience.click()
        with contextlib.suppress(AssertionError):
            expect(lived_experience).to_be_checked(timeout=2_000)
            break
    expect(lived_experience).to_be_checked()
    editor_page.screenshot(path=screenshot_dir / "admin-perspective-editor.png", full_page=False)

    # Submit for approval through the action menu.
    editor_page.get_by_role("button", name="More actions").click()
    editor_page.get_by_role("button", name=re.compile("Submit to Editorial approval")).click()
    expect(editor_page.get_by_text(re.compile("has been submitted for moderation"))).to_be_visible()

    reader = new_context().new_page()
    reader.goto(outcome.url)
    expect(reader.get_by_text(QUOTE)).to_have_count(0)

    approver_page = new_context().new_page()
    sign_in(approver_page, "abe", approver_secret, edit_url)
    approver_page.get_by_role("button", name="More actions").click()
    approver_page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(approver_page.get_by_role("status").first).to_contain_text("Access to education")

    reader.goto(outcome.url)
    expect(reader.get_by_text(QUOTE)).to_be_visible()
    expect(reader.locator(".perspective").get_by_text("Lived experience")).to_be_visible()
    outcome.refresh_from_db()
    assert outcome.live and not outcome.has_unpublished_changes
