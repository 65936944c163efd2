"""The live preview panel in the page editor shows the page, and follows what the editor types."""

import re

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from mscos.accounts import roles
from mscos.outcomes.models import OutcomePage
from tests.e2e.test_editorial_workflow import current_code, staff_member


def sign_in_with_two_factor(page: Page, username: str, secret: str, next_url: str) -> None:
    page.goto(f"/account/login/?next={next_url}")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill("a-long-pass-phrase")
    page.locator("input[name=password]").press("Enter")
    page.locator("input[name=code]").fill(current_code(secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(re.compile(r"/admin/"))


@pytest.mark.browser
def test_the_preview_panel_renders_the_page_being_edited(new_context, site_url, screenshot_dir):
    outcome = OutcomePage.objects.get(slug="access-to-education", locale=Locale.get_default())
    _editor, secret = staff_member("edna", roles.EDITOR)
    page = new_context().new_page()
    refusals = []
    page.on(
        "console",
        lambda message: (
            refusals.append(message.text)
            if re.search("frame-ancestors|X-Frame-Options", message.text)
            else None
        ),
    )
    sign_in_with_two_factor(page, "edna", secret, f"/admin/pages/{outcome.pk}/edit/")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Access to education")
    page.screenshot(path=screenshot_dir / "admin-live-preview.png")
    assert refusals == []
