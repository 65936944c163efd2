"""Joining and signing in through a real browser, where Referrer-Policy: no-referrer applies."""

import re

import pytest
from playwright.sync_api import expect

from mscos.accounts.models import User


@pytest.mark.browser
def test_sign_up_without_email_then_sign_out_and_back_in(page, site_url, screenshot_dir):
    page.goto("/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name="sign up").click()
    page.get_by_label("Display name").fill("Quiet Heron")
    page.get_by_label("Sign-in name").fill("heron42")
    page.locator("#id_password1").fill("plain-but-long-enough-7")
    page.locator("#id_password2").fill("plain-but-long-enough-7")
    # A person takes longer than the bot check's minimum; the browser types in a moment.
    page.wait_for_timeout(3500)
    page.get_by_role("button", name="Sign Up").click()

    expect(page.locator("h1")).to_have_text("Recovery codes")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(
        re.fullmatch(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}", c) for c in codes
    )
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.screenshot(path=screenshot_dir / f"recovery-codes-{width}.png", full_page=True)
    page.get_by_role("button", name="I have saved my codes").click()
    expect(page.locator("h1")).to_have_text("Your account")
    assert User.objects.get(username="heron42").display_name == "Quiet Heron"

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Sign-in name").fill("heron42")
    page.get_by_label("Password").fill("plain-but-long-enough-7")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Your account", exact=True)).to_be_visible()


@pytest.mark.browser
def test_a_form_refused_for_safety_explains_itself(page, site_url, member):
    page.goto("/account/login/")
    page.context.clear_cookies()  # as if the CSRF cookie had been blocked or had expired
    page.get_by_label("Sign-in name").fill("river")
    page.get_by_label("Password").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator("h1")).to_have_text("Your form could not be sent")
    expect(page.locator("#exit-this-page")).to_be_visible()
