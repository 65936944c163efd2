"""A reader who never signs in keeps no cookie past closing the browser, and Exit removes them all.

The crawl records every Set-Cookie header the site sends while a reader visits the home page, an
outcome page, the forums and a topic, opens the reply form, posts as a guest and exits.
"""

from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from playwright.sync_api import Response, expect

from mscos.forum.models import Post, Status
from tests.e2e.test_exit import OUTCOME

READING = ["/", OUTCOME, "/forums/"]


def set_cookies(response: Response) -> list[tuple[str, SimpleCookie]]:
    """(url, parsed cookie) for each Set-Cookie header of a response."""
    found = []
    for header in response.headers_array():
        if header["name"].lower() == "set-cookie":
            for line in header["value"].split("\n"):
                cookie = SimpleCookie()
                cookie.load(line)
                found.append((response.url, cookie))
    return found


@pytest.mark.browser
def test_a_guest_visit_keeps_no_lasting_cookie_and_exit_removes_every_one(
    page, context, site_url, offsite_requests
):
    recorded: list[tuple[str, SimpleCookie]] = []
    page.on("response", lambda response: recorded.extend(set_cookies(response)))
    topic_id = Post.objects.filter(status=Status.APPROVED).order_by("pk").first().topic_id

    for path in [*READING, f"/forums/t/{topic_id}/"]:
        assert page.goto(path).status == 200, path
    assert recorded == [], "a page without a form set a cookie"
    assert context.cookies() == []

    page.goto(f"/forums/t/{topic_id}/reply/")  # the first page with a form
    names = [name for _url, cookie in recorded for name in cookie]
    assert names == [settings.CSRF_COOKIE_NAME]
    page.locator("textarea[name=body]").fill("A guest's reply, from a shared phone.")
    if page.locator("input[name=understood]").count():
        page.locator("input[name=understood]").check()
    page.wait_for_timeout(3200)  # the bot check's minimum time to fill a form
    page.locator("form[method=post] button[type=submit]:not([name])").click()
    expect(page.locator("h1")).to_have_text("Thank you: your post is waiting for a moderator")
    assert Post.objects.filter(body="A guest's reply, from a shared phone.").exists()

    # Nothing set so far lasts beyond the browser: no Expires, no Max-Age, and the browser agrees.
    for url, cookie in recorded:
        for name, morsel in cookie.items():
            assert not morsel["expires"] and not morsel["max-age"], f"{name} from {url} lasts"
    stored = context.cookies()
    assert stored and all(cookie["expires"] == -1 for cookie in stored), stored

    before_exit = {cookie["name"] for cookie in stored}
    recorded.clear()
    page.locator("#exit-this-page").click()
    page.wait_for_url("https://neutral.example/**")
    assert context.cookies(site_url) == [], "a cookie survived Exit"
    removed = {name for url, cookie in recorded if "/exit/" in url for name in cookie}
    assert before_exit <= removed, "Exit must remove each cookie by name, not rely on the header"
    assert offsite_requests == ["https://neutral.example/weather"]
